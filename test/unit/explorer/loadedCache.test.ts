import * as assert from 'node:assert/strict';
import { LoadedCache } from '../../../src/explorer/loadedCache';
import { cancelledError } from '../../../src/scp/cancellation';
import { isScpError } from '../../../src/scp/scpError';

/** A load the test finishes by hand; aborted, it fails as the SCP client does (kind 'cancelled'). */
function manualWork<T>(): { work: (signal: AbortSignal) => Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void; starts: () => number } {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  let starts = 0;
  return {
    work: (signal) => {
      starts++;
      return new Promise<T>((resolve, reject) => {
        settle = { resolve, reject };
        signal.addEventListener('abort', () => reject(cancelledError()), { once: true });
      });
    },
    resolve: (value) => settle.resolve(value),
    reject: (error) => settle.reject(error),
    starts: () => starts,
  };
}

describe('LoadedCache (values read once, shared by concurrent readers)', () => {
  it('concurrent reads of a key share one load; the value is kept and announced', async () => {
    const loaded: [string, number][] = [];
    const cache = new LoadedCache<string, number>({ onValue: (key, value) => loaded.push([key, value]) });
    const m = manualWork<number>();
    const a = cache.read('c1', m.work);
    const b = cache.read('c1', m.work);
    m.resolve(7);
    assert.deepEqual([await a, await b], [7, 7]);
    assert.equal(m.starts(), 1);
    assert.deepEqual(cache.peek('c1'), { value: 7 });
    assert.equal(await cache.read('c1', m.work), 7);
    assert.equal(m.starts(), 1, 'read from the cache');
    assert.deepEqual(loaded, [['c1', 7]]);
  });

  it('a failure is not kept: the next read asks again', async () => {
    const failures: unknown[] = [];
    const cache = new LoadedCache<string, number>({ onError: (_, error) => failures.push(error) });
    const m = manualWork<number>();
    const first = cache.read('c1', m.work);
    m.reject(new Error('500'));
    await assert.rejects(first, /500/);
    assert.equal(cache.peek('c1'), undefined);
    assert.equal(failures.length, 1);
    const second = cache.read('c1', m.work);
    m.resolve(3);
    assert.equal(await second, 3);
    assert.equal(m.starts(), 2);
  });

  it('a value set while a load runs stops the load: its reader gets the set value, the late answer is not kept', async () => {
    const cache = new LoadedCache<string, string>();
    const m = manualWork<string>();
    const reading = cache.read('c1', m.work);
    cache.set('c1', 'from deployment tracking');
    assert.equal(await reading, 'from deployment tracking');
    assert.deepEqual(cache.peek('c1'), { value: 'from deployment tracking' });
  });

  it('clear("ended") rejects the readers as cancelled, and nothing is read again', async () => {
    const cache = new LoadedCache<string, string>();
    const m = manualWork<string>();
    const reading = cache.read('c1', m.work);
    cache.clear('ended');
    await assert.rejects(reading, (error: unknown) => isScpError(error) && error.kind === 'cancelled');
    assert.equal(m.starts(), 1);
  });
});
