import * as assert from 'node:assert/strict';
import { BACKOFF_AFTER_MS, hasTimedOut, MAX_POLL_INTERVAL_MS, nextPollDelay, pollTiming } from '../../../src/deployments/pollSchedule';

describe('pollSchedule (when the next GET of a tracked operation is due)', () => {
  const timing = pollTiming(5);

  it('a fresh operation is read every pollIntervalSeconds', () => {
    assert.equal(nextPollDelay({ elapsedMs: 0, previousDelayMs: undefined, retrying: false }, timing), 5000);
    assert.equal(nextPollDelay({ elapsedMs: BACKOFF_AFTER_MS - 1, previousDelayMs: 5000, retrying: false }, timing), 5000);
  });

  it('a long deployment backs off by 1.5x per poll towards 30 s and stays there', () => {
    const delays: number[] = [];
    let previous: number | undefined = 5000;
    let elapsed = BACKOFF_AFTER_MS;
    for (let i = 0; i < 8; i++) {
      const delay = nextPollDelay({ elapsedMs: elapsed, previousDelayMs: previous, retrying: false }, timing);
      delays.push(delay);
      previous = delay;
      elapsed += delay;
    }
    assert.deepEqual(delays, [7500, 11250, 16875, 25312.5, 30000, 30000, 30000, 30000]);
  });

  it('repeated poll failures back off even early in a deployment', () => {
    assert.equal(nextPollDelay({ elapsedMs: 1000, previousDelayMs: 5000, retrying: true }, timing), 7500);
    assert.equal(nextPollDelay({ elapsedMs: 1000, previousDelayMs: 28000, retrying: true }, timing), MAX_POLL_INTERVAL_MS);
  });

  it('never polls faster than the setting, and respects a setting above the cap', () => {
    assert.equal(nextPollDelay({ elapsedMs: BACKOFF_AFTER_MS * 10, previousDelayMs: 100, retrying: false }, timing), 5000);
    const slow = pollTiming(60);
    assert.equal(nextPollDelay({ elapsedMs: BACKOFF_AFTER_MS * 10, previousDelayMs: 60000, retrying: true }, slow), 60000);
    assert.equal(nextPollDelay({ elapsedMs: 0, previousDelayMs: undefined, retrying: false }, slow), 60000);
  });

  it('times out once pollTimeoutMinutes have passed since tracking started', () => {
    const started = 1_000_000;
    const timeoutMs = 120 * 60_000;
    assert.equal(hasTimedOut(started, started + timeoutMs - 1, timeoutMs), false);
    assert.equal(hasTimedOut(started, started + timeoutMs, timeoutMs), true);
  });
});
