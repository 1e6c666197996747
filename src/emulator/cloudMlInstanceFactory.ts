import type { CloudMlCreateRequest } from './cloudMlRequestSchemas';
import type { InstanceRecord } from './emulatorState';

/** What an instance gets when the create body leaves its resources out (cores / GiB / cards). */
export const DEFAULT_RESOURCES = {
  analytics: { cpu: 4, gpu: 0, memory: 16 },
  application: { cpu: 2, memory: 8 },
  copilot: { cpu: 4, gpu: 1, memory: 16 },
} as const;

/** Limits are this many times the requests for cpu and memory (gpu is never overcommitted). */
const LIMIT_FACTOR = 2;

export interface NewInstanceParams {
  id: string;
  request: CloudMlCreateRequest;
  /** The body exactly as received, kept for assertions. */
  rawRequest: Record<string, unknown>;
  projectId: string;
  userId: string;
  requestId: string;
  nowIso: string;
  state: string;
}

export function newInstanceRecord(p: NewInstanceParams): InstanceRecord {
  const r = p.request;
  const texts = resourceTexts(r);
  return {
    cloud_ml_id: p.id,
    cloud_ml_name: r.cloud_ml_name,
    cloud_ml_state: p.state,
    cluster_id: r.cluster_id,
    image_id: r.image_id,
    domain_name: r.domain_name,
    endpoint_type: r.endpoint_type,
    endpoint_ip_address: endpointAddress(p.id, r.endpoint_type),
    description: r.description ?? '',
    product_group_id: r.product_group_id ?? '',
    project_id: p.projectId,
    request_id: p.requestId,
    namespace_name: `cloud-ml-${r.cloud_ml_name}`,
    storage_class_name: 'scp-nfs-storage',
    resource_request_text: texts.request,
    resource_limit_text: texts.limit,
    custom_registry_host: r.custom_registry_host,
    custom_registry_access_key: r.custom_registry_access_key,
    use_copilot: r.use_copilot ?? false,
    created_by: p.userId,
    created_dt: p.nowIso,
    modified_by: p.userId,
    modified_dt: p.nowIso,
    createRequest: p.rawRequest,
  };
}

/** The requested resources as numbers, defaults filled in ("" gpu = 0). */
export function requestedResources(r: CloudMlCreateRequest): {
  analytics: { cpu: number; gpu: number; memory: number };
  application: { cpu: number; memory: number };
  copilot: { cpu: number; gpu: number; memory: number } | undefined;
} {
  const analytics = r.analytics_resource
    ? { cpu: r.analytics_resource.cpu, gpu: Number(r.analytics_resource.gpu || 0), memory: r.analytics_resource.memory }
    : { ...DEFAULT_RESOURCES.analytics };
  const application = r.application_resource ? { ...r.application_resource } : { ...DEFAULT_RESOURCES.application };
  const copilot = !r.use_copilot
    ? undefined
    : r.copilot
      ? { cpu: r.copilot.cpu, gpu: Number(r.copilot.gpu || 0), memory: r.copilot.memory }
      : { ...DEFAULT_RESOURCES.copilot };
  return { analytics, application, copilot };
}

/**
 * The detail response's resource_request_text / resource_limit_text. SCP does not document their format; the
 * emulator writes "analytics: cpu 4, gpu 1, memory 16Gi; application: cpu 2, memory 8Gi[; copilot: ...]".
 */
export function resourceTexts(r: CloudMlCreateRequest): { request: string; limit: string } {
  const res = requestedResources(r);
  const text = (factor: number): string => {
    const parts = [
      `analytics: cpu ${res.analytics.cpu * factor}, gpu ${res.analytics.gpu}, memory ${res.analytics.memory * factor}Gi`,
      `application: cpu ${res.application.cpu * factor}, memory ${res.application.memory * factor}Gi`,
    ];
    if (res.copilot) parts.push(`copilot: cpu ${res.copilot.cpu * factor}, gpu ${res.copilot.gpu}, memory ${res.copilot.memory * factor}Gi`);
    return parts.join('; ');
  };
  return { request: text(1), limit: text(LIMIT_FACTOR) };
}

/** A stable address derived from the id: private 10.x.y.z, public from the documentation range 203.0.113.0/24. */
function endpointAddress(id: string, endpointType: string): string {
  const byte = (i: number): number => parseInt(id.slice(i * 2, i * 2 + 2), 16) || 0;
  return endpointType.toUpperCase() === 'PUBLIC' ? `203.0.113.${(byte(0) % 254) + 1}` : `10.${byte(1)}.${byte(2)}.${(byte(3) % 254) + 1}`;
}
