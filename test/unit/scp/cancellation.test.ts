import * as assert from 'node:assert/strict';
import { cancelledError, linkedAbortController, sleep } from '../../../src/scp/cancellation';
import { isScpError } from '../../../src/scp/scpError';

function isCancelled(error: unknown): boolean {
  return isScpError(error) && error.kind === 'cancelled' && error.message === 'The request was cancelled.';
}

/** Whether a promise has settled within 20 ms (a bound for "at once", not a timing assertion on a long wait). */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
}

describe('scp cancellation', () => {
  it('cancelledError is the typed cancelled error with its sentence', () => {
    assert.ok(isCancelled(cancelledError()));
  });

  it('sleep resolves after the time; a negative time is no wait', async () => {
    await sleep(1);
    assert.equal(await settledSoon(sleep(-50)), true);
    const stop = new AbortController();
    const long = sleep(60_000, stop.signal).catch(() => undefined);
    assert.equal(await settledSoon(long), false, 'a long sleep is still waiting');
    stop.abort(); // its timer must not keep the test process alive
    await long;
  });

  it('sleep rejects at once for a signal aborted before, and as soon as it aborts during the wait', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(sleep(60_000, before.signal), isCancelled);

    const during = new AbortController();
    const waiting = sleep(60_000, during.signal);
    during.abort();
    await assert.rejects(waiting, isCancelled);
  });

  it('a finished sleep leaves no listener on the signal: a later abort is harmless', async () => {
    const controller = new AbortController();
    const listeners = new Set<unknown>();
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      if (args[0] === 'abort') listeners.add(args[1]);
      add(...args);
    }) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      if (args[0] === 'abort') listeners.delete(args[1]);
      remove(...args);
    }) as typeof remove;
    await sleep(1, controller.signal);
    assert.equal(listeners.size, 0, 'the abort listener was removed');
    controller.abort();
  });

  it('linkedAbortController aborts when any signal aborts, and not before', () => {
    const a = new AbortController();
    const b = new AbortController();
    const { controller } = linkedAbortController(a.signal, undefined, b.signal);
    assert.equal(controller.signal.aborted, false);
    b.abort();
    assert.equal(controller.signal.aborted, true);
  });

  it('linkedAbortController starts aborted when a signal already is, whatever its place', () => {
    const done = new AbortController();
    done.abort();
    assert.equal(linkedAbortController(done.signal).controller.signal.aborted, true);
    assert.equal(linkedAbortController(new AbortController().signal, done.signal).controller.signal.aborted, true);
    assert.equal(linkedAbortController().controller.signal.aborted, false);
  });

  it('dispose detaches it: a later abort of a source no longer reaches it', () => {
    const a = new AbortController();
    const b = new AbortController();
    const { controller, dispose } = linkedAbortController(a.signal, b.signal);
    dispose();
    a.abort();
    b.abort();
    assert.equal(controller.signal.aborted, false);
  });
});
