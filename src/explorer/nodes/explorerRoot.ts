import * as vscode from 'vscode';
import type { CommandTarget } from '../../model/commandTargets';
import type { SkeCluster } from '../../scp/skeSchemas';
import { logError } from '../../ui/errorPresenter';
import type { ClusterList } from '../clusterCatalog';
import { clusterMatches, filterNeedsInstances, normalizeFilter, type ExplorerFilter } from '../explorerFilter';
import { ClusterNode } from './clusterNode';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { ImagesGroupNode } from './imagesGroupNode';
import { failureNode, isCancelled } from './loadFailure';
import { LoadMoreNode } from './loadMoreNode';
import { nodeId } from './nodePresentation';
import { NoticeNode } from './noticeNode';

/**
 * The top level of the tree: the active profile's clusters (the pages shown so far, or every cluster through the
 * filter), "Load more…", the notices, then the Images group. It owns what only the top level has: the filter,
 * the number of pages shown and the view's message.
 */
export class ExplorerRoot implements vscode.Disposable {
  private readonly filterChanged = new vscode.EventEmitter<ExplorerFilter | undefined>();
  readonly onDidChangeFilter = this.filterChanged.event;
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  /** A notice for the view's message area (e.g. nothing matches the filter). */
  readonly onDidChangeMessage = this.messageChanged.event;
  private pagesShown = 1;
  private currentFilter: ExplorerFilter | undefined;
  private currentMessage: string | undefined;

  /** `redraw` re-renders the whole tree (the filter or the pages changed). */
  constructor(private readonly redraw: () => void) {}

  get filter(): ExplorerFilter | undefined {
    return this.currentFilter;
  }

  get message(): string | undefined {
    return this.currentMessage;
  }

  async getChildren(context: ExplorerContext): Promise<ExplorerNode[]> {
    const profileId = context.catalog.profileId;
    if (profileId === undefined) {
      this.setMessage(undefined);
      return []; // the welcome view takes over
    }
    // Asked alongside the clusters (one round trip): it tells whether Cloud ML is enabled at all.
    const imagesProbe = context.catalog.imageList(context.signal).then(
      () => undefined,
      () => undefined,
    );
    let list: ClusterList;
    try {
      list = await this.clusters(context);
    } catch (error) {
      if (isCancelled(error)) return [];
      logError(context.log, error, 'load clusters');
      this.setMessage(undefined);
      return [failureNode(undefined, nodeId(profileId, 'root-error'), error)];
    }
    await imagesProbe;
    if (context.signal.aborted) return [];

    const disabled = context.catalog.cloudMlAvailability === 'disabled';
    const notice = (key: string, label: string, detail: string): NoticeNode =>
      context.nodes.keep(nodeId(profileId, 'notice', key), NoticeNode, () => new NoticeNode(nodeId(profileId, 'notice', key), undefined, label, detail));
    const children: ExplorerNode[] = [];
    if (disabled) {
      children.push(
        notice(
          'cloudMlDisabled',
          vscode.l10n.t('Cloud ML is not available for this account or region.'),
          vscode.l10n.t('Ask your SCP administrator to enable Cloud ML, or switch to another profile or region.'),
        ),
      );
    }
    children.push(...list.clusters.map((cluster) => this.clusterNode(context, cluster)));
    if (list.hasMore) {
      const id = nodeId(profileId, 'loadMore');
      const node = context.nodes.keep(id, LoadMoreNode, () => new LoadMoreNode(id, list.clusters.length, list.count));
      node.shown = list.clusters.length;
      node.total = list.count;
      children.push(node);
    }
    if (list.clusters.length === 0 && !this.currentFilter) {
      children.push(
        notice('noClusters', vscode.l10n.t('No SKE clusters in this region.'), vscode.l10n.t('Create an SKE cluster in the SCP console, or switch profile or region.')),
      );
    }
    this.setMessage(
      list.clusters.length === 0 && this.currentFilter ? vscode.l10n.t('No clusters match the filter. Clear the filter to see every cluster.') : undefined,
    );
    if (!disabled) children.push(context.nodes.keep(nodeId(profileId, 'images'), ImagesGroupNode, () => new ImagesGroupNode(nodeId(profileId, 'images'))));
    return children;
  }

