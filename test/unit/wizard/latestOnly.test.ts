import * as assert from 'node:assert/strict';
import { LatestOnly } from '../../../src/ui/latestOnly';

/** A promise the test settles by hand, to force any completion order. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestOnly (validation while typing: the latest result wins)', () => {
  it('a slow earlier result that arrives last is stale; the newer one counts', async () => {
    const latest = new LatestOnly();
    const slow = deferred<string | undefined>();
    const fast = deferred<string | undefined>();
    const first = latest.run(() => slow.promise);
    const second = latest.run(() => fast.promise);
    fast.resolve(undefined);
    assert.deepEqual(await second, { stale: false, value: undefined });
    slow.resolve('Too short.');
    assert.deepEqual(await first, { stale: true });
  });

  it('an earlier result that arrives first is stale too once a newer run started', async () => {
    const latest = new LatestOnly();
    const a = deferred<string>();
    const b = deferred<string>();
    const first = latest.run(() => a.promise);
    const second = latest.run(() => b.promise);
    a.resolve('old');
    assert.deepEqual(await first, { stale: true });
    b.resolve('new');
    assert.deepEqual(await second, { stale: false, value: 'new' });
  });

  it('synchronous work counts when nothing newer started', async () => {
    const latest = new LatestOnly();
    assert.deepEqual(await latest.run(() => 42), { stale: false, value: 42 });
  });

  it('invalidate() makes every run in flight stale', async () => {
    const latest = new LatestOnly();
    const pending = deferred<string>();
    const run = latest.run(() => pending.promise);
    latest.invalidate();
    pending.resolve('late');
    assert.deepEqual(await run, { stale: true });
  });

  it('a current failure is rethrown; a stale failure is dropped', async () => {
    const latest = new LatestOnly();
    await assert.rejects(latest.run(() => Promise.reject(new Error('boom'))), /boom/);
    const failing = deferred<string>();
    const stale = latest.run(() => failing.promise);
    const fresh = latest.run(() => 'ok');
    failing.reject(new Error('late boom'));
    assert.deepEqual(await stale, { stale: true });
    assert.deepEqual(await fresh, { stale: false, value: 'ok' });
  });

  it('a run started before invalidate() stays stale even when another run starts after it', async () => {
    const latest = new LatestOnly();
    const before = deferred<string>();
    const after = deferred<string>();
    const first = latest.run(() => before.promise);
    latest.invalidate();
    const second = latest.run(() => after.promise);
    before.resolve('old');
    assert.deepEqual(await first, { stale: true });
    after.resolve('new');
    assert.deepEqual(await second, { stale: false, value: 'new' });
  });
});
