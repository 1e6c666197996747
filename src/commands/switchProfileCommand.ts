import * as vscode from 'vscode';
import type { Profile } from '../connection/profile';
import { BACK, type PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';
import { importProfilesCommand } from './importProfilesCommand';
import { signInCommand } from './signInCommand';
import { useEmulatorCommand } from './useEmulatorCommand';

/** Row values besides profile ids (random UUIDs and "emulator" never start with ':'). */
const ADD_PROFILE = ':add';
const IMPORT_PROFILES = ':import';
const TRY_EMULATOR = ':emulator';

/**
 * `scpCloudMl.switchProfile` (also the account item's click): every profile with its environment and region,
 * the active one marked, plus "Add profile…" and "Import…". Switching disposes the old session (aborting its
 * calls) and fires onDidChangeProfile, on which the tree, the caches and the account item follow. A profile
 * whose keys were removed (signed out) is renewed through the sign-in form first.
 */
export async function switchProfileCommand(services: CommandServices): Promise<void> {
  const { ui, connection } = services;
  const profiles = [...connection.profiles()].sort((a, b) => a.name.localeCompare(b.name));
  const active = connection.activeProfile();
  const signedIn = await Promise.all(profiles.map(async (p) => (await connection.credentials(p.id)) !== undefined));

  const items: PickItem<string>[] = profiles.map((profile, index) => profileItem(profile, profile.id === active?.id, signedIn[index] ?? false));
  items.push(
    { label: vscode.l10n.t('More'), value: '', separator: true },
    { label: `$(add) ${vscode.l10n.t('Add profile…')}`, value: ADD_PROFILE, alwaysShow: true },
    { label: `$(cloud-download) ${vscode.l10n.t('Import…')}`, detail: vscode.l10n.t('From ~/.scpconf and the SCP_TF_* variables'), value: IMPORT_PROFILES, alwaysShow: true },
  );
  if (!profiles.some((p) => p.source === 'emulator')) {
    items.push({ label: `$(beaker) ${vscode.l10n.t('Try the built-in emulator')}`, value: TRY_EMULATOR, alwaysShow: true });
  }

  const choice = await ui.pick(items, {
    title: vscode.l10n.t('Switch SCP profile'),
    placeholder: vscode.l10n.t('Choose the profile to use'),
    activeValue: active?.id,
    matchOnDescription: true,
  });
  if (choice === undefined || choice === BACK) return;
  if (choice === ADD_PROFILE) return signInCommand(services);
  if (choice === IMPORT_PROFILES) return importProfilesCommand(services);
  if (choice === TRY_EMULATOR) return useEmulatorCommand(services);
  if (choice === active?.id) return;

  const target = profiles.find((p) => p.id === choice);
  if (!target) return;
  if ((await connection.credentials(target.id)) === undefined) {
    // Signed out earlier: ask for its keys again (the emulator just restarts with fresh ones).
    return target.source === 'emulator' ? useEmulatorCommand(services) : signInCommand(services, target.id);
  }
  await connection.activate(target.id);
  services.log.info(`switched to profile "${target.name}" (${target.environment} ${target.region})`);
}

function profileItem(profile: Profile, isActive: boolean, signedIn: boolean): PickItem<string> {
  const parts = [profile.environment, profile.region];
  if (profile.endpointOverride) parts.push(vscode.l10n.t('via {0}', profile.endpointOverride));
  if (isActive) parts.push(vscode.l10n.t('active'));
  if (!signedIn) parts.push(vscode.l10n.t('signed out'));
  return {
    label: `${isActive ? '$(check)' : '$(blank)'} ${profile.name}`,
    description: parts.join(' · '),
    value: profile.id,
  };
}
