import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from './apiResponse';
import { gatewayNotFound, gatewayUnauthorized, standardError } from './apiResponse';
import { isCloudMlPath, matchRoute } from './apiRoutes';
import { isSupportedApiVersion } from './apiVersion';
import type { EmulatorStore } from './emulatorStore';
import type { Credentials } from './signatureVerifier';
import { signatureProblem } from './signatureVerifier';

export interface ApiRequest {
  method: string;
  /** req.url as received (path + query). */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  bodyText: string;
  requestId: string;
}

export interface ApiSettings {
  credentials: Credentials;
  cloudMlDisabled: boolean;
  deploySeconds: number;
  hideNewInstancesSeconds: number;
}

/**
 * Answers one API request as SCP would, in SCP's order: the gateway checks the signature, then routes (unknown
 * paths and products not enabled get its 404), then the product checks the API version and serves the call.
 */
export function handleApiRequest(request: ApiRequest, store: EmulatorStore, settings: ApiSettings): ApiResponse {
  const queryStart = request.rawUrl.indexOf('?');
  const pathname = queryStart === -1 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : request.rawUrl.slice(queryStart + 1));

  const rejected = signatureProblem(request, settings.credentials, store.now());
  if (rejected) return gatewayUnauthorized(rejected);

  if (settings.cloudMlDisabled && isCloudMlPath(pathname)) return gatewayNotFound(pathname, request.requestId);
  const matched = matchRoute(request.method, pathname);
  if (!matched) return gatewayNotFound(pathname, request.requestId);

  const versionHeader = request.headers['scp-api-version'];
  const version = Array.isArray(versionHeader) ? versionHeader[0] : versionHeader;
  if (!isSupportedApiVersion(version, matched.route.product)) {
    return standardError(406, 'NoSuchVersion', 'Not Acceptable', `API version "${version ?? ''}" is not supported; use "${matched.route.product} 1.0".`, request.requestId);
  }

  try {
    return matched.route.handle({
      store,
      params: matched.params,
      query,
      bodyText: request.bodyText,
      requestId: request.requestId,
      deploySeconds: settings.deploySeconds,
      hideNewInstancesSeconds: settings.hideNewInstancesSeconds,
    });
  } catch (error) {
    // A handler bug must still answer in SCP's shape rather than drop the connection.
    const reason = error instanceof Error ? error.message : String(error);
    return standardError(500, 'InternalServerError', 'Internal Server Error', `The emulator failed: ${reason}`, request.requestId);
  }
}
