import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { compareFits, type WorkloadRequest } from '../capacity/clusterFit';
import { judgeClusters, type ClusterFitResult } from '../capacity/clusterFits';
import { amountsText, headroomText, refusalText, requestText } from '../capacity/fitTexts';
import { ScpError } from '../scp/scpError';
import type { ChatToolServices } from './chatToolServices';
import type { ReadOnlyToolSpec } from './readOnlyTool';

export const CLUSTER_CAPACITY_TOOL = 'scpCloudMl_clusterCapacity';

const amount = z.number().check(z.minimum(0), z.maximum(100_000));
const inputSchema = z.strictObject({
  clusterName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  cpu: z.optional(amount),
  gpu: z.optional(z.int().check(z.minimum(0), z.maximum(1_000))),
  memory: z.optional(amount),
  useCopilot: z.optional(z.boolean()),
});
type CapacityInput = z.infer<typeof inputSchema>;

/**
 * A cluster's estimate and the room it keeps after a workload, or every cluster ranked by that room (the same
 * ranking and reasons as "Create Cloud ML: find a cluster for…"). Without amounts the workload is empty, so
 * the result is each cluster's estimate.
 */
export function clusterCapacityTool(services: ChatToolServices): ReadOnlyToolSpec<CapacityInput> {
  return {
    name: CLUSTER_CAPACITY_TOOL,
    input: inputSchema,
    invocationMessage: (input) =>
      input.clusterName !== undefined
        ? vscode.l10n.t('Reading the capacity of cluster {0}…', input.clusterName)
        : vscode.l10n.t('Checking which clusters can take {0}…', requestText(workloadOf(input))),
    run: async (input, signal) => {
      const session = await services.connection.session();
      const request = workloadOf(input);
      const wanted = input.clusterName;
      if (wanted !== undefined && !(await services.catalog.allClusters(signal)).some((c) => c.name === wanted)) {
        throw new ScpError({ kind: 'badInput', message: vscode.l10n.t('No cluster named {0} is in profile {1}.', wanted, session.profile.name) });
      }
      const catalog = {
        allClusters: async (s?: AbortSignal) => (await services.catalog.allClusters(s)).filter((c) => wanted === undefined || c.name === wanted),
        instanceOf: (id: string, s?: AbortSignal) => services.catalog.instanceOf(id, s),
        hasUnreadableInstance: (id: string) => services.catalog.hasUnreadableInstance(id),
      };
      const results = await judgeClusters({ catalog, estimates: services.estimates }, request, () => undefined, signal);
      const lines = [vscode.l10n.t('Analytics request: {0}. Profile {1}.', requestText(request), session.profile.name)];
      const ranked = rank(results);
      ranked.forEach((result, index) => lines.push(resultLine(result, index)));
      if (!ranked.some((r) => r.verdict.kind === 'fits')) lines.push(vscode.l10n.t('No cluster can take this request.'));
      return lines.join('\n');
    },
  };
}

function workloadOf(input: CapacityInput): WorkloadRequest {
  return { cpu: input.cpu ?? 0, gpu: input.gpu ?? 0, memory: input.memory ?? 0, useCopilot: input.useCopilot ?? false };
}

/** Clusters that fit, most room first, then the others by name. */
export function rank(results: readonly ClusterFitResult[]): ClusterFitResult[] {
  return [...results].sort((a, b) => {
    const af = a.verdict.kind === 'fits' ? a.verdict : undefined;
    const bf = b.verdict.kind === 'fits' ? b.verdict : undefined;
    if (af && bf) return compareFits(af, bf) || a.cluster.name.localeCompare(b.cluster.name);
    if (af) return -1;
    if (bf) return 1;
    return a.cluster.name.localeCompare(b.cluster.name);
  });
}

function resultLine(result: ClusterFitResult, index: number): string {
  const { cluster, verdict } = result;
  if (verdict.kind === 'fits') {
    return vscode.l10n.t('{0}. cluster {1}: can take it; estimate {2}; {3}.', String(index + 1), cluster.name, amountsText(verdict.estimate), headroomText(verdict.headroom));
  }
  return vscode.l10n.t('- cluster {0}: cannot take it: {1}.', cluster.name, refusalText(verdict) ?? '');
}
