import { classifyClusterState, classifyState, type StateClass } from '../../scp/instanceState';

/**
 * How tree nodes look, as pure functions (no vscode, so unit-tested in Node): ids, contextValues (the menus in
 * package.json match on them), codicons and theme colours, and Markdown escaping for API text.
 */

/** What is known about a cluster's Cloud ML: menus offer "Create" only on `empty`. */
export type InstancePresence = 'withInstance' | 'empty' | 'unknown';

/** The presence a cached lookup means: the detail, undefined (none) or 'unknown' (not looked up). */
export function presenceOf(cached: { cloud_ml_id: string } | undefined | 'unknown'): InstancePresence {
  if (cached === 'unknown') return 'unknown';
  return cached ? 'withInstance' : 'empty';
}

export interface IconSpec {
  /** A codicon id, e.g. "sync~spin". */
  id: string;
  /** A theme colour id. */
  color: string;
}

/** Tree ids include the profile id, so two profiles never share a node and VS Code keeps expansion per profile. */
export function nodeId(profileId: string, ...parts: string[]): string {
  return [profileId, ...parts].map((part) => encodeURIComponent(part)).join('/');
}

function lowerState(state: string | undefined): string {
  const s = (state ?? '').trim().toLowerCase();
  return s === '' ? 'unknown' : s.replace(/[^a-z0-9_-]/g, '_');
}

/** `scpCloudMl.cluster.<status lower-case>.<empty|withInstance|unknown>` */
export function clusterContextValue(status: string | undefined, presence: InstancePresence): string {
  return `scpCloudMl.cluster.${lowerState(status)}.${presence}`;
}

/** `scpCloudMl.instance.<transitional|healthy|failed|unknown>.<state lower-case>`: no update/delete while transitional. */
export function instanceContextValue(state: string | undefined): string {
  return `scpCloudMl.instance.${classifyState(state)}.${lowerState(state)}`;
}

const CLUSTER_ICONS: Record<StateClass, IconSpec> = {
  healthy: { id: 'vm-running', color: 'testing.iconPassed' },
  transitional: { id: 'sync~spin', color: 'charts.yellow' },
  failed: { id: 'vm', color: 'testing.iconFailed' },
  unknown: { id: 'vm-outline', color: 'disabledForeground' },
};

const INSTANCE_ICONS: Record<StateClass, IconSpec> = {
  healthy: { id: 'pass', color: 'testing.iconPassed' },
  transitional: { id: 'sync~spin', color: 'charts.yellow' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  unknown: { id: 'question', color: 'disabledForeground' },
};

export function clusterIcon(status: string | undefined): IconSpec {
  return CLUSTER_ICONS[classifyClusterState(status)];
}

export function instanceIcon(state: string | undefined): IconSpec {
  return INSTANCE_ICONS[classifyState(state)];
}

/** Instance description: the state, then the image and its version when known ("DEPLOYED · Cloud ML 1.5.0"). */
export function instanceDescription(state: string | undefined, imageName: string | undefined, version: string | undefined): string {
  const image = [imageName, version].filter((part) => part !== undefined && part !== '').join(' ');
  return [state ?? '', image].filter((part) => part !== '').join(' · ');
}
