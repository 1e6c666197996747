import { z } from 'zod';
import { lenientBoolean, optionalBoolean, optionalNumber, optionalText, quantity } from './lenientScalars';
import { redactObject } from './redact';
import { tolerantArray, tolerantObject } from './tolerantItems';

/**
 * Requests and responses of the nine Cloud ML 1.0 operations (reference/cloud-ml-openapi-1.0.txt).
 * Responses are lenient (loose objects, unknown states, numbers or strings); requests are strict, since
 * they are what we send. Each exported schema is a z.lazy, built on its first parse rather than when
 * dist/scpRuntime.js loads (see skeSchemas.ts).
 */

const absentAsUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

// ---------- responses ----------

/** `GET /v1/cloud-ml/check-duplication`: `result: true` means the name or domain is already taken. */
export const checkDuplicationResponseSchema = z.lazy(() => z.looseObject({ result: lenientBoolean }));

/** `GET /v1/cloud-ml/clusters/{id}/estimate`: values are numbers where they read as numbers. */
export const clusterEstimateSchema = z.lazy(() => {
  const analyticsEstimateSchema = z.looseObject({ cpu: quantity, gpu: quantity, memory: quantity });
  const applicationEstimateSchema = z.looseObject({ cpu: quantity, memory: quantity });
  return z.looseObject({
    analytics: analyticsEstimateSchema.nullish().transform(absentAsUndefined),
    application: applicationEstimateSchema.nullish().transform(absentAsUndefined),
    copilot: analyticsEstimateSchema.nullish().transform(absentAsUndefined),
  });
});

export const cloudMlImageSchema = z.lazy(() =>
  z.looseObject({
    image_id: z.string().min(1),
    image_name: optionalText,
    display_version: optionalText,
    k8s_version: optionalText,
    copilot_enabled: optionalBoolean.transform((v) => v ?? false),
  }),
);

/** `GET /v1/cloud-ml/images`. A malformed image (an empty id) is dropped. */
export const imagesResponseSchema = z.lazy(() =>
  z.looseObject({
    contents: tolerantArray(cloudMlImageSchema, 'contents')
      .nullable()
      .transform((v) => v ?? []),
    total_count: optionalNumber,
  }),
);

/** `GET /v1/cloud-ml/clusters/{id}/check-releasable`: exceptions say why not (strings or objects). */
export const checkReleasableResponseSchema = z.lazy(() =>
  z.looseObject({
    result: lenientBoolean,
    exceptions: z
      .array(z.unknown())
      .nullish()
      .transform((items) => (items ?? []).map(describeException)),
  }),
);

const cloudMlDetailFields = () => z.looseObject({
  cloud_ml_id: z.string().min(1),
  cloud_ml_name: z.string(),
  cloud_ml_state: optionalText,
  cluster_id: optionalText,
  cluster_name: optionalText,
  cluster_permission: z.record(z.string(), z.unknown()).nullish().transform(absentAsUndefined),
  cluster_request_failed: optionalBoolean,
  copilot_enabled: optionalBoolean,
  created_by: optionalText,
  created_dt: optionalText,
  modified_by: optionalText,
  modified_dt: optionalText,
  custom_registry_access_key: optionalText,
  custom_registry_host: optionalText,
  description: optionalText,
  display_version: optionalText,
  domain_name: optionalText,
  endpoint_ip_address: optionalText,
  endpoint_type: optionalText,
  image_id: optionalText,
  image_name: optionalText,
  namespace_name: optionalText,
  product_group_id: optionalText,
  project_id: optionalText,
  request_id: optionalText,
  resource_limit_text: optionalText,
  resource_request_text: optionalText,
  storage_class_name: optionalText,
});

/**
 * CloudMLDetailResponse (show, update, and `cloud_ml` of the cluster product). Unknown fields are kept
 * for display, except that any field named like a secret is masked: the UI shows every field.
 */
