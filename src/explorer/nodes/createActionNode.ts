import * as vscode from 'vscode';
import { CommandIds } from '../../model/commandIds';
import type { ClusterTarget } from '../../model/commandTargets';
import type { ExplorerNode } from './explorerNode';

/** Stands where a running cluster's Cloud ML would be: a click starts the create form with the cluster preset. */
export class CreateActionNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode & { readonly target: ClusterTarget },
  ) {}

  get target(): ClusterTarget {
    return this.parent.target;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Create Cloud ML on this cluster…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('add');
    item.contextValue = 'scpCloudMl.createAction';
    item.command = { command: CommandIds.create, title: vscode.l10n.t('Create Cloud ML…'), arguments: [this.target] };
    return item;
  }
}
