import * as assert from 'node:assert/strict';
import { backoffDelayMs, retryAfterMs } from '../../../src/scp/retryPolicy';

const noJitter = (): number => 0;
const fullJitter = (): number => 1;

describe('scp retry policy', () => {
  describe('backoffDelayMs', () => {
    it('doubles the step per failed attempt, half of it fixed and half random', () => {
      assert.equal(backoffDelayMs(1, 100, 10_000, noJitter), 50);
      assert.equal(backoffDelayMs(1, 100, 10_000, fullJitter), 100);
      assert.equal(backoffDelayMs(2, 100, 10_000, noJitter), 100);
      assert.equal(backoffDelayMs(3, 100, 10_000, fullJitter), 400);
      assert.equal(backoffDelayMs(3, 100, 10_000, () => 0.5), 300);
    });

    it('treats attempt 0 (and below) as the first step', () => {
      assert.equal(backoffDelayMs(0, 100, 10_000, fullJitter), 100);
      assert.equal(backoffDelayMs(-3, 100, 10_000, fullJitter), 100);
    });

    it('never waits longer than the cap, however many attempts failed', () => {
      assert.equal(backoffDelayMs(4, 100, 800, fullJitter), 800, 'equal to the cap');
      assert.equal(backoffDelayMs(5, 100, 800, fullJitter), 800);
      assert.equal(backoffDelayMs(30, 250, 8_000, fullJitter), 8_000);
      assert.equal(backoffDelayMs(30, 250, 8_000, noJitter), 4_000);
    });

    it('clamps an out-of-range random source to [0, 1]', () => {
      assert.equal(backoffDelayMs(1, 100, 10_000, () => 7), 100);
      assert.equal(backoffDelayMs(1, 100, 10_000, () => -2), 50);
    });

    it('rounds to whole milliseconds', () => {
      assert.equal(backoffDelayMs(1, 3, 10_000, () => 0.5), 2);
    });

    it('uses Math.random by default and stays in [step/2, step]', () => {
      for (let i = 0; i < 20; i++) {
        const delay = backoffDelayMs(2, 100, 10_000);
        assert.ok(delay >= 100 && delay <= 200, `${delay}`);
      }
    });
  });

  describe('retryAfterMs', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');

    it('reads delta-seconds, trimmed, as milliseconds', () => {
      assert.equal(retryAfterMs('3', now), 3000);
      assert.equal(retryAfterMs('  12 ', now), 12_000);
      assert.equal(retryAfterMs('0', now), 0);
      assert.equal(retryAfterMs(['2', '9'], now), 2000, 'the first of repeated headers');
    });

    it('reads an HTTP date as the time left, never negative', () => {
      assert.equal(retryAfterMs('Wed, 01 May 2024 12:00:30 GMT', now), 30_000);
      assert.equal(retryAfterMs(' Wed, 01 May 2024 12:00:30 GMT ', now), 30_000);
      assert.equal(retryAfterMs('Wed, 01 May 2024 11:59:00 GMT', now), 0, 'a date in the past means now');
    });

    it('is undefined when absent, empty or unreadable', () => {
      assert.equal(retryAfterMs(undefined, now), undefined);
      assert.equal(retryAfterMs('', now), undefined);
      assert.equal(retryAfterMs('   ', now), undefined);
      assert.equal(retryAfterMs(5, now), undefined, 'a number is not a header value');
      assert.equal(retryAfterMs([], now), undefined);
      assert.equal(retryAfterMs('soon', now), undefined);
    });

    it('does not read partly numeric text as seconds', () => {
      // Date.parse reads neither as a date; they must not become 12 seconds either.
      assert.equal(retryAfterMs('12abc', now), undefined);
      assert.equal(retryAfterMs('abc12', now), undefined);
    });

    it('uses the current time by default', () => {
      const inAMinute = new Date(Date.now() + 60_000).toUTCString();
      const ms = retryAfterMs(inAMinute);
      assert.ok(ms !== undefined && ms > 55_000 && ms <= 60_000, `${ms}`);
    });
  });
});
