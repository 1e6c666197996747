import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

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
 * server might. Headers go through unchanged, Host included, so the upstream checks the very URL that was signed.
 */
export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingProxy> {
  const upstream = new URL(upstreamUrl);
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
      { host: upstream.hostname, port: upstream.port, method, path, headers: request.headers },
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
