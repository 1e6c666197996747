import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { computeSignature } from '../scp/signer';

/** SCP documents no clock-skew window; the emulator accepts ±5 minutes (docs/scp-api.md "Signing"). */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export interface SignedRequest {
  method: string;
  /** req.url as received: path + query, byte for byte. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
}

/** Why a request is rejected (a sentence for the gateway 401 `message`), or undefined when it is genuine. */
export function signatureProblem(request: SignedRequest, credentials: Credentials, nowMs: number): string | undefined {
  const accessKey = header(request.headers, 'scp-accesskey');
  const signature = header(request.headers, 'scp-signature');
  const timestamp = header(request.headers, 'scp-timestamp');
  if (!accessKey) return 'The Scp-Accesskey header is missing.';
  if (!signature) return 'The Scp-Signature header is missing.';
  if (!timestamp) return 'The Scp-Timestamp header is missing.';
  if (accessKey !== credentials.accessKey) return 'The access key is not known.';
  if (!/^\d{1,16}$/.test(timestamp)) return 'The Scp-Timestamp header must be epoch milliseconds.';
  if (Math.abs(nowMs - Number(timestamp)) > ALLOWED_CLOCK_SKEW_MS) return 'The request timestamp is more than 5 minutes away from the server time.';
  // SCP signs the URL the client sent: scheme + Host header + path and query exactly as on the wire.
  const url = `http://${header(request.headers, 'host') ?? ''}${request.rawUrl}`;
  const expected = computeSignature({ method: request.method, url, timestamp, accessKey }, credentials.secretKey);
  return sameText(expected, signature) ? undefined : 'The signature does not match the request.';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
