import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { CatalogChange } from '../explorer/clusterCatalog';
import { SharedLoad } from '../explorer/sharedLoad';
import type { ClusterEstimate } from '../scp/cloudMlSchemas';
import { isScpError } from '../scp/scpError';

/**
 * Cluster estimates of the active profile, read once per cluster and copilot choice and kept for the session:
 * the fit ranking, the chat tools and the create form started from it share them. Reads run under the
 * session's limiter (SCP's firewall rejects bursts); concurrent reads of one estimate are joined; a caller that
 * cancels leaves only itself; failures are not kept. A profile switch drops everything, and a cluster whose
 * Cloud ML changed (create, delete, refresh) is read again next time.
 */
export class SessionEstimates implements vscode.Disposable {
  private readonly loaded = new Map<string, ClusterEstimate>();
  private readonly loads = new Map<string, SharedLoad<ClusterEstimate>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connection: ConnectionManager,
    catalogChanges: vscode.Event<CatalogChange>,
  ) {
    this.subscriptions.push(
      connection.onDidChangeProfile(() => this.invalidate()),
      catalogChanges((change) => {
        if (change.reason === 'loaded' || change.reason === 'availability') return;
        // A refresh of the tree drops everything; a change of one cluster's Cloud ML drops its estimate.
        if (change.clusterId !== undefined) this.invalidate(change.clusterId);
        else if (change.reason === 'invalidated') this.invalidate();
      }),
    );
  }

  /** The estimate if already read (no call). */
  cached(clusterId: string, useCopilot: boolean): ClusterEstimate | undefined {
    return this.loaded.get(keyOf(clusterId, useCopilot));
  }

  async get(clusterId: string, useCopilot: boolean, signal?: AbortSignal): Promise<ClusterEstimate> {
    const key = keyOf(clusterId, useCopilot);
    for (;;) {
      const known = this.loaded.get(key);
      if (known) return known;
      const load = this.loads.get(key) ?? this.start(key, clusterId, useCopilot);
      try {
        return await load.join(signal);
      } catch (error) {
        // Replaced by an invalidation while this caller still waits: join the newer read.
        if (load.stopReason === 'replaced' && !signal?.aborted && isScpError(error) && error.kind === 'cancelled') continue;
        throw error;
      }
    }
  }

  /** Drops one cluster's estimates, or all (in-flight reads are stopped; their waiters read again). */
  invalidate(clusterId?: string): void {
    for (const [key, load] of [...this.loads]) {
      if (clusterId !== undefined && !key.startsWith(`${clusterId}|`)) continue;
      load.stop('replaced');
      this.loads.delete(key);
    }
    for (const key of [...this.loaded.keys()]) {
      if (clusterId === undefined || key.startsWith(`${clusterId}|`)) this.loaded.delete(key);
    }
  }

  dispose(): void {
    for (const load of this.loads.values()) load.stop('ended');
    this.loads.clear();
    this.loaded.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  private start(key: string, clusterId: string, useCopilot: boolean): SharedLoad<ClusterEstimate> {
    const load: SharedLoad<ClusterEstimate> = new SharedLoad(async (signal) => {
      const isCurrent = (): boolean => this.loads.get(key) === load;
      try {
        const session = await this.connection.session();
        const estimate = await session.limiter.run(() => session.cloudMl.getEstimate(clusterId, useCopilot, signal), signal);
        // Only the current read books its result (an invalidation in between makes it stale).
        if (isCurrent()) this.loaded.set(key, estimate);
        return estimate;
      } finally {
        if (isCurrent()) this.loads.delete(key);
      }
    });
    this.loads.set(key, load);
    return load;
  }
}

function keyOf(clusterId: string, useCopilot: boolean): string {
  return `${clusterId}|${useCopilot ? 'copilot' : 'plain'}`;
}
