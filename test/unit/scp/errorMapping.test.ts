import * as assert from 'node:assert/strict';
import { errorFromNetworkFailure, errorFromResponse, isCloudMlPath } from '../../../src/scp/errorMapping';
import type { ScpError } from '../../../src/scp/scpError';

const cloudMl = { method: 'GET', url: 'https://cloud-ml.kr-west1.s.samsungsdscloud.com/v1/cloud-ml/abc', path: '/v1/cloud-ml/abc' };
const ske = { method: 'GET', url: 'https://ske.kr-west1.s.samsungsdscloud.com/v1/clusters/abc', path: '/v1/clusters/abc' };
const json = { 'content-type': 'application/json' };

function standard(status: number, detail: string | string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ code: 'X', title: 'T', detail, status: String(status), request_id: 'req-1', global_request_id: 'g-1', ...extra }] });
}

function assertOneSentence(error: ScpError): void {
  assert.ok(!error.message.includes('\n'), 'one line');
  assert.ok(!/\bat .+:\d+:\d+/.test(error.message), 'no stack frame');
  assert.match(error.message, /^[A-Z].*\.$/, 'a sentence');
  assert.ok(!/\.\s+[A-Z]/.test(error.message.replace(/\d\.\d/g, '')), `one sentence: ${error.message}`);
}

