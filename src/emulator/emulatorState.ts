import { z } from 'zod';

/**
 * Everything the emulator knows, as plain JSON (so it can be snapshotted, persisted and reseeded).
 * Field names of clusters and images follow the SCP responses; the few internal fields are camelCase.
 */

/** What a cluster can give to Cloud ML (cpu in cores, memory in GiB, gpu in cards). */
export const clusterEstimateSchema = z.object({
  analytics: z.object({ cpu: z.number(), gpu: z.number(), memory: z.number() }),
  application: z.object({ cpu: z.number(), memory: z.number() }),
  copilot: z.object({ cpu: z.number(), gpu: z.number(), memory: z.number() }),
});
export type ClusterEstimate = z.infer<typeof clusterEstimateSchema>;

export const clusterRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  kubernetes_version: z.string(),
  node_count: z.number(),
  max_node_count: z.number(),
  account_id: z.string(),
  subnet_id: z.string(),
  subnet_name: z.string(),
  vpc_id: z.string(),
  vpc_name: z.string(),
  cluster_namespace: z.string(),
  public_endpoint_url: z.string(),
  private_endpoint_url: z.string(),
  created_at: z.string(),
  modified_at: z.string(),
  created_by: z.string(),
  modified_by: z.string(),
  estimate: clusterEstimateSchema,
  /** Why Cloud ML cannot be released from this cluster; empty = releasable. */
  releaseExceptions: z.array(z.string()),
});
export type ClusterRecord = z.infer<typeof clusterRecordSchema>;

export const imageRecordSchema = z.object({
  image_id: z.string(),
  image_name: z.string(),
  display_version: z.string(),
  k8s_version: z.string(),
  copilot_enabled: z.boolean(),
});
export type ImageRecord = z.infer<typeof imageRecordSchema>;

/** A pending state change, evaluated lazily on every read: at `atMs` the state becomes `to` (`null` = removed). */
export const transitionSchema = z.object({ atMs: z.number(), to: z.string().nullable() });

export const instanceRecordSchema = z.object({
  cloud_ml_id: z.string(),
  cloud_ml_name: z.string(),
  cloud_ml_state: z.string(),
  cluster_id: z.string(),
  image_id: z.string(),
  domain_name: z.string(),
  endpoint_type: z.string(),
  endpoint_ip_address: z.string(),
  description: z.string(),
  product_group_id: z.string(),
  project_id: z.string(),
  request_id: z.string(),
  namespace_name: z.string(),
  storage_class_name: z.string(),
  resource_request_text: z.string(),
  resource_limit_text: z.string(),
  custom_registry_host: z.string(),
  custom_registry_access_key: z.string(),
  use_copilot: z.boolean(),
  created_by: z.string(),
  created_dt: z.string(),
  modified_by: z.string(),
  modified_dt: z.string(),
  /** Absent when the state is settled, or when a transitional state is meant to last (a long deployment). */
  transition: transitionSchema.optional(),
  /** The create body exactly as received (tests assert on it). */
  createRequest: z.record(z.string(), z.unknown()),
});
export type InstanceRecord = z.infer<typeof instanceRecordSchema>;

export const STATE_FORMAT_VERSION = 1;

export const emulatorStateSchema = z.object({
  formatVersion: z.literal(STATE_FORMAT_VERSION),
  projectId: z.string(),
  accountId: z.string(),
  userId: z.string(),
  clusters: z.array(clusterRecordSchema),
  images: z.array(imageRecordSchema),
  instances: z.array(instanceRecordSchema),
});
export type EmulatorState = z.infer<typeof emulatorStateSchema>;
