import * as assert from 'node:assert/strict';
import { decidePoll, failureReason, TOLERATED_POLL_FAILURES } from '../../../src/deployments/pollDecision';
import { cloudMlDetailSchema, type CloudMlDetail } from '../../../src/scp/cloudMlSchemas';
import { ScpError, type ScpErrorKind } from '../../../src/scp/scpError';

function detail(state: string, extra: Record<string, unknown> = {}): CloudMlDetail {
  return cloudMlDetailSchema.parse({ cloud_ml_id: 'a'.repeat(32), cloud_ml_name: 'ml-a', cloud_ml_state: state, ...extra });
}

function failure(kind: ScpErrorKind, status?: number): { ok: false; error: ScpError } {
  return { ok: false, error: new ScpError({ kind, message: 'x', ...(status !== undefined ? { status } : {}) }) };
}

describe('decidePoll (what one poll result means for a tracked operation)', () => {
  it('a transitional state keeps the operation in flight', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('CREATING') }, 0), { type: 'progress', state: 'CREATING' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('UPDATING') }, 0), { type: 'progress', state: 'UPDATING' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('DELETING') }, 0), { type: 'progress', state: 'DELETING' });
  });

  it('create/update settle as succeeded on DEPLOYED or RUNNING, as failed on ERROR or *_FAILED', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('DEPLOYED') }, 0), { type: 'settle', outcome: 'succeeded', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('Running') }, 0), { type: 'settle', outcome: 'succeeded', state: 'Running' });
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('ERROR') }, 2), { type: 'settle', outcome: 'failed', state: 'ERROR' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('DEPLOY_FAILED') }, 0), { type: 'settle', outcome: 'failed', state: 'DEPLOY_FAILED' });
  });

  it('an unknown state ends a create as "settled" (it left its transitional state) but not a delete', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('STOPPED') }, 0), { type: 'settle', outcome: 'settled', state: 'STOPPED' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('STOPPED') }, 0), { type: 'progress', state: 'STOPPED' });
  });

  it('a delete ends only with 404 (a healthy answer means SCP has not started it yet); a failed state fails it', () => {
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('DEPLOYED') }, 0), { type: 'progress', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('delete', failure('notFound', 404), 0), { type: 'settle', outcome: 'deleted' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('ERROR') }, 0), { type: 'settle', outcome: 'failed', state: 'ERROR' });
  });

  it('transient failures are tolerated 3 in a row, then shown as retrying, never as failed', () => {
    let failures = 0;
    const kinds: ScpErrorKind[] = ['server', 'network', 'throttled', 'timeout', 'server'];
    const retrying: boolean[] = [];
    for (const kind of kinds) {
      const decision = decidePoll('create', failure(kind, kind === 'server' ? 503 : undefined), failures);
      assert.equal(decision.type, 'pollFailed');
      if (decision.type !== 'pollFailed') return;
      failures = decision.failures;
      retrying.push(decision.retrying);
    }
    assert.equal(TOLERATED_POLL_FAILURES, 3);
    assert.deepEqual(retrying, [false, false, false, true, true]);
    assert.equal(failures, 5);
  });

  it('names the failure kind and status for the log', () => {
    const decision = decidePoll('create', failure('server', 503), 0);
    assert.deepEqual(decision, { type: 'pollFailed', failures: 1, retrying: false, reason: 'server 503' });
  });

  it('pauses on rejected credentials and ignores an aborted call', () => {
    assert.deepEqual(decidePoll('create', failure('auth', 401), 1), { type: 'pauseForAuth' });
    assert.deepEqual(decidePoll('create', failure('cancelled'), 1), { type: 'ignore' });
  });

  it('a plain Error (not an ScpError) counts as a failed poll', () => {
    assert.deepEqual(decidePoll('update', { ok: false, error: new TypeError('boom') }, 0), { type: 'pollFailed', failures: 1, retrying: false, reason: 'TypeError' });
  });
});

describe('failureReason (why SCP says an instance failed)', () => {
  it('prefers a reason-like text field of the detail', () => {
    assert.equal(failureReason(detail('ERROR', { reason: ' quota exceeded ', cluster_request_failed: true }), 'cluster failed'), 'quota exceeded');
    assert.equal(failureReason(detail('ERROR', { error_message: 'image pull failed' }), 'cluster failed'), 'image pull failed');
  });

  it('falls back to cluster_request_failed, else gives nothing', () => {
    assert.equal(failureReason(detail('ERROR', { cluster_request_failed: true }), 'cluster failed'), 'cluster failed');
    assert.equal(failureReason(detail('ERROR', { cluster_request_failed: false }), 'cluster failed'), undefined);
    assert.equal(failureReason(undefined, 'cluster failed'), undefined);
  });
});
