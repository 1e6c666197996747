import * as vscode from 'vscode';
import { CommandIds } from '../../model/commandIds';
import type { ExplorerNode } from './explorerNode';

/** SCP rejected the credentials (401): one node that starts sign-in, instead of an error per branch. */
export class SignInNode implements ExplorerNode {
  constructor(
    readonly id: string,
    readonly parent: ExplorerNode | undefined,
    readonly sentence: string,
  ) {}

  getChildren(): ExplorerNode[] {
    return [];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Sign in again'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.sentence;
    item.tooltip = this.sentence;
    item.iconPath = new vscode.ThemeIcon('sign-in', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'scpCloudMl.signInNode';
    item.command = { command: CommandIds.signIn, title: vscode.l10n.t('Sign in again') };
    return item;
  }
}
