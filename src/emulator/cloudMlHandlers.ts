import { randomBytes } from 'node:crypto';
import type { ApiResponse } from './apiResponse';
import { emptyResponse, jsonResponse, standardError } from './apiResponse';
import { cloudMlCommon, cloudMlDetail } from './cloudMlDetail';
import { newInstanceRecord, requestedResources } from './cloudMlInstanceFactory';
import type { CloudMlCreateRequest, FieldProblem } from './cloudMlRequestSchemas';
import { cloudMlCreateRequestSchema, cloudMlUpdateRequestSchema, estimateQuerySchema, parseWithFieldProblems } from './cloudMlRequestSchemas';
import type { ClusterRecord, InstanceRecord } from './emulatorState';
import { bodyNotJson, invalidParameters, parseJsonBody } from './handlerResponses';
import { beginTransition, DEPLOYED, isTransitional } from './instanceLifecycle';
import { hiddenAsNew } from './newInstanceVisibility';
import type { RouteContext } from './routeContext';
import { clusterNotFound } from './skeHandlers';

/** GET /v1/cloud-ml/check-duplication?name=X | ?domain_name=X (exactly one). `result: true` = taken. */
export function checkDuplication(context: RouteContext): ApiResponse {
  const names = context.query.getAll('name');
  const domains = context.query.getAll('domain_name');
  if (names.length + domains.length !== 1 || (names[0] ?? domains[0] ?? '') === '') {
    return standardError(400, 'InvalidParameter', 'Bad Request', 'Give exactly one of the query parameters name or domain_name.', context.requestId);
  }
  const instances = context.store.current().instances;
  const name = names[0];
  const domain = domains[0];
  const result = name !== undefined ? instances.some((i) => i.cloud_ml_name === name) : instances.some((i) => i.domain_name === domain);
  return jsonResponse(200, { result });
}

/** GET /v1/cloud-ml/clusters/{id}/estimate?use_copilot=bool. Values are strings, as in the reference. */
export function clusterEstimate(context: RouteContext): ApiResponse {
  const cluster = context.store.cluster(context.params.id ?? '');
  if (!cluster) return clusterNotFound(context.params.id ?? '', context.requestId);
  const parsed = parseWithFieldProblems(estimateQuerySchema, { use_copilot: context.query.get('use_copilot') ?? undefined });
  if (!parsed.ok) return invalidParameters(parsed.problems, context.requestId);
  const e = cluster.estimate;
  return jsonResponse(200, {
    analytics: { cpu: String(e.analytics.cpu), gpu: String(e.analytics.gpu), memory: String(e.analytics.memory) },
    application: { cpu: String(e.application.cpu), memory: String(e.application.memory) },
    copilot: parsed.value.use_copilot ? { cpu: String(e.copilot.cpu), gpu: String(e.copilot.gpu), memory: String(e.copilot.memory) } : {},
  });
}

/** GET /v1/cloud-ml/images */
export function listImages(context: RouteContext): ApiResponse {
  const contents = context.store.current().images.map((i) => ({ ...i }));
  return jsonResponse(200, { contents, total_count: contents.length });
}

/** GET /v1/cloud-ml/clusters/{id}/check-releasable */
export function checkReleasable(context: RouteContext): ApiResponse {
  const cluster = context.store.cluster(context.params.id ?? '');
  if (!cluster) return clusterNotFound(context.params.id ?? '', context.requestId);
  return jsonResponse(200, { result: cluster.releaseExceptions.length === 0, exceptions: [...cluster.releaseExceptions] });
}

/** GET /v1/cloud-ml/clusters/{id}: the Cloud ML on that cluster (`cloud_ml: {}` when none). */
export function clusterProduct(context: RouteContext): ApiResponse {
  const cluster = context.store.cluster(context.params.id ?? '');
  if (!cluster) return clusterNotFound(context.params.id ?? '', context.requestId);
  const instance = context.store.instanceOnCluster(cluster.id);
  return jsonResponse(200, {
    cloud_ml: instance ? cloudMlDetail(instance, context.store) : {},
    cloud_ml_common: cloudMlCommon(cluster, instance),
  });
}

/** POST /v1/cloud-ml: validates every field (one error per bad field), then starts CREATING. */
export function createCloudMl(context: RouteContext): ApiResponse {
  const body = parseJsonBody(context.bodyText);
  if (!body.ok) return bodyNotJson(context.requestId);
  const parsed = parseWithFieldProblems(cloudMlCreateRequestSchema, body.value);
  if (!parsed.ok) return invalidParameters(parsed.problems, context.requestId);
  const request = parsed.value;
  const problems = createProblems(request, context);
  if (problems.length > 0) return invalidParameters(problems, context.requestId);

  const store = context.store;
  const state = store.current();
  const now = store.now();
  const instance = newInstanceRecord({
    id: randomBytes(16).toString('hex'),
    request,
    rawRequest: structuredClone(body.value as Record<string, unknown>),
    projectId: state.projectId,
    userId: state.userId,
    requestId: context.requestId,
    nowIso: new Date(now).toISOString(),
    state: 'CREATING',
  });
  beginTransition(instance, 'CREATING', DEPLOYED, now, context.deploySeconds);
  state.instances.push(instance);
  store.commit();
  return jsonResponse(200, { project_id: state.projectId, request_id: context.requestId, resource_id: instance.cloud_ml_id });
}

