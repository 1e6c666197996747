import { z } from 'zod';
import {
  checkDuplicationResponseSchema,
  checkReleasableResponseSchema,
  cloudMlCreateRequestSchema,
  cloudMlDetailSchema,
  cloudMlUpdateRequestSchema,
  clusterEstimateSchema,
  clusterProductResponseSchema,
  createResponseSchema,
  imagesResponseSchema,
  type CloudMlCreateRequest,
  type CloudMlCreateResult,
  type CloudMlDetail,
  type CloudMlImage,
  type ClusterEstimate,
  type ClusterProduct,
  type ReleasableResult,
} from './cloudMlSchemas';
import { collectSecretValues } from './redact';
import type { ScpHttpClient } from './scpHttpClient';
import { parseRequestBody } from './schemaValidation';
import { ScpError } from './scpError';
import { pathSegment } from './urlEncoding';

/** Name or domain, exactly one of them. */
export type DuplicationQuery = { name: string } | { domainName: string };

/** The nine Cloud ML 1.0 operations. There is no "list all": ask each cluster (getClusterProduct). */
export class CloudMlApi {
  constructor(private readonly http: ScpHttpClient) {}

  /** True when the name (or domain name) is already taken. */
  async checkDuplication(query: DuplicationQuery, signal?: AbortSignal): Promise<boolean> {
    const name = 'name' in query ? query.name : undefined;
    const domainName = 'domainName' in query ? query.domainName : undefined;
    if ((name === undefined) === (domainName === undefined) || (name ?? domainName ?? '').trim() === '') {
      throw new ScpError({ kind: 'badInput', message: 'Give either a name or a domain name to check; it must not be empty.' });
    }
    const body = await this.http.request({
      service: 'cloud-ml',
      method: 'GET',
      path: '/v1/cloud-ml/check-duplication',
      query: name !== undefined ? { name } : { domain_name: domainName },
      schema: checkDuplicationResponseSchema,
      signal,
    });
    return body.result;
  }

  async getEstimate(clusterId: string, useCopilot: boolean, signal?: AbortSignal): Promise<ClusterEstimate> {
    return this.http.request({
      service: 'cloud-ml',
      method: 'GET',
      path: `/v1/cloud-ml/clusters/${pathSegment(clusterId)}/estimate`,
      query: { use_copilot: useCopilot },
      schema: clusterEstimateSchema,
      signal,
    });
  }

  async listImages(signal?: AbortSignal): Promise<CloudMlImage[]> {
    const body = await this.http.request({ service: 'cloud-ml', method: 'GET', path: '/v1/cloud-ml/images', schema: imagesResponseSchema, signal });
    return body.contents;
  }

  async checkReleasable(clusterId: string, signal?: AbortSignal): Promise<ReleasableResult> {
    const body = await this.http.request({
      service: 'cloud-ml',
      method: 'GET',
      path: `/v1/cloud-ml/clusters/${pathSegment(clusterId)}/check-releasable`,
      schema: checkReleasableResponseSchema,
      signal,
    });
    return { releasable: body.result, exceptions: body.exceptions };
  }

  /** The Cloud ML installed on a cluster; `cloudMl` is undefined when there is none or it cannot be read. */
  async getClusterProduct(clusterId: string, signal?: AbortSignal): Promise<ClusterProduct> {
    const body = await this.http.request({
      service: 'cloud-ml',
      method: 'GET',
      path: `/v1/cloud-ml/clusters/${pathSegment(clusterId)}`,
      schema: clusterProductResponseSchema,
      signal,
    });
    return { cloudMl: body.cloud_ml ?? undefined, unreadableCloudMl: body.cloud_ml === null, common: body.cloud_ml_common };
  }

  /**
   * Starts a Cloud ML installation. The body is checked before sending (nothing goes out when it is
   * invalid). Never retried: after a failure, checkDuplication tells whether it went through.
   */
  async create(request: CloudMlCreateRequest, signal?: AbortSignal): Promise<CloudMlCreateResult> {
    const body = parseRequestBody(cloudMlCreateRequestSchema, request, 'create', collectSecretValues(request));
    const result = await this.http.request({ service: 'cloud-ml', method: 'POST', path: '/v1/cloud-ml', body, schema: createResponseSchema, signal });
    const out: CloudMlCreateResult = { cloudMlId: result.resource_id };
    if (result.request_id !== undefined) out.requestId = result.request_id;
    if (result.project_id !== undefined) out.projectId = result.project_id;
    return out;
  }

  async get(cloudMlId: string, signal?: AbortSignal): Promise<CloudMlDetail> {
    return this.http.request({
      service: 'cloud-ml',
      method: 'GET',
      path: `/v1/cloud-ml/${pathSegment(cloudMlId)}`,
      schema: cloudMlDetailSchema,
      signal,
    });
  }

  /** The show call's body as SCP sent it (any JSON object, unknown fields kept, nothing coerced): "Open as JSON". */
  async getRaw(cloudMlId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.http.request({ service: 'cloud-ml', method: 'GET', path: `/v1/cloud-ml/${pathSegment(cloudMlId)}`, schema: z.record(z.string(), z.unknown()), signal });
  }

  /** PUT (202). When SCP answers without a body, the instance is read again. */
  async updateDescription(cloudMlId: string, description: string, signal?: AbortSignal): Promise<CloudMlDetail> {
    const body = parseRequestBody(cloudMlUpdateRequestSchema, { description }, 'update');
    const detail = await this.http.request({
      service: 'cloud-ml',
      method: 'PUT',
      path: `/v1/cloud-ml/${pathSegment(cloudMlId)}`,
      body,
      schema: cloudMlDetailSchema.optional(),
      signal,
    });
    return detail ?? this.get(cloudMlId, signal);
  }

  /** DELETE (202, no body). Poll `get` until it answers 404. */
  async delete(cloudMlId: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ service: 'cloud-ml', method: 'DELETE', path: `/v1/cloud-ml/${pathSegment(cloudMlId)}`, schema: z.unknown(), signal });
  }
}
