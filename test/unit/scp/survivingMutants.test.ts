import * as assert from 'node:assert/strict';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import { checkReleasableResponseSchema, cloudMlCreateRequestSchema } from '../../../src/scp/cloudMlSchemas';
import { ConcurrencyLimiter } from '../../../src/scp/concurrencyLimiter';
import { isLoopbackHost, normalizeEndpointOverride, serviceBaseUrl } from '../../../src/scp/endpoints';
import { classifyState } from '../../../src/scp/instanceState';
import { schemaProblems } from '../../../src/scp/schemaValidation';
import { isScpError, ScpError } from '../../../src/scp/scpError';
import { ScpHttpClient } from '../../../src/scp/scpHttpClient';
import { SkeApi } from '../../../src/scp/skeApi';
import { skeClusterShowResponseSchema } from '../../../src/scp/skeSchemas';
import { buildRequestUrl, pathSegment } from '../../../src/scp/urlEncoding';
import { z } from 'zod';

/**
 * Cases found by `npm run test:mutation`: each would have let a realistic bug through (see docs/test-layers.md).
 */

/** A client for the real SCP hosts (no endpoint override): used only with an aborted signal, so nothing is sent. */
function regionalClient(): ScpHttpClient {
  return new ScpHttpClient({
    endpoint: { environment: 's', region: 'kr-west1' },
    credentials: () => Promise.resolve({ accessKey: 'AK', secretKey: 'SK' }),
    timeoutMs: 1000,
    language: 'en-US',
  });
}

