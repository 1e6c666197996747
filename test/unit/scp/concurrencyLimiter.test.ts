import * as assert from 'node:assert/strict';
import { ConcurrencyLimiter } from '../../../src/scp/concurrencyLimiter';
import { ScpError } from '../../../src/scp/scpError';

/** A task that finishes when the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('scp concurrency limiter', () => {
  it('never runs more than the limit at once, and runs everything in order', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) =>
      limiter.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return i * 2;
      }),
    );
    assert.equal(limiter.active, 3);
    assert.equal(limiter.queued, 7);
    assert.deepEqual(await Promise.all(tasks), Array.from({ length: 10 }, (_, i) => i * 2));
    assert.equal(peak, 3);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(limiter.active, 0);
  });

  it('frees the slot when a task throws, synchronously or not', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error('async'))), /async/);
    await assert.rejects(
      limiter.run(() => {
        throw new Error('sync');
      }),
      /sync/,
    );
    assert.equal(await limiter.run(() => Promise.resolve('next')), 'next');
  });

  it('drops queued work whose signal aborts, and refuses already-aborted work', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const blocker = deferred();
    const first = limiter.run(() => blocker.promise);
    const abort = new AbortController();
    let ranQueued = false;
    const queued = limiter.run(() => {
      ranQueued = true;
      return Promise.resolve();
    }, abort.signal);
    assert.equal(limiter.queued, 1);
    abort.abort();
    await assert.rejects(queued, (e: unknown) => e instanceof ScpError && e.kind === 'cancelled');
    assert.equal(limiter.queued, 0);
    blocker.resolve();
    await first;
    await tick();
    assert.equal(ranQueued, false);
    await assert.rejects(limiter.run(() => Promise.resolve(), abort.signal), (e: unknown) => e instanceof ScpError && e.kind === 'cancelled');
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) assert.throws(() => new ConcurrencyLimiter(limit), RangeError);
  });
});
