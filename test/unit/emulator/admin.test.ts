import assert from 'node:assert/strict';
import { isLoopbackAddress } from '../../../src/emulator/adminHttpApi';
import { routeKey } from '../../../src/emulator/apiRoutes';
import { adminCall, adminTokenHeader, rawRequest } from '../../support/signedRequest';
import { call, emulatorPerTest, idOf, instanceIdOf, validCreateBody, waitUntil } from './emulatorFixture';


describe('emulator admin: counters', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('counts API requests by route with ids templated, failed ones included, admin ones never', async () => {
    const e = emulator();
    const a = idOf(e, 'ds-sandbox');
    const b = idOf(e, 'ml-prod-cluster');
    await call(e, `/v1/cloud-ml/clusters/${a}`);
    await call(e, `/v1/cloud-ml/clusters/${b}`);
    await call(e, `/v1/cloud-ml/clusters/${b}/estimate?use_copilot=true`);
    await call(e, '/v1/clusters?page=0&size=2');
    await call(e, '/v1/clusters', { signWithSecret: 'WRONG' });
    await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`, { method: 'PUT', body: { description: 'x' } });
    await call(e, '/v1/nowhere');
    await adminCall(e, 'counters');
    await adminCall(e, 'snapshot');
    const counts = e.admin.counters();
    assert.equal(counts.total, 7);
    assert.deepEqual(counts.byRoute, {
      'GET /v1/cloud-ml/clusters/{id}': 2,
      'GET /v1/cloud-ml/clusters/{id}/estimate': 1,
      'GET /v1/clusters': 2,
      'PUT /v1/cloud-ml/{id}': 1,
      'GET /v1/nowhere': 1,
    });
    assert.equal(counts.inFlight, 0);
    assert.deepEqual((await adminCall(e, 'counters')).json(), counts);
  });

  it('reports the peak number of requests in flight, overall and per route, and inFlight now', async () => {
    const e = emulator();
    const clusterId = idOf(e, 'ds-sandbox');
    e.admin.injectFault({ kind: 'hang', count: 3, path: `/v1/cloud-ml/clusters/${clusterId}/estimate` });
    e.admin.injectFault({ kind: 'hang', count: 2, path: '/v1/cloud-ml/images' });
    const pending = [
      ...[1, 2, 3].map(() => call(e, `/v1/cloud-ml/clusters/${clusterId}/estimate`, { timeoutMs: 60_000 }).catch(() => undefined)),
      ...[1, 2].map(() => call(e, '/v1/cloud-ml/images', { timeoutMs: 60_000 }).catch(() => undefined)),
    ];
    await waitUntil('5 requests in flight', () => e.admin.counters().inFlight === 5);
    const counts = e.admin.counters();
    assert.equal(counts.peakInFlight, 5);
    assert.deepEqual(counts.peakInFlightByRoute, { 'GET /v1/cloud-ml/clusters/{id}/estimate': 3, 'GET /v1/cloud-ml/images': 2 });
    await e.close();
    await Promise.all(pending);
    await waitUntil('0 requests in flight', () => e.admin.counters().inFlight === 0);
    assert.equal(e.admin.counters().peakInFlight, 5);
  });

  it('a request the client abandons leaves the in-flight count', async () => {
    const e = emulator();
    e.admin.injectFault({ kind: 'hang' });
    await call(e, '/v1/clusters', { timeoutMs: 200 }).catch(() => undefined);
    await waitUntil('0 requests in flight', () => e.admin.counters().inFlight === 0);
    assert.equal(e.admin.counters().peakInFlight, 1);
  });

  it('resetCounters zeroes totals and restarts the peak (also over HTTP)', async () => {
    const e = emulator();
    await Promise.all([call(e, '/v1/clusters'), call(e, '/v1/clusters')]);
    e.admin.resetCounters();
    assert.deepEqual(e.admin.counters(), { total: 0, byRoute: {}, peakInFlight: 0, peakInFlightByRoute: {}, inFlight: 0 });
    await call(e, '/v1/cloud-ml/images');
    assert.equal((await adminCall(e, 'resetCounters')).status, 200);
    assert.equal(e.admin.counters().total, 0);
  });

  it('templates ids of unknown paths too', () => {
    assert.equal(routeKey('get', '/v1/cloud-ml/0123456789abcdef0123456789abcdef'), 'GET /v1/cloud-ml/{id}');
    assert.equal(routeKey('GET', '/v1/cloud-ml/images'), 'GET /v1/cloud-ml/images');
    assert.equal(routeKey('GET', '/v9/things/0123456789abcdef0123456789abcdef/parts'), 'GET /v9/things/{id}/parts');
  });
});

describe('emulator admin: state controls', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60, seed: 11 });

  it('reset() puts the state back to the seed', async () => {
    const e = emulator();
    const seeded = e.admin.snapshot();
    await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    e.admin.setReleasable(idOf(e, 'ds-sandbox'), ['busy']);
    assert.notDeepEqual(e.admin.snapshot(), seeded);
    e.admin.reset();
    assert.deepEqual(e.admin.snapshot(), seeded);
  });

  it('snapshot() is a copy: changing it changes nothing', () => {
    const e = emulator();
    const snapshot = e.admin.snapshot();
    snapshot.clusters.length = 0;
    assert.equal(e.admin.snapshot().clusters.length, 6);
  });

  it('setEstimate changes what the estimate call answers and what a create may ask; it refuses unknown ids and bad shapes', async () => {
    const e = emulator();
    const clusterId = idOf(e, 'ds-sandbox');
    const estimate = { analytics: { cpu: 10, gpu: 3, memory: 40 }, application: { cpu: 5, memory: 20 }, copilot: { cpu: 4, gpu: 1, memory: 16 } };
    e.admin.setEstimate(clusterId, estimate);
    const answered = (await call(e, `/v1/cloud-ml/clusters/${clusterId}/estimate?use_copilot=false`)).json();
    assert.deepEqual(answered.analytics, { cpu: '10', gpu: '3', memory: '40' });
    const tooMany = validCreateBody(e);
    (tooMany as { analytics_resource?: unknown }).analytics_resource = { cpu: 1, gpu: '4', memory: 1 };
    const refused = await call(e, '/v1/cloud-ml', { method: 'POST', body: tooMany });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /analytics_resource\.gpu/);
    assert.throws(() => e.admin.setEstimate('nope', estimate), /No cluster has the id nope/);
    assert.throws(() => e.admin.setEstimate(clusterId, { analytics: { cpu: 1 } } as never), /setEstimate needs/);
    const res = await adminCall(e, 'setEstimate', { clusterId, estimate: { ...estimate, analytics: { cpu: 2, gpu: 0, memory: 8 } } });
    assert.equal(res.status, 200, res.text);
    assert.equal(e.admin.snapshot().clusters.find((c) => c.id === clusterId)?.estimate.analytics.cpu, 2);
  });

  it('setReleasable and forceState refuse unknown ids; setDeploySeconds refuses negatives', () => {
    const e = emulator();
    assert.throws(() => e.admin.setReleasable('nope', []), /No cluster has the id nope/);
    assert.throws(() => e.admin.forceState(instanceIdOf(e, 'ml-prod'), ''), /non-empty state/);
    assert.throws(() => e.admin.setDeploySeconds(-1), /seconds must be a number of 0 or more/);
  });
});

describe('emulator admin over HTTP', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('serves every operation, unsigned, with the same effect as in-process', async () => {
    const e = emulator();
    const instanceId = instanceIdOf(e, 'ml-prod');
    const clusterId = idOf(e, 'ml-prod-cluster');
    const ok = async (operation: string, body?: unknown): Promise<void> => {
      const res = await adminCall(e, operation, body);
      assert.equal(res.status, 200, `${operation}: ${res.text}`);
    };

    await ok('forceState', { cloudMlId: instanceId, state: 'ERROR' });
    assert.equal((await call(e, `/v1/cloud-ml/${instanceId}`)).json().cloud_ml_state, 'ERROR');

    await ok('setReleasable', { clusterId, exceptions: ['still serving'] });
    assert.deepEqual((await call(e, `/v1/cloud-ml/clusters/${clusterId}/check-releasable`)).json(), { result: false, exceptions: ['still serving'] });

    await ok('injectFault', { kind: 'status', status: 503, count: -1, path: '/v1/cloud-ml/images' });
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 503);
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 503);
    await ok('clearFaults');
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200);

    await ok('setCloudMlDisabled', { disabled: true });
    assert.equal((await call(e, '/v1/cloud-ml/images')).json().error, 'Not Found');
    await ok('setCloudMlDisabled', { disabled: false });

    await ok('setDeploySeconds', { seconds: 0 });
    const created = (await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) })).json().resource_id as string;
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).json().cloud_ml_state, 'DEPLOYED', 'deploySeconds 0 settles at once');

    await ok('setLatency', { fixedMs: 0, randomMs: 5 });
    const snapshot = (await adminCall(e, 'snapshot')).json();
    assert.equal(snapshot.instances.length, 4);
    assert.equal(snapshot.instances.find((i: { cloud_ml_id: string }) => i.cloud_ml_id === created).createRequest.cloud_ml_name, 'new-ml');

    await ok('reset');
    assert.equal(e.admin.snapshot().instances.length, 3);
    assert.equal(e.admin.snapshot().clusters.find((c) => c.id === clusterId)?.releaseExceptions.length, 0);
  });

  it('answers bad admin calls with 4xx and one sentence', async () => {
    const e = emulator();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', 'nothing', {}, 404, /no admin operation "nothing"/],
      ['GET', 'reset', undefined, 405, /Use POST/],
      ['POST', 'forceState', { cloudMlId: 'nope', state: 'ERROR' }, 404, /No Cloud ML instance/],
      ['POST', 'forceState', { state: 'ERROR' }, 400, /Invalid cloudMlId/],
      ['POST', 'injectFault', { kind: 'status', status: 418 }, 400, /Not a valid fault/],
      ['POST', 'setLatency', { fixedMs: -5 }, 400, /Invalid fixedMs/],
      ['POST', 'setCloudMlDisabled', '{not json', 400, /not valid JSON/],
    ];
    for (const [method, operation, body, status, message] of cases) {
      const res = await rawRequest(e.url, `/_emulator/${operation}`, { method, body, headers: adminTokenHeader(e) });
      assert.equal(res.status, status, `${method} ${operation}: ${res.text}`);
      assert.match(res.json().error, message);
    }
    assert.equal(e.admin.counters().total, 0, 'admin calls are not counted');
  });

  it('answers loopback clients only', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(address), true, address);
    for (const address of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '2001:db8::1', undefined]) assert.equal(isLoopbackAddress(address), false, String(address));
  });
});
