import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureProblem } from '../../src/emulator/signatureVerifier';
import { computeSignature } from '../../src/scp/signer';
import type { EmulatorEndpoint } from './signedRequest';

/** What a scripted answer sees of the request it replaces. */
export interface ProxiedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

export interface RecordingProxy {
  /** http://127.0.0.1:PORT: point a profile's endpoint override here. */
  url: string;
  /** Every Scp-Signature header that went through, in order. */
  signatures(): string[];
  /** Answers the next request matching `method` and a path prefix itself, instead of the upstream. */
  answerNext(method: string, pathPrefix: string, answer: (request: ProxiedRequest) => ScriptedAnswer): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the emulator that remembers the signatures the extension sends (the emulator
 * keeps none) and can answer chosen requests itself, e.g. with an error that echoes what was sent, as a buggy
 * server might. The extension signs the proxy's URL; the emulator answers only for its own Host (no DNS rebinding),
 * so the proxy checks that signature itself (with the emulator's verifier) and, when it holds, forwards with the
 * emulator's Host and the same request signed for it. A signature that does not hold goes on unchanged, and the
 * emulator answers it the gateway's 401, as it would have without the proxy.
 */
export async function startRecordingProxy(emulator: EmulatorEndpoint): Promise<RecordingProxy> {
  const upstream = new URL(emulator.url);
  const signatures: string[] = [];
  const scripted: { method: string; pathPrefix: string; answer: (request: ProxiedRequest) => ScriptedAnswer }[] = [];

  const server = http.createServer((request, response) => {
    const signature = request.headers['scp-signature'];
    if (typeof signature === 'string') signatures.push(signature);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const index = scripted.findIndex((s) => s.method === method && path.startsWith(s.pathPrefix));
    if (index >= 0) {
      const [script] = scripted.splice(index, 1);
      const answer = script.answer({ method, path, headers: request.headers });
      request.resume();
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.body));
      return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method, path, headers: forUpstream(emulator, upstream, method, path, request.headers) },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    signatures: () => [...signatures],
    answerNext: (method, pathPrefix, answer) => void scripted.push({ method: method.toUpperCase(), pathPrefix, answer }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request's headers with the emulator's Host, re-signed for the emulator's URL when the original signature holds. */
function forUpstream(emulator: EmulatorEndpoint, upstream: URL, method: string, path: string, headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers, host: upstream.host };
  const timestamp = headers['scp-timestamp'];
  if (typeof timestamp === 'string' && signatureProblem({ method, rawUrl: path, headers }, emulator, Date.now()) === undefined) {
    out['scp-signature'] = computeSignature({ method, url: `${upstream.origin}${path}`, timestamp, accessKey: emulator.accessKey }, emulator.secretKey);
  }
  return out;
}
