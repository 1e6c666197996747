import * as assert from 'node:assert/strict';
import {
  errorFromNetworkFailure,
  errorFromResponse,
  isCloudMlPath,
  requestIdsFromHeaders,
  schemaViolationError,
  unreadableBodyError,
} from '../../../src/scp/errorMapping';

/** The exact sentences users see, status by status, and the details and request ids each error keeps. */

const cloudMl = { method: 'POST', url: 'https://cloud-ml.kr-west1.s.samsungsdscloud.com/v1/cloud-ml', path: '/v1/cloud-ml' };
const ske = { method: 'GET', url: 'https://ske.kr-west1.s.samsungsdscloud.com/v1/clusters', path: '/v1/clusters' };
const json = { 'content-type': 'application/json' };

function standardBody(...errors: unknown[]): string {
  return JSON.stringify({ errors });
}

function respond(status: number, bodyText: string, request: typeof cloudMl = cloudMl, headers: Record<string, unknown> = json) {
  return errorFromResponse({ ...request, status, headers, bodyText });
}

describe('scp error mapping: every status and body shape', () => {
  it('says the exact sentence for each status without a detail', () => {
    const cases: [number, string, string][] = [
      [401, 'auth', 'SCP rejected the credentials (401); check the access key, the secret key and your clock, then sign in again.'],
      [417, 'throttled', "SCP's firewall rejected a burst of requests (417); wait a moment and try again."],
      [429, 'throttled', 'SCP is limiting the request rate (429); wait a moment and try again.'],
      [404, 'notFound', 'SCP could not find this resource (404); it may have been deleted, so refresh and try again.'],
      [409, 'conflict', 'The instance is busy with another operation (409); wait until it settles, then try again.'],
      [403, 'notFound', 'SCP refused access to this resource (403); it may not exist or the key may lack permission, so refresh or check the key.'],
      [406, 'validation', 'SCP does not support the API version this client sent (406); update the extension.'],
      [408, 'timeout', 'SCP gave up waiting for the request (408); try again.'],
      [500, 'server', 'SCP had an internal error (500); try again in a moment.'],
      [599, 'server', 'SCP had an internal error (599); try again in a moment.'],
      [400, 'validation', 'SCP rejected the request (400); correct the input and try again.'],
      [422, 'validation', 'SCP rejected the request (422); correct the input and try again.'],
      // Every 3xx is a redirect the client does not follow (a proxy or captive portal), never retried.
      [399, 'redirected', 'The request to SCP was redirected (399); a proxy or captive portal may be in the way, so check the network, then try again.'],
      [302, 'redirected', 'The request to SCP was redirected (302); a proxy or captive portal may be in the way, so check the network, then try again.'],
    ];
    for (const [status, kind, message] of cases) {
      const error = respond(status, '');
      assert.deepEqual([error.kind, error.message, error.status], [kind, message, status], String(status));
      assert.equal(error.method, 'POST');
      assert.equal(error.url, cloudMl.url);
    }
  });

  it('a gateway 401 body means auth whatever the status', () => {
    assert.equal(respond(403, JSON.stringify({ status: 'UNAUTHORIZED', message: 'expired' })).kind, 'auth');
    assert.equal(respond(400, JSON.stringify({ name: 'Request was Rejected by Gateway', message: 'm' })).kind, 'auth');
    assert.deepEqual(respond(401, JSON.stringify({ name: 'Request was rejected by gateway' })).details, [], 'no message, no detail');
    assert.deepEqual(respond(401, JSON.stringify({ status: 'UNAUTHORIZED', message: 'bad sig', requestId: 'g1', request_id: 'g2', global_request_id: 'g3' })).requestIds, ['g1', 'g2', 'g3']);
  });

  it('a gateway 404 needs timestamp, path and error or status; only then on a Cloud ML path is it notEnabled', () => {
    const gateway = (body: Record<string, unknown>) => respond(404, JSON.stringify(body)).kind;
    assert.equal(gateway({ timestamp: 't', path: '/p', error: 'Not Found' }), 'notEnabled');
    assert.equal(gateway({ timestamp: 't', path: '/p', status: 404 }), 'notEnabled');
    assert.equal(gateway({ timestamp: 't', path: '/p' }), 'notFound');
    assert.equal(gateway({ path: '/p', error: 'Not Found' }), 'notFound');
    assert.equal(gateway({ timestamp: 't', error: 'Not Found' }), 'notFound');
    assert.equal(respond(404, JSON.stringify({ timestamp: 't', path: '/p', error: 'x' }), ske).kind, 'notFound');
  });

  it('reads the standard shape: detail text or list, else the title; codes; request ids under three names', () => {
    const error = respond(
      400,
      standardBody(
        { code: 'A', detail: 'first problem', request_id: 'r1' },
        { code: 'B', detail: ['second', '', 3, 'third'], global_request_id: 'r2' },
        { title: 'a title', detail: '', requestId: 'r3' },
        { title: '', detail: '' },
        'not an object',
        { detail: 7, request_id: '' },
      ),
    );
    assert.deepEqual(error.details, ['first problem', 'second', 'third', 'a title']);
    assert.deepEqual(error.requestIds, ['r1', 'r2', 'r3']);
    assert.equal(error.message, 'SCP rejected the request (400): first problem; correct the input and try again.');
  });

  it('keeps request ids from every known header, first value, once', () => {
    const headers = { ...json, 'X-Request-Id': ['h1', 'h9'], 'request-id': 'h2', requestid: '', 'x-scp-request-id': 'h1', 'scp-request-id': 'h3', 'x-global-request-id': 'h4', 'global-request-id': 'h5', 'x-other': 'no' };
    assert.deepEqual(requestIdsFromHeaders(headers), ['h1', 'h2', 'h3', 'h4', 'h5']);
    assert.deepEqual(requestIdsFromHeaders({ 'x-request-id': [] }), []);
    assert.deepEqual(requestIdsFromHeaders({ 'x-request-id': 5 }), []);
    const error = respond(400, standardBody({ detail: 'd', request_id: 'h2' }), cloudMl, { 'request-id': 'h2', 'x-request-id': 'h0' });
    assert.deepEqual(error.requestIds, ['h2', 'h0'], 'a body id equal to a header id is kept once');
  });

  it('reads other JSON bodies by detail, message, error_message or error, in that order', () => {
    const detailOf = (body: unknown) => respond(400, JSON.stringify(body)).details;
    assert.deepEqual(detailOf({ detail: 'd', message: 'm' }), ['d']);
    assert.deepEqual(detailOf({ detail: '', message: 'm' }), ['m']);
    assert.deepEqual(detailOf({ error_message: 'em', error: 'e' }), ['em']);
    assert.deepEqual(detailOf({ error: 'e' }), ['e']);
    assert.deepEqual(detailOf({ error: 5 }), []);
    assert.deepEqual(detailOf(['detail']), []);
    assert.deepEqual(detailOf('plain'), []);
    assert.deepEqual(respond(400, 'not json at all').details, []);
  });

  it('HTML bodies, by content type or by a leading "<", bring no detail', () => {
    assert.deepEqual(respond(400, '<html>Rejected</html>', cloudMl, {}).details, []);
    assert.deepEqual(respond(400, JSON.stringify({ detail: 'x' }), cloudMl, { 'content-type': 'Text/HTML; charset=utf-8' }).details, []);
    assert.deepEqual(respond(400, JSON.stringify({ detail: 'x' }), cloudMl, { 'content-type': ['text/html'] }).details, ['x'], 'a non-string content type is ignored');
  });

  it('a busy 400 is conflict: by state word, by busy phrase or by error code', () => {
    const kindOf = (detail: string, code = 'X') => respond(400, standardBody({ code, detail })).kind;
    for (const detail of ['instance is UPDATING', 'DELETING now', 'the cluster is busy', 'an operation is in-progress', 'another request is running', 'not yet finished', 'being deployed', 'a concurrent change']) {
      assert.equal(kindOf(detail), 'conflict', detail);
    }
    assert.equal(kindOf('nothing special', 'RESOURCE_BUSY'), 'conflict');
    assert.equal(kindOf('nothing special', 'CONFLICT_STATE'), 'conflict');
    assert.equal(kindOf('nothing special', 'in_progress'), 'conflict');
    assert.equal(kindOf('creating is lower case, not a state'), 'validation');
    assert.equal(kindOf('RECREATING'), 'validation', 'a state word must stand alone');
    assert.equal(respond(400, JSON.stringify({ detail: 'nothing special', code: 'BUSY' })).kind, 'validation', 'codes count only in the standard shape');
    const busy = respond(400, standardBody({ detail: 'instance is UPDATING' }));
    assert.equal(busy.message, 'The instance is busy with another operation (400); wait until it settles, then try again.');
    assert.equal(respond(403, standardBody({ detail: 'instance is UPDATING' })).kind, 'notFound', 'busy counts for 400 only');
  });

  it('a 400 or 403 saying the resource is missing is notFound, with its own sentence', () => {
    for (const detail of ['not found', 'could not be found', 'Cluster does not exist', "it doesn't exist", 'ids do not exist', 'no such cluster', 'cluster not exist']) {
      assert.equal(respond(400, standardBody({ detail })).kind, 'notFound', detail);
    }
    assert.equal(respond(400, standardBody({ detail: 'nothing' })).kind, 'validation');
    assert.equal(respond(400, standardBody({ detail: 'no such id' })).message, 'SCP could not find this resource (400); it may have been deleted, so refresh and try again.');
    assert.equal(respond(403, standardBody({ detail: 'no such id' })).message, 'SCP could not find this resource (403); it may have been deleted, so refresh and try again.');
  });

  it('a 400 with a releasable code lists why, as one sentence', () => {
    const error = respond(400, standardBody({ code: 'NOT_RELEASABLE', detail: 'remove the node pool.' }, { code: 'X', detail: 'delete the volumes;  ' }));
    assert.equal(error.kind, 'validation');
    assert.equal(error.message, 'SCP cannot release this Cloud ML yet (400): remove the node pool.; delete the volumes; resolve these first, then try again.');
    const bare = respond(400, standardBody({ code: 'Releasable' }));
    assert.equal(bare.message, 'SCP cannot release this Cloud ML yet (400); resolve these first, then try again.');
    assert.equal(respond(400, JSON.stringify({ code: 'NOT_RELEASABLE', detail: 'd' })).message, 'SCP rejected the request (400): d; correct the input and try again.');
  });

  it('ends the detail in the sentence without its own full stop, and cuts long details at 300 characters', () => {
    assert.equal(respond(422, standardBody({ detail: 'name is taken. ' })).message, 'SCP rejected the request (422): name is taken; correct the input and try again.');
    const long = 'x'.repeat(400);
    const error = respond(400, standardBody({ detail: long }));
    assert.equal(error.details[0]?.length, 300);
    assert.ok(error.details[0]?.endsWith('x…'));
    assert.equal(respond(400, standardBody({ detail: 'y'.repeat(300) })).details[0], 'y'.repeat(300), 'exactly 300 is kept whole');
  });

  it('masks secrets in the sentence too', () => {
    const error = errorFromResponse({ ...cloudMl, status: 400, headers: json, bodyText: standardBody({ detail: 'key SECRET-XYZ-123 is wrong' }), secrets: ['SECRET-XYZ-123'] });
    assert.ok(!error.message.includes('SECRET-XYZ-123'));
    assert.ok(!error.details[0]?.includes('SECRET-XYZ-123'));
  });

  describe('network failures', () => {
    const failure = (code: string | undefined, message = 'failed'): Error => Object.assign(new Error(message), code === undefined ? {} : { code });

    it('says how long it waited, or "in time"', () => {
      const timeout = (extra: object) => errorFromNetworkFailure({ ...ske, error: failure(undefined), timedOut: true, ...extra }).message;
      assert.equal(timeout({}), 'SCP did not answer in time; check the network, or raise the request timeout and try again.');
      assert.equal(timeout({ timeoutMs: 1000 }), 'SCP did not answer within 1 second; check the network, or raise the request timeout and try again.');
      assert.equal(timeout({ timeoutMs: 1500 }), 'SCP did not answer within 1.5 seconds; check the network, or raise the request timeout and try again.');
      assert.equal(timeout({ timeoutMs: 0 }), 'SCP did not answer within 0 seconds; check the network, or raise the request timeout and try again.');
    });

    it('reads a timeout from the code or the text as well', () => {
      for (const error of [failure('ETIMEDOUT'), failure('ECONNABORTED'), failure(undefined, 'Timeout of 3000ms exceeded')]) {
        const mapped = errorFromNetworkFailure({ ...ske, error });
        assert.equal(mapped.kind, 'timeout');
        assert.equal(mapped.method, 'GET');
        assert.equal(mapped.url, ske.url);
      }
    });

    it('a cancel wins over everything else', () => {
      const error = errorFromNetworkFailure({ ...ske, error: failure('ETIMEDOUT'), timedOut: true, cancelled: true });
      assert.deepEqual([error.kind, error.message, error.method, error.url], ['cancelled', 'The request was cancelled.', 'GET', ske.url]);
    });

    it('a body cut off after the headers is malformed, with the status', () => {
      const cut = Object.assign(new Error('aborted'), { response: { status: 200 } });
      const error = errorFromNetworkFailure({ ...ske, error: cut });
      assert.deepEqual([error.kind, error.status, error.message], ['malformed', 200, 'The response from ske.kr-west1.s.samsungsdscloud.com was cut off before it was complete; try again.']);
      assert.equal(errorFromNetworkFailure({ ...ske, error: Object.assign(new Error('x'), { response: { status: '200' } }) }).kind, 'network');
    });

    it('names the TLS code and the fix, reading the code axios keeps on the cause', () => {
      const wrapped = Object.assign(new Error('wrapped'), { code: 'ERR_BAD_REQUEST', cause: { code: 'CERT_HAS_EXPIRED' } });
      assert.equal(
        errorFromNetworkFailure({ ...ske, error: wrapped }).message,
        'The TLS certificate of ske.kr-west1.s.samsungsdscloud.com was not accepted (CERT_HAS_EXPIRED); if a corporate proxy inspects traffic, point NODE_EXTRA_CA_CERTS at its CA certificate.',
      );
      const badResponse = Object.assign(new Error('x'), { code: 'ECONNRESET', cause: { code: 'ERR_BAD_RESPONSE' } });
      assert.match(errorFromNetworkFailure({ ...ske, error: badResponse }).message, /\(ECONNRESET\)/, 'ERR_BAD_RESPONSE on the cause is not the code');
    });

    it('gives a reason and a hint for each kind of unreachable host', () => {
      const message = (error: unknown, url = ske.url) => errorFromNetworkFailure({ ...ske, url, error }).message;
      assert.equal(message(failure('EAI_AGAIN')), 'Could not reach SCP at ske.kr-west1.s.samsungsdscloud.com (EAI_AGAIN); check the environment, region or endpoint override and your DNS.');
      assert.equal(message(failure('ECONNREFUSED'), 'http://127.0.0.1:9/v1'), 'Could not reach SCP at 127.0.0.1:9 (ECONNREFUSED); check that the endpoint is running and the port is right.');
      assert.equal(message(failure('ECONNRESET')), 'Could not reach SCP at ske.kr-west1.s.samsungsdscloud.com (ECONNRESET); check the network and proxy, then try again.');
      assert.equal(message(failure(undefined, 'socket hang up')), 'Could not reach SCP at ske.kr-west1.s.samsungsdscloud.com (socket hang up); check the network and proxy, then try again.');
      assert.equal(message(failure(undefined, 'Request aborted')), 'Could not reach SCP at ske.kr-west1.s.samsungsdscloud.com (connection aborted); check the network and proxy, then try again.');
      assert.equal(message('a string failure', 'not a url'), 'Could not reach SCP at the endpoint (connection failed); check the network and proxy, then try again.');
      assert.equal(message(undefined), 'Could not reach SCP at ske.kr-west1.s.samsungsdscloud.com (connection failed); check the network and proxy, then try again.');
    });
  });

  it('a 2xx body that is not JSON says whether it was cut off', () => {
    const request = { ...ske, status: 200, headers: { 'x-request-id': 'r1' } };
    const cut = unreadableBodyError({ ...request, bodyText: ' {"clusters": [' });
    assert.deepEqual([cut.kind, cut.status, cut.requestIds, cut.method, cut.url], ['malformed', 200, ['r1'], 'GET', ske.url]);
    assert.equal(cut.message, 'The response from SCP was cut off before it was complete (200); try again.');
    assert.equal(unreadableBodyError({ ...request, bodyText: '[1' }).message, 'The response from SCP was cut off before it was complete (200); try again.');
    for (const bodyText of ['<html>', 'plain', 'x{}', '{"a":}', '']) {
      assert.equal(unreadableBodyError({ ...request, bodyText }).message, 'SCP sent a response that is not JSON (200); try again, and report it if it persists.', bodyText);
    }
  });

  it('a 2xx body against the schema names the field, without secrets', () => {
    const error = schemaViolationError({ ...ske, status: 200, requestIds: ['r'], secrets: ['S3CRET-KEY-VALUE'] }, 'clusters[0].name', 'expected string, got S3CRET-KEY-VALUE');
    assert.deepEqual(
      [error.kind, error.field, error.details, error.status, error.requestIds],
      ['malformed', 'clusters[0].name', ['clusters[0].name: expected string, got ***'], 200, ['r']],
    );
    assert.equal(error.message, 'SCP sent a response this client cannot read (clusters[0].name: expected string, got ***); try again, and report it if it persists.');
    const whole = schemaViolationError(ske, '', 'expected object');
    assert.deepEqual([whole.field, whole.details, whole.message], [undefined, ['expected object'], 'SCP sent a response this client cannot read (expected object); try again, and report it if it persists.']);
  });

  it('knows Cloud ML paths behind a prefix and under any API version', () => {
    for (const path of ['/v2/cloud-ml/x', '/gw/v1/cloud-ml', '/a/b/v10/cloud-ml/', '/cloud-ml/images']) assert.ok(isCloudMlPath(path), path);
    for (const path of ['/v1/clusters/cloud-ml', '/vx/cloud-ml', '/v1/cloud-ml-x', 'v1/cloud-ml', '/cloud-ml']) assert.ok(!isCloudMlPath(path), path);
  });
});