export const cloudMlDetailSchema = z.lazy(() => cloudMlDetailFields().transform((detail) => redactObject(detail)));

/**
 * `GET /v1/cloud-ml/clusters/{id}`: `cloud_ml` is empty or absent when the cluster has no Cloud ML (undefined),
 * and null when there is one this client cannot read (no id): it is dropped and reported, the call succeeds.
 */
export const clusterProductResponseSchema = z.lazy(() =>
  z.looseObject({
    cloud_ml: z.preprocess((v) => (v === null || isEmptyObject(v) ? undefined : v), tolerantObject(cloudMlDetailSchema, 'cloud_ml').optional()),
    cloud_ml_common: z.record(z.string(), z.unknown()).nullish().transform(absentAsUndefined),
  }),
);

/** `POST /v1/cloud-ml` (AsyncResponse): `resource_id` is the new cloud_ml_id. */
export const createResponseSchema = z.lazy(() =>
  z.looseObject({
    resource_id: z.string().min(1),
    request_id: optionalText,
    project_id: optionalText,
  }),
);

// ---------- requests ----------

/** CloudMLRequest. The registry credentials are the container registry's own key, not the SCP key. */
export const cloudMlCreateRequestSchema = z.lazy(() => {
  const nonBlank = z.string().refine((s) => s.trim() !== '', { message: 'must not be empty' });
  const amount = z.number().finite().nonnegative();
  return z.strictObject({
  cloud_ml_name: nonBlank,
  cluster_id: nonBlank,
  image_id: nonBlank,
  domain_name: nonBlank,
  endpoint_type: nonBlank,
  custom_registry_host: nonBlank,
  custom_registry_access_key: nonBlank,
  custom_registry_access_secret_key: nonBlank,
  description: z.string().optional(),
  product_group_id: z.string().optional(),
  custom_registry_access_project_id: z.string().optional(),
  custom_registry_access_region: z.string().optional(),
  use_copilot: z.boolean().optional(),
  analytics_resource: z.strictObject({ cpu: amount, gpu: z.string().optional(), memory: amount }).optional(),
  application_resource: z.strictObject({ cpu: amount, memory: amount }).optional(),
  copilot: z.strictObject({ cpu: amount, gpu: z.string().optional(), memory: amount }).optional(),
  tags: z.array(z.strictObject({ key: nonBlank, value: z.string() })).optional(),
  });
});

/** CloudMLUpdateRequest: only the description can change. */
export const cloudMlUpdateRequestSchema = z.lazy(() => z.strictObject({ description: z.string() }));

// ---------- types ----------

export type CloudMlDetail = z.infer<typeof cloudMlDetailSchema>;
export type CloudMlImage = z.infer<typeof cloudMlImageSchema>;
export type ClusterEstimate = z.infer<typeof clusterEstimateSchema>;
export type CloudMlCreateRequest = z.input<typeof cloudMlCreateRequestSchema>;

export interface CloudMlCreateResult {
  cloudMlId: string;
  requestId?: string;
  projectId?: string;
}

export interface ReleasableResult {
  releasable: boolean;
  /** Why the Cloud ML cannot be released (empty when it can). */
  exceptions: string[];
}

export interface ClusterProduct {
  /** undefined when the cluster has no Cloud ML, or has one that cannot be read (then `unreadableCloudMl`). */
  cloudMl: CloudMlDetail | undefined;
  /** SCP sent a Cloud ML block without an id: there is an instance, but nothing to show or act on. */
  unreadableCloudMl: boolean;
  common: Record<string, unknown> | undefined;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** An exception entry as one line: a string as is, an object by its message-like field, else as JSON. */
function describeException(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && item !== null) {
    const record = item as Record<string, unknown>;
    for (const key of ['message', 'detail', 'reason', 'description', 'name']) {
      const value = record[key];
      if (typeof value === 'string' && value !== '') return value;
    }
    return JSON.stringify(redactObject(item));
  }
  return String(item);
}
