import { checkDuplication, checkReleasable, clusterEstimate, clusterProduct, createCloudMl, deleteCloudMl, listImages, showCloudMl, updateCloudMl } from './cloudMlHandlers';
import type { Route } from './routeContext';
import { getCluster, listClusters } from './skeHandlers';

/** Every API operation the emulator serves. Fixed segments come before `{id}` ones so that they win. */
export const API_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/v1/clusters', product: 'ske', handle: listClusters },
  { method: 'GET', pattern: '/v1/clusters/{id}', product: 'ske', handle: getCluster },
  { method: 'GET', pattern: '/v1/cloud-ml/check-duplication', product: 'cloud-ml', handle: checkDuplication },
  { method: 'GET', pattern: '/v1/cloud-ml/images', product: 'cloud-ml', handle: listImages },
  { method: 'GET', pattern: '/v1/cloud-ml/clusters/{id}/estimate', product: 'cloud-ml', handle: clusterEstimate },
  { method: 'GET', pattern: '/v1/cloud-ml/clusters/{id}/check-releasable', product: 'cloud-ml', handle: checkReleasable },
  { method: 'GET', pattern: '/v1/cloud-ml/clusters/{id}', product: 'cloud-ml', handle: clusterProduct },
  { method: 'POST', pattern: '/v1/cloud-ml', product: 'cloud-ml', handle: createCloudMl },
  { method: 'GET', pattern: '/v1/cloud-ml/{id}', product: 'cloud-ml', handle: showCloudMl },
  { method: 'PUT', pattern: '/v1/cloud-ml/{id}', product: 'cloud-ml', handle: updateCloudMl },
  { method: 'DELETE', pattern: '/v1/cloud-ml/{id}', product: 'cloud-ml', handle: deleteCloudMl },
];

export const CLOUD_ML_PATH_PREFIX = '/v1/cloud-ml';

export function isCloudMlPath(pathname: string): boolean {
  return pathname === CLOUD_ML_PATH_PREFIX || pathname.startsWith(`${CLOUD_ML_PATH_PREFIX}/`);
}

/** The route for a method and path, with its path parameters. */
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of API_ROUTES) {
    if (route.method !== method.toUpperCase()) continue;
    const params = matchPattern(route.pattern, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

/** The counter key of a request: "METHOD /pattern", or the path with id-like segments templated when unknown. */
export function routeKey(method: string, pathname: string): string {
  const known = API_ROUTES.find((route) => matchPattern(route.pattern, pathname) !== undefined);
  const template = known ? known.pattern : pathname.replace(/\/[0-9a-f]{32}(?=\/|$)/gi, '/{id}');
  return `${method.toUpperCase()} ${template}`;
}

function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = safeDecode(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
