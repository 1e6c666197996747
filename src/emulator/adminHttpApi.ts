import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { carriesAdminToken } from './adminToken';
import type { ApiResponse } from './apiResponse';
import { jsonResponse } from './apiResponse';
import type { EmulatorAdmin } from './emulatorAdmin';
import type { EmulatorState } from './emulatorState';
import { EmulatorAdminError } from './emulatorAdmin';
import { parseJsonBody } from './handlerResponses';
import { redactStateSecrets } from './secretRedaction';

/**
 * The admin API: the EmulatorAdmin operations over HTTP, unsigned, JSON in and out, loopback clients only, and
 * only with the header `X-Emulator-Token: <the token of this start>` (see adminToken.ts); no web page gets here
 * (requestOrigin.ts refuses any request with an Origin header or a Host that is not this emulator on loopback).
 *
 *   POST /_emulator/setLatency          {"fixedMs": 100, "randomMs": 50}
 *   POST /_emulator/injectFault         {"kind": "status", "status": 503, "count": 2, "path": "/v1/cloud-ml"} (path: see fault.ts)
 *   POST /_emulator/clearFaults
 *   GET  /_emulator/counters            -> {total, byRoute, peakInFlight, peakInFlightByRoute, inFlight}
 *   POST /_emulator/resetCounters       (also forgets the recorded request headers)
 *   GET  /_emulator/lastRequestHeaders  -> {"GET /v1/clusters": {"accept-language": "ko-KR", ...}, ...}
 *   POST /_emulator/reset
 *   POST /_emulator/setCloudMlDisabled  {"disabled": true}
 *   POST /_emulator/forceState          {"cloudMlId": "...", "state": "ERROR"}
 *   POST /_emulator/setReleasable       {"clusterId": "...", "exceptions": ["..."]}
 *   POST /_emulator/setEstimate         {"clusterId": "...", "estimate": {"analytics": {...}, "application": {...}, "copilot": {...}}}
 *   POST /_emulator/setDeploySeconds    {"seconds": 2}
 *   POST /_emulator/hideNewInstances    {"seconds": 3}  show answers 404 for an instance younger than that (0 = off)
 *   GET  /_emulator/snapshot            -> the whole state, secret-named fields redacted (as in the state file)
 *   POST /_emulator/loadState           a whole state (as snapshot returns it) replaces the current one
 *
 * Success: 200 with the result (or {"ok": true}); failure: 4xx {"error": "<one sentence>"}, including the 401 for a
 * missing or wrong token.
 */
export const ADMIN_PATH_PREFIX = '/_emulator/';

type AdminOperation = { method: 'GET' | 'POST'; body?: z.ZodType; run(admin: EmulatorAdmin, body: unknown): unknown };

const OPERATIONS: Readonly<Record<string, AdminOperation>> = {
  setLatency: {
    method: 'POST',
    body: z.object({ fixedMs: z.number().min(0).default(0), randomMs: z.number().min(0).default(0) }),
    run: (admin, body) => admin.setLatency(body as { fixedMs: number; randomMs: number }),
  },
  injectFault: { method: 'POST', body: z.unknown(), run: (admin, body) => admin.injectFault(body as Parameters<EmulatorAdmin['injectFault']>[0]) },
  clearFaults: { method: 'POST', run: (admin) => admin.clearFaults() },
  counters: { method: 'GET', run: (admin) => admin.counters() },
  resetCounters: { method: 'POST', run: (admin) => admin.resetCounters() },
  lastRequestHeaders: { method: 'GET', run: (admin) => admin.lastRequestHeaders() },
  reset: { method: 'POST', run: (admin) => admin.reset() },
  setCloudMlDisabled: {
    method: 'POST',
    body: z.object({ disabled: z.boolean() }),
    run: (admin, body) => admin.setCloudMlDisabled((body as { disabled: boolean }).disabled),
  },
  forceState: {
    method: 'POST',
    body: z.object({ cloudMlId: z.string().min(1), state: z.string().min(1) }),
    run: (admin, body) => {
      const b = body as { cloudMlId: string; state: string };
      admin.forceState(b.cloudMlId, b.state);
    },
  },
  setReleasable: {
    method: 'POST',
    body: z.object({ clusterId: z.string().min(1), exceptions: z.array(z.string()) }),
    run: (admin, body) => {
      const b = body as { clusterId: string; exceptions: string[] };
      admin.setReleasable(b.clusterId, b.exceptions);
    },
  },
  setEstimate: {
    method: 'POST',
    body: z.object({ clusterId: z.string().min(1), estimate: z.unknown() }),
    run: (admin, body) => {
      const b = body as { clusterId: string; estimate: Parameters<EmulatorAdmin['setEstimate']>[1] };
      admin.setEstimate(b.clusterId, b.estimate);
    },
  },
  setDeploySeconds: {
    method: 'POST',
    body: z.object({ seconds: z.number().min(0) }),
    run: (admin, body) => admin.setDeploySeconds((body as { seconds: number }).seconds),
  },
  hideNewInstances: {
    method: 'POST',
    body: z.object({ seconds: z.number().min(0) }),
    run: (admin, body) => admin.hideNewInstances((body as { seconds: number }).seconds),
  },
  // In-process snapshot() is exact (tests check what the extension sent); over HTTP the secrets stay in the process.
  snapshot: { method: 'GET', run: (admin) => redactStateSecrets(admin.snapshot()) },
  loadState: { method: 'POST', body: z.unknown(), run: (admin, body) => admin.loadState(body as EmulatorState) },
};

export function isAdminPath(pathname: string): boolean {
  return pathname.startsWith(ADMIN_PATH_PREFIX);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** One admin API request as the pipeline read it. */
export interface AdminRequest {
  method: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  bodyText: string;
  remoteAddress: string | undefined;
}

export function handleAdminRequest(request: AdminRequest, admin: EmulatorAdmin, adminToken: string): ApiResponse {
  const { method, pathname, bodyText } = request;
  if (!isLoopbackAddress(request.remoteAddress)) return adminError(403, 'The emulator admin API answers loopback clients only.');
  if (!carriesAdminToken(request.headers, adminToken)) {
    return adminError(401, 'The emulator admin API needs the header X-Emulator-Token with the token this emulator printed at start.');
  }
  const name = pathname.slice(ADMIN_PATH_PREFIX.length);
  const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
  if (!operation) return adminError(404, `There is no admin operation "${name}"; see adminHttpApi.ts for the list.`);
  if (method.toUpperCase() !== operation.method) return adminError(405, `Use ${operation.method} for /_emulator/${name}.`);

  let body: unknown;
  if (operation.body) {
    const json = bodyText.trim() === '' ? { ok: true as const, value: {} } : parseJsonBody(bodyText);
    if (!json.ok) return adminError(400, 'The request body is not valid JSON.');
    const parsed = operation.body.safeParse(json.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return adminError(400, `Invalid ${issue?.path.map(String).join('.') || 'body'}: ${issue?.message ?? 'unknown problem'}.`);
    }
    body = parsed.data;
  }
  try {
    const result = operation.run(admin, body);
    return jsonResponse(200, result === undefined ? { ok: true } : result);
  } catch (error) {
    if (error instanceof EmulatorAdminError) return adminError(error.status, error.message);
    throw error;
  }
}

/** The admin API's error shape: {"error": "<one sentence>"}. */
export function adminError(status: number, message: string): ApiResponse {
  return jsonResponse(status, { error: message });
}
