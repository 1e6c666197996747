import type { IncomingMessage, ServerResponse } from 'node:http';
import { adminError, handleAdminRequest, isAdminPath } from './adminHttpApi';
import { handleApiRequest } from './apiRequestHandler';
import type { ApiResponse } from './apiResponse';
import { firewallRejected, gatewayNotFound, gatewayUnauthorized, standardError } from './apiResponse';
import { routeKey } from './apiRoutes';
import type { EmulatorAdmin, EmulatorSettings } from './emulatorAdmin';
import type { EmulatorStore } from './emulatorStore';
import type { Fault } from './fault';
import type { FaultQueue } from './faultQueue';
import type { RequestCounters } from './requestCounters';
import type { RequestHeaderLog } from './requestHeaderLog';
import { newRequestId, REQUEST_ID_HEADER } from './requestIds';
import { originRefusal } from './requestOrigin';
import type { Credentials } from './signatureVerifier';

/** Request bodies larger than this are refused (the real API takes small JSON bodies only). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface PipelineParts {
  store: EmulatorStore;
  faults: FaultQueue;
  counters: RequestCounters;
  headers: RequestHeaderLog;
  settings: EmulatorSettings;
  credentials: Credentials;
  admin: EmulatorAdmin;
  /** What every admin request must carry in X-Emulator-Token. */
  adminToken: string;
  /** Aborted by close(): pending latency waits end and nothing more is written. */
  closing: AbortSignal;
}

/**
 * One HTTP request, start to end: a request from a web page or for another Host is refused; admin requests go
 * straight to the admin API; API requests are counted, read, delayed (latency), possibly faulted, answered by the
 * API handler, and possibly corrupted on the way out.
 */
export function createRequestListener(parts: PipelineParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      // Last resort: an answer in SCP's shape instead of a dropped socket.
      if (!res.headersSent && !res.destroyed) {
        const reason = error instanceof Error ? error.message : String(error);
        write(res, standardError(500, 'InternalServerError', 'Internal Server Error', `The emulator failed: ${reason}`, 'unknown'), 'unknown');
      }
    });
  };
}

async function handle(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const pathname = rawUrl.split('?')[0] ?? '/';
  const refused = originRefusal(req.headers, req.socket.localPort);

  if (isAdminPath(pathname)) {
    if (refused) {
      write(res, adminError(refused.status, refused.message), '');
      return;
    }
    const bodyText = await readBody(req);
    const answer =
      bodyText === undefined
        ? tooLarge('admin')
        : handleAdminRequest({ method, pathname, headers: req.headers, bodyText, remoteAddress: req.socket.remoteAddress }, parts.admin, parts.adminToken);
    write(res, answer, '');
    return;
  }

  const requestId = newRequestId();
  if (refused) {
    // Not counted: it never reaches the API.
    const [code, title] = refused.status === 403 ? ['Forbidden', 'Forbidden'] : ['MisdirectedRequest', 'Misdirected Request'];
    write(res, standardError(refused.status, code, title, refused.message, requestId), requestId);
    return;
  }
  const route = routeKey(method, pathname);
  const end = parts.counters.begin(route);
  parts.headers.record(route, req.headers);
  res.on('close', end);

  const bodyText = await readBody(req);
  const { extraLatencyMs, fault } = parts.faults.take(method, pathname);
  await sleep(latencyMs(parts.settings) + extraLatencyMs, parts.closing);
  if (parts.closing.aborted || res.destroyed) return;
  if (bodyText === undefined) {
    write(res, tooLarge(requestId), requestId);
    return;
  }

  if (fault && answersInsteadOfApi(fault)) {
    answerWithFault(fault, req, res, pathname, requestId);
    return;
  }
  const response = handleApiRequest({ method, rawUrl, headers: req.headers, bodyText, requestId }, parts.store, {
    credentials: parts.credentials,
    cloudMlDisabled: parts.settings.cloudMlDisabled,
    deploySeconds: parts.settings.deploySeconds,
    hideNewInstancesSeconds: parts.settings.hideNewInstancesSeconds,
  });
  if (fault?.kind === 'applyThenFail') write(res, failureStatus(fault.status, requestId), requestId);
  else if (fault?.kind === 'malformedJson') write(res, malformed(response), requestId);
  else if (fault?.kind === 'truncatedBody') writeTruncated(res, response, requestId);
  else write(res, response, requestId);
}

