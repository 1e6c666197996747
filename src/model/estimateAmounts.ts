/**
 * The resource vocabulary of a cluster estimate (what a cluster can give to Cloud ML), shared by the create form,
 * the cluster fit ranking and the chat tools. The estimate is read loosely: SCP documents its values as strings,
 * the client may have normalized them to numbers, and an absent or unreadable value means "no bound known".
 */

export type ResourceGroup = 'analytics' | 'application' | 'copilot';
export type ResourceKind = 'cpu' | 'gpu' | 'memory';

export interface ResourceField {
  group: ResourceGroup;
  kind: ResourceKind;
}

export const RESOURCE_FIELDS: readonly ResourceField[] = [
  { group: 'analytics', kind: 'cpu' },
  { group: 'analytics', kind: 'gpu' },
  { group: 'analytics', kind: 'memory' },
  { group: 'application', kind: 'cpu' },
  { group: 'application', kind: 'memory' },
  { group: 'copilot', kind: 'cpu' },
  { group: 'copilot', kind: 'gpu' },
  { group: 'copilot', kind: 'memory' },
];

/** The estimate's amount for a field, as a number; undefined when absent, empty or not a number. */
export function estimateAmount(estimate: unknown, field: ResourceField): number | undefined {
  const group = property(estimate, field.group);
  const raw = property(group, field.kind);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
