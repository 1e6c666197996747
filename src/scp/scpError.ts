/** Every way an SCP call can fail; docs/scp-api.md "Errors" says when each one happens. */
export type ScpErrorKind =
  | 'auth' // 401 / gateway reject
  | 'notEnabled' // gateway-style 404 on a Cloud ML path
  | 'notFound'
  | 'validation' // 400 with errors[] details
  | 'conflict' // 409, or a mutation sent while the instance is busy
  | 'throttled' // 417 HTML firewall page, 429
  | 'server' // 5xx
  | 'network'
  | 'redirected' // 3xx: something between the client and SCP (a proxy, a captive portal) answered instead
  | 'timeout'
  | 'malformed' // unparseable or schema-violating body
  | 'cancelled' // the caller aborted
  | 'badInput'; // refused before sending (bad URL, http:// to a remote host, bad CLI input)

/**
 * Why input was refused before sending, with the values its sentence names, so the UI can say it in the user's
 * language (src/scp has no l10n: `message` stays English, for the CLI and the log).
 */
export type BadInputReason =
  | { code: 'endpointNotUrl'; text: string }
  | { code: 'endpointScheme'; protocol: string }
  | { code: 'endpointUserInfo' }
  | { code: 'endpointQueryOrFragment' }
  | { code: 'plainHttpToRemote'; host: string }
  | { code: 'unknownEnvironment'; environment: string }
  | { code: 'unknownRegion'; region: string; environment: string; regions: readonly string[] }
  | { code: 'invalidId'; value: string }
  | { code: 'invalidRequestBody'; operation: 'create' | 'update'; problem: string };

/**
 * What to check after a network failure the client could tell apart, with the host its sentence names, so the UI
 * can say it in the user's language (`message` says the same in English, for the CLI and the log).
 */
export type NetworkHint =
  | { code: 'tls'; host: string; errorCode: string }
  | { code: 'dns'; host: string }
  | { code: 'refused'; host: string };

export interface ScpErrorInit {
  kind: ScpErrorKind;
  /** One plain English sentence a user can act on (the CLI and the log). Never holds a secret or a stack trace. */
  message: string;
  status?: number;
  requestIds?: string[];
  /** Server-side details (from errors[].detail), already redacted. */
  details?: string[];
  /** For `malformed` and `validation`: the field at fault, e.g. "clusters[3].status". */
  field?: string;
  method?: string;
  /** The redacted URL of the failed request. */
  url?: string;
  /** For `badInput`: what was refused, for a localized sentence. */
  reason?: BadInputReason;
  /** For `network`: what to check, when the failure says (certificate, DNS, connection refused). */
  hint?: NetworkHint;
  cause?: unknown;
}

/**
 * Marks ScpError instances across bundles: the client runs in dist/scpRuntime.js (and tests have bundles of their
 * own), each with its own copy of this class, so `instanceof` alone would miss errors thrown by another copy.
 */
const SCP_ERROR_BRAND = Symbol.for('scpCloudMl.ScpError');

/**
 * The one error type the SCP layer throws. `message` is English, for the CLI and the log; the extension words its
 * own sentence from `kind`, `status`, `details`, `reason` and `hint` (src/ui/errorPresenter.ts).
 */
export class ScpError extends Error {
  readonly [SCP_ERROR_BRAND] = true;
  readonly kind: ScpErrorKind;
  readonly status: number | undefined;
  readonly requestIds: readonly string[];
  readonly details: readonly string[];
  readonly field: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly reason: BadInputReason | undefined;
  readonly hint: NetworkHint | undefined;

  constructor(init: ScpErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ScpError';
    this.kind = init.kind;
    this.status = init.status;
    this.requestIds = init.requestIds ?? [];
    this.details = init.details ?? [];
    this.field = init.field;
    this.method = init.method;
    this.url = init.url;
    this.reason = init.reason;
    this.hint = init.hint;
  }

  /** Transient failures that an idempotent call may retry. */
  get isTransient(): boolean {
    return this.kind === 'throttled' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}

export function isScpError(value: unknown): value is ScpError {
  return value instanceof ScpError || (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCP_ERROR_BRAND] === true);
}
