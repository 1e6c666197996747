import * as vscode from 'vscode';
import { CommandIds } from '../../model/commandIds';
import type { ExplorerNode } from './explorerNode';

/**
 * A failed load, shown on its own branch only. Under a cluster (or the Images group) a click shows the log; at
 * the root (the cluster list itself failed) a click retries.
 */
export class ErrorNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode | undefined,
    readonly sentence: string,
  ) {}

  get isRoot(): boolean {
    return this.parent === undefined;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const label = this.isRoot
      ? vscode.l10n.t('Failed to load clusters: {0} — click to retry', this.sentence)
      : vscode.l10n.t('Failed to load: {0} — click to show log', this.sentence);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.sentence;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'scpCloudMl.error';
    item.command = this.isRoot
      ? { command: CommandIds.refresh, title: vscode.l10n.t('Retry') }
      : { command: CommandIds.showLog, title: vscode.l10n.t('Show log') };
    return item;
  }
}
