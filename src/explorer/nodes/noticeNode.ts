import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** A neutral explanation (Cloud ML disabled, no clusters, no Cloud ML on a cluster that is not running). */
export class NoticeNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode | undefined,
    readonly label: string,
    readonly detail?: string,
  ) {}

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.detail ?? this.label;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'scpCloudMl.notice';
    return item;
  }
}
