import * as assert from 'node:assert/strict';
import { SharedLoad } from '../../../src/explorer/sharedLoad';
import { isScpError } from '../../../src/scp/scpError';

/** Work the test finishes by hand; it records whether it was aborted. */
function manualWork<T>(): { work: (signal: AbortSignal) => Promise<T>; resolve: (value: T) => void; aborted: () => boolean; starts: () => number } {
  let resolve!: (value: T) => void;
  let signalSeen: AbortSignal | undefined;
  let starts = 0;
  return {
    work: (signal) => {
      starts++;
      signalSeen = signal;
      return new Promise<T>((res, rej) => {
        resolve = res;
        signal.addEventListener('abort', () => rej(new Error('aborted')), { once: true });
      });
    },
    resolve: (value) => resolve(value),
    aborted: () => signalSeen?.aborted ?? false,
    starts: () => starts,
  };
}

describe('SharedLoad (joined concurrent loads)', () => {
  it('every waiter gets the one result of one run', async () => {
    const m = manualWork<number>();
    const load = new SharedLoad(m.work);
    const a = load.join();
    const b = load.join(new AbortController().signal);
    m.resolve(7);
    assert.deepEqual(await Promise.all([a, b]), [7, 7]);
    assert.equal(m.starts(), 1);
  });

  it('a waiter that leaves is cancelled alone; the work goes on for the others', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const leaving = new AbortController();
    const left = load.join(leaving.signal);
    const staying = load.join(new AbortController().signal);
    leaving.abort();
    await assert.rejects(left, (e) => isScpError(e) && e.kind === 'cancelled');
    assert.equal(m.aborted(), false);
    m.resolve('done');
    assert.equal(await staying, 'done');
  });

  it('when the last waiter leaves, the work itself is aborted (no lookup left queued)', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const one = new AbortController();
    const two = new AbortController();
    const a = load.join(one.signal);
    const b = load.join(two.signal);
    one.abort();
    assert.equal(m.aborted(), false);
    two.abort();
    assert.equal(m.aborted(), true);
    await assert.rejects(a);
    await assert.rejects(b);
  });

  it('a waiter without a signal keeps the work alive', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const leaving = new AbortController();
    const forever = load.join();
    const left = load.join(leaving.signal);
    leaving.abort();
    await assert.rejects(left);
    assert.equal(m.aborted(), false);
    m.resolve('kept');
    assert.equal(await forever, 'kept');
  });

  it('stop() aborts the work for everyone and remembers why', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const waiting = load.join();
    load.stop('replaced');
    assert.equal(m.aborted(), true);
    assert.equal(load.stopReason, 'replaced');
    await assert.rejects(waiting);
    load.stop('ended');
    assert.equal(load.stopReason, 'replaced');
  });

  it('joining with an already aborted signal rejects at once', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const gone = new AbortController();
    gone.abort();
    await assert.rejects(load.join(gone.signal), (e) => isScpError(e) && e.kind === 'cancelled');
  });

  it('a waiter without a signal keeps the work alive after every other waiter left', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const forever = load.join();
    const first = new AbortController();
    const second = new AbortController();
    const a = load.join(first.signal);
    const b = load.join(second.signal);
    first.abort();
    second.abort();
    await assert.rejects(a);
    await assert.rejects(b);
    assert.equal(m.aborted(), false);
    m.resolve('kept');
    assert.equal(await forever, 'kept');
  });

  it('joining with an already aborted signal aborts the work only when nobody else waits for it', async () => {
    const gone = new AbortController();
    gone.abort();
    const alone = manualWork<string>();
    await assert.rejects(new SharedLoad(alone.work).join(gone.signal));
    assert.equal(alone.aborted(), true);
    const shared = manualWork<string>();
    const load = new SharedLoad(shared.work);
    const other = new AbortController();
    const waiting = load.join(other.signal);
    await assert.rejects(load.join(gone.signal));
    assert.equal(shared.aborted(), false);
    shared.resolve('done');
    assert.equal(await waiting, 'done');
  });

  it('a waiter that leaves after the result came changes nothing (its listener is gone)', async () => {
    const m = manualWork<string>();
    const load = new SharedLoad(m.work);
    const leaving = new AbortController();
    const result = load.join(leaving.signal);
    m.resolve('done');
    assert.equal(await result, 'done');
    leaving.abort();
    assert.equal(m.aborted(), false, 'the finished work is not aborted afterwards');
  });

  it('a failure reaches every waiter with a signal, and leaving afterwards changes nothing', async () => {
    let workSignal: AbortSignal | undefined;
    const load = new SharedLoad<string>((signal) => {
      workSignal = signal;
      return Promise.reject(new Error('lookup failed'));
    });
    const leaving = new AbortController();
    await assert.rejects(load.join(leaving.signal), /lookup failed/);
    leaving.abort();
    assert.equal(workSignal?.aborted, false);
  });
});
