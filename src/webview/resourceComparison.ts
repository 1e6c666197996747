import type { ClusterEstimate } from '../scp/cloudMlSchemas';
import { parseQuantity, type ResourceAmounts } from './resourceText';
import { RESOURCE_GROUPS, type ResourceGroup, type ResourceGroupView, type ResourceKind, type ResourceRowView } from './webviewMessages';

/** The kinds each group of the estimate has (docs/scp-api.md "Cloud ML 1.0": application has no GPU). */
export const GROUP_KINDS: Record<ResourceGroup, readonly ResourceKind[]> = {
  analytics: ['cpu', 'gpu', 'memory'],
  application: ['cpu', 'memory'],
  copilot: ['cpu', 'gpu', 'memory'],
};

const UNITS: Record<ResourceKind, string> = { cpu: '', gpu: '', memory: 'GiB' };

/**
 * The cluster's estimate against what an instance requests and is limited to, per group and kind, with
 * positions on one scale per row (the largest of the three), so the app only draws. Rows with nothing known
 * are left out; so are groups without rows (no copilot estimate and no copilot request: no copilot group).
 */
export function compareResources(estimate: ClusterEstimate | undefined, request?: ResourceAmounts, limit?: ResourceAmounts): ResourceGroupView[] {
  const groups: ResourceGroupView[] = [];
  for (const group of RESOURCE_GROUPS) {
    const rows = GROUP_KINDS[group]
      .map((kind) => compareRow(kind, estimateValue(estimate, group, kind), request?.[group]?.[kind], limit?.[group]?.[kind]))
      .filter((row): row is ResourceRowView => row !== undefined);
    if (rows.length > 0) groups.push({ group, rows });
  }
  return groups;
}

type EstimateValue = { amount: number } | { text: string } | undefined;

function estimateValue(estimate: ClusterEstimate | undefined, group: ResourceGroup, kind: ResourceKind): EstimateValue {
  const section: unknown = estimate?.[group];
  if (typeof section !== 'object' || section === null) return undefined;
  const raw: unknown = (section as Record<string, unknown>)[kind];
  if (typeof raw === 'number') return Number.isFinite(raw) ? { amount: raw } : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const amount = parseQuantity(kind, raw);
  return amount === undefined ? { text: raw } : { amount };
}

function compareRow(kind: ResourceKind, estimate: EstimateValue, request: number | undefined, limit: number | undefined): ResourceRowView | undefined {
  if (estimate === undefined && request === undefined && limit === undefined) return undefined;
  const estimateAmount = estimate !== undefined && 'amount' in estimate ? estimate.amount : undefined;
  const row: ResourceRowView = {
    kind,
    unit: UNITS[kind],
    overEstimate: estimateAmount !== undefined && request !== undefined && request > estimateAmount,
  };
  if (estimateAmount !== undefined) row.estimate = estimateAmount;
  if (estimate !== undefined && 'text' in estimate) row.estimateText = estimate.text;
  if (request !== undefined) row.request = request;
  if (limit !== undefined) row.limit = limit;
  const scale = Math.max(estimateAmount ?? 0, request ?? 0, limit ?? 0);
  if (scale > 0) {
    if (estimateAmount !== undefined) row.estimatePercent = percentOf(estimateAmount, scale);
    if (request !== undefined) row.requestPercent = percentOf(request, scale);
    if (limit !== undefined) row.limitPercent = percentOf(limit, scale);
  }
  return row;
}

function percentOf(value: number, scale: number): number {
  return Math.min(100, Math.max(0, Math.round((value / scale) * 1000) / 10));
}
