import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** The "Images" group after the clusters: the Cloud ML images one can install. */
export class ImagesGroupNode implements ExplorerNode {
  readonly parent = undefined;

  constructor(readonly id: string) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Images'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = 'scpCloudMl.imagesGroup';
    return item;
  }
}
