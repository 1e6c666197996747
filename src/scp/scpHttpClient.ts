import type { AxiosInstance } from 'axios';
import type * as http from 'node:http';
import type * as https from 'node:https';
import type { z } from 'zod';
import { createScpAgents, createScpAxios } from './axiosInstance';
import { AttemptSignal } from './attemptSignal';
import { cancelledError, sleep } from './cancellation';
import type { ConcurrencyLimiter } from './concurrencyLimiter';
import { serviceBaseUrl, type EndpointConfig } from './endpoints';
import { errorFromNetworkFailure, requestIdsFromHeaders, type FailedRequest } from './errorMapping';
import { collectSecretValues, redactUrl } from './redact';
import { baseHeaders, signAttempt, type ScpCredentials } from './requestSigning';
import { plainHeaders, readResponse, type AttemptOutcome } from './responseReading';
import { backoffDelayMs, retryFits } from './retryPolicy';
import { isScpError, ScpError } from './scpError';
import { buildRequestUrl, type Query } from './urlEncoding';

export type ApiLanguage = 'en-US' | 'ko-KR';
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One line per attempt. Everything in it is already redacted: no signature, no secret ever. */
export interface RequestLogEntry {
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  /** 1 for the first try. */
  attempt: number;
  /** The ScpError sentence when the attempt failed. */
  error?: string;
}

export interface RetryLogEntry {
  method: string;
  url: string;
  /** The attempt that failed and is about to be retried. */
  attempt: number;
  delayMs: number;
  /** Why: the ScpError kind and sentence of the failed attempt. */
  reason: string;
}

/** A response item dropped as malformed while the rest of the answer was used. */
export interface SkippedItemLogEntry {
  method: string;
  url: string;
  /** E.g. `clusters[3]` or `cloud_ml`. */
  where: string;
  /** E.g. `id: too small`; redacted. */
  problem: string;
}

export interface RequestLogger {
  request(entry: RequestLogEntry): void;
  retry(entry: RetryLogEntry): void;
  skipped?(entry: SkippedItemLogEntry): void;
}

export interface ScpHttpClientOptions {
  endpoint: EndpointConfig;
  /** Read before every attempt, so a changed key applies at once and nothing secret is cached here. */
  credentials: () => Promise<ScpCredentials>;
  /**
   * For the whole call: every attempt and the back-off between them (time spent queued in `limiter` is not
   * counted). Each attempt gets what is left; no retry starts when what is left cannot hold it.
   */
  timeoutMs: number;
  language: ApiLanguage | (() => ApiLanguage);
  logger?: RequestLogger;
  /** Retries after the first try, for idempotent calls only. Default 3. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  random?: () => number;
  /** Signing clock (epoch ms). Tests use it to simulate a skewed clock. */
  clock?: () => number;
  /** When given, every attempt (not the waits between them) runs under this limiter. */
  limiter?: ConcurrencyLimiter;
  userAgent?: string;
  /** The largest response body read (default 50 MiB); a larger one fails as malformed, without a retry. */
  maxBodyBytes?: number;
}

export interface ScpRequest<T> {
  /** 'cloud-ml', 'ske', or an account-wide service such as 'iam'. */
  service: string;
  method: HttpMethod;
  /** Already-encoded path, e.g. `/v1/cloud-ml/${pathSegment(id)}`. */
  path: string;
  query?: Query;
  body?: unknown;
  /** `1.0` (sent as `<service> 1.0`) or a full header value such as `cloud-ml 1.0`. */
  apiVersion?: string;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** Replaces the client's `timeoutMs` for this call (the same whole-call bound). */
  timeoutMs?: number;
  /**
   * Return the parsed body redacted as errors are (every secret of the call: key, signature, body secrets; every
   * field named like a secret), for callers that print it whole, such as `npm run scp`.
   */
  redactResponse?: boolean;
}

/** A Retry-After longer than this is not waited for: the call fails and the user decides. */
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** The time one attempt may take, and the call's whole bound (the timeout sentence names that one). */
interface AttemptTime {
  limitMs: number;
  callTimeoutMs: number;
}

/**
 * The signed SCP HTTP client. Builds each URL once, signs exactly that string right before each attempt (fresh
 * timestamp per attempt), sends exactly that string (no base URL, no params, so axios cannot rewrite it), parses
 * and maps every answer itself (`responseType: 'text'`, all statuses accepted), and retries only idempotent calls.
 */
export class ScpHttpClient {
  private readonly axios: AxiosInstance;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Secret keys seen so far: masked in every URL, message and log entry. */
  private readonly knownSecrets = new Set<string>();
  /** Base URL per service: checked and normalized once, not on every request. */
  private readonly baseUrls = new Map<string, string>();

  constructor(private readonly options: ScpHttpClientOptions) {
    ({ httpAgent: this.httpAgent, httpsAgent: this.httpsAgent } = createScpAgents());
    this.axios = createScpAxios({ httpAgent: this.httpAgent, httpsAgent: this.httpsAgent, maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES });
  }

  get endpoint(): EndpointConfig {
    return this.options.endpoint;
  }

