import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { ADMIN_TOKEN_HEADER } from '../../src/emulator/adminToken';
import { computeSignature } from '../../src/scp/signer';

/**
 * Plain node:http requests to the emulator, signed the SCP way (or deliberately not), with full control of the
 * raw path, the timestamp and every header. For tests that must see the wire, not the client's view of it.
 */

export interface EmulatorEndpoint {
  url: string;
  accessKey: string;
  secretKey: string;
}

export interface SignedRequestOptions {
  method?: string;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  /** Extra or replacing headers (lower-case names). */
  headers?: Record<string, string>;
  /** Header names to leave out (e.g. 'scp-signature'). */
  omitHeaders?: string[];
  /** Epoch ms to sign with (default now). */
  timestampMs?: number;
  /** Sign with this secret instead of the right one. */
  signWithSecret?: string;
  /** Send this access key instead of the right one (signed with it). */
  accessKey?: string;
  /** Gives up (destroys the request) after this long; rejects with an Error whose message says "timeout". */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). Loosely typed: the assertions do the checking. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json<T = any>(): T;
}

/** A signed request; `pathAndQuery` goes on the wire byte for byte and is signed exactly as sent. */
export function signedRequest(endpoint: EmulatorEndpoint, pathAndQuery: string, options: SignedRequestOptions = {}): Promise<RawResponse> {
  const method = (options.method ?? 'GET').toUpperCase();
  const accessKey = options.accessKey ?? endpoint.accessKey;
  const timestamp = String(options.timestampMs ?? Date.now());
  const signature = computeSignature({ method, url: endpoint.url + pathAndQuery, timestamp, accessKey }, options.signWithSecret ?? endpoint.secretKey);
  const headers: Record<string, string> = {
    'scp-accesskey': accessKey,
    'scp-signature': signature,
    'scp-timestamp': timestamp,
    'scp-clienttype': 'Openapi',
    accept: 'application/json',
    ...options.headers,
  };
  for (const name of options.omitHeaders ?? []) delete headers[name.toLowerCase()];
  return rawRequest(endpoint.url, pathAndQuery, { method, headers, body: options.body, timeoutMs: options.timeoutMs });
}

/** An unsigned request (the admin API, or tests of what unsigned requests get). */
export function rawRequest(
  baseUrl: string,
  pathAndQuery: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number | undefined } = {},
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  const bodyText = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (bodyText !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(bodyText));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, method: options.method ?? 'GET', path: pathAndQuery, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
        res.on('end', () => {
          if (!res.complete) {
            reject(new Error('response incomplete'));
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (options.timeoutMs !== undefined) req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`timeout after ${options.timeoutMs} ms`)));
    req.end(bodyText);
  });
}

/** Where an emulator's admin API is and the token of this start (a RunningEmulator is one). */
export interface AdminEndpoint {
  url: string;
  adminToken: string;
}

/** The header that admits an admin call, as every HTTP admin client sends it. */
export function adminTokenHeader(emulator: AdminEndpoint): Record<string, string> {
  return { [ADMIN_TOKEN_HEADER]: emulator.adminToken };
}

/** Calls an admin operation over HTTP with the emulator's token (see src/emulator/adminHttpApi.ts). */
export async function adminCall(emulator: AdminEndpoint, operation: string, body?: unknown): Promise<RawResponse> {
  const method = operation === 'counters' || operation === 'snapshot' || operation === 'lastRequestHeaders' ? 'GET' : 'POST';
  return rawRequest(emulator.url, `/_emulator/${operation}`, { method, headers: adminTokenHeader(emulator), body: body ?? (method === 'POST' ? {} : undefined) });
}
