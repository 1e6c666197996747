import { fork } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { createScpAgents, createScpAxios } from '../../src/scp/axiosInstance';
import { requestIdsFromHeaders } from '../../src/scp/errorMapping';
import { redactUrl } from '../../src/scp/redact';
import { baseHeaders, signAttempt } from '../../src/scp/requestSigning';
import { plainHeaders } from '../../src/scp/responseReading';
import { parseResponseBody } from '../../src/scp/schemaValidation';
import { ScpHttpClient } from '../../src/scp/scpHttpClient';
import { SkeApi } from '../../src/scp/skeApi';
import { skeClusterListResponseSchema } from '../../src/scp/skeSchemas';
import { buildRequestUrl } from '../../src/scp/urlEncoding';
import type { BenchMetric } from './benchMetric';
import type { EmulatorProcessReady } from './emulatorProcess';
import { median } from './statistics';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 40;
const PAGE_SIZE = 20;
/** Calls per round when a single stage is timed on its own. */
const STAGE_CALLS = 400;

/** CPU time (user + system) of this process in µs, and wall time in µs, spent by `work`. */
async function timed(work: () => Promise<void>): Promise<{ cpu: number; wall: number }> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: cpu.user + cpu.system, wall: Number(process.hrtime.bigint() - wallBefore) / 1000 };
}

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

function startEmulatorProcess(repoRoot: string): Promise<{ ready: EmulatorProcessReady; stop: () => void }> {
  const child = fork(path.join(repoRoot, 'dist', 'test', 'bench', 'emulatorProcess.js'), ['50'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The emulator process exited (${code}) before it listened.`)));
    child.once('message', (message) => resolve({ ready: message as EmulatorProcessReady, stop: () => child.disconnect() }));
  });
}

/**
 * What the SCP client costs per request, in plain Node, in CPU time: the client's list call, the same request
 * through an axios instance configured as the client's (pre-signed headers, body left as text), and with bare
 * node:http, all through keep-alive agents made as the client's (createScpAgents), against an emulator in another process (so its work is not counted). The budgeted
 * overhead is client minus axios alone: what is around axios, which is ours to make cheap. CPU time, not wall
 * time: the figure is CPU taken from the shared extension host, and on a busy machine wall time mostly measures
 * the waits for a core (this machine's two cores at load 10 moved the wall figure by 2× between runs). Rounds
 * alternate so drift hits all three. Then each stage alone, for the profile rows.
 */
export async function measureClientOverhead(repoRoot: string): Promise<BenchMetric[]> {
  const { ready: emulator, stop } = await startEmulatorProcess(repoRoot);
  const credentials = (): Promise<{ accessKey: string; secretKey: string }> => Promise.resolve({ accessKey: emulator.accessKey, secretKey: emulator.secretKey });
  const endpoint = { environment: 'e' as const, region: 'kr-west1', endpointOverride: emulator.url };
  let sentUrl: string | undefined;
  // A logger as the extension always has one (the entry and its redaction are part of the cost); it keeps one URL.
  const client = new ScpHttpClient({ endpoint, credentials, timeoutMs: 30_000, language: 'en-US', logger: { request: (entry) => (sentUrl ??= entry.url), retry: () => undefined } });
  const ske = new SkeApi(client);
  // The baselines send through agents configured as the client's (keep-alive, idle-socket timeout): that is node:http's work, not the client's.
  const { httpAgent: agent } = createScpAgents();
  const axiosAgents = createScpAgents();
  const axiosAgent = axiosAgents.httpAgent;
  const axiosAlone = createScpAxios({ ...axiosAgents, maxBodyBytes: 50 * 1024 * 1024 });
  try {
    const listPage = (): Promise<unknown> => ske.listClusters({ page: 0, size: PAGE_SIZE });
    await listPage();
    if (!sentUrl) throw new Error('The client logged no request URL.');
    const url = sentUrl;
    const signed = await signAttempt('GET', url, credentials, Date.now);
    const headers = { ...baseHeaders({ service: 'ske', apiVersion: undefined, language: 'en-US', hasBody: false, userAgent: undefined }), ...signed.headers };

    const round = (one: () => Promise<unknown>) => (): Promise<void> =>
      (async () => {
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) await one();
      })();
    const viaClient = round(listPage);
    const viaBare = round(() => bareGet(agent, url, headers));
    const viaAxios = round(() => axiosAlone.request<string>({ url, method: 'GET', headers }));
    // Warm-up: JIT, sockets.
    for (const work of [viaClient, viaBare, viaAxios]) await work();
    const samples = { client: [] as { cpu: number; wall: number }[], bare: [] as { cpu: number; wall: number }[], axios: [] as { cpu: number; wall: number }[] };
    for (let r = 0; r < ROUNDS; r++) {
      const order: (keyof typeof samples)[] = r % 2 === 0 ? ['client', 'bare', 'axios'] : ['axios', 'bare', 'client'];
      for (const which of order) {
        const work = which === 'client' ? viaClient : which === 'bare' ? viaBare : viaAxios;
        samples[which].push(await timed(work));
      }
    }
    const perRequest = (list: { cpu: number; wall: number }[], key: 'cpu' | 'wall'): number[] => list.map((s) => s[key] / REQUESTS_PER_ROUND);
    const clientCpu = median(perRequest(samples.client, 'cpu'));
    const bareCpu = median(perRequest(samples.bare, 'cpu'));
    const axiosCpu = median(perRequest(samples.axios, 'cpu'));
    const ours = clientCpu - axiosCpu;

    const stages = await stageProfile(url, credentials, endpoint.endpointOverride, signed.signature, emulator.secretKey, headers);
    const accounted = stages.reduce((sum, s) => sum + s.micros, 0);
    return [
      {
        id: 'client.perRequest',
        label: `client request, list ${PAGE_SIZE} clusters (wall)`,
        value: median(perRequest(samples.client, 'wall')),
        unit: 'µs',
        ideal: { value: median(perRequest(samples.bare, 'wall')), what: 'bare node:http, same request' },
        samples: perRequest(samples.client, 'wall'),
        note: `wall time, for contrast (it moves with the machine's load): median over ${ROUNDS} rounds of ${REQUESTS_PER_ROUND} sequential requests each, alternating with the bare request (keep-alive both)`,
      },
      {
        id: 'client.cpuPerRequest',
        label: `client request, list ${PAGE_SIZE} clusters (CPU)`,
        value: clientCpu,
        unit: 'µs',
        ideal: { value: bareCpu, what: 'bare node:http, same request' },
        samples: perRequest(samples.client, 'cpu'),
        note: `process.cpuUsage() (user + system) over each round / ${REQUESTS_PER_ROUND}; the emulator runs in another process, so only the requesting side is counted`,
      },
      {
        id: 'client.axios',
        label: 'axios itself, over bare node:http (CPU)',
        value: axiosCpu - bareCpu,
        unit: 'µs',
        note: "the same request through an axios instance configured as the client's (createScpAxios, agents from createScpAgents as the client's: keep-alive, idle-socket timeout), pre-signed headers, body left as text, minus bare (same agents); same alternating rounds. axios is the project's HTTP client and stays: this part is not the client's to cut",
      },
      {
        id: 'client.overhead',
        label: 'client overhead per request, around axios (CPU)',
        value: ours,
        unit: 'µs',
        budget: { max: 250, of: 'value' },
        note: 'client CPU minus axios-alone CPU (same rounds): URL, signing, headers, reading, JSON.parse, the schema parse, the log entry and the promises between them; CPU, not wall time: it is what each request takes from the shared extension host, and on a busy machine wall time mostly measures waits for a core',
      },
      ...stages.map(
        (s): BenchMetric => ({ id: `client.profile.${s.id}`, label: `  · ${s.label} (CPU)`, value: s.micros, unit: 'µs', note: `${s.how}; alone, median of ${ROUNDS} rounds of ${STAGE_CALLS} calls` }),
      ),
      {
        id: 'client.profile.rest',
        label: '  · the rest (promises, timers, GC in the request flow)',
        value: ours - accounted,
        unit: 'µs',
        note: 'the overhead minus the stages above, each timed alone (a stage costs more inside the request flow than hot in a loop)',
      },
    ];
  } finally {
    client.dispose();
    agent.destroy();
    axiosAgent.destroy();
    axiosAgents.httpsAgent.destroy();
    stop();
  }
}

