import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { z } from 'zod';
import { ConcurrencyLimiter } from '../../../src/scp/concurrencyLimiter';
import { ScpError } from '../../../src/scp/scpError';
import { ScpHttpClient } from '../../../src/scp/scpHttpClient';
import { computeSignature } from '../../../src/scp/signer';
import { startCannedServer, type CannedServer, type ReceivedRequest } from './helpers/cannedServer';
import { testClient } from './helpers/testClient';
import { rejection } from './helpers/rejection';

const credentials = { accessKey: 'AK-canned', secretKey: 'SK-canned-very-secret-value' };
const anyBody = z.unknown();
const ok = { status: 200, body: '{"ok":true}' };
const standard = (status: number, detail: string | string[]): string =>
  JSON.stringify({ errors: [{ code: 'E', title: 'T', detail, status: String(status), request_id: `req-${status}` }] });

/** Checks a received request's signature the way SCP does: over scheme + Host + the raw path and query. */
function assertSignedAsSent(server: CannedServer, req: ReceivedRequest): void {
  const timestamp = String(req.headers['scp-timestamp']);
  const url = `http://${String(req.headers.host)}${req.rawUrl}`;
  assert.ok(url.startsWith(server.url), url);
  assert.equal(req.headers['scp-signature'], computeSignature({ method: req.method, url, timestamp, accessKey: credentials.accessKey }, credentials.secretKey));
}

