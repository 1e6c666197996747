import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** The command a "Load more…" node runs. Internal: not contributed, so it is not in the palette. */
export const LOAD_MORE_COMMAND = 'scpCloudMl.explorer.loadMore';

/** Last root row while SKE's `count` says more clusters exist than the pages loaded so far. */
export class LoadMoreNode implements ExplorerNode {
  readonly parent = undefined;

  constructor(
    readonly id: string,
    public shown: number,
    public total: number | null,
  ) {}

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.total === null ? vscode.l10n.t('{0} shown', this.shown) : vscode.l10n.t('{0} of {1} shown', this.shown, this.total);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'scpCloudMl.loadMore';
    item.command = { command: LOAD_MORE_COMMAND, title: vscode.l10n.t('Load more…') };
    return item;
  }
}
