import assert from 'node:assert/strict';
import { startEmulator } from '../../../src/emulator/startEmulator';
import { rawRequest, type RawResponse } from '../../support/signedRequest';
import { call, emulatorPerTest } from './emulatorFixture';

/** The admin API's error shape: exactly {"error": "<one sentence>"}. */
function assertAdminError(res: RawResponse, status: number, message: RegExp): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers['content-type'], 'application/json');
  const body = res.json<Record<string, unknown>>();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.match(String(body.error), message);
}

describe('emulator admin API: the token of this start', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('is random per start, 32 URL-safe characters', async () => {
    const e = emulator();
    assert.match(e.adminToken, /^[A-Za-z0-9_-]{32}$/);
    const second = await startEmulator();
    await second.close();
    assert.notEqual(second.adminToken, e.adminToken);
  });

  it('without the header: 401 in the admin error shape, and nothing changes', async () => {
    const e = emulator();
    assertAdminError(await rawRequest(e.url, '/_emulator/counters'), 401, /X-Emulator-Token/);
    assertAdminError(await rawRequest(e.url, '/_emulator/snapshot'), 401, /X-Emulator-Token/);
    assertAdminError(await rawRequest(e.url, '/_emulator/setCloudMlDisabled', { method: 'POST', body: { disabled: true } }), 401, /X-Emulator-Token/);
    assertAdminError(await rawRequest(e.url, '/_emulator/nothing', { method: 'POST', body: {} }), 401, /X-Emulator-Token/);
    assert.equal(e.admin.snapshot().instances.length, 3);
    assert.equal((await rawRequest(e.url, '/_emulator/reset', { method: 'POST' })).status, 401);
  });

  it('with a wrong token (other value, other length, empty, or the token twice): 401', async () => {
    const e = emulator();
    const lastFlipped = `${e.adminToken.slice(0, -1)}${e.adminToken.endsWith('A') ? 'B' : 'A'}`;
    const wrongs = [lastFlipped, e.adminToken.slice(1), '', `${e.adminToken}${e.adminToken}`];
    for (const token of wrongs) {
      assertAdminError(await rawRequest(e.url, '/_emulator/counters', { headers: { 'x-emulator-token': token } }), 401, /X-Emulator-Token/);
    }
  });

  it('with the right token: the operation runs', async () => {
    const e = emulator();
    const res = await rawRequest(e.url, '/_emulator/setCloudMlDisabled', { method: 'POST', body: { disabled: true }, headers: { 'X-Emulator-Token': e.adminToken } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json(), { ok: true });
    const counters = await rawRequest(e.url, '/_emulator/counters', { headers: { 'x-emulator-token': e.adminToken } });
    assert.equal(counters.status, 200);
    assert.equal(counters.json().total, 0);
  });

  it('refuses the CORS-simple text/plain POST a web page can send without a preflight', async () => {
    const e = emulator();
    const res = await rawRequest(e.url, '/_emulator/setCloudMlDisabled', { method: 'POST', body: '{"disabled":true}', headers: { 'content-type': 'text/plain' } });
    assertAdminError(res, 401, /X-Emulator-Token/);
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200, 'Cloud ML is still enabled: the forged call changed nothing');
  });
});

