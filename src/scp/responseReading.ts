import type { z } from 'zod';
import { errorFromResponse, requestIdsFromHeaders, unreadableBodyError, type FailedRequest } from './errorMapping';
import { redactObject } from './redact';
import { retryAfterMs } from './retryPolicy';
import { parseResponseBody, type SkippedItem } from './schemaValidation';
import { isScpError, type ScpError } from './scpError';

export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: ScpError; retryAfterMs?: number };

/** What one answer is read with: the request's schema, and its failure context built only when needed. */
export interface ResponseReading<T> {
  schema: z.ZodType<T>;
  /** Return the value redacted (every secret of the call, every secret-named field). */
  redactResponse: boolean;
  /** The redacted request description; building it costs a redaction pass, so only failures and skips call it. */
  failed: () => FailedRequest;
  onSkipped: (items: SkippedItem[], failed: FailedRequest) => void;
}

/** The answer as the client reads it: status, lower-case headers (see plainHeaders) and the body as text. */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, unknown>;
  bodyText: string;
}

/**
 * Reads one answer: a non-2xx status becomes its mapped ScpError (with Retry-After), a 2xx body is parsed as
 * JSON and then by the schema (a violation is 'malformed'; dropped items go to onSkipped).
 */
export function readResponse<T>(reading: ResponseReading<T>, response: ReceivedResponse): AttemptOutcome<T> {
  const { status, headers, bodyText } = response;
  if (status < 200 || status >= 300) {
    const retryAfter = retryAfterMs(headers['retry-after']);
    const error = errorFromResponse({ ...reading.failed(), status, headers, bodyText });
    return retryAfter === undefined ? { ok: false, error } : { ok: false, error, retryAfterMs: retryAfter };
  }
  let body: unknown;
  if (bodyText.trim() !== '') {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return { ok: false, error: unreadableBodyError({ ...reading.failed(), status, headers, bodyText }) };
    }
  }
  try {
    let failed: FailedRequest | undefined;
    const context = (): FailedRequest & { status: number; requestIds: string[] } => ({
      ...(failed ??= reading.failed()),
      status,
      requestIds: requestIdsFromHeaders(headers),
    });
    const value = parseResponseBody(reading.schema, body, context, (items) => reading.onSkipped(items, (failed ??= reading.failed())));
    return { ok: true, value: reading.redactResponse ? redactObject(value, (failed ??= reading.failed()).secrets) : value };
  } catch (error) {
    if (isScpError(error)) return { ok: false, error };
    throw error;
  }
}

/** Response headers as a plain object with lower-case names (axios hands an AxiosHeaders instance). */
export function plainHeaders(headers: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) out[name.toLowerCase()] = value;
  return out;
}
