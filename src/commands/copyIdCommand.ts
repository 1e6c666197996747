import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { targetOf } from '../model/commandTargets';
import { pickInstanceProgressively } from './progressiveInstancePick';

/** Copies a Cloud ML instance's id (from a node, a target, or an instance picked from the palette). */
export async function copyIdCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const given = targetOf(arg);
  const target =
    given?.kind === 'instance'
      ? given
      : await pickInstanceProgressively(services, { title: vscode.l10n.t('Copy Cloud ML ID'), placeholder: vscode.l10n.t('Which instance?') });
  if (!target) return;
  await vscode.env.clipboard.writeText(target.cloudMlId);
  void services.ui.info(vscode.l10n.t('Copied the ID of {0} to the clipboard.', target.name));
}
