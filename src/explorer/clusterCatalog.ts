import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ScpSession } from '../connection/scpSession';
import type { InstanceChange } from '../deployments/instanceChange';
import { setMaxListeners } from 'node:events';
import { cancelledError, linkedAbortController } from '../scp/cancellation';
import type { CloudMlDetail, CloudMlImage } from '../scp/cloudMlSchemas';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import { readSettings } from '../ui/settings';
import { pageHasMore } from './pageHasMore';
import { SharedLoad } from './sharedLoad';

export interface ClusterPage {
  clusters: SkeCluster[];
  hasMore: boolean;
  /** The total SKE reported (may be null). */
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

  private readonly pages = new Map<number, ClusterPage>();
  private readonly pageLoads = new Map<number, SharedLoad<ClusterPage>>();
  /** null = looked up, the cluster has no Cloud ML. */
  private readonly instances = new Map<string, CloudMlDetail | null>();
  private readonly instanceLoads = new Map<string, SharedLoad<CloudMlDetail | undefined>>();
  /** Clusters whose Cloud ML block SCP sent without an id: an instance exists, but none to show (cached as null). */
  private readonly unreadableInstances = new Set<string>();
  private images: CloudMlImage[] | undefined;
  private imagesLoad: SharedLoad<CloudMlImage[]> | undefined;
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
      for (const load of this.pageLoads.values()) load.stop('replaced');
      this.pageLoads.clear();
      this.pages.clear();
      this.pageSizeInUse = size;
    }
    for (;;) {
      const cached = this.pages.get(pageIndex);
      if (cached) return cached;
      const load = this.pageLoads.get(pageIndex) ?? this.startPageLoad(pageIndex, size);
      try {
        return await load.join(signal);
      } catch (error) {
        if (this.shouldRejoin(load, error, signal)) continue;
        throw error;
      }
    }
  }

  /** Every cluster of the profile, page after page (cached pages are reused). */
  async allClusters(signal?: AbortSignal): Promise<SkeCluster[]> {
    const seen = new Set<string>();
    const all: SkeCluster[] = [];
    for (let index = 0; ; index++) {
      const page = await this.clusterPage(index, signal);
      for (const cluster of page.clusters) {
        if (seen.has(cluster.id)) continue;
        seen.add(cluster.id);
        all.push(cluster);
      }
      if (!page.hasMore || page.clusters.length === 0) return all;
    }
  }

  /**
   * The Cloud ML instance on a cluster (undefined = none). Cached; concurrent calls for one cluster are joined;
   * runs under the session limiter; failures are not cached (the next call asks again).
   */
  async instanceOf(clusterId: string, signal?: AbortSignal): Promise<CloudMlDetail | undefined> {
    for (;;) {
      const cached = this.instances.get(clusterId);
      if (cached !== undefined) return cached ?? undefined;
      const load = this.instanceLoads.get(clusterId) ?? this.startInstanceLoad(clusterId);
      try {
        return await load.join(signal);
      } catch (error) {
        if (this.shouldRejoin(load, error, signal)) continue;
        throw error;
      }
    }
  }

  /** What is cached for a cluster without asking: the instance, undefined (none) or 'unknown' (not looked up). */
  cachedInstance(clusterId: string): CloudMlDetail | undefined | 'unknown' {
    const cached = this.instances.get(clusterId);
    if (cached === undefined) return 'unknown';
    return cached ?? undefined;
  }

  /** Whether the cached lookup found a Cloud ML this client cannot read (the tree says so instead of offering a create). */
  hasUnreadableInstance(clusterId: string): boolean {
    return this.unreadableInstances.has(clusterId);
  }

  /** The Cloud ML images (cached). */
  async imageList(signal?: AbortSignal): Promise<CloudMlImage[]> {
    for (;;) {
      if (this.images) return this.images;
      const load = this.imagesLoad ?? this.startImagesLoad();
      try {
        return await load.join(signal);
      } catch (error) {
        if (this.shouldRejoin(load, error, signal)) continue;
        throw error;
      }
    }
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
    this.instances.delete(clusterId);
    this.unreadableInstances.delete(clusterId);
    this.instanceLoads.get(clusterId)?.stop('replaced');
    this.instanceLoads.delete(clusterId);
    this.changed.fire({ clusterId, reason: 'invalidated' });
  }

  /** Drops the cached image list (the Images group's refresh). */
  invalidateImages(): void {
    this.imagesLoad?.stop('replaced');
    this.imagesLoad = undefined;
    this.images = undefined;
    this.changed.fire({ reason: 'invalidated' });
  }

  /** Updates the cache in place from deployment tracking (a poll result, a settle, a delete). */
  applyInstanceChange(change: InstanceChange): void {
    if (change.profileId !== this.profileId) return;
    if (change.deleted) this.instances.set(change.clusterId, null);
    else if (change.detail) this.instances.set(change.clusterId, change.detail);
    else return;
    this.unreadableInstances.delete(change.clusterId);
    // A lookup still in flight would bring older news; its waiters rejoin and read the cache.
    this.instanceLoads.get(change.clusterId)?.stop('replaced');
    this.instanceLoads.delete(change.clusterId);
    this.changed.fire({ clusterId: change.clusterId, reason: 'changed' });
  }

  dispose(): void {
    this.clear('ended');
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  private clear(reason: 'replaced' | 'ended'): void {
    for (const load of this.pageLoads.values()) load.stop(reason);
    for (const load of this.instanceLoads.values()) load.stop(reason);
    this.imagesLoad?.stop(reason);
    this.pageLoads.clear();
    this.instanceLoads.clear();
    this.imagesLoad = undefined;
    this.pages.clear();
    this.instances.clear();
    this.unreadableInstances.clear();
    this.images = undefined;
    this.availability = 'unknown';
    this.changed.fire({ reason: 'invalidated' });
  }

  /** A waiter whose load was replaced by a refresh (not cancelled by itself) joins the newer load. */
  private shouldRejoin(load: SharedLoad<unknown>, error: unknown, signal: AbortSignal | undefined): boolean {
    return load.stopReason === 'replaced' && !signal?.aborted && isScpError(error) && error.kind === 'cancelled';
  }

  private startPageLoad(pageIndex: number, size: number): SharedLoad<ClusterPage> {
    const load: SharedLoad<ClusterPage> = new SharedLoad((signal) =>
      this.settle(
        this.withSession(signal, async (session, linked) => {
          const { clusters, received, count } = await session.ske.listClusters({ page: pageIndex, size }, linked);
          return { clusters, count, hasMore: pageHasMore(pageIndex, size, received, count) };
        }),
        () => this.pageLoads.get(pageIndex) === load,
        (page) => {
          this.pageLoads.delete(pageIndex);
          this.pages.set(pageIndex, page);
          this.changed.fire({ reason: 'loaded' });
        },
        () => this.pageLoads.delete(pageIndex),
      ),
    );
    this.pageLoads.set(pageIndex, load);
    return load;
  }

  private startInstanceLoad(clusterId: string): SharedLoad<CloudMlDetail | undefined> {
    let unreadable = false;
    const load: SharedLoad<CloudMlDetail | undefined> = new SharedLoad((signal) =>
      this.settle(
        this.withSession(signal, (session, linked) =>
          session.limiter.run(async () => {
            const product = await session.cloudMl.getClusterProduct(clusterId, linked);
            unreadable = product.unreadableCloudMl;
            return product.cloudMl;
          }, linked),
        ),
        () => this.instanceLoads.get(clusterId) === load,
        (detail) => {
          this.instanceLoads.delete(clusterId);
          this.instances.set(clusterId, detail ?? null);
          if (unreadable) this.unreadableInstances.add(clusterId);
          else this.unreadableInstances.delete(clusterId);
          this.availability = 'available';
          this.changed.fire({ clusterId, reason: 'loaded' });
        },
        (error) => {
          this.instanceLoads.delete(clusterId);
          this.noteFailure(error);
        },
      ),
    );
    this.instanceLoads.set(clusterId, load);
    return load;
  }

  private startImagesLoad(): SharedLoad<CloudMlImage[]> {
    const load: SharedLoad<CloudMlImage[]> = new SharedLoad((signal) =>
      this.settle(
        this.withSession(signal, (session, linked) => session.limiter.run(() => session.cloudMl.listImages(linked), linked)),
        () => this.imagesLoad === load,
        (images) => {
          this.imagesLoad = undefined;
          this.images = images;
          this.availability = 'available';
          this.changed.fire({ reason: 'loaded' });
        },
        (error) => {
          this.imagesLoad = undefined;
          this.noteFailure(error);
        },
      ),
    );
    this.imagesLoad = load;
    return load;
  }

  /**
   * Books a load's outcome into the cache BEFORE its waiters resume (so they read a consistent cache), and only
   * while the load is still the current one: a load replaced by a refresh or a profile switch writes nothing.
   */
  private async settle<T>(work: Promise<T>, isCurrent: () => boolean, onValue: (value: T) => void, onError: (error: unknown) => void): Promise<T> {
    try {
      const value = await work;
      if (isCurrent()) onValue(value);
      return value;
    } catch (error) {
      if (isCurrent()) onError(error);
      throw error;
    }
  }

  private noteFailure(error: unknown): void {
    if (isScpError(error) && error.kind === 'notEnabled' && this.availability !== 'disabled') {
      this.availability = 'disabled';
      this.changed.fire({ reason: 'availability' });
    }
  }

  /**
   * Runs `work` with the active session. No need to link the session's own signal: the session only ends on a
   * profile change, which stops every load of this catalog (clear('ended')).
   */
  private async withSession<T>(signal: AbortSignal, work: (session: ScpSession, signal: AbortSignal) => Promise<T>): Promise<T> {
    return work(await this.connection.session(), signal);
  }
}
