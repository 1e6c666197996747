import * as vscode from 'vscode';
import { CommandIds } from '../model/commandIds';
import type { DeploymentsStatus } from './deploymentsStatus';

export const DEPLOYMENTS_STATUS_ITEM_ID = 'scpCloudMl.deployments';
/** Just below the account item (`scpCloudMl.account`, priority 100), so it sits right beside it on the left. */
export const DEPLOYMENTS_STATUS_PRIORITY = 99;

/** The left status-bar item that shows in-flight operations; hidden when there are none. */
export class DeploymentsStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: DeploymentsStatus = { visible: false, text: '', tooltip: '' };

  constructor(id: string = DEPLOYMENTS_STATUS_ITEM_ID) {
    this.item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Left, DEPLOYMENTS_STATUS_PRIORITY);
    this.item.name = vscode.l10n.t('SCP Cloud ML deployments');
    this.item.command = CommandIds.showDeployments;
  }

  show(status: DeploymentsStatus): void {
    this.current = status;
    if (!status.visible) {
      this.item.hide();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.slow ? slowTooltip(status.tooltip) : status.tooltip;
    this.item.accessibilityInformation = { label: status.text.replace('$(sync~spin) ', '') };
    this.item.show();
  }

  /** What is shown now (for tests). */
  get status(): DeploymentsStatus {
    return this.current;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The tooltip with the log one click away (only that command may run from it; the text itself is escaped). */
function slowTooltip(text: string): vscode.MarkdownString {
  // Theme icons on before the text goes in, so that a "$(…)" in a name is escaped rather than drawn.
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = { enabledCommands: [CommandIds.showLog] };
  for (const line of text.split('\n')) tooltip.appendText(line).appendMarkdown('  \n');
  tooltip.appendMarkdown(`[$(output) ${escapeLabel(vscode.l10n.t('Show log'))}](command:${CommandIds.showLog})`);
  return tooltip;
}

function escapeLabel(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