type AnsweringFault = Extract<Fault, { kind: 'status' | 'firewall417' | 'gateway401' | 'gateway404' | 'connectionReset' | 'hang' }>;

function answersInsteadOfApi(fault: Fault): fault is AnsweringFault {
  return ['status', 'firewall417', 'gateway401', 'gateway404', 'connectionReset', 'hang'].includes(fault.kind);
}

function answerWithFault(fault: AnsweringFault, req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string): void {
  switch (fault.kind) {
    case 'status':
      write(res, failureStatus(fault.status, requestId), requestId);
      return;
    case 'firewall417':
      write(res, firewallRejected(requestId), requestId);
      return;
    case 'gateway401':
      write(res, gatewayUnauthorized('The request was rejected (injected fault).'), requestId);
      return;
    case 'gateway404':
      write(res, gatewayNotFound(pathname, requestId), requestId);
      return;
    case 'connectionReset':
      // A TCP RST, as a crashed proxy gives: the client sees ECONNRESET, not a clean end.
      req.socket.resetAndDestroy();
      return;
    case 'hang':
      // Never answer: the socket stays open until the client gives up or the emulator closes.
      return;
  }
}

const STATUS_ERRORS: Record<number, { code: string; title: string; detail: string }> = {
  429: { code: 'TooManyRequests', title: 'Too Many Requests', detail: 'Too many requests; slow down and try again.' },
  500: { code: 'InternalServerError', title: 'Internal Server Error', detail: 'An internal error occurred (injected fault).' },
  502: { code: 'BadGateway', title: 'Bad Gateway', detail: 'The upstream service did not answer properly (injected fault).' },
  503: { code: 'ServiceUnavailable', title: 'Service Unavailable', detail: 'The service is temporarily unavailable (injected fault).' },
};

function failureStatus(status: number, requestId: string): ApiResponse {
  const e = STATUS_ERRORS[status] ?? { code: 'Error', title: 'Error', detail: 'Injected fault.' };
  return standardError(status, e.code, e.title, e.detail, requestId);
}

/** The first half of the real body, declared as JSON with a correct length: complete HTTP, broken JSON. */
function malformed(response: ApiResponse): ApiResponse {
  const text = response.text.length >= 2 ? response.text.slice(0, Math.ceil(response.text.length / 2)) : '{"malformed": ';
  return { status: response.status >= 400 ? response.status : 200, contentType: 'application/json', text };
}

/** Declares the full length, sends half, then drops the connection. */
function writeTruncated(res: ServerResponse, response: ApiResponse, requestId: string): void {
  const full = Buffer.from(response.text || '{"truncated": true}', 'utf8');
  res.writeHead(response.status, { 'content-type': response.contentType, 'content-length': full.length, [REQUEST_ID_HEADER]: requestId });
  res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.destroy());
}

function write(res: ServerResponse, response: ApiResponse, requestId: string): void {
  if (res.destroyed || res.headersSent) return;
  const body = Buffer.from(response.text, 'utf8');
  const headers: Record<string, string | number> = { 'content-type': response.contentType, 'content-length': body.length };
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  res.writeHead(response.status, headers);
  res.end(body);
}

function tooLarge(requestId: string): ApiResponse {
  return standardError(413, 'PayloadTooLarge', 'Payload Too Large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, requestId);
}

/** The body as text, or undefined when it is larger than MAX_BODY_BYTES (the rest is drained, not kept). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) tooBig = true;
    else chunks.push(buffer);
  }
  return tooBig ? undefined : Buffer.concat(chunks).toString('utf8');
}

function latencyMs(settings: EmulatorSettings): number {
  return settings.latency.fixedMs + Math.random() * settings.latency.randomMs;
}

/** Waits, but gives up at once when the emulator closes (no timer outlives close()). */
function sleep(ms: number, closing: AbortSignal): Promise<void> {
  if (ms <= 0 || closing.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      closing.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    closing.addEventListener('abort', onAbort, { once: true });
  });
}