  /** The node of a cluster, updated in place with the cluster. */
  clusterNode(context: ExplorerContext, cluster: SkeCluster): ClusterNode {
    const profileId = context.catalog.profileId ?? '';
    const id = nodeId(profileId, 'cluster', cluster.id);
    const node = context.nodes.keep(id, ClusterNode, () => new ClusterNode(id, profileId, cluster, context.catalog));
    node.cluster = cluster;
    return node;
  }

  /**
   * The node of a target, making it reachable first: shows the pages up to its cluster and clears a filter
   * that hides it. undefined when the target is not in the active profile or no longer exists.
   */
  async nodeFor(target: CommandTarget, context: ExplorerContext, signal?: AbortSignal): Promise<ExplorerNode | undefined> {
    const catalog = context.catalog;
    if (target.profileId !== catalog.profileId) return undefined;
    let cluster: SkeCluster | undefined;
    let pageIndex = 0;
    for (; ; pageIndex++) {
      const page = await catalog.clusterPage(pageIndex, signal);
      cluster = page.clusters.find((c) => c.id === target.clusterId);
      if (cluster || !page.hasMore || page.clusters.length === 0) break;
    }
    if (!cluster) return undefined;
    if (this.currentFilter && !clusterMatches(cluster, catalog.cachedInstance(cluster.id), this.currentFilter)) this.setFilter(undefined);
    if (!this.currentFilter && pageIndex + 1 > this.pagesShown) {
      this.pagesShown = pageIndex + 1;
      this.redraw();
    }
    const clusterNode = this.clusterNode(context, cluster);
    if (target.kind === 'cluster') return clusterNode;
    const detail = await catalog.instanceOf(cluster.id, signal);
    if (!detail || detail.cloud_ml_id !== target.cloudMlId) return clusterNode;
    return clusterNode.instanceNode(context, detail);
  }

  /** Shows one more page of clusters. */
  loadMore(): void {
    this.pagesShown++;
    this.redraw();
  }

  setFilter(filter: ExplorerFilter | undefined): void {
    this.currentFilter = normalizeFilter(filter);
    this.filterChanged.fire(this.currentFilter);
    this.redraw();
  }

  /** Whether a change of one cluster's Cloud ML can change which clusters the filter lets through. */
  get filterDependsOnInstances(): boolean {
    return filterNeedsInstances(this.currentFilter);
  }

  /** Another profile: one page, no filter, no message. */
  reset(): void {
    this.pagesShown = 1;
    if (this.currentFilter) {
      this.currentFilter = undefined;
      this.filterChanged.fire(undefined);
    }
    this.setMessage(undefined);
  }

  dispose(): void {
    this.filterChanged.dispose();
    this.messageChanged.dispose();
  }

  /** The pages shown so far, or every cluster through the filter (a filter looks at all pages). */
  private async clusters(context: ExplorerContext): Promise<ClusterList> {
    const { catalog, signal } = context;
    const filter = this.currentFilter;
    if (!filter) return catalog.clusterList(this.pagesShown, signal);
    const all = await catalog.allClusters(signal);
    if (filterNeedsInstances(filter)) {
      // A Cloud ML state filter needs every lookup; failed ones simply do not match.
      await Promise.all(all.map((c) => catalog.instanceOf(c.id, signal).catch(() => undefined)));
    }
    return { clusters: all.filter((c) => clusterMatches(c, catalog.cachedInstance(c.id), filter)), hasMore: false, count: null };
  }

  private setMessage(message: string | undefined): void {
    if (message === this.currentMessage) return;
    this.currentMessage = message;
    this.messageChanged.fire(message);
  }
}
