import * as http from 'node:http';
import { startEmulator } from '../../src/emulator/startEmulator';
import { ScpHttpClient } from '../../src/scp/scpHttpClient';
import { computeSignature } from '../../src/scp/signer';
import { SkeApi } from '../../src/scp/skeApi';
import type { BenchMetric } from './benchMetric';
import { median } from './statistics';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 40;
const PAGE_SIZE = 20;

/** One request with node:http over a keep-alive agent, headers prepared once, body read as bytes and dropped. */
function bareGet(agent: http.Agent, url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`bare request answered ${response.statusCode}`))));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * What the SCP client adds to one request (URL building, signing in the interceptor, axios, mapping, the zod
 * parse of the answer), in plain Node: the client's list call against the same emulator request made with
 * node:http and pre-signed headers. Rounds alternate between the two so drift on a busy machine hits both; the
 * figure is the difference of the medians of per-request averages.
 */
export async function measureClientOverhead(): Promise<BenchMetric[]> {
  const emulator = await startEmulator({ port: 0, clusters: 50 });
  const client = new ScpHttpClient({
    endpoint: { environment: 'e', region: 'kr-west1', endpointOverride: emulator.url },
    credentials: () => Promise.resolve({ accessKey: emulator.accessKey, secretKey: emulator.secretKey }),
    timeoutMs: 30_000,
    language: 'en-US',
  });
  const ske = new SkeApi(client);
  const agent = new http.Agent({ keepAlive: true });
  try {
    // The exact URL the client sends, captured from its own (redacted, secret-free) log entry.
    let sentUrl: string | undefined;
    const probe = new ScpHttpClient({
      endpoint: { environment: 'e', region: 'kr-west1', endpointOverride: emulator.url },
      credentials: () => Promise.resolve({ accessKey: emulator.accessKey, secretKey: emulator.secretKey }),
      timeoutMs: 30_000,
      language: 'en-US',
      logger: { request: (entry) => (sentUrl ??= entry.url), retry: () => undefined },
    });
    await new SkeApi(probe).listClusters({ page: 0, size: PAGE_SIZE });
    probe.dispose();
    if (!sentUrl) throw new Error('The client logged no request URL.');
    const url = sentUrl;
    const timestamp = String(Date.now());
    const headers = {
      Accept: 'application/json',
      'Accept-Language': 'en-US',
      'Scp-ClientType': 'Openapi',
      'Scp-Api-Version': 'ske 1.0',
      'Scp-Accesskey': emulator.accessKey,
      'Scp-Timestamp': timestamp,
      'Scp-Signature': computeSignature({ method: 'GET', url, timestamp, accessKey: emulator.accessKey }, emulator.secretKey),
    };

    const timeRound = async (one: () => Promise<unknown>): Promise<number> => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) await one();
      return Number(process.hrtime.bigint() - started) / 1000 / REQUESTS_PER_ROUND;
    };
    const viaClient = (): Promise<unknown> => ske.listClusters({ page: 0, size: PAGE_SIZE });
    const viaBare = (): Promise<void> => bareGet(agent, url, headers);
    // Warm-up: JIT, sockets.
    await timeRound(viaClient);
    await timeRound(viaBare);
    const clientMicros: number[] = [];
    const bareMicros: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        clientMicros.push(await timeRound(viaClient));
        bareMicros.push(await timeRound(viaBare));
      } else {
        bareMicros.push(await timeRound(viaBare));
        clientMicros.push(await timeRound(viaClient));
      }
    }
    const clientMedian = median(clientMicros);
    const bareMedian = median(bareMicros);
    return [
      {
        id: 'client.perRequest',
        label: `client request, list ${PAGE_SIZE} clusters`,
        value: clientMedian,
        unit: 'µs',
        ideal: { value: bareMedian, what: 'bare node:http, same request' },
        samples: clientMicros,
        note: `median over ${ROUNDS} rounds of ${REQUESTS_PER_ROUND} sequential requests each, alternating with the bare request (keep-alive both)`,
      },
      {
        id: 'client.overhead',
        label: 'client overhead per request (sign + interceptors + parse)',
        value: clientMedian - bareMedian,
        unit: 'µs',
        note: 'difference of the two medians above',
      },
    ];
  } finally {
    client.dispose();
    agent.destroy();
    await emulator.close();
  }
}
