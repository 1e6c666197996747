import type { CloudMlDetail } from '../scp/cloudMlSchemas';

/** The two Cloud ML calls that tell whether a create went through. */
export interface CreatedInstanceApi {
  checkDuplication(query: { name: string }, signal?: AbortSignal): Promise<boolean>;
  getClusterProduct(clusterId: string, signal?: AbortSignal): Promise<{ cloudMl: CloudMlDetail | undefined }>;
}

export type CreatedInstanceLookup =
  | { outcome: 'created'; detail: CloudMlDetail }
  | { outcome: 'notCreated' }
  /** The name is taken, but not by a Cloud ML on this cluster: someone else took it meanwhile. */
  | { outcome: 'nameTakenElsewhere' };

/**
 * Whether a create whose answer was lost (5xx, reset, timeout) in fact went through: check-duplication by name
 * first, then the cluster's product lookup for the instance id. A create is never sent twice: when the name
 * is taken, the caller treats it as created (if it is on our cluster) or stops.
 */
export async function lookUpCreatedInstance(
  api: CreatedInstanceApi,
  request: { name: string; clusterId: string },
  signal?: AbortSignal,
): Promise<CreatedInstanceLookup> {
  const taken = await api.checkDuplication({ name: request.name }, signal);
  if (!taken) return { outcome: 'notCreated' };
  const product = await api.getClusterProduct(request.clusterId, signal);
  const instance = product.cloudMl;
  if (instance && instance.cloud_ml_name === request.name) return { outcome: 'created', detail: instance };
  return { outcome: 'nameTakenElsewhere' };
}
