import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { AttemptSignal } from '../../../src/scp/attemptSignal';

describe('scp attempt signal', () => {
  it('tells every listener once when it aborts, and a removed listener not at all', () => {
    const signal = new AttemptSignal();
    const heard: string[] = [];
    const first = (event: { type: string }): void => void heard.push(`first:${event.type}`);
    const second = (event: { type: string }): void => void heard.push(`second:${event.type}`);
    signal.addEventListener('abort', first);
    signal.addEventListener('abort', second);
    signal.removeEventListener('abort', second);
    assert.equal(signal.aborted, false);
    signal.abort();
    signal.abort();
    assert.equal(signal.aborted, true);
    assert.deepEqual(heard, ['first:abort']);
  });

  it("aborts when the caller's signal aborts, and starts aborted when it already is", () => {
    const caller = new AbortController();
    const signal = new AttemptSignal(caller.signal);
    let heard = 0;
    signal.addEventListener('abort', () => heard++);
    caller.abort();
    assert.equal(signal.aborted, true);
    assert.equal(heard, 1);
    assert.equal(new AttemptSignal(caller.signal).aborted, true);
  });

  it("dispose lets go of the caller's signal: a long-lived signal collects no listener per attempt", () => {
    const caller = new AbortController();
    const attempts = [new AttemptSignal(caller.signal), new AttemptSignal(caller.signal)];
    assert.equal(getEventListeners(caller.signal, 'abort').length, 2);
    for (const attempt of attempts) attempt.dispose();
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
    caller.abort();
    assert.ok(attempts.every((attempt) => !attempt.aborted), 'a disposed attempt no longer follows the caller');
  });
});
