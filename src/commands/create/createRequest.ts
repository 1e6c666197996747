import type { CloudMlCreateRequest } from '../../scp/cloudMlSchemas';
import { ScpError } from '../../scp/scpError';
import { copilotRequested, type CreateCloudMlContext, type GpuResources } from './createCloudMlContext';


/**
 * The POST /v1/cloud-ml body for the answers, exactly as entered: optional fields left empty are omitted
 * (not sent as ""), gpu goes as a string as the API types it, copilot resources only when copilot is requested.
 */
export function buildCreateRequest(ctx: CreateCloudMlContext): CloudMlCreateRequest {
  const { registry } = ctx;
  const useCopilot = copilotRequested(ctx);
  const request: CloudMlCreateRequest = {
    cloud_ml_name: required(ctx.name, 'cloud_ml_name'),
    cluster_id: required(ctx.cluster?.id, 'cluster_id'),
    image_id: required(ctx.image?.id, 'image_id'),
    domain_name: required(ctx.domainName, 'domain_name'),
    endpoint_type: required(ctx.endpointType, 'endpoint_type'),
    custom_registry_host: required(registry.host, 'custom_registry_host'),
    custom_registry_access_key: required(registry.accessKey, 'custom_registry_access_key'),
    custom_registry_access_secret_key: required(registry.secretKey, 'custom_registry_access_secret_key'),
    use_copilot: useCopilot,
    analytics_resource: gpuResource(ctx.analytics, 'analytics_resource'),
    application_resource: {
      cpu: required(ctx.application.cpu, 'application_resource.cpu'),
      memory: required(ctx.application.memory, 'application_resource.memory'),
    },
  };
  if (useCopilot) request.copilot = gpuResource(ctx.copilot, 'copilot');
  const description = ctx.description?.trim();
  if (description) request.description = description;
  const projectId = registry.projectId?.trim();
  if (projectId) request.custom_registry_access_project_id = projectId;
  const region = registry.region?.trim();
  if (region) request.custom_registry_access_region = region;
  if (ctx.tags.length > 0) request.tags = ctx.tags.map((tag) => ({ key: tag.key, value: tag.value }));
  return request;
}

function gpuResource(resources: GpuResources, name: string): { cpu: number; gpu: string; memory: number } {
  return {
    cpu: required(resources.cpu, `${name}.cpu`),
    gpu: String(resources.gpu ?? 0),
    memory: required(resources.memory, `${name}.memory`),
  };
}

function required<T>(value: T | undefined, field: string): T {
  // Only reachable when the form did not run to its end: a programming error, still reported as one sentence.
  if (value === undefined || value === '') {
    throw new ScpError({ kind: 'badInput', message: `The create form has no value for ${field}. Run Create Cloud ML again.`, field });
  }
  return value;
}
