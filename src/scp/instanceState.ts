/**
 * What a Cloud ML or SKE cluster state means. SCP documents few states, so the rule is by shape
 * (SCP-API.md): `*ING` is on its way somewhere, DEPLOYED/RUNNING is fine, ERROR/FAILED/`*_FAILED` is
 * broken, anything else is unknown and shown as it came. Case-insensitive.
 */
export type StateClass = 'transitional' | 'healthy' | 'failed' | 'unknown';

const HEALTHY: ReadonlySet<string> = new Set(['DEPLOYED', 'RUNNING']);
const FAILED: ReadonlySet<string> = new Set(['ERROR', 'FAILED']);

export function classifyState(state?: string | null): StateClass {
  const s = (state ?? '').trim().toUpperCase();
  if (s === '') return 'unknown';
  if (HEALTHY.has(s)) return 'healthy';
  if (FAILED.has(s) || /[_-](?:FAILED|ERROR)$/.test(s)) return 'failed';
  if (/^[A-Z_-]*ING$/.test(s)) return 'transitional';
  return 'unknown';
}

/** Clusters follow the same rule (CREATING, RUNNING, UPDATING, DELETING, ERROR). */
export function classifyClusterState(status?: string | null): StateClass {
  return classifyState(status);
}

export function isTransitional(state?: string | null): boolean {
  return classifyState(state) === 'transitional';
}
