import { estimateAmount, type ResourceKind } from '../model/estimateAmounts';

/**
 * Whether a workload fits a cluster's estimate, and how much room the cluster keeps after it. Pure (no vscode),
 * shared by "Create Cloud ML: find a cluster for…" and the chat tools, so both rank and refuse alike.
 */

/** What the user needs for analytics (cores, cards, GiB) and whether copilot comes along. */
export interface WorkloadRequest {
  cpu: number;
  gpu: number;
  memory: number;
  useCopilot: boolean;
}

export const WORKLOAD_KINDS: readonly ResourceKind[] = ['cpu', 'gpu', 'memory'];

/** What the estimate still offers after the request, per kind; undefined = the estimate states no amount. */
export type Headroom = Record<ResourceKind, number | undefined>;

export interface Shortage {
  kind: ResourceKind;
  needed: number;
  free: number;
}

export type EstimateFit =
  | { kind: 'fits'; headroom: Headroom; estimate: Headroom; score: number }
  | { kind: 'short'; shortages: Shortage[] }
  /** Copilot asked for, but the estimate gives it no CPU or memory. */
  | { kind: 'noCopilot' };

/** The analytics amounts of an estimate (read with `use_copilot` as the request says). */
export function analyticsOf(estimate: unknown): Headroom {
  return {
    cpu: estimateAmount(estimate, { group: 'analytics', kind: 'cpu' }),
    gpu: estimateAmount(estimate, { group: 'analytics', kind: 'gpu' }),
    memory: estimateAmount(estimate, { group: 'analytics', kind: 'memory' }),
  };
}

export function fitOfEstimate(estimate: unknown, request: WorkloadRequest): EstimateFit {
  const offered = analyticsOf(estimate);
  const shortages: Shortage[] = [];
  const headroom: Headroom = { cpu: undefined, gpu: undefined, memory: undefined };
  for (const kind of WORKLOAD_KINDS) {
    const free = offered[kind];
    if (free === undefined) continue;
    if (request[kind] > free) shortages.push({ kind, needed: request[kind], free });
    else headroom[kind] = free - request[kind];
  }
  if (shortages.length > 0) return { kind: 'short', shortages };
  if (request.useCopilot && !offersCopilot(estimate)) return { kind: 'noCopilot' };
  return { kind: 'fits', headroom, estimate: offered, score: headroomScore(request, offered, headroom) };
}

/**
 * The share of the scarcest requested resource left after the request (0 = exactly full, 1 = untouched). A
 * resource not requested (0) or without a stated amount does not count; with nothing to compare the score is 0.
 */
function headroomScore(request: WorkloadRequest, offered: Headroom, headroom: Headroom): number {
  let score: number | undefined;
  for (const kind of WORKLOAD_KINDS) {
    const total = offered[kind];
    const left = headroom[kind];
    if (request[kind] <= 0 || total === undefined || left === undefined || total <= 0) continue;
    score = Math.min(score ?? 1, left / total);
  }
  return score ?? 0;
}

function offersCopilot(estimate: unknown): boolean {
  const cpu = estimateAmount(estimate, { group: 'copilot', kind: 'cpu' });
  const memory = estimateAmount(estimate, { group: 'copilot', kind: 'memory' });
  return cpu !== undefined && cpu > 0 && memory !== undefined && memory > 0;
}

/** Most room first; on a tie, more GPUs left, then more CPU left. */
export function compareFits(a: Extract<EstimateFit, { kind: 'fits' }>, b: Extract<EstimateFit, { kind: 'fits' }>): number {
  return b.score - a.score || (b.headroom.gpu ?? 0) - (a.headroom.gpu ?? 0) || (b.headroom.cpu ?? 0) - (a.headroom.cpu ?? 0);
}
