import { cloudMlDetailSchema, clusterEstimateSchema, type CloudMlDetail, type ClusterEstimate } from '../../../src/scp/cloudMlSchemas';
import type { DetailsSnapshot, DetailsTexts } from '../../../src/webview/detailsView';
import type { EstimateTexts } from '../../../src/webview/estimateView';
import { DETAILS_LABEL_KEYS, ESTIMATE_LABEL_KEYS, type DetailsLabelKey, type EstimateLabelKey } from '../../../src/webview/webviewMessages';

/** Labels that are their own key in brackets, so a test can tell which label ended up where. */
export function detailsTexts(): DetailsTexts {
  return {
    labels: Object.fromEntries(DETAILS_LABEL_KEYS.map((key) => [key, `[${key}]`])) as Record<DetailsLabelKey, string>,
    fieldLabels: { cloud_ml_name: 'Name', description: 'Description' },
    clusterLabels: { name: 'Cluster name' },
    deletedBadge: 'DELETED',
    deletedNotice: (name) => `${name} was deleted.`,
    shortened: (length) => `(${length} in all)`,
  };
}

export function estimateTexts(): EstimateTexts {
  return {
    labels: Object.fromEntries(ESTIMATE_LABEL_KEYS.map((key) => [key, `[${key}]`])) as Record<EstimateLabelKey, string>,
    title: (clusterName) => `Estimate: ${clusterName}`,
  };
}

/** A detail as the client hands it over: parsed by the real response schema. */
export function detail(fields: Record<string, unknown> = {}): CloudMlDetail {
  return cloudMlDetailSchema.parse({
    cloud_ml_id: 'ml-1',
    cloud_ml_name: 'my-ml',
    cloud_ml_state: 'DEPLOYED',
    cluster_id: 'c-1',
    cluster_name: 'cluster-a',
    description: 'plain',
    domain_name: 'my-ml.example.com',
    endpoint_ip_address: '10.0.0.7',
    resource_request_text: 'analytics: cpu 4, gpu 1, memory 16Gi; application: cpu 2, memory 8Gi',
    resource_limit_text: 'analytics: cpu 8, gpu 1, memory 32Gi; application: cpu 4, memory 16Gi',
    ...fields,
  });
}

export function estimate(raw: Record<string, unknown> = { analytics: { cpu: '16', gpu: '2', memory: '64' }, application: { cpu: '8', memory: '32' }, copilot: {} }): ClusterEstimate {
  return clusterEstimateSchema.parse(raw);
}

export function snapshot(overrides: Partial<DetailsSnapshot> = {}): DetailsSnapshot {
  return {
    state: { profileId: 'p-1', cloudMlId: 'ml-1', clusterId: 'c-1' },
    name: 'my-ml',
    deleted: false,
    busy: false,
    ...overrides,
  };
}
