import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { CommandTarget } from '../model/commandTargets';
import type { ExtensionLog } from '../ui/extensionLog';
import type { CatalogChange, ClusterCatalog } from './clusterCatalog';
import { ClusterNode } from './nodes/clusterNode';
import type { ExplorerContext, ExplorerNode } from './nodes/explorerNode';
import { ExplorerRoot } from './nodes/explorerRoot';
import { NodeCache } from './nodes/nodeCache';
import { nodeId } from './nodes/nodePresentation';
import { branchOf } from './nodes/refreshBranch';

/**
 * The explorer tree as VS Code asks for it: nodes build their own children and items (src/explorer/nodes), one
 * node object per id lives in the NodeCache, and this class turns catalog events into tree events. Nothing here
 * polls: changes arrive as catalog events (refresh, deployment tracking).
 */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly rootLoaded = new vscode.EventEmitter<void>();
  /** A root load finished (VS Code filled the view). */
  readonly onDidLoadRoot = this.rootLoaded.event;
  private readonly nodes = new NodeCache<ExplorerNode>();
  readonly root = new ExplorerRoot(() => this.treeChanged.fire(undefined));
  /** Aborted by a full refresh or a profile switch: loads started for the old tree stop waiting. */
  private generation = newGeneration();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly catalog: ClusterCatalog,
    private readonly log: ExtensionLog,
    onDidChangeProfile: vscode.Event<unknown>,
  ) {
    this.subscriptions.push(
      onDidChangeProfile(() => this.resetForProfile()),
      catalog.onDidChange((change) => this.onCatalogChange(change)),
    );
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const context = this.context();
    if (node) return this.nodes.children(node, () => node.getChildren(context));
    try {
      return await this.root.getChildren(context);
    } finally {
      this.rootLoaded.fire();
    }
  }

  /**
   * Refreshes a branch: a cluster (or an instance, or a node under them) reloads that cluster's Cloud ML; the
   * Images group reloads the images; nothing (or the root error) reloads everything. Caches are dropped and
   * what was in flight for the replaced data is cancelled.
   */
  refresh(arg?: unknown): void {
    const branch = branchOf(arg);
    if (branch.kind === 'cluster') return this.catalog.invalidate(branch.clusterId);
    if (branch.kind === 'images') return this.catalog.invalidateImages();
    this.newGeneration();
    // The catalog's "invalidated" event re-renders the root.
    this.catalog.invalidate();
  }

  /** The node of a target, making it reachable first (see ExplorerRoot.nodeFor). */
  nodeFor(target: CommandTarget, signal?: AbortSignal): Promise<ExplorerNode | undefined> {
    return this.root.nodeFor(target, this.context(), signal);
  }

  /** Shows one more page of clusters. */
  loadMore(): void {
    this.root.loadMore();
  }

  dispose(): void {
    this.generation.abort();
    for (const s of this.subscriptions) s.dispose();
    this.root.dispose();
    this.treeChanged.dispose();
    this.rootLoaded.dispose();
  }

  private context(): ExplorerContext {
    return { catalog: this.catalog, log: this.log, nodes: this.nodes, signal: this.generation.signal };
  }

  /** A cluster's Cloud ML changed (or its lookup answered): redraw what shows it, nothing else. */
  private onCatalogChange(change: CatalogChange): void {
    if (change.clusterId === undefined) {
      if (change.reason !== 'loaded') this.treeChanged.fire(undefined);
      return;
    }
    const cluster = this.nodes.find(nodeId(this.catalog.profileId ?? '', 'cluster', change.clusterId), ClusterNode);
    if (!cluster) return;
    const menusChanged = cluster.renderedPresence !== cluster.presence;
    if (change.reason === 'loaded') {
      // The lookup the tree itself started: only the menus (contextValue) of the cluster may need an update.
      if (cluster.renderedPresence !== undefined && menusChanged) this.announce(cluster);
      return;
    }
    const cached = this.catalog.cachedInstance(change.clusterId);
    const instance = change.reason === 'changed' && cached !== 'unknown' && cached ? cluster.keptInstanceNode(this.nodes, cached) : undefined;
    if (instance) {
      // Same instance, new state: updated in place (the cluster too if its menus change).
      this.announce(instance);
      if (menusChanged) this.announce(cluster);
    } else {
      this.announce(cluster);
    }
    if (this.root.filterDependsOnInstances) this.treeChanged.fire(undefined);
  }

  /** Tells VS Code a node changed, once any load of its children has answered (see NodeCache). */
  private announce(node: ExplorerNode): void {
    this.nodes.announce(node, (current) => this.treeChanged.fire(current));
  }

  private resetForProfile(): void {
    this.newGeneration();
    this.root.reset();
    this.treeChanged.fire(undefined);
  }

  private newGeneration(): void {
    this.generation.abort();
    this.generation = newGeneration();
    this.nodes.clear();
  }
}

/** The signal of one tree generation: every branch load of the tree waits on it, so it has many listeners. */
function newGeneration(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