describe('scp http client (canned server)', () => {
  let server: CannedServer;

  beforeEach(async () => {
    server = await startCannedServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('sends the SCP headers and a signature over the exact wire URL', async () => {
    let language: 'en-US' | 'ko-KR' = 'ko-KR';
    const { client } = testClient(server.url, credentials, { language: () => language });
    server.reply(ok);
    await client.request({ service: 'cloud-ml', method: 'GET', path: '/v1/cloud-ml/images', schema: anyBody });
    language = 'en-US';
    await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', query: { q: "a b%c&d+e'f 한" }, schema: anyBody });
    await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', apiVersion: '2.0', schema: anyBody });
    await client.request({ service: 'iam', method: 'GET', path: '/v1/endpoints', schema: anyBody });

    const [images, clusters, v2, iam] = server.requests;
    assert.equal(images?.headers['scp-accesskey'], credentials.accessKey);
    assert.equal(images?.headers['scp-clienttype'], 'Openapi');
    assert.equal(images?.headers['accept-language'], 'ko-KR');
    assert.equal(images?.headers['scp-api-version'], 'cloud-ml 1.0');
    assert.match(String(images?.headers['scp-timestamp']), /^\d{13}$/);
    assert.equal(clusters?.headers['accept-language'], 'en-US');
    assert.equal(clusters?.headers['scp-api-version'], 'ske 1.0');
    assert.equal(clusters?.rawUrl, '/v1/clusters?q=a%20b%25c%26d%2Be%27f%20%ED%95%9C');
    assert.equal(v2?.headers['scp-api-version'], 'ske 2.0');
    assert.equal(iam?.headers['scp-api-version'], undefined);
    for (const req of server.requests) assertSignedAsSent(server, req);
  });

  it('sends a JSON body with its content type and returns the parsed answer', async () => {
    const { client } = testClient(server.url, credentials);
    server.reply({ status: 200, body: '{"resource_id":"m-1","extra":1}' });
    const result = await client.request({
      service: 'cloud-ml',
      method: 'POST',
      path: '/v1/cloud-ml',
      body: { cloud_ml_name: 'x' },
      schema: z.looseObject({ resource_id: z.string() }),
    });
    assert.deepEqual(result, { resource_id: 'm-1', extra: 1 });
    assert.equal(server.requests[0]?.body, '{"cloud_ml_name":"x"}');
    assert.equal(server.requests[0]?.headers['content-type'], 'application/json');
  });

  describe('retries', () => {
    it('retries a GET on 5xx, 417 and 429 with a fresh timestamp and signature per attempt', async () => {
      const { client, logger } = testClient(server.url, credentials);
      const firewall = '<html><body>Request Rejected</body></html>';
      server.reply({ status: 503, body: '' }, { status: 417, body: firewall, headers: { 'content-type': 'text/html' } }, { status: 429, body: '' }, ok);
      const result = await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody });
      assert.deepEqual(result, { ok: true });
      assert.equal(server.requests.length, 4);
      const signatures = new Set(server.requests.map((r) => String(r.headers['scp-signature'])));
      const timestamps = new Set(server.requests.map((r) => String(r.headers['scp-timestamp'])));
      assert.equal(signatures.size, 4, 'a new signature for every attempt');
      assert.equal(timestamps.size, 4, 'a new timestamp for every attempt');
      for (const req of server.requests) assertSignedAsSent(server, req);
      assert.deepEqual(
        logger.retries.map((r) => [r.attempt, r.reason.split(':')[0]]),
        [
          [1, 'server'],
          [2, 'throttled'],
          [3, 'throttled'],
        ],
      );
      assert.deepEqual(
        logger.requests.map((r) => r.status),
        [503, 417, 429, 200],
      );
    });

    it('retries a GET after a connection reset; a hanging retry gets what is left of the timeout, then no more', async () => {
      const { client } = testClient(server.url, credentials, { timeoutMs: 1000 });
      server.reply('reset', ok);
      assert.deepEqual(await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }), { ok: true });
      assert.equal(server.requests.length, 2);
      server.reply('reset', 'hang', ok);
      assert.equal((await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }))).kind, 'timeout');
      assert.equal(server.requests.length, 4);
    });

    it('gives up after maxRetries and throws the last error', async () => {
      const { client, logger } = testClient(server.url, credentials, { maxRetries: 2 });
      server.reply({ status: 502, body: 'bad gateway' });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 502);
      assert.equal(server.requests.length, 3);
      assert.equal(logger.retries.length, 2);
    });

    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      it(`never retries a ${method}, not even on 503 or a reset`, async () => {
        const { client, logger } = testClient(server.url, credentials);
        server.reply({ status: 503, body: '' });
        assert.equal((await rejection(client.request({ service: 'cloud-ml', method, path: '/v1/cloud-ml/x', body: {}, schema: anyBody }))).kind, 'server');
        server.reply('reset');
        assert.equal((await rejection(client.request({ service: 'cloud-ml', method, path: '/v1/cloud-ml/x', body: {}, schema: anyBody }))).kind, 'network');
        assert.equal(server.requests.length, 2);
        assert.equal(logger.retries.length, 0);
      });
    }

    it('does not retry what retrying cannot fix: 400, 401, 404, malformed', async () => {
      const { client } = testClient(server.url, credentials);
      const cases: [string, { status: number; body: string }][] = [
        ['validation', { status: 400, body: standard(400, 'bad name') }],
        ['auth', { status: 401, body: '{"status":"UNAUTHORIZED","name":"Request was rejected by gateway","message":"no"}' }],
        ['notFound', { status: 404, body: standard(404, 'gone') }],
        ['malformed', { status: 200, body: '{"ok":' }],
      ];
      for (const [kind, reply] of cases) {
        server.reply(reply);
        const before = server.requests.length;
        assert.equal((await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }))).kind, kind);
        assert.equal(server.requests.length - before, 1, kind);
      }
    });

    it('waits at least Retry-After, and does not wait for a long one', async () => {
      const { client, logger } = testClient(server.url, credentials);
      server.reply({ status: 429, body: '', headers: { 'retry-after': '1' } }, ok);
      await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody });
      assert.ok((logger.retries[0]?.delayMs ?? 0) >= 1000, 'the logged delay honours Retry-After');

      server.reply({ status: 503, body: '', headers: { 'retry-after': '3600' } });
      const before = server.requests.length;
      assert.equal((await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }))).kind, 'server');
      assert.equal(server.requests.length - before, 1);
    });

    it('stops retrying when the caller aborts during the backoff wait', async () => {
      // A call timeout that holds the 60 s back-off, so the retry is waited for (and then aborted).
      const { client } = testClient(server.url, credentials, { timeoutMs: 120_000, retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 });
      server.reply({ status: 503, body: '' });
      const abort = new AbortController();
      const pending = client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody, signal: abort.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      abort.abort();
      assert.equal((await rejection(pending)).kind, 'cancelled');
      assert.equal(server.requests.length, 1);
    });
  });

  describe('failures', () => {
    it('maps the four SCP error shapes', async () => {
      const { client } = testClient(server.url, credentials, { maxRetries: 0 });
      const gateway404 = JSON.stringify({ timestamp: '2024-05-17T00:23:17Z', path: '/v1/cloud-ml/images', status: 404, error: 'Not Found', requestId: 'gw-404' });
      server.reply(
        { status: 400, body: standard(400, ['cloud_ml_name must be 3-30 characters']) },
        { status: 404, body: gateway404 },
        { status: 401, body: '{"status":"UNAUTHORIZED","name":"Request was rejected by gateway","message":"The signature does not match."}' },
        { status: 417, body: '<html><title>Request Rejected</title></html>', headers: { 'content-type': 'text/html' } },
      );
      const get = (path: string): Promise<ScpError> => rejection(client.request({ service: 'cloud-ml', method: 'GET', path, schema: anyBody }));
      const validation = await get('/v1/cloud-ml/check-duplication');
      assert.equal(validation.kind, 'validation');
      assert.deepEqual(validation.details, ['cloud_ml_name must be 3-30 characters']);
      assert.deepEqual(validation.requestIds, ['req-400']);
      const notEnabled = await get('/v1/cloud-ml/images');
      assert.equal(notEnabled.kind, 'notEnabled');
      assert.deepEqual(notEnabled.requestIds, ['gw-404']);
      assert.equal((await get('/v1/cloud-ml/images')).kind, 'auth');
      assert.equal((await get('/v1/cloud-ml/images')).kind, 'throttled');
    });

    it('maps 409 to conflict, a 200 that is not JSON or cut off to malformed, and a reset to network', async () => {
      const { client } = testClient(server.url, credentials, { maxRetries: 0 });
      const get = (): Promise<ScpError> => rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      server.reply({ status: 409, body: standard(409, 'busy') }, { status: 200, body: '<html>oops</html>' }, { status: 200, body: '{"clusters":[{"id":' }, 'truncate', 'reset');
      assert.equal((await get()).kind, 'conflict');
      const notJson = await get();
      assert.equal(notJson.kind, 'malformed');
      assert.match(notJson.message, /not JSON/);
      const cut = await get();
      assert.equal(cut.kind, 'malformed');
      assert.match(cut.message, /cut off/);
      const truncated = await get();
      assert.equal(truncated.kind, 'malformed');
      assert.match(truncated.message, /cut off/);
      const reset = await get();
      assert.equal(reset.kind, 'network');
      assert.match(reset.message, /^Could not reach SCP at 127\.0\.0\.1:\d+ \(/);
    });

    it('maps a body that violates the schema to malformed naming the field', async () => {
      const { client } = testClient(server.url, credentials);
      server.reply({ status: 200, body: '{"items":[{"id":"a"},{"id":7}]}' });
      const error = await rejection(
        client.request({ service: 'ske', method: 'GET', path: '/v1/x', schema: z.object({ items: z.array(z.object({ id: z.string() })) }) }),
      );
      assert.equal(error.kind, 'malformed');
      assert.equal(error.field, 'items[1].id');
      assert.equal(server.requests.length, 1);
    });

    it('times out a hanging request with a timeout error', async () => {
      const { client } = testClient(server.url, credentials, { timeoutMs: 200, maxRetries: 0 });
      server.reply('hang');
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /within 0\.2 seconds/);
    });

    it('cancels an in-flight request when the signal aborts, without retrying', async () => {
      const { client } = testClient(server.url, credentials);
      server.reply('hang');
      const abort = new AbortController();
      const pending = client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody, signal: abort.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      abort.abort();
      assert.equal((await rejection(pending)).kind, 'cancelled');
      assert.equal(server.requests.length, 1);
      const already = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody, signal: abort.signal }));
      assert.equal(already.kind, 'cancelled');
      assert.equal(server.requests.length, 1, 'nothing is sent once aborted');
    });

    it("leaves no listener on the caller's signal once its requests are answered or failed", async () => {
      const { client } = testClient(server.url, credentials, { maxRetries: 0 });
      const session = new AbortController();
      server.reply({ status: 200, body: '{}' }, { status: 404, body: '' });
      await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody, signal: session.signal });
      await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody, signal: session.signal }));
      assert.equal(getEventListeners(session.signal, 'abort').length, 0);
    });

    it('refuses plain http to a remote host before sending anything', async () => {
      const { client } = testClient('http://scp.example.com', credentials);
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'badInput');
    });

    it('refuses a body that cannot be written as JSON, with nothing sent', async () => {
      const { client } = testClient(server.url, credentials);
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const error = await rejection(client.request({ service: 'cloud-ml', method: 'POST', path: '/v1/cloud-ml', body: cyclic, schema: anyBody }));
      assert.equal(error.kind, 'badInput');
      assert.equal(server.requests.length, 0);
    });

    it('turns a credentials failure into auth, with nothing sent', async () => {
      const client = new ScpHttpClient({
        endpoint: { environment: 's', region: 'kr-west1', endpointOverride: server.url },
        credentials: () => Promise.reject(new Error('keychain locked: SK-canned-very-secret-value')),
        timeoutMs: 1000,
        language: 'en-US',
      });
      const error = await rejection(client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody }));
      assert.equal(error.kind, 'auth');
      assert.ok(!error.message.includes('SK-canned'));
      assert.equal(server.requests.length, 0);
    });
  });

  it('keeps every secret out of logger entries and error messages', async () => {
    const { client, logger } = testClient(server.url, credentials);
    const registrySecret = 'registry-secret-XYZ-123';
    server.reply(
      (req) => ({ status: 400, body: standard(400, `echo ${req.body} sig=${String(req.headers['scp-signature'])} key ${credentials.secretKey}`) }),
      { status: 503, body: '' },
      ok,
    );
    const errors: ScpError[] = [];
    errors.push(
      await rejection(
        client.request({
          service: 'cloud-ml',
          method: 'POST',
          path: '/v1/cloud-ml',
          body: { cloud_ml_name: 'x', custom_registry_access_secret_key: registrySecret },
          schema: anyBody,
        }),
      ),
    );
    await client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', query: { secret_key: 'query-secret-value', name: 'n' }, schema: anyBody });

    const signatures = server.requests.map((r) => String(r.headers['scp-signature']));
    const logged = logger.text() + errors.map((e) => [e.message, ...e.details, e.url ?? ''].join(' ')).join(' ');
    for (const secret of [credentials.secretKey, registrySecret, 'query-secret-value', ...signatures]) {
      assert.ok(!logged.includes(secret), `"${secret}" leaked into: ${logged}`);
    }
    assert.ok(logger.requests.length >= 3);
    assert.ok(logger.requests.every((e) => typeof e.durationMs === 'number' && e.attempt >= 1));
    assert.ok(logger.requests.some((e) => e.url.includes('secret_key=***')));
  });

  it('runs attempts under the shared limiter', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const { client } = testClient(server.url, credentials, { limiter });
    server.reply({ ...ok, delayMs: 50 });
    await Promise.all(Array.from({ length: 6 }, () => client.request({ service: 'ske', method: 'GET', path: '/v1/clusters', schema: anyBody })));
    assert.equal(server.requests.length, 6);
    assert.equal(server.peakInFlight(), 2);
  });
});
