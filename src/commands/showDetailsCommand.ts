import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { resolveInstanceTarget } from './targetPickers';

/** scpCloudMl.showDetails: opens (or reveals) the instance's details panel; from the palette it asks which instance. */
export async function showDetailsCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const target = await resolveInstanceTarget(services, arg, {
    title: vscode.l10n.t('Show Cloud ML details'),
    placeholder: vscode.l10n.t('Which instance?'),
  });
  if (!target) return;
  await services.panels.showDetails(target);
}
