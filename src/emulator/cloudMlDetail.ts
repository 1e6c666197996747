import type { EmulatorStore } from './emulatorStore';
import type { ClusterRecord, InstanceRecord } from './emulatorState';

/**
 * The CloudMLDetailResponse of an instance, with exactly the reference's field names. The registry secret key
 * is never part of it.
 */
export function cloudMlDetail(instance: InstanceRecord, store: EmulatorStore): Record<string, unknown> {
  const cluster = store.cluster(instance.cluster_id);
  const image = store.image(instance.image_id);
  return {
    cloud_ml_id: instance.cloud_ml_id,
    cloud_ml_name: instance.cloud_ml_name,
    cloud_ml_state: instance.cloud_ml_state,
    cluster_id: instance.cluster_id,
    cluster_name: cluster?.name ?? '',
    cluster_permission: {},
    cluster_request_failed: instance.cloud_ml_state.toUpperCase() === 'ERROR',
    copilot_enabled: instance.use_copilot,
    created_by: instance.created_by,
    created_dt: instance.created_dt,
    custom_registry_access_key: instance.custom_registry_access_key,
    custom_registry_host: instance.custom_registry_host,
    description: instance.description,
    display_version: image?.display_version ?? '',
    domain_name: instance.domain_name,
    endpoint_ip_address: instance.endpoint_ip_address,
    endpoint_type: instance.endpoint_type,
    image_id: instance.image_id,
    image_name: image?.image_name ?? '',
    modified_by: instance.modified_by,
    modified_dt: instance.modified_dt,
    namespace_name: instance.namespace_name,
    product_group_id: instance.product_group_id,
    project_id: instance.project_id,
    request_id: instance.request_id,
    resource_limit_text: instance.resource_limit_text,
    resource_request_text: instance.resource_request_text,
    storage_class_name: instance.storage_class_name,
  };
}

/** The `cloud_ml_common` block of GET /v1/cloud-ml/clusters/{id} (not documented: a plausible summary). */
export function cloudMlCommon(cluster: ClusterRecord, instance: InstanceRecord | undefined): Record<string, unknown> {
  return {
    cluster_id: cluster.id,
    cluster_name: cluster.name,
    cluster_status: cluster.status,
    kubernetes_version: cluster.kubernetes_version,
    node_count: cluster.node_count,
    cloud_ml_installed: instance !== undefined,
  };
}
