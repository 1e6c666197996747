import { z } from 'zod';
import type { ScpHttpClient } from './scpHttpClient';
import { skeClusterListResponseSchema, skeClusterShowResponseSchema, type SkeCluster, type SkeClusterDetail } from './skeSchemas';
import { pathSegment } from './urlEncoding';

export interface ListClustersOptions {
  /** 0-based. */
  page: number;
  size: number;
  name?: string;
  /** Sent as repeated `status=` parameters. */
  status?: readonly string[];
  /** E.g. `created_at:desc`. */
  sort?: string;
}

export interface ClusterPage {
  /** The readable clusters (a malformed one is dropped and logged by the client). */
  clusters: SkeCluster[];
  /** How many clusters SCP sent on this page, dropped ones included: what paging compares with the page size. */
  received: number;
  /** The total over all pages; null when SCP does not say. */
  count: number | null;
}

/** SKE, the Kubernetes clusters Cloud ML is installed on. */
export class SkeApi {
  constructor(private readonly http: ScpHttpClient) {}

  async listClusters(options: ListClustersOptions, signal?: AbortSignal): Promise<ClusterPage> {
    const body = await this.http.request({
      service: 'ske',
      method: 'GET',
      path: '/v1/clusters',
      query: {
        page: options.page,
        size: options.size,
        sort: options.sort,
        name: options.name === '' ? undefined : options.name,
        status: options.status !== undefined && options.status.length > 0 ? options.status : undefined,
      },
      schema: skeClusterListResponseSchema,
      signal,
    });
    return { clusters: body.clusters, received: body.received, count: body.count };
  }

  async getCluster(clusterId: string, signal?: AbortSignal): Promise<SkeClusterDetail> {
    const body = await this.http.request({
      service: 'ske',
      method: 'GET',
      path: `/v1/clusters/${pathSegment(clusterId)}`,
      schema: skeClusterShowResponseSchema,
      signal,
    });
    return body.cluster;
  }

  /** The show call's whole body as SCP sent it (any JSON object, unknown fields kept, nothing coerced): "Open as JSON". */
  async getClusterRaw(clusterId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.http.request({ service: 'ske', method: 'GET', path: `/v1/clusters/${pathSegment(clusterId)}`, schema: z.record(z.string(), z.unknown()), signal });
  }
}
