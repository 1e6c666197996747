import { classifyBody, detailsOf, looksBusy, looksMissing, type ResponseHeaders } from './errorBody';
import { isRecord } from './jsonRecord';
import { redactText } from './redact';
import { ScpError, type ScpErrorKind } from './scpError';

/** What every mapped failure knows about its request. `url` must already be redacted. */
export interface FailedRequest {
  method: string;
  url: string;
  /** The API path (no host, no query): decides whether a gateway 404 means "Cloud ML not enabled". */
  path: string;
  /** Values to mask in every text taken from the server (secret keys, registry secrets). */
  secrets?: readonly string[];
}

export interface FailedResponse extends FailedRequest {
  status: number;
  headers: ResponseHeaders;
  bodyText: string;
}

export interface NetworkFailure extends FailedRequest {
  error: unknown;
  /** Our own per-request timer fired. */
  timedOut?: boolean;
  timeoutMs?: number;
  /** The caller's AbortSignal fired. */
  cancelled?: boolean;
}

/** Headers SCP and its gateways may use to carry a request id (names are lower case). */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'requestid', 'x-scp-request-id', 'scp-request-id', 'x-global-request-id', 'global-request-id'];

const MAX_DETAIL_LENGTH = 300;

/** Maps a non-2xx response to an ScpError: kind from status and body shape, one sentence, request ids kept. */
export function errorFromResponse(response: FailedResponse): ScpError {
  const { status } = response;
  const body = classifyBody(response.bodyText, response.headers);
  const secrets = response.secrets ?? [];
  const requestIds = unique([...requestIdsFromHeaders(response.headers), ...('requestIds' in body ? body.requestIds : [])]);
  // Classification reads what the server said; only what is shown and logged is redacted.
  const rawDetails = detailsOf(body);
  const detailText = rawDetails.join(' ');
  const details = rawDetails.map((d) => truncate(redactText(d, secrets)));
  const onCloudMl = isCloudMlPath(response.path);

  const make = (kind: ScpErrorKind, message: string): ScpError =>
    new ScpError({ kind, message: redactText(message, secrets), status, requestIds, details, method: response.method, url: response.url });

  if (status >= 300 && status < 400) {
    // The client follows no redirect (it would carry the signature elsewhere); SCP's API itself never sends one.
    const location = headerText(response.headers.location);
    const to = location === undefined ? '' : ` to ${hostOf(location, response.url)}`;
    return make(
      'redirected',
      `The request to SCP was redirected (${status})${to}; a proxy or captive portal may be in the way, so check the network, then try again.`,
    );
  }
  if (status === 401 || body.shape === 'gateway401') {
    return make('auth', `SCP rejected the credentials (${status}); check the access key, the secret key and your clock, then sign in again.`);
  }
  if (status === 417 || status === 429) {
    return make(
      'throttled',
      status === 417
        ? "SCP's firewall rejected a burst of requests (417); wait a moment and try again."
        : 'SCP is limiting the request rate (429); wait a moment and try again.',
    );
  }
  if (status === 404) {
    if (body.shape === 'gateway404' && onCloudMl) {
      return make('notEnabled', 'Cloud ML is not available for this account or region; choose another region or enable Cloud ML in the SCP console.');
    }
    return make('notFound', 'SCP could not find this resource (404); it may have been deleted, so refresh and try again.');
  }
  if (status === 409 || (status === 400 && looksBusy(detailText, body))) {
    return make('conflict', `The instance is busy with another operation (${status}); wait until it settles, then try again.`);
  }
  if ((status === 400 || status === 403) && looksMissing(detailText)) {
    return make('notFound', `SCP could not find this resource (${status}); it may have been deleted, so refresh and try again.`);
  }
  if (status === 403) {
    // SCP answers 403 for ids that do not exist as well as for ids the key may not touch.
    return make('notFound', 'SCP refused access to this resource (403); it may not exist or the key may lack permission, so refresh or check the key.');
  }
  if (status === 406) {
    return make('validation', 'SCP does not support the API version this client sent (406); update the extension.');
  }
  if (status === 408) {
    return make('timeout', 'SCP gave up waiting for the request (408); try again.');
  }
  if (status >= 500) {
    return make('server', `SCP had an internal error (${status}); try again in a moment.`);
  }
  if (status === 400 && body.shape === 'standard' && body.codes.some((c) => /releasable/i.test(c))) {
    const why = details.length > 0 ? `: ${firstSentence(details.join('; '))}` : '';
    return make('validation', `SCP cannot release this Cloud ML yet (400)${why}; resolve these first, then try again.`);
  }
  if (status >= 400) {
    const why = details.length > 0 ? `: ${firstSentence(details[0] ?? '')}` : '';
    return make('validation', `SCP rejected the request (${status})${why}; correct the input and try again.`);
  }
  return make('server', `SCP answered with unexpected status ${status}; check the endpoint and try again.`);
}

