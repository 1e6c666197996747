import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { CommandTarget } from '../model/commandTargets';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { classifyClusterState } from '../scp/instanceState';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import { describeError, logError } from '../ui/errorPresenter';
import type { ExtensionLog } from '../ui/extensionLog';
import type { CatalogChange, ClusterCatalog } from './clusterCatalog';
import { ClusterNode } from './clusterNode';
import { CreateActionNode } from './createActionNode';
import { ErrorNode } from './errorNode';
import { clusterMatches, filterNeedsInstances, normalizeFilter, type ExplorerFilter } from './explorerFilter';
import type { ExplorerNode } from './explorerNode';
import { instanceEndpoint } from '../model/commandTargets';
import { ImageNode } from './imageNode';
import { ImagesGroupNode } from './imagesGroupNode';
import { InstanceNode } from './instanceNode';
import { LoadMoreNode } from './loadMoreNode';
import { nodeId, type InstancePresence } from './nodePresentation';
import { NoticeNode } from './noticeNode';
import { PropertyNode } from './propertyNode';
import { SignInNode } from './signInNode';

/**
 * The explorer tree: the active profile's clusters (paged, "Load more…"), each with its Cloud ML instance, then
 * the images. Data comes from the ClusterCatalog; this class turns it into nodes, keeps one node object per id
 * (so reveal/getParent work and updates happen in place) and keeps every failure on its own branch.
 * Nothing here polls: changes arrive as catalog events (refresh, deployment tracking).
 */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly filterChanged = new vscode.EventEmitter<ExplorerFilter | undefined>();
  readonly onDidChangeFilter = this.filterChanged.event;
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  /** A notice for the view's message area (e.g. nothing matches the filter). */
  readonly onDidChangeMessage = this.messageChanged.event;

  private readonly rootLoaded = new vscode.EventEmitter<void>();
  private readonly nodes = new Map<string, ExplorerNode>();
  private pagesShown = 1;
  private currentFilter: ExplorerFilter | undefined;
  private currentMessage: string | undefined;
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

  get filter(): ExplorerFilter | undefined {
    return this.currentFilter;
  }

  get message(): string | undefined {
    return this.currentMessage;
  }

  /** How many cluster pages the root shows (grows with "Load more…"). */
  get pageCount(): number {
    return this.pagesShown;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    if (node instanceof ClusterNode) this.syncClusterNode(node);
    return node.treeItem();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node === undefined) {
      try {
        return await this.rootChildren();
      } finally {
        this.rootLoaded.fire();
      }
    }
    if (node instanceof ClusterNode) return this.clusterChildren(node);
    if (node instanceof InstanceNode) return this.instanceChildren(node);
    if (node instanceof ImagesGroupNode) return this.imageChildren(node);
    return [];
  }

  /**
   * Refreshes a branch: a cluster (or an instance, or a node under them) reloads that cluster's Cloud ML; the
   * Images group reloads the images; nothing (or the root error) reloads everything. Caches are dropped and
   * what was in flight for the replaced data is cancelled.
   */
  refresh(arg?: unknown): void {
    const branch = this.branchOf(arg);
    if (branch.kind === 'cluster') {
      this.catalog.invalidate(branch.clusterId);
      return;
    }
    if (branch.kind === 'images') {
      this.catalog.invalidateImages();
      return;
    }
    this.generation.abort();
    this.generation = newGeneration();
    this.nodes.clear();
    // The catalog's "invalidated" event re-renders the root.
    this.catalog.invalidate();
  }

  /**
   * Resolves when the next root load has finished (VS Code filling a view it just showed), or after `guardMs`
   * so that a view VS Code does not reload never blocks the caller.
   */
  nextRootLoad(guardMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = this.rootLoaded.event(done);
      const timer = setTimeout(done, guardMs);
    });
  }

  /** Shows one more page of clusters. */
  loadMore(): void {
    this.pagesShown++;
    this.fire(undefined);
  }

  setFilter(filter: ExplorerFilter | undefined): void {
    this.currentFilter = normalizeFilter(filter);
    this.filterChanged.fire(this.currentFilter);
    this.fire(undefined);
  }

  /**
   * The node of a target, making it reachable first: loads the pages up to its cluster and clears a filter
   * that hides it. undefined when the target is not in the active profile or no longer exists.
   */
  async nodeFor(target: CommandTarget, signal?: AbortSignal): Promise<ExplorerNode | undefined> {
    if (target.profileId !== this.catalog.profileId) return undefined;
    let cluster: SkeCluster | undefined;
    let pageIndex = 0;
    for (; ; pageIndex++) {
      const page = await this.catalog.clusterPage(pageIndex, signal);
      cluster = page.clusters.find((c) => c.id === target.clusterId);
      if (cluster || !page.hasMore || page.clusters.length === 0) break;
    }
    if (!cluster) return undefined;
    if (this.currentFilter && !clusterMatches(cluster, this.catalog.cachedInstance(cluster.id), this.currentFilter)) this.setFilter(undefined);
    if (!this.currentFilter && pageIndex + 1 > this.pagesShown) {
      this.pagesShown = pageIndex + 1;
      this.fire(undefined);
    }
    const clusterNode = this.clusterNode(cluster);
    if (target.kind === 'cluster') return clusterNode;
    const detail = await this.catalog.instanceOf(cluster.id, signal);
    if (!detail || detail.cloud_ml_id !== target.cloudMlId) return clusterNode;
    return this.instanceNode(clusterNode, detail);
  }

  dispose(): void {
    this.generation.abort();
    for (const s of this.subscriptions) s.dispose();
    this.treeChanged.dispose();
    this.rootLoaded.dispose();
    this.filterChanged.dispose();
    this.messageChanged.dispose();
  }

  // ---------- root ----------

  private async rootChildren(): Promise<ExplorerNode[]> {
    const profileId = this.catalog.profileId;
    if (profileId === undefined) {
      this.setMessage(undefined);
      return []; // the welcome view takes over
    }
    const signal = this.generation.signal;
    // Asked alongside the clusters (one round trip): it tells whether Cloud ML is enabled at all.
    const imagesProbe = this.catalog.imageList(signal).then(
      () => undefined,
      () => undefined,
    );
    let clusters: SkeCluster[];
    let more: { shown: number; total: number | null } | undefined;
    try {
      ({ clusters, more } = await this.loadRootClusters(signal));
    } catch (error) {
      if (isCancelled(error)) return [];
      logError(this.log, error, 'load clusters');
      this.setMessage(undefined);
      return [this.failureNode(undefined, nodeId(profileId, 'root-error'), error)];
    }
    await imagesProbe;
    if (signal.aborted) return [];

    const disabled = this.catalog.cloudMlAvailability === 'disabled';
    const children: ExplorerNode[] = [];
    if (disabled) {
      children.push(
        this.keep(nodeId(profileId, 'notice', 'cloudMlDisabled'), NoticeNode, () =>
          new NoticeNode(
            nodeId(profileId, 'notice', 'cloudMlDisabled'),
            undefined,
            vscode.l10n.t('Cloud ML is not available for this account or region.'),
            vscode.l10n.t('Ask your SCP administrator to enable Cloud ML, or switch to another profile or region.'),
          ),
        ),
      );
    }
    children.push(...clusters.map((cluster) => this.clusterNode(cluster)));
    if (more) {
      const id = nodeId(profileId, 'loadMore');
      const node = this.keep(id, LoadMoreNode, () => new LoadMoreNode(id, more.shown, more.total));
      node.shown = more.shown;
      node.total = more.total;
      children.push(node);
    }
    if (clusters.length === 0 && !this.currentFilter) {
      children.push(this.keep(nodeId(profileId, 'notice', 'noClusters'), NoticeNode, () =>
        new NoticeNode(nodeId(profileId, 'notice', 'noClusters'), undefined, vscode.l10n.t('No SKE clusters in this region.'), vscode.l10n.t('Create an SKE cluster in the SCP console, or switch profile or region.')),
      ));
    }
    this.setMessage(
      clusters.length === 0 && this.currentFilter ? vscode.l10n.t('No clusters match the filter. Clear the filter to see every cluster.') : undefined,
    );
    if (!disabled) children.push(this.keep(nodeId(profileId, 'images'), ImagesGroupNode, () => new ImagesGroupNode(nodeId(profileId, 'images'))));
    return children;
  }

  /** The pages shown so far, or every cluster through the filter (a filter looks at all pages). */
  private async loadRootClusters(signal: AbortSignal): Promise<{ clusters: SkeCluster[]; more?: { shown: number; total: number | null } }> {
    const filter = this.currentFilter;
    if (filter) {
      const all = await this.catalog.allClusters(signal);
      if (filterNeedsInstances(filter)) {
        // A Cloud ML state filter needs every lookup; failed ones simply do not match.
        await Promise.all(all.map((c) => this.catalog.instanceOf(c.id, signal).catch(() => undefined)));
      }
      return { clusters: all.filter((c) => clusterMatches(c, this.catalog.cachedInstance(c.id), filter)) };
    }
    const clusters: SkeCluster[] = [];
    const seen = new Set<string>();
    for (let index = 0; index < this.pagesShown; index++) {
      const page = await this.catalog.clusterPage(index, signal);
      for (const cluster of page.clusters) {
        if (seen.has(cluster.id)) continue;
        seen.add(cluster.id);
        clusters.push(cluster);
      }
      if (!page.hasMore || page.clusters.length === 0) return { clusters };
      if (index === this.pagesShown - 1) return { clusters, more: { shown: clusters.length, total: page.count } };
    }
    return { clusters };
  }

  // ---------- clusters and instances ----------

  private async clusterChildren(node: ClusterNode): Promise<ExplorerNode[]> {
    if (this.catalog.cloudMlAvailability === 'disabled') return [];
    let detail: CloudMlDetail | undefined;
    try {
      detail = await this.catalog.instanceOf(node.cluster.id, this.generation.signal);
    } catch (error) {
      if (isCancelled(error)) return [];
      // Cloud ML disabled: the root shows the one explanation (the catalog's availability event re-renders it).
      if (isScpError(error) && error.kind === 'notEnabled') return [];
      logError(this.log, error, `load the Cloud ML of cluster ${node.cluster.name}`);
      return [this.failureNode(node, `${node.id}/error`, error)];
    }
    if (detail) return [this.instanceNode(node, detail)];
    if (classifyClusterState(node.cluster.status) === 'healthy') {
      return [this.keep(`${node.id}/create`, CreateActionNode, () => new CreateActionNode(`${node.id}/create`, node))];
    }
    return [
      this.keep(`${node.id}/noCloudMl`, NoticeNode, () =>
        new NoticeNode(`${node.id}/noCloudMl`, node, vscode.l10n.t('No Cloud ML (the cluster is {0})', node.cluster.status)),
      ),
    ];
  }

  private instanceChildren(node: InstanceNode): ExplorerNode[] {
    const d = node.detail;
    const rows: [key: string, label: string, value: string | undefined, icon: string][] = [
      ['endpoint', vscode.l10n.t('Endpoint'), instanceEndpoint(d), 'link'],
      ['image', vscode.l10n.t('Image'), [d.image_name, d.display_version].filter(Boolean).join(' ') || undefined, 'package'],
      ['namespace', vscode.l10n.t('Namespace'), d.namespace_name, 'symbol-namespace'],
      ['created', vscode.l10n.t('Created'), d.created_dt, 'calendar'],
    ];
    const children: ExplorerNode[] = [];
    for (const [key, label, value, icon] of rows) {
      if (value === undefined || value === '') continue;
      const id = `${node.id}/${key}`;
      const property = this.keep(id, PropertyNode, () => new PropertyNode(id, node, label, value, icon));
      property.value = value;
      children.push(property);
    }
    return children;
  }

  private async imageChildren(node: ImagesGroupNode): Promise<ExplorerNode[]> {
    try {
      const images = await this.catalog.imageList(this.generation.signal);
      if (images.length === 0) return [new NoticeNode(`${node.id}/none`, node, vscode.l10n.t('No images'))];
      return images.map((image) => {
        const id = `${node.id}/${encodeURIComponent(image.image_id)}`;
        const imageNode = this.keep(id, ImageNode, () => new ImageNode(id, node, image));
        imageNode.image = image;
        return imageNode;
      });
    } catch (error) {
      if (isCancelled(error)) return [];
      logError(this.log, error, 'load Cloud ML images');
      return [this.failureNode(node, `${node.id}/error`, error)];
    }
  }

  private clusterNode(cluster: SkeCluster): ClusterNode {
    const profileId = this.profileKey();
    const id = nodeId(profileId, 'cluster', cluster.id);
    const node = this.keep(id, ClusterNode, () => new ClusterNode(id, profileId, cluster));
    node.cluster = cluster;
    return node;
  }

  private instanceNode(parent: ClusterNode, detail: CloudMlDetail): InstanceNode {
    const id = `${parent.id}/instance/${encodeURIComponent(detail.cloud_ml_id)}`;
    const node = this.keep(id, InstanceNode, () => new InstanceNode(id, parent, detail));
    node.detail = detail;
    return node;
  }

  /** Errors stay on their branch: auth gets "Sign in again", anything else one error node. */
  private failureNode(parent: ExplorerNode | undefined, id: string, error: unknown): ExplorerNode {
    const sentence = describeError(error);
    if (isScpError(error) && error.kind === 'auth') return new SignInNode(`${id}/signIn`, parent, sentence);
    return new ErrorNode(id, parent, sentence);
  }

  /** Presence and expandability as of now (called right before VS Code renders a cluster). */
  private syncClusterNode(node: ClusterNode): void {
    node.presence = presenceOf(this.catalog.cachedInstance(node.cluster.id));
    node.expandable = this.catalog.cloudMlAvailability !== 'disabled';
  }

  // ---------- events ----------

  private onCatalogChange(change: CatalogChange): void {
    if (change.reason === 'availability') {
      this.fire(undefined);
      return;
    }
    if (change.clusterId === undefined) {
      if (change.reason === 'invalidated') this.fire(undefined);
      return;
    }
    const clusterNode = this.nodes.get(nodeId(this.profileKey(), 'cluster', change.clusterId));
    if (!(clusterNode instanceof ClusterNode)) return;
    const cached = this.catalog.cachedInstance(change.clusterId);
    const presence = presenceOf(cached);
    if (change.reason === 'loaded') {
      // The lookup the tree itself started: only the menus (contextValue) of the cluster may need an update.
      if (clusterNode.renderedPresence !== undefined && clusterNode.renderedPresence !== presence) this.fire(clusterNode);
      return;
    }
    if (change.reason === 'changed' && cached !== 'unknown' && cached !== undefined) {
      const existing = this.nodes.get(`${clusterNode.id}/instance/${encodeURIComponent(cached.cloud_ml_id)}`);
      if (existing instanceof InstanceNode) {
        // Same instance, new state: update the node in place (the cluster too if its menus change).
        existing.detail = cached;
        this.fire(existing);
        if (clusterNode.renderedPresence !== presence) this.fire(clusterNode);
        if (filterNeedsInstances(this.currentFilter)) this.fire(undefined);
        return;
      }
    }
    this.fire(clusterNode);
    if (filterNeedsInstances(this.currentFilter)) this.fire(undefined);
  }

  private resetForProfile(): void {
    this.generation.abort();
    this.generation = newGeneration();
    this.nodes.clear();
    this.pagesShown = 1;
    if (this.currentFilter) {
      this.currentFilter = undefined;
      this.filterChanged.fire(undefined);
    }
    this.setMessage(undefined);
    this.fire(undefined);
  }

  private fire(node: ExplorerNode | undefined): void {
    this.treeChanged.fire(node);
  }

  private setMessage(message: string | undefined): void {
    if (message === this.currentMessage) return;
    this.currentMessage = message;
    this.messageChanged.fire(message);
  }

  private profileKey(): string {
    return this.catalog.profileId ?? '';
  }

  /** The one node object for an id (created once), so VS Code's reveal and getParent see the same objects. */
  private keep<T extends ExplorerNode>(id: string, kind: abstract new (...args: never[]) => T, create: () => T): T {
    const existing = this.nodes.get(id);
    if (existing instanceof kind) return existing;
    const node = create();
    this.nodes.set(id, node);
    return node;
  }

  /** The branch a refresh argument belongs to: a target, a node, or an ancestor of the node. */
  private branchOf(arg: unknown): { kind: 'cluster'; clusterId: string } | { kind: 'images' } | { kind: 'all' } {
    let node: unknown = arg;
    while (node !== undefined && node !== null) {
      if (node instanceof ClusterNode) return { kind: 'cluster', clusterId: node.cluster.id };
      if (node instanceof ImagesGroupNode) return { kind: 'images' };
      if (isCommandTarget(node)) return { kind: 'cluster', clusterId: node.clusterId };
      node = (node as { parent?: unknown }).parent;
    }
    return { kind: 'all' };
  }
}

/** The signal of one tree generation: every branch load of the tree waits on it, so it has many listeners. */
function newGeneration(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

function presenceOf(cached: CloudMlDetail | undefined | 'unknown'): InstancePresence {
  if (cached === 'unknown') return 'unknown';
  return cached ? 'withInstance' : 'empty';
}

function isCancelled(error: unknown): boolean {
  return isScpError(error) && error.kind === 'cancelled';
}

function isCommandTarget(value: unknown): value is CommandTarget {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'cluster' || kind === 'instance') && typeof (value as { clusterId?: unknown }).clusterId === 'string';
}