function aborted(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

function isCancelled(error: unknown): boolean {
  return isScpError(error) && error.kind === 'cancelled';
}

describe('scp: cases the mutation run found untested', () => {
  it('every API call names its service, so the regional host can be built (nothing sent: the signal is aborted)', async () => {
    const cloudMl = new CloudMlApi(regionalClient());
    const ske = new SkeApi(regionalClient());
    const calls: [string, () => Promise<unknown>][] = [
      ['checkDuplication', () => cloudMl.checkDuplication({ name: 'abc' }, aborted())],
      ['getEstimate', () => cloudMl.getEstimate('c1', false, aborted())],
      ['listImages', () => cloudMl.listImages(aborted())],
      ['checkReleasable', () => cloudMl.checkReleasable('c1', aborted())],
      ['getClusterProduct', () => cloudMl.getClusterProduct('c1', aborted())],
      ['get', () => cloudMl.get('m1', aborted())],
      ['updateDescription', () => cloudMl.updateDescription('m1', 'd', aborted())],
      ['delete', () => cloudMl.delete('m1', aborted())],
      ['listClusters', () => ske.listClusters({ page: 0, size: 1 }, aborted())],
      ['getCluster', () => ske.getCluster('c1', aborted())],
    ];
    for (const [name, call] of calls) await assert.rejects(call(), isCancelled, name);
  });

  it('checkDuplication refuses an empty or double question with its sentence', async () => {
    const api = new CloudMlApi(regionalClient());
    const refusal = (error: unknown) => isScpError(error) && error.kind === 'badInput' && error.message === 'Give either a name or a domain name to check; it must not be empty.';
    await assert.rejects(api.checkDuplication({ name: '  ' }), refusal);
    await assert.rejects(api.checkDuplication({ name: 'a', domainName: 'b' }), refusal);
  });

  it('endpoints: only exact loopback spellings are loopback', () => {
    for (const host of ['::ffff:7f00:abcd', '127.0.0.255']) assert.equal(isLoopbackHost(host), true, host);
    const notLoopback = ['[[::1]', '[::1]]', 'x::ffff:7f00:1', '::ffff:7f00:12345', '127.0.0', '127.0.0.x', '127.0.0.999', '127.0.0.-1', '127.0.0.1e2', '127.0.0.0001'];
    for (const host of notLoopback) assert.equal(isLoopbackHost(host), false, host);
  });

  it('endpoints: user info, fragments and extra slashes in an override', () => {
    assert.throws(() => normalizeEndpointOverride('https://user@h.example'), /user name or password/);
    assert.throws(() => normalizeEndpointOverride('https://:pw@h.example'), /user name or password/);
    assert.throws(() => normalizeEndpointOverride('https://h.example/#top'), /query or fragment/);
    assert.equal(normalizeEndpointOverride('https://h.example/base//'), 'https://h.example/base');
    assert.throws(
      () => normalizeEndpointOverride('  not a url  '),
      (error: unknown) => isScpError(error) && error.reason?.code === 'endpointNotUrl' && error.reason.text === 'not a url' && error.message.includes('"not a url"'),
    );
  });

  it('endpoints: a blank override means none, and service names are checked whole', () => {
    assert.equal(serviceBaseUrl({ environment: 's', region: 'kr-west1', endpointOverride: '  ' }, 'ske'), 'https://ske.kr-west1.s.samsungsdscloud.com');
    for (const service of ['Ske', '1ske', 'ske_x', '']) {
      assert.throws(
        () => serviceBaseUrl({ environment: 's', region: 'kr-west1' }, service),
        (error: unknown) => isScpError(error) && error.message === `"${service}" is not an SCP service name; use a lower-case name such as cloud-ml or ske.`,
        service,
      );
    }
  });

  it('states: a failure suffix must end the state', () => {
    assert.equal(classifyState('X_FAILEDOVER'), 'unknown');
    assert.equal(classifyState('X-ERRORED'), 'unknown');
  });

  it('a copy of an ScpError (as another bundle\'s class would make) is recognized by its brand', () => {
    const error = new ScpError({ kind: 'auth', message: 'm' });
    const copy = Object.setPrototypeOf({ ...error }, Error.prototype) as object;
    assert.ok(!(copy instanceof ScpError));
    assert.equal(isScpError(copy), true);
  });

  it('schema problems drop only a leading "Invalid input:" and all the space after it', () => {
    const schema = z.object({ a: z.string().refine(() => false, { message: 'Invalid input:   three spaces' }), b: z.string().refine(() => false, { message: 'See: Invalid input: kept' }) });
    const parsed = schema.safeParse({ a: 'x', b: 'y' });
    assert.ok(!parsed.success);
    assert.deepEqual(
      schemaProblems(parsed.error).map((p) => p.problem),
      ['three spaces', 'See: Invalid input: kept'],
    );
  });

  it('the create request schema refuses blank text where a value is required', () => {
    const valid = {
      cloud_ml_name: 'ml',
      cluster_id: 'c',
      image_id: 'i',
      domain_name: 'd',
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'h',
      custom_registry_access_key: 'k',
      custom_registry_access_secret_key: 's',
    };
    assert.ok(cloudMlCreateRequestSchema.safeParse(valid).success);
    const blank = cloudMlCreateRequestSchema.safeParse({ ...valid, cloud_ml_name: '   ' });
    assert.ok(!blank.success);
    assert.equal(blank.error.issues[0]?.message, 'must not be empty');
  });

  it('check-releasable exceptions read as one line each: a string, a message-like field, or the redacted object', () => {
    const read = (exceptions: unknown) => checkReleasableResponseSchema.parse({ result: 'N', exceptions }).exceptions;
    assert.deepEqual(read(undefined), []);
    assert.deepEqual(read(null), []);
    assert.deepEqual(
      read(['plain', { message: 'm' }, { detail: 'd' }, { reason: 'r' }, { description: 'ds' }, { name: 'n' }, { message: '', detail: 'second' }, { message: 5, name: 'n2' }]),
      ['plain', 'm', 'd', 'r', 'ds', 'n', 'second', 'n2'],
    );
    assert.deepEqual(read([{ code: 7 }, 42, null]), ['{"code":7}', '42', 'null']);
    assert.deepEqual(read([{ secret_key: 'S', code: 'X' }]), ['{"secret_key":"***","code":"X"}']);
  });

  it('a cluster keeps its subnet and vpc', () => {
    const cluster = { id: 'c1', name: 'n', status: 'RUNNING', subnet: { id: 's1', name: 'sn' }, vpc: { id: 'v1', name: 'vn' } };
    const parsed = skeClusterShowResponseSchema.parse({ cluster });
    assert.deepEqual([parsed.cluster.subnet, parsed.cluster.vpc], [{ id: 's1', name: 'sn' }, { id: 'v1', name: 'vn' }]);
    assert.equal(skeClusterShowResponseSchema.parse({ cluster: { ...cluster, subnet: null } }).cluster.subnet, undefined);
  });

  it('the limiter names a bad limit', () => {
    assert.throws(() => new ConcurrencyLimiter(0), (error: unknown) => error instanceof RangeError && error.message === 'Concurrency limit must be a positive integer, got 0');
    assert.throws(() => new ConcurrencyLimiter(1.5), /got 1\.5$/);
  });

  it('url refusals say what is wrong and what to do', () => {
    const message = (fn: () => unknown): string => {
      try {
        fn();
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'no error';
    };
    assert.equal(message(() => pathSegment('..')), '".." is not a valid id; pick the item again from the list.');
    assert.equal(message(() => buildRequestUrl('https://h', 'v1/x')), 'The API path "v1/x" must start with "/"; write it like /v1/clusters.');
    assert.equal(message(() => buildRequestUrl('https://h', '/v1/x#y')), 'The API path "/v1/x#y" must not contain "?" or "#"; pass query parameters separately.');
    assert.equal(message(() => buildRequestUrl('https://h', '/v1/a b')), 'The API path "/v1/a b" holds characters that would change on the wire; encode each path segment once.');
  });
});
