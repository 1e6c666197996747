import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ScpSession } from '../connection/scpSession';
import type { InstanceChange, InstanceSighting } from '../deployments/instanceChange';
import { setMaxListeners } from 'node:events';
import { cancelledError, linkedAbortController } from '../scp/cancellation';
import type { CloudMlDetail, CloudMlImage } from '../scp/cloudMlSchemas';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import { readSettings } from '../ui/settings';
import { pageHasMore } from './pageHasMore';
import { LoadedCache } from './loadedCache';

export interface ClusterPage {
  clusters: SkeCluster[];
  hasMore: boolean;
  /** The total SKE reported (may be null). */
  count: number | null;
}

/** The first pages of clusters: each cluster once, even when SKE's pages overlap. */
export interface ClusterList {
  clusters: SkeCluster[];
  /** SKE has pages after the ones read. */
  hasMore: boolean;
  /** The total SKE reported on the last page read (may be null). */
  count: number | null;
}

/** What changed: `clusterId` for one cluster's instance, none for the cluster list / everything. */
export interface CatalogChange {
  clusterId?: string;
  /** loaded = a fresh result arrived; invalidated = dropped (refresh); changed = updated in place; availability = Cloud ML found disabled. */
  reason: 'loaded' | 'invalidated' | 'changed' | 'availability';
}

export interface FindSummary {
  clusters: number;
  found: number;
  /** Clusters whose lookup failed, with the error. */
  failures: { cluster: SkeCluster; error: unknown }[];
}

/** Whether the account can use Cloud ML at all, learned from the first Cloud ML answer. */
export type CloudMlAvailability = 'unknown' | 'available' | 'disabled';

/**
 * The clusters of the active profile and the Cloud ML instance on each, cached, shared by the tree, the
 * palette pickers and the webview. SCP has no "list all instances": every instance is one lookup per cluster,
 * so lookups run under the session's limiter, concurrent lookups of one cluster are joined, and results (not
 * errors) are cached until a refresh. Switching profile drops everything (the session aborts its calls).
 */