  /** Sends one logical request (with retries for GET) and returns its body parsed by `schema`. */
  async request<T>(request: ScpRequest<T>): Promise<T> {
    const method = request.method.toUpperCase() as HttpMethod;
    const url = buildRequestUrl(this.baseUrl(request.service), request.path, request.query);
    const bodyText = request.body === undefined ? undefined : toJson(request.body);
    const bodySecrets = request.body === undefined ? [] : collectSecretValues(request.body);
    const idempotent = method === 'GET' || method === 'HEAD';
    const maxAttempts = idempotent ? 1 + Math.max(0, this.options.maxRetries ?? 3) : 1;

    const callTimeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    let spentMs = 0;
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted) throw cancelledError();
      const time: AttemptTime = { limitMs: Math.max(1, callTimeoutMs - spentMs), callTimeoutMs };
      const send = async (): Promise<AttemptOutcome<T>> => {
        const started = performance.now();
        try {
          return await this.attempt(request, method, url, bodyText, bodySecrets, attempt, time);
        } finally {
          spentMs += performance.now() - started;
        }
      };
      const outcome = this.options.limiter ? await this.options.limiter.run(send, request.signal) : await send();
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      if (!idempotent || !error.isTransient || attempt >= maxAttempts) throw error;
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
      const backoff = backoffDelayMs(attempt, this.options.retryBaseDelayMs ?? 250, this.options.retryMaxDelayMs ?? 8_000, this.options.random);
      const delayMs = Math.max(backoff, outcome.retryAfterMs ?? 0);
      if (!retryFits(callTimeoutMs - spentMs, delayMs, callTimeoutMs)) throw error;
      this.log((logger) =>
        logger.retry({ method, url: this.redactedUrl(url, bodySecrets), attempt, delayMs, reason: `${error.kind}: ${error.message}` }),
      );
      const waitStarted = performance.now();
      await sleep(delayMs, request.signal);
      spentMs += performance.now() - waitStarted;
    }
  }

  /** Closes idle keep-alive sockets (CLI exit, profile switch). The client stays usable. */
  dispose(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private baseUrl(service: string): string {
    let base = this.baseUrls.get(service);
    if (base === undefined) {
      base = serviceBaseUrl(this.options.endpoint, service);
      this.baseUrls.set(service, base);
    }
    return base;
  }

  private async attempt<T>(
    request: ScpRequest<T>,
    method: HttpMethod,
    url: string,
    bodyText: string | undefined,
    bodySecrets: readonly string[],
    attempt: number,
    time: AttemptTime,
  ): Promise<AttemptOutcome<T>> {
    const signal = new AttemptSignal(request.signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signal.abort();
    }, time.limitMs);
    const started = performance.now();
    // The signature of this attempt joins the body's secrets: a server may echo either back in an error.
    const attemptSecrets = [...bodySecrets];
    // Built only when something is reported (a failure, a skipped item): it costs a redaction pass.
    const failed = (): FailedRequest => ({
      method,
      url: this.redactedUrl(url, attemptSecrets),
      path: request.path,
      secrets: [...this.knownSecrets, ...attemptSecrets],
    });
    let status: number | undefined;
    let requestId: string | undefined;
    let outcome: AttemptOutcome<T>;
    try {
      const signed = await signAttempt(method, url, this.options.credentials, this.options.clock ?? Date.now);
      this.knownSecrets.add(signed.secretKey);
      attemptSecrets.push(signed.signature);
      const language = typeof this.options.language === 'function' ? this.options.language() : this.options.language;
      const headers = baseHeaders({ service: request.service, apiVersion: request.apiVersion, language, hasBody: bodyText !== undefined, userAgent: this.options.userAgent });
      const response = await this.axios.request<string>({ url, method, data: bodyText, signal, headers: { ...headers, ...signed.headers } });
      status = response.status;
      const responseHeaders = plainHeaders(response.headers);
      requestId = requestIdsFromHeaders(responseHeaders)[0];
      outcome = readResponse(
        {
          schema: request.schema,
          redactResponse: request.redactResponse === true,
          failed,
          onSkipped: (items, context) => {
            for (const item of items) this.log((logger) => logger.skipped?.({ method, url: context.url, ...item }));
          },
        },
        { status, headers: responseHeaders, bodyText: typeof response.data === 'string' ? response.data : '' },
      );
    } catch (error) {
      const scpError = isScpError(error)
        ? error
        : errorFromNetworkFailure({ ...failed(), error, timedOut, timeoutMs: time.callTimeoutMs, cancelled: !timedOut && request.signal?.aborted === true });
      outcome = { ok: false, error: scpError };
    } finally {
      clearTimeout(timer);
      signal.dispose();
    }
    const logger = this.options.logger;
    if (!logger) return outcome;
    const entry: RequestLogEntry = { method, url: this.redactedUrl(url, attemptSecrets), durationMs: performance.now() - started, attempt };
    if (status !== undefined) entry.status = status;
    if (requestId === undefined && !outcome.ok) requestId = outcome.error.requestIds[0];
    if (requestId !== undefined) entry.requestId = requestId;
    if (!outcome.ok) entry.error = outcome.error.message;
    this.log((log) => log.request(entry));
    return outcome;
  }

  private redactedUrl(url: string, extraSecrets: readonly string[]): string {
    return redactUrl(url, [...this.knownSecrets, ...extraSecrets]);
  }

  /** Logging must never break a request, and nothing in an entry may hold a secret. */
  private log(write: (logger: RequestLogger) => void): void {
    const logger = this.options.logger;
    if (!logger) return;
    try {
      write(logger);
    } catch {
      // A faulty logger is not the request's problem.
    }
  }
}

/** The request body as JSON; a body that cannot be written as JSON (a cycle, a BigInt) is refused before sending. */
function toJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch {
    throw new ScpError({ kind: 'badInput', message: 'The request body cannot be written as JSON; check the values entered.' });
  }
}