describe('scp error mapping', () => {
  it('maps the standard shape with a string detail to validation, keeping details and request ids', () => {
    const error = errorFromResponse({ ...cloudMl, status: 400, headers: { ...json, 'x-request-id': 'hdr-1' }, bodyText: standard(400, 'cloud_ml_name must be 3-30 characters') });
    assert.equal(error.kind, 'validation');
    assert.deepEqual(error.details, ['cloud_ml_name must be 3-30 characters']);
    assert.deepEqual(error.requestIds, ['hdr-1', 'req-1', 'g-1']);
    assert.match(error.message, /cloud_ml_name must be 3-30 characters/);
    assert.ok(!error.message.includes('req-1'), 'the request id is a field, not part of the sentence');
    assertOneSentence(error);
  });

  it('reads a detail given as an array of strings', () => {
    const error = errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: standard(400, ['domain_name is taken', 'image_id is unknown']) });
    assert.deepEqual(error.details, ['domain_name is taken', 'image_id is unknown']);
  });

  it('maps the gateway 404 to notEnabled on a Cloud ML path and to notFound elsewhere', () => {
    const body = JSON.stringify({ timestamp: '2024-05-17T00:23:17Z', path: '/v1/cloud-ml/images', status: 404, error: 'Not Found', requestId: 'gw-1' });
    const onCloudMl = errorFromResponse({ ...cloudMl, status: 404, headers: json, bodyText: body });
    assert.equal(onCloudMl.kind, 'notEnabled');
    assert.match(onCloudMl.message, /^Cloud ML is not available for this account or region/);
    assert.deepEqual(onCloudMl.requestIds, ['gw-1']);
    assertOneSentence(onCloudMl);
    assert.equal(errorFromResponse({ ...ske, status: 404, headers: json, bodyText: body }).kind, 'notFound');
    // A missing instance answers 404 in the standard shape: that is notFound, not notEnabled.
    assert.equal(errorFromResponse({ ...cloudMl, status: 404, headers: json, bodyText: standard(404, 'no such Cloud ML') }).kind, 'notFound');
  });

  it('maps the gateway 401 to auth with a sentence that says what to check', () => {
    const body = JSON.stringify({ status: 'UNAUTHORIZED', name: 'Request was rejected by gateway', message: 'The signature does not match the request.' });
    const error = errorFromResponse({ ...ske, status: 401, headers: json, bodyText: body });
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /access key, the secret key and your clock/);
    assert.deepEqual(error.details, ['The signature does not match the request.']);
    assertOneSentence(error);
  });

  it('maps the HTML 417 firewall page and 429 to throttled', () => {
    const html = '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>';
    const firewall = errorFromResponse({ ...ske, status: 417, headers: { 'content-type': 'text/html' }, bodyText: html });
    assert.equal(firewall.kind, 'throttled');
    assert.ok(firewall.isTransient);
    assert.ok(!firewall.message.includes('<'), 'no HTML in the sentence');
    assert.equal(errorFromResponse({ ...ske, status: 429, headers: json, bodyText: '' }).kind, 'throttled');
  });

  it('maps 409 and a busy 400 to conflict, and a plain 400 to validation', () => {
    assert.equal(errorFromResponse({ ...cloudMl, status: 409, headers: json, bodyText: standard(409, 'conflict') }).kind, 'conflict');
    const busy = standard(400, 'Cloud ML ml-prod is CREATING: an operation is in progress; try again when it has finished.');
    assert.equal(errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: busy }).kind, 'conflict');
    assert.equal(errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: standard(400, 'domain_name must hold only lower-case letters') }).kind, 'validation');
  });

  it('maps missing ids answered with 400 or 403 to notFound', () => {
    assert.equal(errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: standard(400, 'cloud ml does not exist') }).kind, 'notFound');
    assert.equal(errorFromResponse({ ...cloudMl, status: 403, headers: json, bodyText: standard(403, 'Forbidden') }).kind, 'notFound');
  });

  it('maps 5xx to server (transient) whatever the body', () => {
    for (const status of [500, 502, 503, 504]) {
      const error = errorFromResponse({ ...ske, status, headers: json, bodyText: status === 500 ? standard(500, 'boom') : 'upstream broke' });
      assert.equal(error.kind, 'server');
      assert.equal(error.status, status);
      assert.ok(error.isTransient);
    }
  });

  it('masks secrets echoed by the server in details and message', () => {
    const body = standard(400, 'bad body {"custom_registry_access_secret_key":"reg-secret-1","x":"SECRETKEY123"}');
    const error = errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: body, secrets: ['SECRETKEY123'] });
    const all = error.message + error.details.join(' ');
    assert.ok(!all.includes('reg-secret-1'));
    assert.ok(!all.includes('SECRETKEY123'));
  });

  it('classifies by what the server said, and redacts only what it shows', () => {
    // A registry secret that happens to read like a state word: masked in the detail, still a busy 400.
    const body = standard(400, 'Cloud ML ml-prod is UPDATING; an operation is in progress.');
    const error = errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: body, secrets: ['UPDATING; an operation is in progress'] });
    assert.equal(error.kind, 'conflict');
    assert.deepEqual(error.details, ['Cloud ML ml-prod is ***.']);
    const missing = errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: standard(400, 'cloud ml does not exist'), secrets: ['does not exist'] });
    assert.equal(missing.kind, 'notFound');
    assert.ok(!missing.details.join(' ').includes('does not exist'), missing.details.join(' '));
  });

  it('maps a redirect to redirected (not retried), naming only the host it pointed to', () => {
    for (const status of [301, 302, 307]) {
      const error = errorFromResponse({ ...ske, status, headers: { location: '/portal/login?ticket=abc-secret' }, bodyText: '' });
      assert.equal(error.kind, 'redirected');
      assert.equal(error.isTransient, false);
      assert.match(error.message, /redirected \(3\d\d\) to ske\.kr-west1\.s\.samsungsdscloud\.com; a proxy or captive portal may be in the way/);
      assert.ok(!error.message.includes('ticket'));
      assertOneSentence(error);
    }
    assert.match(errorFromResponse({ ...ske, status: 302, headers: {}, bodyText: '' }).message, /^The request to SCP was redirected \(302\); a proxy/);
  });

  it('maps a body over the size limit to malformed, which is not retried', () => {
    const tooLarge = Object.assign(new Error('maxContentLength size of 1024 exceeded'), { code: 'ERR_BAD_RESPONSE' });
    const error = errorFromNetworkFailure({ ...ske, error: tooLarge });
    assert.equal(error.kind, 'malformed');
    assert.equal(error.isTransient, false);
    assertOneSentence(error);
  });

  it('maps network failures by code', () => {
    const failure = (code: string, message = code): unknown => Object.assign(new Error(message), { code });
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ECONNREFUSED') }).kind, 'network');
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ECONNRESET', 'socket hang up') }).kind, 'network');
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ETIMEDOUT') }).kind, 'timeout');
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ERR_CANCELED', 'canceled'), timedOut: true, timeoutMs: 30_000 }).message, 'SCP did not answer within 30 seconds; check the network, or raise the request timeout and try again.');
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ERR_CANCELED'), cancelled: true }).kind, 'cancelled');
    const tls = errorFromNetworkFailure({ ...ske, error: failure('SELF_SIGNED_CERT_IN_CHAIN') });
    assert.equal(tls.kind, 'network');
    assert.match(tls.message, /NODE_EXTRA_CA_CERTS/);
    const dns = errorFromNetworkFailure({ ...ske, error: failure('ENOTFOUND') });
    assert.match(dns.message, /ske\.kr-west1\.s\.samsungsdscloud\.com \(ENOTFOUND\); check the environment, region/);
    assertOneSentence(dns);
  });

  it('carries what to check after a certificate, DNS or refused-connection failure, for the UI to word', () => {
    const failure = (code: string, message = code): unknown => Object.assign(new Error(message), { code });
    const host = 'ske.kr-west1.s.samsungsdscloud.com';
    assert.deepEqual(errorFromNetworkFailure({ ...ske, error: failure('SELF_SIGNED_CERT_IN_CHAIN') }).hint, { code: 'tls', host, errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' });
    assert.deepEqual(errorFromNetworkFailure({ ...ske, error: failure('ENOTFOUND') }).hint, { code: 'dns', host });
    assert.deepEqual(errorFromNetworkFailure({ ...ske, error: failure('EAI_AGAIN') }).hint, { code: 'dns', host });
    assert.deepEqual(errorFromNetworkFailure({ ...ske, error: failure('ECONNREFUSED') }).hint, { code: 'refused', host });
    const refused = errorFromNetworkFailure({ ...ske, error: failure('ECONNREFUSED') });
    assert.match(refused.message, /\(ECONNREFUSED\); check that the endpoint is running and the port is right\.$/);
    assertOneSentence(refused);
    // Nothing more specific to say: no hint, and the UI says "check the network or proxy".
    assert.equal(errorFromNetworkFailure({ ...ske, error: failure('ECONNRESET', 'socket hang up') }).hint, undefined);
    assert.equal(errorFromResponse({ ...ske, status: 503, headers: json, bodyText: '{}' }).hint, undefined);
  });

  it('knows Cloud ML paths', () => {
    assert.ok(isCloudMlPath('/v1/cloud-ml'));
    assert.ok(isCloudMlPath('/v1/cloud-ml/images'));
    assert.ok(!isCloudMlPath('/v1/clusters'));
    assert.ok(!isCloudMlPath('/v1/cloud-mlx'));
  });
});
