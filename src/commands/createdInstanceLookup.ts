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
 * Whether a create whose answer was lost (5xx, reset, timeout) in fact went through: the cluster's Cloud ML
 * first (a create lands on the cluster it names, and this gives the instance id), then check-duplication by
 * name, which tells a name someone else took from a create that did not happen.
 */
export async function lookUpCreatedInstance(
  api: CreatedInstanceApi,
  request: { name: string; clusterId: string },
  signal?: AbortSignal,
): Promise<CreatedInstanceLookup> {
  const product = await api.getClusterProduct(request.clusterId, signal);
  const instance = product.cloudMl;
  if (instance && instance.cloud_ml_name === request.name) return { outcome: 'created', detail: instance };
  const taken = await api.checkDuplication({ name: request.name }, signal);
  return taken ? { outcome: 'nameTakenElsewhere' } : { outcome: 'notCreated' };
}

/** A POST /v1/cloud-ml whose outcome is unknown: what it asked for. */
export interface CreateAttempt {
  name: string;
  cluster: { id: string; name: string };
}

export type LandedCreateLookup =
  | { landed: true; attempt: CreateAttempt; detail: CloudMlDetail }
  /** None of the attempts landed; `takenElsewhere` lists their names that someone else holds. */
  | { landed: false; takenElsewhere: string[] };

/**
 * Before ANY new POST after a create whose outcome is unknown (Retry, Edit then Create, a new name, another
 * cluster): did one of those earlier attempts land? Each is looked up by its own name on its own cluster, so
 * a changed name or cluster in the form does not hide the first instance. Failures propagate: a caller that
 * cannot find out must not POST.
 */
export async function lookUpLandedCreate(api: CreatedInstanceApi, attempts: readonly CreateAttempt[], signal?: AbortSignal): Promise<LandedCreateLookup> {
  const takenElsewhere: string[] = [];
  for (const attempt of attempts) {
    const found = await lookUpCreatedInstance(api, { name: attempt.name, clusterId: attempt.cluster.id }, signal);
    if (found.outcome === 'created') return { landed: true, attempt, detail: found.detail };
    if (found.outcome === 'nameTakenElsewhere') takenElsewhere.push(attempt.name);
  }
  return { landed: false, takenElsewhere };
}
