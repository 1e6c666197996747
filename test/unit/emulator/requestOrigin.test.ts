import assert from 'node:assert/strict';
import { computeSignature } from '../../../src/scp/signer';
import { adminTokenHeader, rawRequest, type RawResponse } from '../../support/signedRequest';
import { call, emulatorPerTest } from './emulatorFixture';
import type { RunningEmulator } from '../../../src/emulator/startEmulator';

/** Signed headers for a GET of `path` as sent to `host` (the signature covers http:// + Host + path). */
function signedFor(e: RunningEmulator, host: string, path: string): Record<string, string> {
  const timestamp = String(Date.now());
  const signature = computeSignature({ method: 'GET', url: `http://${host}${path}`, timestamp, accessKey: e.accessKey }, e.secretKey);
  return { host, 'scp-accesskey': e.accessKey, 'scp-signature': signature, 'scp-timestamp': timestamp };
}

function assertAdminRefusal(res: RawResponse, status: number, message: RegExp): void {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(Object.keys(res.json<object>()), ['error']);
  assert.match(res.json<{ error: string }>().error, message);
}

/** The API's standard error shape (errors[] with code, status and request id). */
function assertApiRefusal(res: RawResponse, status: number, code: string, message: RegExp): void {
  assert.equal(res.status, status, res.text);
  const [entry] = res.json<{ errors: { code: string; status: string; detail: string; request_id: string }[] }>().errors;
  assert.equal(entry.code, code);
  assert.equal(entry.status, String(status));
  assert.match(entry.detail, message);
  assert.equal(entry.request_id, res.headers['x-request-id']);
}

describe('emulator: requests from web pages and other host names', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('refuses any request with an Origin header: 403 on the admin API, token or not', async () => {
    const e = emulator();
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${new URL(e.url).port}`]) {
      const res = await rawRequest(e.url, '/_emulator/setCloudMlDisabled', { method: 'POST', body: { disabled: true }, headers: { ...adminTokenHeader(e), origin } });
      assertAdminRefusal(res, 403, /Origin/);
    }
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200, 'nothing was changed');
  });

  it('refuses any request with an Origin header: 403 on the API, in its standard error shape, even when signed', async () => {
    const e = emulator();
    const res = await call(e, '/v1/clusters', { headers: { origin: 'https://evil.example' } });
    assertApiRefusal(res, 403, 'Forbidden', /Origin/);
    assert.equal(e.admin.counters().total, 0, 'a refused request never reaches the API');
  });

  it('refuses a Host that is not loopback (DNS rebinding) or not this port: 421, admin and API alike', async () => {
    const e = emulator();
    const port = new URL(e.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.nip.io:${port}`, `localhost.evil.example:${port}`, `10.0.0.1:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `::1:${port}`]) {
      assertAdminRefusal(await rawRequest(e.url, '/_emulator/counters', { headers: { ...adminTokenHeader(e), host } }), 421, /Host/);
      assertApiRefusal(await rawRequest(e.url, '/v1/clusters', { headers: signedFor(e, host, '/v1/clusters') }), 421, 'MisdirectedRequest', /Host/);
    }
  });

  it('accepts 127.0.0.1, localhost and [::1] with the right port (any case)', async () => {
    const e = emulator();
    const port = new URL(e.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`, `127.0.0.2:${port}`]) {
      assert.equal((await rawRequest(e.url, '/_emulator/counters', { headers: { ...adminTokenHeader(e), host } })).status, 200, host);
      assert.equal((await rawRequest(e.url, '/v1/clusters', { headers: signedFor(e, host, '/v1/clusters') })).status, 200, host);
    }
  });
});
