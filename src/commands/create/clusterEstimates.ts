import type { ClusterEstimate } from '../../scp/cloudMlSchemas';

export type EstimateLoader = (clusterId: string, useCopilot: boolean, signal?: AbortSignal) => Promise<ClusterEstimate>;

/**
 * The estimates one create form needs, read once per cluster and copilot choice. The first read starts as soon as
 * the cluster is known, so the resource steps rarely wait; concurrent reads are joined and failures are not kept
 * (the next read tries again).
 */
export class ClusterEstimates {
  private readonly loaded = new Map<string, ClusterEstimate>();
  private readonly loading = new Map<string, Promise<ClusterEstimate>>();

  constructor(private readonly load: EstimateLoader) {}

  /** Starts reading in the background; a failure surfaces when `get` is awaited. */
  prefetch(clusterId: string, useCopilot: boolean): void {
    this.get(clusterId, useCopilot).catch(() => undefined);
  }

  get(clusterId: string, useCopilot: boolean, signal?: AbortSignal): Promise<ClusterEstimate> {
    const key = keyOf(clusterId, useCopilot);
    const known = this.loaded.get(key);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(clusterId, useCopilot, signal).then(
        (estimate) => {
          this.loaded.set(key, estimate);
          this.loading.delete(key);
          return estimate;
        },
        (error: unknown) => {
          this.loading.delete(key);
          throw error;
        },
      );
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** The estimate if already read, for synchronous defaults and bounds. */
  cached(clusterId: string, useCopilot: boolean): ClusterEstimate | undefined {
    return this.loaded.get(keyOf(clusterId, useCopilot));
  }
}

function keyOf(clusterId: string, useCopilot: boolean): string {
  return `${clusterId}|${useCopilot ? 'copilot' : 'plain'}`;
}
