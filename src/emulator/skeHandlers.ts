import type { ApiResponse } from './apiResponse';
import { jsonResponse, standardError } from './apiResponse';
import { clusterListQuerySchema, parseWithFieldProblems } from './cloudMlRequestSchemas';
import type { ClusterRecord } from './emulatorState';
import { invalidParameters } from './handlerResponses';
import type { RouteContext } from './routeContext';

/** GET /v1/clusters: page (0-based), size, sort "<field>:<asc|desc>", name substring, repeated status. */
export function listClusters(context: RouteContext): ApiResponse {
  const q = context.query;
  const parsed = parseWithFieldProblems(clusterListQuerySchema, {
    page: q.get('page') ?? undefined,
    size: q.get('size') ?? undefined,
    sort: q.get('sort') ?? undefined,
    name: q.get('name') ?? undefined,
    status: q.getAll('status'),
  });
  if (!parsed.ok) return invalidParameters(parsed.problems, context.requestId);
  const { page, size, sort, name, status } = parsed.value;
  const wantedStatuses = status.flatMap((s) => s.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const needle = name?.toLowerCase();
  const matching = context.store
    .clusters()
    .filter((c) => (needle ? c.name.toLowerCase().includes(needle) : true))
    .filter((c) => (wantedStatuses.length > 0 ? wantedStatuses.includes(c.status.toUpperCase()) : true));
  const [field, direction] = sort.split(':') as [SortField, 'asc' | 'desc'];
  const sorted = [...matching].sort((a, b) => {
    const order = a[field].localeCompare(b[field]) || a.id.localeCompare(b.id);
    return direction === 'asc' ? order : -order;
  });
  const clusters = sorted.slice(page * size, page * size + size).map(clusterSummary);
  return jsonResponse(200, { clusters, count: matching.length, links: [] });
}

/** The fields the list can be sorted by (clusterListQuerySchema allows exactly these). */
type SortField = 'name' | 'created_at' | 'modified_at' | 'status';

/** GET /v1/clusters/{id} */
export function getCluster(context: RouteContext): ApiResponse {
  const cluster = context.store.cluster(context.params.id ?? '');
  if (!cluster) return clusterNotFound(context.params.id ?? '', context.requestId);
  return jsonResponse(200, { cluster: clusterDetail(cluster) });
}

export function clusterNotFound(id: string, requestId: string): ApiResponse {
  return standardError(404, 'NotFound', 'Not Found', `Cluster ${id} was not found.`, requestId);
}

function clusterSummary(c: ClusterRecord): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    kubernetes_version: c.kubernetes_version,
    node_count: c.node_count,
    account_id: c.account_id,
    subnet_id: c.subnet_id,
    created_at: c.created_at,
    modified_at: c.modified_at,
  };
}

function clusterDetail(c: ClusterRecord): Record<string, unknown> {
  return {
    ...clusterSummary(c),
    cluster_namespace: c.cluster_namespace,
    max_node_count: c.max_node_count,
    public_endpoint_url: c.public_endpoint_url,
    private_endpoint_url: c.private_endpoint_url,
    vpc: { id: c.vpc_id, name: c.vpc_name },
    subnet: { id: c.subnet_id, name: c.subnet_name },
    created_by: c.created_by,
    modified_by: c.modified_by,
  };
}