interface Stage {
  id: string;
  label: string;
  how: string;
  micros: number;
}

/** Each stage of the client's work on one request, alone, in CPU µs per call. */
async function stageProfile(
  url: string,
  credentials: () => Promise<{ accessKey: string; secretKey: string }>,
  base: string,
  signature: string,
  secretKey: string,
  headers: Record<string, string>,
): Promise<Stage[]> {
  const response = await fetch(url, { headers });
  const bodyText = await response.text();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => (responseHeaders[name] = value));
  const body: unknown = JSON.parse(bodyText);
  const path = new URL(url).pathname.slice(new URL(base).pathname.replace(/\/+$/, '').length);
  const query = { page: 0, size: PAGE_SIZE };

  const perCall = async (work: () => unknown): Promise<number> => {
    const rounds: number[] = [];
    for (let r = 0; r <= ROUNDS; r++) {
      const { cpu } = await timed(async () => {
        for (let i = 0; i < STAGE_CALLS; i++) await work();
      });
      if (r > 0) rounds.push(cpu / STAGE_CALLS); // the first round warms up
    }
    return median(rounds);
  };
  return [
    { id: 'url', label: 'URL building', how: 'buildRequestUrl (base URL cached per service)', micros: await perCall(() => buildRequestUrl(base, path, query)) },
    {
      id: 'sign',
      label: 'signing + headers',
      how: 'signAttempt (credentials, timestamp, HMAC-SHA256) and baseHeaders',
      micros: await perCall(async () => {
        await signAttempt('GET', url, credentials, Date.now);
        baseHeaders({ service: 'ske', apiVersion: undefined, language: 'en-US', hasBody: false, userAgent: undefined });
      }),
    },
    { id: 'json', label: 'JSON.parse of the body', how: `JSON.parse of the ${bodyText.length}-byte answer`, micros: await perCall(() => JSON.parse(bodyText)) },
    {
      id: 'schema',
      label: 'schema parse (zod)',
      how: 'parseResponseBody with the cluster list schema',
      micros: await perCall(() => parseResponseBody(skeClusterListResponseSchema, body, { method: 'GET', url, path })),
    },
    {
      id: 'reading',
      label: 'headers, request id, log entry redaction',
      how: 'plainHeaders, requestIdsFromHeaders and redactUrl with the secret key and the signature',
      micros: await perCall(() => {
        requestIdsFromHeaders(plainHeaders(responseHeaders));
        redactUrl(url, [secretKey, signature]);
      }),
    },
  ];
}
