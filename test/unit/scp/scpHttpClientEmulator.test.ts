import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { ScpError } from '../../../src/scp/scpError';
import { SkeApi } from '../../../src/scp/skeApi';
import { testClient } from './helpers/testClient';
import { countOf, emulatorPerTest } from './helpers/emulator';
import { rejection } from './helpers/rejection';

describe('scp http client against the emulator', () => {
  const env = emulatorPerTest();

  it('signs query values with spaces, %, &, +, quotes and non-ASCII as sent (the emulator verifies)', async () => {
    const { client, emulator } = env();
    const ske = new SkeApi(client);
    for (const name of ['a b', '100%', 'x&y=z', '1+1', "it's", '클러스터 ü', '%20already-encoded']) {
      const page = await ske.listClusters({ page: 0, size: 5, name }, undefined);
      assert.ok(Array.isArray(page.clusters), name);
    }
    const page = await ske.listClusters({ page: 0, size: 50, status: ['RUNNING', 'ERROR'], sort: 'name:asc' });
    assert.ok(page.clusters.length > 0);
    assert.ok(page.clusters.every((c) => c.status === 'RUNNING' || c.status === 'ERROR'));
    assert.deepEqual(
      page.clusters.map((c) => c.name),
      [...page.clusters.map((c) => c.name)].sort(),
    );
    assert.equal(countOf(emulator, 'GET /v1/clusters'), 8);
  });

  it('gets an auth error for a wrong secret, and does not retry it', async () => {
    const { emulator } = env();
    const { client, logger } = testClient(emulator.url, { accessKey: emulator.accessKey, secretKey: 'not-the-secret' });
    const error = await rejection(new SkeApi(client).listClusters({ page: 0, size: 1 }));
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 401);
    assert.match(error.message, /check the access key, the secret key and your clock/);
    assert.equal(emulator.admin.counters().total, 1);
    assert.ok(!logger.text().includes('not-the-secret'));
  });

  it('gets an auth error when the clock is more than 5 minutes off', async () => {
    const { emulator } = env();
    const { client } = testClient(
      emulator.url,
      { accessKey: emulator.accessKey, secretKey: emulator.secretKey },
      { clock: () => Date.now() - 6 * 60_000 },
    );
    assert.equal((await rejection(new SkeApi(client).listClusters({ page: 0, size: 1 }))).kind, 'auth');
  });

  it('retries a GET through injected 503 and 417 faults, counted by the emulator', async () => {
    const { client, emulator, logger } = env();
    emulator.admin.injectFault({ kind: 'status', status: 503, count: 1, path: '/v1/cloud-ml/images' });
    emulator.admin.injectFault({ kind: 'firewall417', count: 1, path: '/v1/cloud-ml/images' });
    const body = await client.request({ service: 'cloud-ml', method: 'GET', path: '/v1/cloud-ml/images', schema: z.looseObject({ contents: z.array(z.unknown()) }) });
    assert.equal(body.contents.length, 4);
    assert.equal(countOf(emulator, 'GET /v1/cloud-ml/images'), 3);
    assert.equal(logger.retries.length, 2);
    assert.ok(logger.requests.every((r) => r.requestId !== undefined && r.requestId !== ''), 'request ids reach the log');
  });

  it('does not retry a POST that failed with 503', async () => {
    const { client, emulator } = env();
    emulator.admin.injectFault({ kind: 'status', status: 503, count: 1, method: 'POST' });
    const error = await rejection(client.request({ service: 'cloud-ml', method: 'POST', path: '/v1/cloud-ml', body: {}, schema: z.unknown() }));
    assert.equal(error.kind, 'server');
    assert.equal(countOf(emulator, 'POST /v1/cloud-ml'), 1);
  });

  it('maps the emulator faults: malformed JSON, truncated body, reset, hang', async () => {
    const { emulator } = env();
    const { client } = testClient(emulator.url, { accessKey: emulator.accessKey, secretKey: emulator.secretKey }, { maxRetries: 0, timeoutMs: 1500 });
    const get = (): Promise<ScpError> => rejection(client.request({ service: 'cloud-ml', method: 'GET', path: '/v1/cloud-ml/images', schema: z.unknown() }));
    emulator.admin.injectFault({ kind: 'malformedJson', count: 1 });
    assert.equal((await get()).kind, 'malformed');
    emulator.admin.injectFault({ kind: 'truncatedBody', count: 1 });
    assert.equal((await get()).kind, 'malformed');
    emulator.admin.injectFault({ kind: 'connectionReset', count: 1 });
    assert.equal((await get()).kind, 'network');
    emulator.admin.injectFault({ kind: 'hang', count: 1 });
    assert.equal((await get()).kind, 'timeout');
  });
});
