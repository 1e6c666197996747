import type { InstanceSighting, OperationKind } from './instanceChange';
import type { TrackedOperation } from './trackedOperation';

/** The operation a transitional state stands for (SCP does not say who started what). */
export function kindOfState(state: string): OperationKind {
  const s = state.toUpperCase();
  if (/DELET|TERMINAT|REMOV|UNINSTALL/.test(s)) return 'delete';
  if (/CREAT|DEPLOY|PROVISION|INSTALL/.test(s)) return 'create';
  return 'update';
}

/**
 * The operation behind an instance seen in a transitional state that nobody here started: a colleague, the SCP
 * console or the CLI moved it. It starts now (when it began is not known) from the state that was seen.
 */
export function operationFromSighting(sighting: InstanceSighting, now: number): TrackedOperation {
  const { detail } = sighting;
  const state = detail.cloud_ml_state ?? '';
  const clusterName = detail.cluster_name ?? sighting.clusterName;
  return {
    profileId: sighting.profileId,
    cloudMlId: detail.cloud_ml_id,
    clusterId: sighting.clusterId,
    ...(clusterName ? { clusterName } : {}),
    name: detail.cloud_ml_name,
    kind: kindOfState(state),
    started: now,
    origin: 'elsewhere',
    lastState: state,
    ...(detail.request_id ? { requestId: detail.request_id } : {}),
  };
}
