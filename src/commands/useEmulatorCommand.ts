import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';

/** Starts the built-in emulator (no account needed) and makes its profile active. */
export async function useEmulatorCommand(services: CommandServices): Promise<void> {
  const profile = await services.ui.withProgress({ title: vscode.l10n.t('Starting the built-in SCP emulator…') }, () =>
    services.connection.useEmulator(),
  );
  services.log.info(`using the built-in emulator at ${profile.endpointOverride ?? ''}`);
  await vscode.commands.executeCommand('scpCloudMl.explorer.focus');
}
