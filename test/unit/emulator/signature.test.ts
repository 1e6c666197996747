import assert from 'node:assert/strict';
import { ALLOWED_CLOCK_SKEW_MS } from '../../../src/emulator/signatureVerifier';
import { computeSignature } from '../../../src/scp/signer';
import { rawRequest } from '../../support/signedRequest';
import { call, emulatorPerTest } from './emulatorFixture';

const GATEWAY_401_NAME = 'Request was rejected by gateway';

describe('emulator signature check', () => {
  const emulator = emulatorPerTest({ accessKey: 'TESTACCESSKEY', secretKey: 'TESTSECRETKEY' });

  it('accepts a request signed as SCP signs it', async () => {
    const res = await call(emulator(), '/v1/cloud-ml/images');
    assert.equal(res.status, 200);
  });

  it('reproduces the documented test vector for the message (method + url + timestamp + key + "Openapi")', () => {
    const url = 'https://cloud-ml.kr-west1.e.samsungsdscloud.com/v1/cloud-ml/check-duplication?name=my-ml';
    const signature = computeSignature({ method: 'GET', url, timestamp: '1605290625682', accessKey: 'TESTACCESSKEY' }, 'TESTSECRETKEY');
    assert.equal(signature, 'uEMqMjp/Av3dc9VOy/yLe0khA/T+cZBHTvT6tVcgo9c=');
  });

  for (const header of ['scp-accesskey', 'scp-signature', 'scp-timestamp']) {
    it(`answers the gateway 401 when ${header} is missing`, async () => {
      const res = await call(emulator(), '/v1/clusters', { omitHeaders: [header] });
      assert.equal(res.status, 401);
      assert.deepEqual(Object.keys(res.json()).sort(), ['message', 'name', 'status']);
      assert.equal(res.json().status, 'UNAUTHORIZED');
      assert.equal(res.json().name, GATEWAY_401_NAME);
      assert.match(res.json().message, new RegExp(header.replace('scp-', ''), 'i'));
    });
  }

  it('rejects a signature made with the wrong secret, without echoing it', async () => {
    const res = await call(emulator(), '/v1/clusters', { signWithSecret: 'WRONGSECRET' });
    assert.equal(res.status, 401);
    assert.equal(res.json().name, GATEWAY_401_NAME);
    assert.match(res.json().message, /signature does not match/);
    assert.ok(!res.text.includes('TESTSECRETKEY'));
  });

  it('rejects an unknown access key', async () => {
    const res = await call(emulator(), '/v1/clusters', { accessKey: 'OTHERKEY' });
    assert.equal(res.status, 401);
    assert.match(res.json().message, /access key is not known/);
  });

  it('accepts a timestamp within ±5 minutes and rejects one outside, in both directions', async () => {
    const margin = 30_000;
    assert.equal((await call(emulator(), '/v1/clusters', { timestampMs: Date.now() - ALLOWED_CLOCK_SKEW_MS + margin })).status, 200);
    assert.equal((await call(emulator(), '/v1/clusters', { timestampMs: Date.now() + ALLOWED_CLOCK_SKEW_MS - margin })).status, 200);
    const past = await call(emulator(), '/v1/clusters', { timestampMs: Date.now() - ALLOWED_CLOCK_SKEW_MS - margin });
    const future = await call(emulator(), '/v1/clusters', { timestampMs: Date.now() + ALLOWED_CLOCK_SKEW_MS + margin });
    assert.equal(past.status, 401);
    assert.equal(future.status, 401);
    assert.match(past.json().message, /5 minutes/);
  });

  it('rejects a timestamp that is not epoch milliseconds', async () => {
    const res = await call(emulator(), '/v1/clusters', { headers: { 'scp-timestamp': '2024-05-17T00:00:00Z' } });
    assert.equal(res.status, 401);
  });

  it('signs the query byte for byte: a request whose query differs from the signed one is rejected', async () => {
    const e = emulator();
    const headersSignedFor = (pathAndQuery: string): Record<string, string> => {
      const timestamp = String(Date.now());
      const signature = computeSignature({ method: 'GET', url: `${e.url}${pathAndQuery}`, timestamp, accessKey: e.accessKey }, e.secretKey);
      return { 'scp-accesskey': e.accessKey, 'scp-signature': signature, 'scp-timestamp': timestamp };
    };
    assert.equal((await rawRequest(e.url, '/v1/clusters?name=ml', { headers: headersSignedFor('/v1/clusters?name=ml') })).status, 200);
    assert.equal((await rawRequest(e.url, '/v1/clusters?name=ds', { headers: headersSignedFor('/v1/clusters?name=ml') })).status, 401);
    // Signed once-encoded but sent encoded twice (%20 -> %2520): the classic double-encoding bug gets a 401.
    assert.equal((await rawRequest(e.url, '/v1/clusters?name=a%20b%26c', { headers: headersSignedFor('/v1/clusters?name=a%20b%26c') })).status, 200);
    assert.equal((await rawRequest(e.url, '/v1/clusters?name=a%2520b%2526c', { headers: headersSignedFor('/v1/clusters?name=a%20b%26c') })).status, 401);
  });

  it('signs the Host header as sent (the URL is http:// + Host + path)', async () => {
    const e = emulator();
    const timestamp = String(Date.now());
    const asLocalhost = computeSignature({ method: 'GET', url: `http://localhost:${new URL(e.url).port}/v1/clusters`, timestamp, accessKey: e.accessKey }, e.secretKey);
    const headers = { 'scp-accesskey': e.accessKey, 'scp-signature': asLocalhost, 'scp-timestamp': timestamp };
    assert.equal((await rawRequest(e.url, '/v1/clusters', { headers: { ...headers, host: `localhost:${new URL(e.url).port}` } })).status, 200);
    assert.equal((await rawRequest(e.url, '/v1/clusters', { headers })).status, 401);
  });

  it('checks the signature of unknown paths too (401 before 404)', async () => {
    assert.equal((await call(emulator(), '/v1/nowhere', { signWithSecret: 'WRONG' })).status, 401);
  });

  it('carries a request id header on every answer, the 401 included', async () => {
    const ok = await call(emulator(), '/v1/clusters');
    const rejected = await call(emulator(), '/v1/clusters', { signWithSecret: 'WRONG' });
    assert.match(String(ok.headers['x-request-id']), /^[0-9a-f]{32}$/);
    assert.match(String(rejected.headers['x-request-id']), /^[0-9a-f]{32}$/);
    assert.notEqual(ok.headers['x-request-id'], rejected.headers['x-request-id']);
  });
});

describe('emulator Scp-Api-Version', () => {
  const emulator = emulatorPerTest();

  it('serves requests without the header and with the product\'s 1.0', async () => {
    assert.equal((await call(emulator(), '/v1/cloud-ml/images')).status, 200);
    assert.equal((await call(emulator(), '/v1/cloud-ml/images', { headers: { 'scp-api-version': 'cloud-ml 1.0' } })).status, 200);
    assert.equal((await call(emulator(), '/v1/clusters', { headers: { 'scp-api-version': 'ske 1.0' } })).status, 200);
  });

  for (const [path, version] of [
    ['/v1/cloud-ml/images', 'cloud-ml 2.0'],
    ['/v1/cloud-ml/images', 'ske 1.0'],
    ['/v1/clusters', 'ske 9.9'],
    ['/v1/clusters', 'nonsense'],
  ] as const) {
    it(`answers 406 NoSuchVersion in the standard shape for "${version}" on ${path}`, async () => {
      const res = await call(emulator(), path, { headers: { 'scp-api-version': version } });
      assert.equal(res.status, 406);
      const [error] = res.json().errors;
      assert.equal(error.code, 'NoSuchVersion');
      assert.equal(error.request_id, res.headers['x-request-id']);
    });
  }
});
