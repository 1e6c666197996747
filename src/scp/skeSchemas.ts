import { z } from 'zod';
import { optionalNumber, optionalText } from './lenientScalars';
import { tolerantArray } from './tolerantItems';

/**
 * SKE cluster list and show (docs/scp-api.md "SKE clusters"). Objects are loose: fields SCP adds later are kept and
 * shown. States are plain strings (unknown states are accepted and shown as they came).
 *
 * Each exported schema is a z.lazy: built on its first parse, not when dist/scpRuntime.js loads (building every
 * schema of the API took a third of that load, on the way to the first page).
 */

const clusterShape = () => ({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  kubernetes_version: optionalText,
  node_count: optionalNumber,
  account_id: optionalText,
  subnet_id: optionalText,
  created_at: optionalText,
  modified_at: optionalText,
});

export const skeClusterSchema = z.lazy(() => z.looseObject(clusterShape()));

export const skeClusterDetailSchema = z.lazy(() => {
  const idAndName = z.looseObject({ id: optionalText, name: optionalText });
  return z.looseObject({
    ...clusterShape(),
    cluster_namespace: optionalText,
    max_node_count: optionalNumber,
    public_endpoint_url: optionalText,
    private_endpoint_url: optionalText,
    vpc: idAndName.nullish().transform((v) => v ?? undefined),
    subnet: idAndName.nullish().transform((v) => v ?? undefined),
    created_by: optionalText,
    modified_by: optionalText,
  });
});

/**
 * `GET /v1/clusters`: `count` is the total over all pages and may be null. A malformed cluster is dropped;
 * `received` is how many SCP sent, dropped ones included, since paging goes by what was sent.
 */
export const skeClusterListResponseSchema = z.lazy(() =>
  z.preprocess(
    (body) => (isRecord(body) && Array.isArray(body.clusters) ? { ...body, received: body.clusters.length } : body),
    z.looseObject({
      clusters: tolerantArray(skeClusterSchema, 'clusters'),
      received: z.number(),
      count: optionalNumber.transform((v) => v ?? null),
      links: z.array(z.unknown()).nullish(),
    }),
  ),
);

/** `GET /v1/clusters/{cluster_id}`. */
export const skeClusterShowResponseSchema = z.lazy(() => z.looseObject({ cluster: skeClusterDetailSchema }));

export type SkeCluster = z.infer<typeof skeClusterSchema>;
export type SkeClusterDetail = z.infer<typeof skeClusterDetailSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
