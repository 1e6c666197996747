import type * as vscode from 'vscode';
import type { ExtensionLog } from '../../ui/extensionLog';
import type { ClusterCatalog } from '../clusterCatalog';
import type { NodeCache } from './nodeCache';

/**
 * One element of the explorer tree. A node builds its own children and its own tree item; node objects are kept
 * per id (NodeCache), so `getParent` and `reveal` find the very object VS Code knows, and an update changes the
 * node in place.
 */
export interface ExplorerNode {
  /** Stable tree id; includes the profile id. */
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  /** How VS Code shows the node now, from the node's own state. */
  treeItem(): vscode.TreeItem;
  /** The children, kept in `context.nodes`; a leaf has none. */
  getChildren(context: ExplorerContext): Promise<ExplorerNode[]> | ExplorerNode[];
}

/** What a node needs to build its children. */
export interface ExplorerContext {
  readonly catalog: ClusterCatalog;
  readonly log: ExtensionLog;
  readonly nodes: NodeCache<ExplorerNode>;
  /** Aborted by a full refresh or a profile switch: loads started for the old tree stop waiting. */
  readonly signal: AbortSignal;
}
