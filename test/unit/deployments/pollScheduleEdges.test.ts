import * as assert from 'node:assert/strict';
import { BACKOFF_AFTER_MS, BACKOFF_FACTOR, MAX_POLL_INTERVAL_MS, nextPollDelay, pollTiming } from '../../../src/deployments/pollSchedule';

describe('pollSchedule at its edges', () => {
  it('exposes the documented timing: every setting second, 1.5x after a minute, at most 30 s', () => {
    assert.deepEqual(pollTiming(2), { intervalMs: 2000, maxIntervalMs: 30_000, backoffAfterMs: 60_000, factor: 1.5 });
    assert.deepEqual([MAX_POLL_INTERVAL_MS, BACKOFF_AFTER_MS, BACKOFF_FACTOR], [30_000, 60_000, 1.5]);
  });

  it('starts backing off exactly at backoffAfterMs, from the interval when no delay was used yet', () => {
    const timing = pollTiming(4);
    assert.equal(nextPollDelay({ elapsedMs: BACKOFF_AFTER_MS, previousDelayMs: undefined, retrying: false }, timing), 6000);
    assert.equal(nextPollDelay({ elapsedMs: 0, previousDelayMs: undefined, retrying: true }, timing), 6000);
  });

  it('a setting equal to the cap is used as is, and a zero setting still waits 1 ms', () => {
    assert.equal(nextPollDelay({ elapsedMs: BACKOFF_AFTER_MS * 2, previousDelayMs: 30_000, retrying: true }, pollTiming(30)), 30_000);
    assert.equal(nextPollDelay({ elapsedMs: 0, previousDelayMs: undefined, retrying: false }, pollTiming(0)), 1);
  });
});
