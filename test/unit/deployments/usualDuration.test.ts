import * as assert from 'node:assert/strict';
import type { TrackedOperation } from '../../../src/deployments/trackedOperation';
import { isTakingLong, roughDuration, usualDurationMs } from '../../../src/deployments/usualDuration';

const MIN = 60_000;

/** A finished operation of `minutes` that ended at `endedAt` (minutes). */
function done(minutes: number, endedAt: number, extra: Partial<TrackedOperation> = {}): TrackedOperation {
  const finished = endedAt * MIN;
  return { profileId: 'p1', cloudMlId: `id-${endedAt}`, clusterId: 'c1', name: 'ml', kind: 'create', started: finished - minutes * MIN, finished, outcome: 'succeeded', ...extra };
}

describe('usualDurationMs (how long an operation of a kind usually takes)', () => {
  it('needs at least two finished ones of the kind', () => {
    assert.equal(usualDurationMs([], 'p1', 'create'), undefined);
    assert.equal(usualDurationMs([done(12, 100)], 'p1', 'create'), undefined);
    assert.equal(usualDurationMs([done(12, 100), done(10, 200)], 'p1', 'create'), 11 * MIN);
  });

  it('is the median of the latest ten, so one odd run does not move it', () => {
    const runs = [done(12, 1), done(11, 2), done(13, 3), done(95, 4), done(12, 5)];
    assert.equal(usualDurationMs(runs, 'p1', 'create'), 12 * MIN);
    // Eleven older runs of 100 min, then ten of 5: only the latest ten count.
    const old = Array.from({ length: 11 }, (_, i) => done(100, i + 1));
    const recent = Array.from({ length: 10 }, (_, i) => done(5, 100 + i));
    assert.equal(usualDurationMs([...old, ...recent], 'p1', 'create'), 5 * MIN);
  });

  it('counts only this profile, this kind, operations started here that ended well', () => {
    const runs = [
      done(10, 1),
      done(20, 2),
      done(99, 3, { profileId: 'p2' }),
      done(99, 4, { kind: 'update' }),
      done(99, 5, { origin: 'elsewhere' }),
      done(99, 6, { outcome: 'failed' }),
      done(99, 7, { outcome: 'timedOut' }),
    ];
    assert.equal(usualDurationMs(runs, 'p1', 'create'), 15 * MIN);
    // A delete ends well when the instance is gone.
    const deletes = [done(3, 1, { kind: 'delete', outcome: 'deleted' }), done(5, 2, { kind: 'delete', outcome: 'deleted' }), done(99, 3, { kind: 'delete', outcome: 'stopped' })];
    assert.equal(usualDurationMs(deletes, 'p1', 'delete'), 4 * MIN);
  });

  it('is the middle one of an odd count, and the mean of the middle two of an even count', () => {
    assert.equal(usualDurationMs([done(10, 1), done(20, 2), done(40, 3)], 'p1', 'create'), 20 * MIN);
    assert.equal(usualDurationMs([done(10, 1), done(20, 2), done(40, 3), done(80, 4)], 'p1', 'create'), 30 * MIN);
  });

  it('counts an instant run, but not one whose end came before its start (a clock set back) or without an end', () => {
    const instant = [done(0, 1), done(10, 2), done(20, 3)];
    assert.equal(usualDurationMs(instant, 'p1', 'create'), 10 * MIN);
    const skewed = [done(-5, 1), done(10, 2), done(20, 3)];
    assert.equal(usualDurationMs(skewed, 'p1', 'create'), 15 * MIN);
    const endless = [done(10, 2), done(20, 3), { ...done(0, 1), finished: undefined }];
    assert.equal(usualDurationMs(endless, 'p1', 'create'), 15 * MIN);
  });

  it('is never "taking longer" against a usual duration of zero', () => {
    assert.equal(isTakingLong(1, 0), false);
    assert.equal(isTakingLong(99 * MIN, 0), false);
  });

  it('is "taking longer than usual" only past twice the usual duration', () => {
    assert.equal(isTakingLong(24 * MIN, 12 * MIN), false);
    assert.equal(isTakingLong(24 * MIN + 1, 12 * MIN), true);
    assert.equal(isTakingLong(99 * MIN, undefined), false);
  });

  it('says a rough figure', () => {
    assert.equal(roughDuration(45_000), '45 s');
    assert.equal(roughDuration(12 * MIN + 20_000), '12 min');
    assert.equal(roughDuration(65 * MIN), '1 h 05 min');
    assert.equal(roughDuration(0), '1 s');
    assert.equal(roughDuration(59_000), '59 s');
    assert.equal(roughDuration(60_000), '1 min');
    assert.equal(roughDuration(59 * MIN), '59 min');
    assert.equal(roughDuration(60 * MIN), '1 h 00 min');
  });
});
