import type * as vscode from 'vscode';

/**
 * One element of the explorer tree. Node objects are kept per id by the provider, so `getParent` and `reveal`
 * find the very object VS Code knows, and an update changes the node in place.
 */
export interface ExplorerNode {
  /** Stable tree id; includes the profile id. */
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  treeItem(): vscode.TreeItem;
}
