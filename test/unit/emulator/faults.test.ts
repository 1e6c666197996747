import { connect } from 'node:net';
import assert from 'node:assert/strict';
import type { Fault } from '../../../src/emulator/fault';
import { adminCall, adminTokenHeader, rawRequest } from '../../support/signedRequest';
import { call, emulatorPerTest, idOf, validCreateBody, waitUntil } from './emulatorFixture';

/** The error a request fails with (or undefined when it got an answer). */
async function failureOf(promise: Promise<unknown>): Promise<NodeJS.ErrnoException | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

describe('emulator faults', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  for (const status of [500, 502, 503, 429] as const) {
    it(`status ${status}: the next matching request gets it in the standard shape, the one after is normal`, async () => {
      const e = emulator();
      e.admin.injectFault({ kind: 'status', status });
      const failed = await call(e, '/v1/clusters');
      assert.equal(failed.status, status);
      assert.equal(failed.json().errors[0].request_id, failed.headers['x-request-id']);
      assert.equal((await call(e, '/v1/clusters')).status, 200);
    });
  }

  it('firewall417: an HTML "Request Rejected" page, no JSON, no Retry-After', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'firewall417' });
    const res = await call(e, '/v1/cloud-ml/images');
    assert.equal(res.status, 417);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.text, /Request Rejected/);
    assert.equal(res.headers['retry-after'], undefined);
    assert.throws(() => res.json());
  });

  it('gateway401 and gateway404: the gateway shapes, even for well-signed requests', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'gateway401' });
    e.admin.injectFault({ kind: 'gateway404' });
    const first = await call(e, '/v1/cloud-ml/images');
    const second = await call(e, '/v1/cloud-ml/images');
    assert.equal(first.status, 401);
    assert.equal(first.json().name, 'Request was rejected by gateway');
    assert.equal(second.status, 404);
    assert.equal(second.json().error, 'Not Found');
  });

  it('malformedJson: a complete answer whose JSON does not parse', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'malformedJson' });
    const res = await call(e, '/v1/cloud-ml/images');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.ok(res.text.length > 0);
    assert.throws(() => JSON.parse(res.text), SyntaxError);
  });

  it('malformedJson on a create: the create still happens (the answer broke on the way back)', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'malformedJson', method: 'POST' });
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    assert.throws(() => res.json(), SyntaxError);
    assert.equal(e.admin.snapshot().instances.filter((i) => i.cloud_ml_name === 'new-ml').length, 1);
  });

  it('truncatedBody: the body stops short of its Content-Length and the connection drops', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'truncatedBody' });
    const error = await failureOf(call(e, '/v1/clusters'));
    assert.ok(error, 'the request must fail');
    assert.match(error.message, /aborted|incomplete|ECONNRESET|socket hang up/);
    assert.equal((await call(e, '/v1/clusters')).status, 200);
  });

  it('connectionReset: the client sees ECONNRESET and nothing changes', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'connectionReset', method: 'POST' });
    const error = await failureOf(call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) }));
    assert.equal(error?.code, 'ECONNRESET');
    assert.equal(e.admin.snapshot().instances.length, 3);
  });

  it('connectionReset is a real TCP reset (RST), not a clean close (FIN)', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'connectionReset' });
    const { port } = new URL(e.url);
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET /v1/clusters HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      socket.on('end', () => resolve('clean end'));
      socket.on('data', () => resolve('an answer'));
    });
    assert.equal(outcome, 'ECONNRESET');
  });

  it('hang: no answer until the client gives up; the request stays in flight meanwhile', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'hang' });
    const error = await failureOf(call(e, '/v1/clusters', { timeoutMs: 300 }));
    assert.match(error?.message ?? '', /timeout/);
    assert.equal((await call(e, '/v1/clusters')).status, 200);
  });

  it('hang: close() ends the hanging connection and resolves', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'hang', count: -1 });
    const hanging = failureOf(call(e, '/v1/clusters'));
    await waitUntil('1 requests in flight', () => e.admin.counters().inFlight === 1);
    await e.close();
    const error = await hanging;
    assert.ok(error, 'the hanging request must fail once the emulator closes');
  });

  it('latency fault: delays only the matching request, then answers normally', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'latency', ms: 30_000, path: '/v1/cloud-ml/images' });
    const slow = failureOf(call(e, '/v1/cloud-ml/images', { timeoutMs: 300 }));
    assert.equal((await call(e, '/v1/clusters')).status, 200, 'other paths are not delayed');
    assert.match((await slow)?.message ?? '', /timeout/);
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200, 'only the next one was delayed');
  });

  it('latency combines with another fault on the same request', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'latency', ms: 50 });
    e.admin.injectFault({ kind: 'status', status: 503 });
    assert.equal((await call(e, '/v1/clusters')).status, 503);
    assert.equal((await call(e, '/v1/clusters')).status, 200);
  });

  it('applyThenFail: the create happens, the answer is a 500, and a retry finds the name taken', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'applyThenFail', status: 500, method: 'POST', path: '/v1/cloud-ml' });
    const body = validCreateBody(e);
    const failed = await call(e, '/v1/cloud-ml', { method: 'POST', body });
    assert.equal(failed.status, 500);
    assert.equal(e.admin.snapshot().instances.filter((i) => i.cloud_ml_name === 'new-ml').length, 1);
    assert.equal((await call(e, '/v1/cloud-ml/check-duplication?name=new-ml')).json().result, true);
    const retry = await call(e, '/v1/cloud-ml', { method: 'POST', body });
    assert.equal(retry.status, 400);
    assert.equal(e.admin.snapshot().instances.filter((i) => i.cloud_ml_name === 'new-ml').length, 1);
  });

  it('a status fault on a POST answers instead of the API: nothing is created', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'status', status: 503, method: 'post' });
    assert.equal((await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) })).status, 503);
    assert.equal(e.admin.snapshot().instances.length, 3);
  });

  it('count: hits the next N matching requests; -1 hits every one until clearFaults()', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'status', status: 502, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(e, '/v1/clusters')).status);
    assert.deepEqual(statuses, [502, 502, 200]);

    e.admin.injectFault({ kind: 'status', status: 500, count: -1 });
    for (let i = 0; i < 4; i++) assert.equal((await call(e, '/v1/clusters')).status, 500);
    e.admin.clearFaults();
    assert.equal((await call(e, '/v1/clusters')).status, 200);
  });

  it('count Infinity is accepted in-process like -1', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'status', status: 500, count: Infinity });
    for (let i = 0; i < 3; i++) assert.equal((await call(e, '/v1/clusters')).status, 500);
  });

  it('path: the path itself or below it at a segment boundary, query ignored; exact: itself only; method: any case', async () => {
    const e = emulator();
    const clusterId = idOf(e, 'ds-sandbox');
    const instanceId = e.admin.snapshot().instances[0].cloud_ml_id;
    e.admin.injectFault({ kind: 'status', status: 500, path: `/v1/cloud-ml/clusters/${clusterId}`, count: -1 });
    e.admin.injectFault({ kind: 'status', status: 503, path: `/v1/cloud-ml/${instanceId}`, exact: true, method: 'get', count: -1 });
    e.admin.injectFault({ kind: 'status', status: 502, path: '/v1/clusters', exact: true, count: -1 });
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${clusterId}`)).status, 500);
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${clusterId}/estimate?use_copilot=true`)).status, 500, 'below it');
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ml-prod-cluster')}`)).status, 200, 'another cluster');
    assert.equal((await call(e, `/v1/cloud-ml/${instanceId}`)).status, 503);
    assert.equal((await call(e, `/v1/cloud-ml/${instanceId}`, { method: 'PUT', body: { description: 'x' } })).status, 202, 'method did not match');
    assert.equal((await call(e, '/v1/clusters?page=0&size=2')).status, 502, 'the query is not part of the path');
    assert.equal((await call(e, `/v1/clusters/${clusterId}`)).status, 200, 'exact: not below it');
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200);
  });

  it('path: a prefix ends at a segment boundary; a trailing slash matches only paths below', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'status', status: 503, path: '/v1/cloud-ml', method: 'GET', count: -1 });
    assert.equal((await call(e, '/v1/cloud-mlx')).status, 404, 'not a segment boundary: the gateway 404, no fault');
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 503);
    e.admin.clearFaults();
    e.admin.injectFault({ kind: 'status', status: 503, path: '/v1/clusters/', count: -1 });
    assert.equal((await call(e, '/v1/clusters')).status, 200);
    assert.equal((await call(e, `/v1/clusters/${idOf(e, 'ds-sandbox')}`)).status, 503);
  });

  it('path is never compiled: RegExp syntax, a query or a relative path is refused with one sentence', () => {
    const e = emulator();
    for (const path of ['(a+)+$', '/v1/(a+)+$', '^/v1/clusters', '/v1/cloud-ml/[0-9a-f]{32}', '/v1/clusters?page=0', 'images', '/v1/a|/v1/b', '/v1/a.*']) {
      assert.throws(() => e.admin.injectFault({ kind: 'status', status: 503, path }), /Not a valid fault \(field path\): path (must start with|is a plain path)/, path);
    }
    assert.throws(() => e.admin.injectFault({ kind: 'hang', exact: true }), /exact needs a path/);
    assert.deepEqual(e.admin.snapshot().instances.length, 3);
  });

  it('a catastrophic-looking path over HTTP is refused, and the emulator answers at once after it', async () => {
    const e = emulator();
    const injected = await adminCall(e, 'injectFault', { kind: 'status', status: 503, path: '/(a+)+$', count: -1 });
    assert.equal(injected.status, 400);
    assert.match(injected.json<{ error: string }>().error, /^Not a valid fault \(field path\): path is a plain path/);
    // A path that would make that pattern backtrack for minutes; the limit only keeps a regression from hanging the run.
    const probe = `/${'a'.repeat(40)}!`;
    assert.equal((await call(e, probe, { timeoutMs: 5000 })).status, 404);
    assert.equal((await call(e, '/v1/clusters', { timeoutMs: 5000 })).status, 200);
  });

  it('rejects an invalid fault with one sentence', () => {
    const e = emulator();
    assert.throws(() => e.admin.injectFault({ kind: 'status', status: 404 } as unknown as Fault), /Not a valid fault \(field status\)/);
    assert.throws(() => e.admin.injectFault({ kind: 'explode' } as unknown as Fault), /Not a valid fault/);
    assert.throws(() => e.admin.injectFault({ kind: 'hang', count: 0 }), /field count/);
  });
});

describe('emulator latency setting', () => {
  const emulator = emulatorPerTest({ latencyMs: 30_000 });

  it('applies the fixed latency to every API request (not to the admin API) until changed', async () => {
    const e = emulator();
    const slow = failureOf(call(e, '/v1/clusters', { timeoutMs: 300 }));
    assert.equal((await rawRequest(e.url, '/_emulator/counters', { timeoutMs: 5000, headers: adminTokenHeader(e) })).status, 200, 'the admin API is not delayed');
    assert.match((await slow)?.message ?? '', /timeout/);
    e.admin.setLatency({ fixedMs: 0, randomMs: 20 });
    assert.equal((await call(e, '/v1/clusters')).status, 200);
    assert.throws(() => e.admin.setLatency({ fixedMs: -1, randomMs: 0 }), /fixedMs/);
  });

  it('close() ends requests waiting out their latency', async () => {
    const e = emulator();
    const waiting = failureOf(call(e, '/v1/clusters'));
    await waitUntil('1 requests in flight', () => e.admin.counters().inFlight === 1);
    await e.close();
    assert.ok(await waiting);
  });
});

