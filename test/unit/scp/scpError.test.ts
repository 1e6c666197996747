import * as assert from 'node:assert/strict';
import { isScpError, ScpError, type ScpErrorKind } from '../../../src/scp/scpError';

describe('scp errors', () => {
  it('keeps everything it was given, with empty lists for what was not', () => {
    const cause = new Error('socket hang up');
    const full = new ScpError({
      kind: 'validation',
      message: 'SCP rejected the request (400).',
      status: 400,
      requestIds: ['r1'],
      details: ['name is taken'],
      field: 'cloud_ml_name',
      method: 'POST',
      url: 'https://h/v1/cloud-ml',
      reason: { code: 'invalidId', value: '..' },
      cause,
    });
    assert.equal(full.name, 'ScpError');
    assert.equal(full.message, 'SCP rejected the request (400).');
    assert.deepEqual(
      [full.kind, full.status, full.requestIds, full.details, full.field, full.method, full.url, full.reason, full.cause],
      ['validation', 400, ['r1'], ['name is taken'], 'cloud_ml_name', 'POST', 'https://h/v1/cloud-ml', { code: 'invalidId', value: '..' }, cause],
    );
    const bare = new ScpError({ kind: 'network', message: 'm' });
    assert.deepEqual([bare.status, bare.requestIds, bare.details, bare.field, bare.method, bare.url, bare.reason], [undefined, [], [], undefined, undefined, undefined, undefined]);
    assert.ok(!('cause' in bare), 'no cause property without a cause');
  });

  it('only throttling, server, network and timeout failures are transient (worth a retry)', () => {
    const kinds: ScpErrorKind[] = ['auth', 'notEnabled', 'notFound', 'validation', 'conflict', 'throttled', 'server', 'network', 'timeout', 'malformed', 'cancelled', 'badInput'];
    assert.deepEqual(
      kinds.filter((kind) => new ScpError({ kind, message: kind }).isTransient),
      ['throttled', 'server', 'network', 'timeout'],
    );
  });

  it('recognizes its errors also across bundles (by brand), and nothing else', () => {
    const error = new ScpError({ kind: 'auth', message: 'm' });
    assert.ok(isScpError(error));
    const fromAnotherBundle = Object.assign(Object.create(Error.prototype) as object, { [Symbol.for('scpCloudMl.ScpError')]: true, kind: 'auth' });
    assert.ok(isScpError(fromAnotherBundle));
    const others: unknown[] = [new Error('x'), { kind: 'auth' }, { [Symbol.for('scpCloudMl.ScpError')]: 'yes' }, null, undefined, 'ScpError', 0];
    others.forEach((other, index) => assert.equal(isScpError(other), false, `others[${index}]`));
  });
});
