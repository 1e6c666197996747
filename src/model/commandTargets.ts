import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import type { SkeCluster } from '../scp/skeSchemas';

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

/** The command target of a cluster (what "create here", "estimate", "refresh" act on). */
export function clusterTarget(profileId: string, cluster: Pick<SkeCluster, 'id' | 'name' | 'status'>): ClusterTarget {
  return { kind: 'cluster', profileId, clusterId: cluster.id, clusterName: cluster.name, clusterStatus: cluster.status };
}

/** What names an instance when no detail is at hand: a tracked operation, a create just accepted, a panel. */
export interface InstanceFacts {
  cloudMlId: string;
  name: string;
  /** The last state seen; '' when none was. */
  state?: string;
  endpoint?: string | undefined;
}

/**
 * The command target of a Cloud ML instance (details, update, delete, copy...), from a detail read from SCP or
 * from the facts the caller knows. The one place an InstanceTarget is put together.
 */
export function instanceTarget(profileId: string, cluster: Pick<SkeCluster, 'id' | 'name'>, instance: CloudMlDetail | InstanceFacts): InstanceTarget {
  const facts = 'cloud_ml_id' in instance ? factsOf(instance) : instance;
  const target: InstanceTarget = {
    kind: 'instance',
    profileId,
    clusterId: cluster.id,
    clusterName: cluster.name,
    cloudMlId: facts.cloudMlId,
    name: facts.name,
    state: facts.state ?? '',
  };
  if (facts.endpoint !== undefined) target.endpoint = facts.endpoint;
  return target;
}

/** Where an instance is reached: its endpoint address, else its domain name. */
export function instanceEndpoint(detail: CloudMlDetail): string | undefined {
  const address = detail.endpoint_ip_address?.trim();
  if (address) return address;
  const domain = detail.domain_name?.trim();
  return domain ? domain : undefined;
}

function factsOf(detail: CloudMlDetail): InstanceFacts {
  const facts: InstanceFacts = { cloudMlId: detail.cloud_ml_id, name: detail.cloud_ml_name };
  if (detail.cloud_ml_state !== undefined) facts.state = detail.cloud_ml_state;
  const endpoint = instanceEndpoint(detail);
  if (endpoint !== undefined) facts.endpoint = endpoint;
  return facts;
}

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
