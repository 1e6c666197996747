import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { importProblemText } from '../connection/importProblemText';
import { maskAccessKey } from '../connection/keyMask';
import type { Profile } from '../connection/profile';
import type { ImportedProfile } from '../connection/importedProfile';
import { readScpProfiles } from '../connection/profileImporter';
import { ScpError } from '../scp/scpError';
import type { PickItem } from '../ui/userInput';
import type { CommandServices } from './commandServices';

const IMPORT_ALL = -1;

/**
 * `scpCloudMl.importProfiles`: reads `<folder>/config.json` + `credentials.json` (folder = the argument, or
 * ~/.scpconf) and the SCP_TF_* variables, shows what it found (access keys masked, secret keys never), and saves
 * only what the user picks. A profile with the same name as an existing one replaces it.
 */
export async function importProfilesCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const { ui, connection, log } = services;
  const folder = folderOf(arg) ?? path.join(os.homedir(), '.scpconf');
  const { profiles, problems } = await readScpProfiles({ folder, env: process.env });
  for (const found of profiles) {
    log.addSecret(found.secretKey);
    log.addSecret(found.accessKey);
  }
  const problemTexts = problems.map(importProblemText);
  for (const text of problemTexts) log.warn(`import from ${folder}: ${text}`);

  if (profiles.length === 0) {
    const first = problemTexts[0] ?? vscode.l10n.t('Nothing was found.');
    const message =
      problemTexts.length > 1
        ? vscode.l10n.t('No profile could be imported. {0} ({1} more problems are in the log.)', first, String(problemTexts.length - 1))
        : vscode.l10n.t('No profile could be imported. {0}', first);
    throw new ScpError({ kind: 'badInput', message });
  }
  log.info(`import from ${folder}: found ${profiles.map((p) => `"${p.name}"`).join(', ')}`);

  const existing = connection.profiles();
  const items: PickItem<number>[] = [];
  if (profiles.length > 1) {
    items.push({ label: vscode.l10n.t('Import all {0} profiles', String(profiles.length)), detail: profiles.map((p) => p.name).join(', '), value: IMPORT_ALL });
  }
  profiles.forEach((found, index) => items.push(profileItem(found, index, folder, existing)));
  if (problemTexts.length > 0) {
    items.push({ label: vscode.l10n.t('Not imported'), value: 0, separator: true });
    for (const text of problemTexts) items.push({ label: text, value: 0, separator: true });
  }

  const choice = await ui.pick(items, {
    title: vscode.l10n.t('Import SCP profiles'),
    placeholder: vscode.l10n.t('Found {0} profile(s). Pick what to import; nothing is saved until you do.', String(profiles.length)),
  });
  if (choice === undefined || typeof choice !== 'number') return;
  const chosen = choice === IMPORT_ALL ? profiles : profiles.slice(choice, choice + 1);

  const saved: Profile[] = [];
  for (const found of chosen) {
    const profile: Profile = {
      id: existing.find((p) => p.name === found.name)?.id ?? randomUUID(),
      name: found.name,
      environment: found.environment,
      region: found.region,
      ...(found.endpointOverride ? { endpointOverride: found.endpointOverride } : {}),
      source: 'imported',
    };
    await connection.saveProfile(profile, { accessKey: found.accessKey, secretKey: found.secretKey }, false);
    saved.push(profile);
  }
  const active = saved[0];
  if (active) await connection.activate(active.id);
  log.info(`imported ${saved.map((p) => `"${p.name}"`).join(', ')}; active: "${active?.name ?? ''}"`);
  void ui.info(
    saved.length === 1
      ? vscode.l10n.t('Imported profile "{0}"; it is now active.', active?.name ?? '')
      : vscode.l10n.t('Imported {0} profiles; "{1}" is now active. Switch with "SCP Cloud ML: Switch Profile…".', String(saved.length), active?.name ?? ''),
  );
}

function profileItem(found: ImportedProfile, index: number, folder: string, existing: readonly Profile[]): PickItem<number> {
  const origin = found.origin === 'environment' ? vscode.l10n.t('from the SCP_TF_* variables') : vscode.l10n.t('from {0}', folder);
  const replaces = existing.some((p) => p.name === found.name) ? vscode.l10n.t('replaces the existing profile') : undefined;
  return {
    label: found.name,
    description: [
      found.environment,
      found.region,
      found.endpointOverride ? vscode.l10n.t('via {0}', found.endpointOverride) : undefined,
      vscode.l10n.t('access key {0}', maskAccessKey(found.accessKey)),
    ]
      .filter((part) => part !== undefined)
      .join(' · '),
    detail: [origin, replaces].filter((part) => part !== undefined).join(' — '),
    value: index,
  };
}

/** The folder passed by a test, a script or a file explorer context (string path or Uri). */
function folderOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim() !== '') return arg;
  if (arg instanceof vscode.Uri && arg.scheme === 'file') return arg.fsPath;
  return undefined;
}
