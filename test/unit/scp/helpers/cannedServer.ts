import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the canned server received it: the raw URL, exactly as it was on the wire. */
export interface ReceivedRequest {
  method: string;
  rawUrl: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type CannedReply =
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  /** Destroy the socket before answering. */
  | 'reset'
  /** Send headers announcing a longer body, part of it, then destroy the socket. */
  | 'truncate'
  /** Never answer. */
  | 'hang';

export interface CannedServer {
  url: string;
  requests: ReceivedRequest[];
  /** The most requests answered with a delayed reply at the same time. */
  peakInFlight(): number;
  /** Replies for the next requests, in order; the last one repeats. */
  reply(...replies: (CannedReply | ((req: ReceivedRequest) => CannedReply))[]): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers canned bodies: for the error shapes and retry rules, where
 * the exact bytes SCP sends matter more than the emulator's state.
 */
export async function startCannedServer(): Promise<CannedServer> {
  const requests: ReceivedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let replies: (CannedReply | ((req: ReceivedRequest) => CannedReply))[] = [{ status: 200, body: '{}' }];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: ReceivedRequest = { method: req.method ?? '', rawUrl: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const next = replies.length > 1 ? replies.shift() : replies[0];
      const reply = typeof next === 'function' ? next(received) : next;
      if (reply === undefined || reply === 'hang') return;
      if (reply === 'reset') {
        req.socket.destroy();
        return;
      }
      if (reply === 'truncate') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        res.write('{"clusters":[{"id":"a"');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      const answer = (): void => {
        inFlight--;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body ?? '');
      };
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      if (reply.delayMs !== undefined) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    peakInFlight: () => peakInFlight,
    reply: (...next) => {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