/** GET /v1/cloud-ml/{id} */
export function showCloudMl(context: RouteContext): ApiResponse {
  const instance = context.store.instance(context.params.id ?? '');
  if (!instance || hiddenAsNew(instance.created_dt, context.store.now(), context.hideNewInstancesSeconds)) {
    return cloudMlNotFound(context.params.id ?? '', context.requestId);
  }
  return jsonResponse(200, cloudMlDetail(instance, context.store));
}

/** PUT /v1/cloud-ml/{id} body {description}: 202 with the detail, now UPDATING. */
export function updateCloudMl(context: RouteContext): ApiResponse {
  const instance = context.store.instance(context.params.id ?? '');
  if (!instance) return cloudMlNotFound(context.params.id ?? '', context.requestId);
  const body = parseJsonBody(context.bodyText);
  if (!body.ok) return bodyNotJson(context.requestId);
  const parsed = parseWithFieldProblems(cloudMlUpdateRequestSchema, body.value);
  if (!parsed.ok) return invalidParameters(parsed.problems, context.requestId);
  if (isTransitional(instance.cloud_ml_state)) return operationInProgress(instance, context.requestId);
  const now = context.store.now();
  instance.description = parsed.value.description;
  instance.modified_dt = new Date(now).toISOString();
  instance.request_id = context.requestId;
  beginTransition(instance, 'UPDATING', DEPLOYED, now, context.deploySeconds);
  context.store.commit();
  return jsonResponse(202, cloudMlDetail(instance, context.store));
}

/** DELETE /v1/cloud-ml/{id}: 202 without a body, now DELETING, then gone. Refused while not releasable. */
export function deleteCloudMl(context: RouteContext): ApiResponse {
  const instance = context.store.instance(context.params.id ?? '');
  if (!instance) return cloudMlNotFound(context.params.id ?? '', context.requestId);
  if (isTransitional(instance.cloud_ml_state)) return operationInProgress(instance, context.requestId);
  const cluster = context.store.cluster(instance.cluster_id);
  if (cluster && cluster.releaseExceptions.length > 0) {
    return standardError(400, 'NotReleasable', 'Bad Request', [...cluster.releaseExceptions], context.requestId);
  }
  const now = context.store.now();
  instance.request_id = context.requestId;
  instance.modified_dt = new Date(now).toISOString();
  beginTransition(instance, 'DELETING', null, now, context.deploySeconds);
  context.store.commit();
  return emptyResponse(202);
}

export function cloudMlNotFound(id: string, requestId: string): ApiResponse {
  return standardError(404, 'NotFound', 'Not Found', `Cloud ML ${id} was not found.`, requestId);
}

function operationInProgress(instance: InstanceRecord, requestId: string): ApiResponse {
  return standardError(
    400,
    'OperationInProgress',
    'Bad Request',
    `Cloud ML ${instance.cloud_ml_name} is ${instance.cloud_ml_state}: an operation is in progress; try again when it has finished.`,
    requestId,
  );
}

/** The checks that need the state: cluster, image, copilot, taken name/domain, resources within the estimate. */
function createProblems(request: CloudMlCreateRequest, context: RouteContext): FieldProblem[] {
  const store = context.store;
  const problems: FieldProblem[] = [];
  const cluster = store.cluster(request.cluster_id);
  if (!cluster) problems.push({ field: 'cluster_id', message: `does not name an existing cluster (${request.cluster_id})` });
  else if (cluster.status.toUpperCase() !== 'RUNNING') problems.push({ field: 'cluster_id', message: `names a cluster that is ${cluster.status}; Cloud ML needs a RUNNING cluster` });
  else if (store.instanceOnCluster(cluster.id)) problems.push({ field: 'cluster_id', message: `names a cluster that already has a Cloud ML` });

  const image = store.image(request.image_id);
  if (!image) problems.push({ field: 'image_id', message: `does not name an available image (${request.image_id})` });
  else if (request.use_copilot && !image.copilot_enabled) problems.push({ field: 'use_copilot', message: `is not possible with image ${image.image_name} ${image.display_version}` });

  const instances = store.current().instances;
  if (instances.some((i) => i.cloud_ml_name === request.cloud_ml_name)) problems.push({ field: 'cloud_ml_name', message: `is already taken (${request.cloud_ml_name})` });
  if (instances.some((i) => i.domain_name === request.domain_name)) problems.push({ field: 'domain_name', message: `is already taken (${request.domain_name})` });

  if (cluster) problems.push(...resourceProblems(request, cluster));
  return problems;
}

function resourceProblems(request: CloudMlCreateRequest, cluster: ClusterRecord): FieldProblem[] {
  const wanted = requestedResources(request);
  const limits = cluster.estimate;
  const problems: FieldProblem[] = [];
  const check = (field: string, value: number, max: number): void => {
    if (value > max) problems.push({ field, message: `must be at most ${max} (the cluster estimate)` });
  };
  if (request.analytics_resource) {
    check('analytics_resource.cpu', wanted.analytics.cpu, limits.analytics.cpu);
    check('analytics_resource.gpu', wanted.analytics.gpu, limits.analytics.gpu);
    check('analytics_resource.memory', wanted.analytics.memory, limits.analytics.memory);
  }
  if (request.application_resource) {
    check('application_resource.cpu', wanted.application.cpu, limits.application.cpu);
    check('application_resource.memory', wanted.application.memory, limits.application.memory);
  }
  if (request.copilot && wanted.copilot) {
    check('copilot.cpu', wanted.copilot.cpu, limits.copilot.cpu);
    check('copilot.gpu', wanted.copilot.gpu, limits.copilot.gpu);
    check('copilot.memory', wanted.copilot.memory, limits.copilot.memory);
  }
  return problems;
}

