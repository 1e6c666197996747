/**
 * What a command acts on. Tree nodes carry one as `target`; the webview and other commands pass one directly;
 * from the palette (no argument) a command asks for it with a quick pick.
 */
export interface ClusterTarget {
  kind: 'cluster';
  profileId: string;
  clusterId: string;
  clusterName: string;
  clusterStatus: string;
}

export interface InstanceTarget {
  kind: 'instance';
  profileId: string;
  clusterId: string;
  clusterName: string;
  cloudMlId: string;
  name: string;
  state: string;
  /** endpoint_ip_address / domain, when known. */
  endpoint?: string;
}

export type CommandTarget = ClusterTarget | InstanceTarget;

function isTarget(value: unknown): value is CommandTarget {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'cluster' || kind === 'instance') && typeof (value as { profileId?: unknown }).profileId === 'string';
}

/** The target behind a command argument: a target itself, or a tree node holding one as `target`. */
export function targetOf(arg: unknown): CommandTarget | undefined {
  if (isTarget(arg)) return arg;
  if (typeof arg === 'object' && arg !== null && isTarget((arg as { target?: unknown }).target)) {
    return (arg as { target: CommandTarget }).target;
  }
  return undefined;
}
