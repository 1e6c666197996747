import * as assert from 'node:assert/strict';
import { CREATE_VISIBILITY_GRACE_MS, decidePoll, failureReason, TOLERATED_POLL_FAILURES, type PollContext } from '../../../src/deployments/pollDecision';
import { cloudMlDetailSchema, type CloudMlDetail } from '../../../src/scp/cloudMlSchemas';
import { ScpError, type ScpErrorKind } from '../../../src/scp/scpError';

function detail(state: string, extra: Record<string, unknown> = {}): CloudMlDetail {
  return cloudMlDetailSchema.parse({ cloud_ml_id: 'a'.repeat(32), cloud_ml_name: 'ml-a', cloud_ml_state: state, ...extra });
}

function failure(kind: ScpErrorKind, status?: number): { ok: false; error: ScpError } {
  return { ok: false, error: new ScpError({ kind, message: 'x', ...(status !== undefined ? { status } : {}) }) };
}

/** An operation whose instance has been seen, after `failures` failed polls in a row. */
function afterFailures(failures: number): PollContext {
  return { failures, seen: true, elapsedMs: 5_000, createGraceMs: CREATE_VISIBILITY_GRACE_MS };
}

describe('decidePoll (what one poll result means for a tracked operation)', () => {
  it('a transitional state keeps the operation in flight', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('CREATING') }, afterFailures(0)), { type: 'progress', state: 'CREATING' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('UPDATING') }, afterFailures(0)), { type: 'progress', state: 'UPDATING' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('DELETING') }, afterFailures(0)), { type: 'progress', state: 'DELETING' });
  });

  it('create/update settle as succeeded on DEPLOYED or RUNNING, as failed on ERROR or *_FAILED', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('DEPLOYED') }, afterFailures(0)), { type: 'settle', outcome: 'succeeded', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('Running') }, afterFailures(0)), { type: 'settle', outcome: 'succeeded', state: 'Running' });
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('ERROR') }, afterFailures(2)), { type: 'settle', outcome: 'failed', state: 'ERROR' });
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('DEPLOY_FAILED') }, afterFailures(0)), { type: 'settle', outcome: 'failed', state: 'DEPLOY_FAILED' });
  });

  it('an unknown state ends a create as "settled" (it left its transitional state) but not a delete', () => {
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('STOPPED') }, afterFailures(0)), { type: 'settle', outcome: 'settled', state: 'STOPPED' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('STOPPED') }, afterFailures(0)), { type: 'progress', state: 'STOPPED' });
  });

  it('a delete ends only with 404 (a healthy answer means SCP has not started it yet); a failed state fails it', () => {
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('DEPLOYED') }, afterFailures(0)), { type: 'progress', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('delete', failure('notFound', 404), afterFailures(0)), { type: 'settle', outcome: 'deleted' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('ERROR') }, afterFailures(0)), { type: 'settle', outcome: 'failed', state: 'ERROR' });
  });

  it('transient failures are tolerated 3 in a row, then shown as retrying, never as failed', () => {
    let failures = 0;
    const kinds: ScpErrorKind[] = ['server', 'network', 'throttled', 'timeout', 'server'];
    const retrying: boolean[] = [];
    for (const kind of kinds) {
      const decision = decidePoll('create', failure(kind, kind === 'server' ? 503 : undefined), afterFailures(failures));
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
    const decision = decidePoll('create', failure('server', 503), afterFailures(0));
    assert.deepEqual(decision, { type: 'pollFailed', failures: 1, retrying: false, reason: 'server 503' });
  });

  it('pauses on rejected credentials and ignores an aborted call', () => {
    assert.deepEqual(decidePoll('create', failure('auth', 401), afterFailures(1)), { type: 'pauseForAuth' });
    assert.deepEqual(decidePoll('create', failure('cancelled'), afterFailures(1)), { type: 'ignore' });
  });

  it('a 404 (or the 403 mapped to not-found) on a create not seen yet means "not visible yet" within the grace period', () => {
    const fresh: PollContext = { failures: 0, seen: false, elapsedMs: 2_000, createGraceMs: 60_000 };
    assert.deepEqual(decidePoll('create', failure('notFound', 404), fresh), { type: 'notVisibleYet' });
    assert.deepEqual(decidePoll('create', failure('notFound', 403), fresh), { type: 'notVisibleYet' });
    assert.deepEqual(decidePoll('create', failure('notFound', 404), { ...fresh, elapsedMs: 59_999 }), { type: 'notVisibleYet' });
  });

  it('after the grace period, once the instance was seen, or for update/delete, a 404 means deleted as before', () => {
    const fresh: PollContext = { failures: 0, seen: false, elapsedMs: 2_000, createGraceMs: 60_000 };
    const deleted = { type: 'settle', outcome: 'deleted' };
    assert.deepEqual(decidePoll('create', failure('notFound', 404), { ...fresh, elapsedMs: 60_000 }), deleted);
    assert.deepEqual(decidePoll('create', failure('notFound', 404), { ...fresh, seen: true }), deleted);
    assert.deepEqual(decidePoll('update', failure('notFound', 404), fresh), deleted);
    assert.deepEqual(decidePoll('delete', failure('notFound', 404), fresh), deleted);
    assert.deepEqual(decidePoll('create', failure('notFound', 404), { ...fresh, createGraceMs: 0 }), deleted);
  });

  it('a plain Error (not an ScpError) counts as a failed poll', () => {
    assert.deepEqual(decidePoll('update', { ok: false, error: new TypeError('boom') }, afterFailures(0)), { type: 'pollFailed', failures: 1, retrying: false, reason: 'TypeError' });
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

  it('skips a blank reason field for the next one, or the fallback', () => {
    assert.equal(failureReason(detail('ERROR', { reason: '   ', message: 'disk full' }), 'cluster failed'), 'disk full');
    assert.equal(failureReason(detail('ERROR', { reason: '', cluster_request_failed: true }), 'cluster failed'), 'cluster failed');
    assert.equal(failureReason(detail('ERROR', { reason: ' ', cluster_request_failed: false }), 'cluster failed'), undefined);
  });
});

describe('decidePoll for a write recorded before it was sent, whose answer was never seen (a reload came)', () => {
  const unanswered = (elapsedMs = 5_000): PollContext => ({ failures: 0, seen: false, elapsedMs, createGraceMs: CREATE_VISIBILITY_GRACE_MS, confirmed: false });

  it('went through when SCP shows the instance moving', () => {
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('UPDATING') }, unanswered()), { type: 'progress', state: 'UPDATING' });
    assert.deepEqual(decidePoll('delete', failure('notFound', 404), unanswered()), { type: 'settle', outcome: 'deleted' });
  });

  it('any settled state is no sign of it: "unconfirmed", never "succeeded"', () => {
    assert.deepEqual(decidePoll('update', { ok: true, detail: detail('DEPLOYED') }, unanswered()), { type: 'settle', outcome: 'unconfirmed', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('delete', { ok: true, detail: detail('DEPLOYED') }, unanswered()), { type: 'settle', outcome: 'unconfirmed', state: 'DEPLOYED' });
    assert.deepEqual(decidePoll('create', { ok: true, detail: detail('ERROR') }, unanswered()), { type: 'settle', outcome: 'unconfirmed', state: 'ERROR' });
  });

  it('a create not found on its cluster waits out the grace, then is "unconfirmed", not "deleted"', () => {
    assert.deepEqual(decidePoll('create', failure('notFound', 404), unanswered()), { type: 'notVisibleYet' });
    assert.deepEqual(decidePoll('create', failure('notFound', 404), unanswered(CREATE_VISIBILITY_GRACE_MS + 1)), { type: 'settle', outcome: 'unconfirmed' });
  });
});