/** Maps a failure without a usable response (reset, refused, DNS, TLS, timeout, abort, cut-off body). */
export function errorFromNetworkFailure(failure: NetworkFailure): ScpError {
  const common = { method: failure.method, url: failure.url };
  if (failure.cancelled) {
    return new ScpError({ kind: 'cancelled', message: 'The request was cancelled.', ...common });
  }
  const code = errorCode(failure.error);
  const text = errorText(failure.error).toLowerCase();
  if (code === 'ERR_BAD_RESPONSE' && text.includes('maxcontentlength')) {
    // axios stopped reading at the size limit: the same answer would be as large again, so no retry.
    return new ScpError({
      kind: 'malformed',
      message: `The response from ${hostOf(failure.url)} was larger than this client reads; try a narrower request, and report it if it persists.`,
      ...common,
    });
  }
  if (failure.timedOut || code === 'ETIMEDOUT' || code === 'ECONNABORTED' || text.includes('timeout')) {
    const after = failure.timeoutMs !== undefined ? ` within ${formatSeconds(failure.timeoutMs)}` : ' in time';
    return new ScpError({
      kind: 'timeout',
      message: `SCP did not answer${after}; check the network, or raise the request timeout and try again.`,
      ...common,
    });
  }
  const host = hostOf(failure.url);
  if (hasResponse(failure.error)) {
    // The status line and headers arrived, then the body stopped short.
    return new ScpError({
      kind: 'malformed',
      message: `The response from ${host} was cut off before it was complete; try again.`,
      ...common,
      status: responseStatus(failure.error),
    });
  }
  if (code !== undefined && TLS_CODES.has(code)) {
    return new ScpError({
      kind: 'network',
      message: `The TLS certificate of ${host} was not accepted (${code}); if a corporate proxy inspects traffic, point NODE_EXTRA_CA_CERTS at its CA certificate.`,
      hint: { code: 'tls', host, errorCode: code },
      ...common,
    });
  }
  const reason = code ?? (text.includes('socket hang up') ? 'socket hang up' : text.includes('aborted') ? 'connection aborted' : 'connection failed');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ScpError({
      kind: 'network',
      message: `Could not reach SCP at ${host} (${reason}); check the environment, region or endpoint override and your DNS.`,
      hint: { code: 'dns', host },
      ...common,
    });
  }
  if (code === 'ECONNREFUSED') {
    return new ScpError({
      kind: 'network',
      message: `Could not reach SCP at ${host} (${reason}); check that the endpoint is running and the port is right.`,
      hint: { code: 'refused', host },
      ...common,
    });
  }
  return new ScpError({ kind: 'network', message: `Could not reach SCP at ${host} (${reason}); check the network and proxy, then try again.`, ...common });
}

/** A 2xx body that is not JSON (or is cut off): 'malformed'. */
export function unreadableBodyError(request: FailedRequest & { status: number; headers: ResponseHeaders; bodyText: string }): ScpError {
  const trimmed = request.bodyText.trim();
  const cutOff = /^[[{]/.test(trimmed) && !/[\]}]$/.test(trimmed);
  return new ScpError({
    kind: 'malformed',
    message: cutOff
      ? `The response from SCP was cut off before it was complete (${request.status}); try again.`
      : `SCP sent a response that is not JSON (${request.status}); try again, and report it if it persists.`,
    status: request.status,
    requestIds: requestIdsFromHeaders(request.headers),
    method: request.method,
    url: request.url,
  });
}

/** A 2xx JSON body that violates the schema: 'malformed', naming the first field at fault. */
export function schemaViolationError(request: FailedRequest & { status?: number; requestIds?: string[] }, field: string, problem: string): ScpError {
  const where = field === '' ? problem : `${field}: ${problem}`;
  return new ScpError({
    kind: 'malformed',
    message: redactText(`SCP sent a response this client cannot read (${where}); try again, and report it if it persists.`, request.secrets ?? []),
    field: field === '' ? undefined : field,
    details: [redactText(where, request.secrets ?? [])],
    status: request.status,
    requestIds: request.requestIds,
    method: request.method,
    url: request.url,
  });
}

/** Request ids from the response headers (first value of each known header). */
export function requestIdsFromHeaders(headers: ResponseHeaders): string[] {
  const ids: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!REQUEST_ID_HEADERS.includes(name.toLowerCase())) continue;
    const first = Array.isArray(value) ? (value[0] as unknown) : value;
    if (typeof first === 'string' && first !== '') ids.push(first);
  }
  return unique(ids);
}

/** True for paths served by the Cloud ML product (where a gateway 404 means "not subscribed"). */
export function isCloudMlPath(path: string): boolean {
  return /^(?:\/[^/]+)*?\/v\d+\/cloud-ml(?:\/|$)/.test(path) || path.startsWith('/cloud-ml/');
}

const TLS_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function errorCode(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  // axios wraps the socket error; the underlying code (ECONNRESET, TLS codes) is on the cause.
  const cause = error.cause;
  if (isRecord(cause) && typeof cause.code === 'string' && cause.code !== 'ERR_BAD_RESPONSE') return cause.code;
  return typeof error.code === 'string' ? error.code : undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

function hasResponse(error: unknown): boolean {
  return isRecord(error) && isRecord(error.response) && typeof error.response.status === 'number';
}

function responseStatus(error: unknown): number | undefined {
  if (isRecord(error) && isRecord(error.response) && typeof error.response.status === 'number') return error.response.status;
  return undefined;
}

/** The host of `url` (resolved against `base` when relative), for a sentence; never its path or query. */
function hostOf(url: string, base?: string): string {
  try {
    return new URL(url, base).host;
  } catch {
    return 'the endpoint';
  }
}

function headerText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} seconds`;
}

function firstSentence(text: string): string {
  return text.replace(/[.;\s]+$/, '');
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? text.slice(0, MAX_DETAIL_LENGTH - 1) + '…' : text;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
