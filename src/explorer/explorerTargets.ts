import type { ClusterTarget, InstanceTarget } from '../commands/commandTargets';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import type { SkeCluster } from '../scp/skeSchemas';

/** The command target of a cluster (what "create here", "estimate", "refresh" act on). */
export function clusterTarget(profileId: string, cluster: SkeCluster): ClusterTarget {
  return { kind: 'cluster', profileId, clusterId: cluster.id, clusterName: cluster.name, clusterStatus: cluster.status };
}

/** Where an instance is reached: its endpoint address, else its domain name. */
export function instanceEndpoint(detail: CloudMlDetail): string | undefined {
  const address = detail.endpoint_ip_address?.trim();
  if (address) return address;
  const domain = detail.domain_name?.trim();
  return domain ? domain : undefined;
}

/** The command target of a Cloud ML instance (details, update, delete, copy...). */
export function instanceTarget(profileId: string, cluster: Pick<SkeCluster, 'id' | 'name'>, detail: CloudMlDetail): InstanceTarget {
  const target: InstanceTarget = {
    kind: 'instance',
    profileId,
    clusterId: cluster.id,
    clusterName: cluster.name,
    cloudMlId: detail.cloud_ml_id,
    name: detail.cloud_ml_name,
    state: detail.cloud_ml_state ?? '',
  };
  const endpoint = instanceEndpoint(detail);
  if (endpoint !== undefined) target.endpoint = endpoint;
  return target;
}
