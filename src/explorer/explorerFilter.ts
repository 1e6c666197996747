import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { classifyState, type StateClass } from '../scp/instanceState';
import type { SkeCluster } from '../scp/skeSchemas';

/**
 * The explorer's filter, as pure logic (unit-tested in Node). Text narrows by cluster name (case-insensitive
 * substring); the state narrows either by the cluster's status or by what its Cloud ML is doing.
 */
export type StateFilter =
  | { kind: 'clusterStatus'; status: string }
  | { kind: 'cloudMl'; state: StateClass | 'none' };

export interface ExplorerFilter {
  text?: string;
  state?: StateFilter;
}

/** A filter with nothing in it is no filter. */
export function normalizeFilter(filter: ExplorerFilter | undefined): ExplorerFilter | undefined {
  if (!filter) return undefined;
  const text = filter.text?.trim();
  const normalized: ExplorerFilter = {};
  if (text) normalized.text = text;
  if (filter.state) normalized.state = filter.state;
  return normalized.text === undefined && normalized.state === undefined ? undefined : normalized;
}

/** Whether the filter needs each cluster's Cloud ML looked up before it can decide. */
export function filterNeedsInstances(filter: ExplorerFilter | undefined): boolean {
  return filter?.state?.kind === 'cloudMl';
}

/**
 * Whether a cluster passes. `instance` is the cached lookup: the detail, undefined (none) or 'unknown' (not
 * looked up yet, then a Cloud ML state filter cannot pass it).
 */
export function clusterMatches(cluster: SkeCluster, instance: CloudMlDetail | undefined | 'unknown', filter: ExplorerFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.text !== undefined && !cluster.name.toLowerCase().includes(filter.text.toLowerCase())) return false;
  const state = filter.state;
  if (!state) return true;
  if (state.kind === 'clusterStatus') return cluster.status.trim().toUpperCase() === state.status.trim().toUpperCase();
  if (instance === 'unknown') return false;
  if (state.state === 'none') return instance === undefined;
  return instance !== undefined && classifyState(instance.cloud_ml_state) === state.state;
}

/** Stable key of a state filter, for picks ("clusterStatus:RUNNING", "cloudMl:healthy"). */
export function stateFilterKey(state: StateFilter): string {
  return state.kind === 'clusterStatus' ? `clusterStatus:${state.status.toUpperCase()}` : `cloudMl:${state.state}`;
}

/** The inverse of stateFilterKey; undefined for "any" or anything unknown. */
export function parseStateFilterKey(key: string): StateFilter | undefined {
  const [kind, value] = key.split(':', 2);
  if (!value) return undefined;
  if (kind === 'clusterStatus') return { kind: 'clusterStatus', status: value.toUpperCase() };
  if (kind === 'cloudMl' && ['healthy', 'transitional', 'failed', 'unknown', 'none'].includes(value)) {
    return { kind: 'cloudMl', state: value as StateClass | 'none' };
  }
  return undefined;
}

/** Cluster states SKE documents, offered by the filter. */
export const CLUSTER_STATUSES = ['RUNNING', 'CREATING', 'UPDATING', 'DELETING', 'ERROR'] as const;

/** Cloud ML state classes offered by the filter ('none' = clusters without Cloud ML). */
export const CLOUD_ML_STATE_FILTERS = ['healthy', 'transitional', 'failed', 'unknown', 'none'] as const;
