import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';

/**
 * `scpCloudMl.signOut`: after a confirmation, removes the active profile's keys from SecretStorage; the user may
 * also forget the profile itself. Either way no profile is active afterwards, so the view shows its welcome.
 */
export async function signOutCommand(services: CommandServices): Promise<void> {
  const { ui, connection } = services;
  const active = connection.activeProfile();
  if (!active) {
    await ui.info(vscode.l10n.t('No SCP profile is active, so there is nothing to sign out of.'));
    return;
  }
  const signOut = vscode.l10n.t('Sign Out');
  const forget = vscode.l10n.t('Sign Out and Forget Profile');
  const choice = await ui.warn(
    vscode.l10n.t('Sign out of "{0}"?', active.name),
    {
      modal: true,
      detail: vscode.l10n.t('Its keys are removed from this computer. Keep the profile to sign in again later, or forget it too.'),
    },
    signOut,
    forget,
  );
  if (choice !== signOut && choice !== forget) return;
  await connection.remove(active.id, choice === forget);
  services.log.info(`signed out of profile "${active.name}"${choice === forget ? ' and forgot it' : ''}`);
  void ui.info(
    choice === forget
      ? vscode.l10n.t('Signed out of "{0}" and removed the profile.', active.name)
      : vscode.l10n.t('Signed out of "{0}". Its keys were removed; sign in again from "Switch Profile…".', active.name),
  );
}
