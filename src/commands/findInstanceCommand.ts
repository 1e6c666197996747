import * as vscode from 'vscode';
import type { CommandServices } from './commandServices';
import { pickInstanceProgressively } from './progressiveInstancePick';

/** A pick across every cluster's Cloud ML instance (filled as lookups finish); reveals the chosen one in the tree. */
export async function findInstanceCommand(services: CommandServices): Promise<void> {
  const target = await pickInstanceProgressively(services, {
    title: vscode.l10n.t('Find Cloud ML instance'),
    placeholder: vscode.l10n.t('Type an instance or cluster name'),
  });
  if (!target) return;
  const node = await services.explorer.reveal(target);
  if (!node) await services.ui.warn(vscode.l10n.t('Cloud ML {0} is no longer in this profile. Refresh the explorer and try again.', target.name));
}
