import * as vscode from 'vscode';
import { readSettings } from '../ui/settings';
import type { UserInput } from '../ui/userInput';

/**
 * The last question before a DELETE. By default the user types the instance name (a delete must not be one
 * stray Enter away); with scpCloudMl.deleteConfirmation = modal, a modal warning with a single "Delete" button.
 */
export async function confirmDelete(ui: UserInput, instance: { name: string; clusterName: string }): Promise<boolean> {
  const { name, clusterName } = instance;
  if (readSettings().deleteConfirmation === 'modal') {
    const del = vscode.l10n.t('Delete');
    const choice = await ui.warn(
      vscode.l10n.t('Delete Cloud ML {0}?', name),
      { modal: true, detail: vscode.l10n.t('This removes Cloud ML {0} from cluster {1}. It cannot be undone.', name, clusterName) },
      del,
    );
    return choice === del;
  }
  const typed = await ui.input({
    title: vscode.l10n.t('Delete Cloud ML {0}', name),
    prompt: vscode.l10n.t('Type {0} to delete it from cluster {1}. This cannot be undone.', name, clusterName),
    placeholder: name,
    validate: (value) => (value === name ? undefined : vscode.l10n.t('Type the name exactly as shown: {0}', name)),
  });
  // Checked again after the box closed: only the exact, case-sensitive name deletes, whatever the box let through.
  return typed === name;
}