export class ClusterCatalog implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CatalogChange>();
  readonly onDidChange = this.changed.event;

  private readonly pages = new LoadedCache<number, ClusterPage>({ onValue: () => this.changed.fire({ reason: 'loaded' }) });
  private readonly seen = new vscode.EventEmitter<InstanceSighting>();
  /** An instance was read from SCP (a lookup answered, not a change applied from tracking): tracking follows a transitional one. */
  readonly onDidSeeInstance = this.seen.event;

  /** null = looked up, the cluster has no Cloud ML. */
  private readonly instances = new LoadedCache<string, CloudMlDetail | null>({
    onValue: (clusterId, instance) => {
      this.availability = 'available';
      const profileId = this.profileId;
      if (instance && profileId !== undefined) this.seen.fire({ profileId, clusterId, detail: instance });
      this.changed.fire({ clusterId, reason: 'loaded' });
    },
    onError: (_, error) => this.noteFailure(error),
  });
  /** Clusters whose Cloud ML block SCP sent without an id: an instance exists, but none to show (cached as null). */
  private readonly unreadableInstances = new Set<string>();
  private readonly images = new LoadedCache<'images', CloudMlImage[]>({
    onValue: () => {
      this.availability = 'available';
      this.changed.fire({ reason: 'loaded' });
    },
    onError: (_, error) => this.noteFailure(error),
  });
  private pageSizeInUse: number | undefined;
  private availability: CloudMlAvailability = 'unknown';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connection: ConnectionManager,
    private readonly pageSize: () => number = () => readSettings().pageSize,
  ) {
    this.subscriptions.push(connection.onDidChangeProfile(() => this.clear('ended')));
  }

  /** The profile whose data is cached (events and targets carry it). */
  get profileId(): string | undefined {
    return this.connection.activeProfile()?.id;
  }

  get cloudMlAvailability(): CloudMlAvailability {
    return this.availability;
  }

  /** One page of clusters (0-based), cached; concurrent calls for the same page share one request. */
  async clusterPage(pageIndex: number, signal?: AbortSignal): Promise<ClusterPage> {
    const size = this.pageSize();
    if (this.pageSizeInUse !== size) {
      // Pages of another size do not line up with the new ones.
      this.pages.clear('replaced');
      this.pageSizeInUse = size;
    }
    const work = (loadSignal: AbortSignal): Promise<ClusterPage> =>
      this.withSession(async (session) => {
        const { clusters, received, count } = await session.ske.listClusters({ page: pageIndex, size }, loadSignal);
        // Paged by what SCP sent: a malformed item skipped by the schema must not make a full page look short.
        return { clusters, count, hasMore: pageHasMore(pageIndex, size, received, count) };
      });
    return this.pages.read(pageIndex, work, signal);
  }

  /**
   * The clusters of the first `pageLimit` pages (cached pages are reused), or of every page. `onPage` gets each
   * page's new clusters as soon as that page arrives, so a caller can start on them before the next page.
   */
  async clusterList(pageLimit: number, signal?: AbortSignal, onPage?: (clusters: SkeCluster[]) => void): Promise<ClusterList> {
    const seen = new Set<string>();
    const clusters: SkeCluster[] = [];
    for (let index = 0; ; index++) {
      const page = await this.clusterPage(index, signal);
      const fresh = page.clusters.filter((cluster) => !seen.has(cluster.id));
      for (const cluster of fresh) {
        seen.add(cluster.id);
        clusters.push(cluster);
      }
      onPage?.(fresh);
      const hasMore = page.hasMore && page.clusters.length > 0;
      if (!hasMore || index + 1 >= pageLimit) return { clusters, hasMore, count: page.count };
    }
  }

  /** Every cluster of the profile, page after page (cached pages are reused). */
  async allClusters(signal?: AbortSignal): Promise<SkeCluster[]> {
    return (await this.clusterList(Number.POSITIVE_INFINITY, signal)).clusters;
  }

  /**
   * The Cloud ML instance on a cluster (undefined = none). Cached; concurrent calls for one cluster are joined;
   * runs under the session limiter; failures are not cached (the next call asks again).
   */
  async instanceOf(clusterId: string, signal?: AbortSignal): Promise<CloudMlDetail | undefined> {
    const work = (loadSignal: AbortSignal): Promise<CloudMlDetail | null> =>
      this.withSession((session) =>
        session.limiter.run(async () => {
          const product = await session.cloudMl.getClusterProduct(clusterId, loadSignal);
          if (product.unreadableCloudMl) this.unreadableInstances.add(clusterId);
          else this.unreadableInstances.delete(clusterId);
          return product.cloudMl ?? null;
        }, loadSignal),
      );
    return (await this.instances.read(clusterId, work, signal)) ?? undefined;
  }

  /** What is cached for a cluster without asking: the instance, undefined (none) or 'unknown' (not looked up). */
  cachedInstance(clusterId: string): CloudMlDetail | undefined | 'unknown' {
    const cached = this.instances.peek(clusterId);
    if (cached === undefined) return 'unknown';
    return cached.value ?? undefined;
  }

  /** Whether the cached lookup found a Cloud ML this client cannot read (the tree says so instead of offering a create). */
  hasUnreadableInstance(clusterId: string): boolean {
    return this.unreadableInstances.has(clusterId);
  }

  /** The Cloud ML images (cached). */
  async imageList(signal?: AbortSignal): Promise<CloudMlImage[]> {
    const work = (loadSignal: AbortSignal): Promise<CloudMlImage[]> =>
      this.withSession((session) => session.limiter.run(() => session.cloudMl.listImages(loadSignal), loadSignal));
    return this.images.read('images', work, signal);
  }

  /**
   * Looks up every cluster's instance, calling `onFound` as each one arrives (progressive pickers). Failed
   * clusters are reported in the summary; if Cloud ML is disabled for the account, that error is thrown.
   */
  async findInstances(onFound: (cluster: SkeCluster, instance: CloudMlDetail) => void, signal?: AbortSignal): Promise<FindSummary> {
    const clusters = await this.allClusters(signal);
    const summary: FindSummary = { clusters: clusters.length, found: 0, failures: [] };
    // One signal for the whole fan-out (one listener on the caller's), shared by a waiter per cluster.
    const { controller, dispose } = linkedAbortController(signal);
    setMaxListeners(0, controller.signal);
    await Promise.all(
      clusters.map(async (cluster) => {
        try {
          const instance = await this.instanceOf(cluster.id, controller.signal);
          if (instance && !signal?.aborted) {
            summary.found++;
            onFound(cluster, instance);
          }
        } catch (error) {
          summary.failures.push({ cluster, error });
        }
      }),
    ).finally(dispose);
    if (signal?.aborted) throw cancelledError();
    const disabled = summary.failures.find((f) => isScpError(f.error) && f.error.kind === 'notEnabled');
    if (disabled && summary.found === 0) throw disabled.error;
    return summary;
  }

  /** Drops cached data so the next read asks SCP again: one cluster's instance, or everything. In-flight loads are cancelled. */
  invalidate(clusterId?: string): void {
    if (clusterId === undefined) {
      this.clear('replaced');
      return;
    }
    this.instances.drop(clusterId);
    this.unreadableInstances.delete(clusterId);
    this.changed.fire({ clusterId, reason: 'invalidated' });
  }

  /** Drops the cached image list (the Images group's refresh). */
  invalidateImages(): void {
    this.images.drop('images');
    this.changed.fire({ reason: 'invalidated' });
  }

  /** Updates the cache in place from deployment tracking (a poll result, a settle, a delete). */
  applyInstanceChange(change: InstanceChange): void {
    if (change.profileId !== this.profileId) return;
    // A lookup still in flight would bring older news: it is stopped, and its waiters read the cache.
    if (change.deleted) this.instances.set(change.clusterId, null);
    else if (change.detail) this.instances.set(change.clusterId, change.detail);
    else return;
    this.unreadableInstances.delete(change.clusterId);
    this.changed.fire({ clusterId: change.clusterId, reason: 'changed' });
  }

  dispose(): void {
    this.clear('ended');
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.seen.dispose();
  }

  private clear(reason: 'replaced' | 'ended'): void {
    this.pages.clear(reason);
    this.instances.clear(reason);
    this.images.clear(reason);
    this.unreadableInstances.clear();
    this.availability = 'unknown';
    this.changed.fire({ reason: 'invalidated' });
  }

  private noteFailure(error: unknown): void {
    if (isScpError(error) && error.kind === 'notEnabled' && this.availability !== 'disabled') {
      this.availability = 'disabled';
      this.changed.fire({ reason: 'availability' });
    }
  }

  /**
   * Runs `work` with the active session. Loads need not link the session's own signal: the session only ends on
   * a profile change, which stops every load of this catalog (clear('ended')).
   */
  private async withSession<T>(work: (session: ScpSession) => Promise<T>): Promise<T> {
    return work(await this.connection.session());
  }
}
