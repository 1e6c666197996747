import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** A key field of an instance (endpoint, image, namespace, created): label and value, nothing to expand. */
export class PropertyNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode,
    public label: string,
    public value: string,
    private readonly icon: string,
  ) {}

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.value;
    // Plain text: a string tooltip is never rendered as Markdown.
    item.tooltip = `${this.label}: ${this.value}`;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'scpCloudMl.property';
    return item;
  }
}
