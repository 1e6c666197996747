import { setMaxListeners } from 'node:events';
import type { ClusterCatalog } from '../explorer/clusterCatalog';
import { cancelledError, linkedAbortController } from '../scp/cancellation';
import { isScpError } from '../scp/scpError';
import type { SkeCluster } from '../scp/skeSchemas';
import { fitOfEstimate, type EstimateFit, type WorkloadRequest } from './clusterFit';
import type { SessionEstimates } from './sessionEstimates';

/** Why a cluster can or cannot take the workload. */
export type ClusterVerdict =
  | EstimateFit
  | { kind: 'notRunning'; status: string }
  | { kind: 'hasCloudMl'; instanceName: string | undefined }
  | { kind: 'estimateFailed'; error: unknown }
  | { kind: 'lookupFailed'; error: unknown };

export interface ClusterFitResult {
  cluster: SkeCluster;
  verdict: ClusterVerdict;
}

export interface FitSources {
  catalog: Pick<ClusterCatalog, 'allClusters' | 'instanceOf' | 'hasUnreadableInstance'>;
  estimates: Pick<SessionEstimates, 'get'>;
}

/**
 * Judges every cluster of the profile for a workload, calling `onResult` as each verdict is known (clusters that
 * are not RUNNING at once, the others after their Cloud ML lookup and estimate, both under the limiter). A
 * cluster that already has a Cloud ML costs no estimate call. Cancelling stops the queued calls and throws.
 */
export async function judgeClusters(
  sources: FitSources,
  request: WorkloadRequest,
  onResult: (result: ClusterFitResult) => void,
  signal?: AbortSignal,
): Promise<ClusterFitResult[]> {
  const clusters = await sources.catalog.allClusters(signal);
  const { controller, dispose } = linkedAbortController(signal);
  setMaxListeners(0, controller.signal);
  const results: ClusterFitResult[] = [];
  try {
    await Promise.all(
      clusters.map(async (cluster) => {
        const verdict = await judgeCluster(sources, cluster, request, controller.signal);
        if (signal?.aborted) return;
        const result = { cluster, verdict };
        results.push(result);
        onResult(result);
      }),
    );
  } finally {
    dispose();
  }
  if (signal?.aborted) throw cancelledError();
  return results;
}

async function judgeCluster(sources: FitSources, cluster: SkeCluster, request: WorkloadRequest, signal: AbortSignal): Promise<ClusterVerdict> {
  if (cluster.status.toUpperCase() !== 'RUNNING') return { kind: 'notRunning', status: cluster.status };
  try {
    const instance = await sources.catalog.instanceOf(cluster.id, signal);
    if (instance) return { kind: 'hasCloudMl', instanceName: instance.cloud_ml_name };
    if (sources.catalog.hasUnreadableInstance(cluster.id)) return { kind: 'hasCloudMl', instanceName: undefined };
  } catch (error) {
    if (isCancelled(error)) throw error;
    return { kind: 'lookupFailed', error };
  }
  try {
    return fitOfEstimate(await sources.estimates.get(cluster.id, request.useCopilot, signal), request);
  } catch (error) {
    if (isCancelled(error)) throw error;
    return { kind: 'estimateFailed', error };
  }
}

function isCancelled(error: unknown): boolean {
  return isScpError(error) && error.kind === 'cancelled';
}
