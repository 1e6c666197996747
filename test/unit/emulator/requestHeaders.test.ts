import assert from 'node:assert/strict';
import { adminCall } from '../../support/signedRequest';
import { call, emulatorPerTest, idOf } from './emulatorFixture';

describe('emulator admin: last request headers', () => {
  const emulator = emulatorPerTest();

  it('keeps the headers of the latest request per route, the later request winning', async () => {
    const e = emulator();
    await call(e, '/v1/clusters', { headers: { 'accept-language': 'en-US' } });
    await call(e, '/v1/clusters?page=1', { headers: { 'accept-language': 'ko-KR' } });
    await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}`, { headers: { 'accept-language': 'en-US', 'scp-api-version': 'cloud-ml 1.0' } });

    const last = e.admin.lastRequestHeaders();
    assert.deepEqual(Object.keys(last).sort(), ['GET /v1/cloud-ml/clusters/{id}', 'GET /v1/clusters']);
    assert.equal(last['GET /v1/clusters']?.['accept-language'], 'ko-KR');
    assert.equal(last['GET /v1/cloud-ml/clusters/{id}']?.['accept-language'], 'en-US');
    assert.equal(last['GET /v1/cloud-ml/clusters/{id}']?.['scp-api-version'], 'cloud-ml 1.0');
    assert.equal(last['GET /v1/clusters']?.['scp-accesskey'], e.accessKey);
  });

  it('never keeps the signature or a header named like a secret', async () => {
    const e = emulator();
    await call(e, '/v1/clusters', { headers: { 'x-registry-secret': 'do-not-keep', authorization: 'Bearer nope' } });
    const kept = e.admin.lastRequestHeaders()['GET /v1/clusters'] ?? {};
    assert.ok(Object.keys(kept).length > 0, 'the request was recorded');
    assert.deepEqual(
      Object.keys(kept).filter((name) => /signature|secret|authorization/.test(name)),
      [],
    );
    assert.ok(!JSON.stringify(e.admin.lastRequestHeaders()).includes('do-not-keep'));
  });

  it('is served over the admin API, ignores admin requests, and is forgotten by resetCounters', async () => {
    const e = emulator();
    await call(e, '/v1/clusters', { headers: { 'accept-language': 'ko-KR' } });
    await adminCall(e, 'counters');
    const overHttp = await adminCall(e, 'lastRequestHeaders');
    assert.equal(overHttp.status, 200);
    assert.deepEqual(overHttp.json(), e.admin.lastRequestHeaders());
    assert.deepEqual(Object.keys(overHttp.json<object>()), ['GET /v1/clusters']);

    await adminCall(e, 'resetCounters');
    assert.deepEqual(e.admin.lastRequestHeaders(), {});
  });
});
