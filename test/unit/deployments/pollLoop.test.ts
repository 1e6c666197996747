import * as assert from 'node:assert/strict';
import { PollLoop, type PollLoopDeps, type PollState } from '../../../src/deployments/pollLoop';
import { keyOf, type TrackedOperation } from '../../../src/deployments/trackedOperation';
import { until } from '../../support/until';

const operation = (name: string, started = Date.now()): TrackedOperation => ({
  profileId: 'p',
  cloudMlId: `id-${name}`,
  clusterId: 'c',
  name,
  kind: 'create',
  started,
});

/** A loop over a fixed list, on a fast clock, recording what it asked its deps to do. */
function harness(options: { intervalSeconds?: number; timeoutMinutes?: number } = {}) {
  const seen = { polls: [] as string[], timedOut: [] as string[], scheduled: 0, unexpected: [] as unknown[] };
  let operations: TrackedOperation[] = [];
  let paused = false;
  let interval = options.intervalSeconds ?? 0.02;
  let pollImpl: (op: TrackedOperation, state: PollState) => Promise<void> = () => Promise.resolve();
  const deps: PollLoopDeps = {
    pollable: () => operations,
    paused: () => paused,
    poll: (op, state) => {
      seen.polls.push(op.name);
      return pollImpl(op, state);
    },
    timedOut: (op) => {
      seen.timedOut.push(op.name);
      operations = operations.filter((o) => o !== op);
    },
    scheduled: () => seen.scheduled++,
    intervalSeconds: () => interval,
    timeoutMinutes: () => options.timeoutMinutes ?? 120,
    onUnexpected: (_op, error) => seen.unexpected.push(error),
  };
  const loop = new PollLoop(deps);
  return {
    loop,
    seen,
    set: (ops: TrackedOperation[]) => (operations = ops),
    pause: (value: boolean) => (paused = value),
    setInterval: (seconds: number) => (interval = seconds),
    onPoll: (impl: typeof pollImpl) => (pollImpl = impl),
  };
}

describe('PollLoop (one timer for every followed operation)', () => {
  const loops: PollLoop[] = [];
  afterEach(() => loops.splice(0).forEach((l) => l.dispose()));

  it('costs nothing at rest: no timer with nothing followed, nor while paused', () => {
    const h = harness();
    loops.push(h.loop);
    h.loop.reschedule();
    assert.equal(h.loop.active, false);
    const op = operation('a');
    h.set([op]);
    h.loop.follow(op);
    h.pause(true);
    h.loop.reschedule();
    assert.equal(h.loop.active, false, 'paused: no timer');
    h.pause(false);
    h.loop.reschedule();
    assert.equal(h.loop.active, true, 'a due operation arms the timer');
    assert.ok(h.seen.scheduled >= 3, 'every reschedule tells the status item');
  });

  it('polls a due operation, then again only after planNext, and an operation it does not follow never', async () => {
    const h = harness();
    loops.push(h.loop);
    const followed = operation('followed');
    const stranger = operation('stranger');
    h.set([followed, stranger]);
    h.onPoll((op, state) => {
      h.loop.planNext(op, state);
      return Promise.resolve();
    });
    h.loop.follow(followed);
    h.loop.reschedule();
    await until('three polls', () => h.seen.polls.length >= 3, 5_000, () => JSON.stringify(h.seen));
    assert.deepEqual([...new Set(h.seen.polls)], ['followed']);
  });

  it('a poll still running is not started twice', async () => {
    const h = harness();
    loops.push(h.loop);
    const op = operation('slow');
    h.set([op]);
    let release: () => void = () => undefined;
    h.onPoll(
      (o, state) =>
        new Promise<void>((resolve) => {
          state.polling = true;
          release = () => {
            state.polling = false;
            h.loop.planNext(o, state);
            resolve();
          };
        }),
    );
    h.loop.follow(op);
    h.loop.reschedule();
    await until('the first poll', () => h.seen.polls.length === 1);
    h.loop.reschedule();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(h.seen.polls.length, 1, 'no second GET while the first runs');
    assert.equal(h.loop.active, true, 'a running GET counts as active');
    release();
    h.loop.reschedule();
    await until('the next poll once the first settled', () => h.seen.polls.length === 2);
  });

  it('times out an operation followed longer than the timeout instead of polling it', async () => {
    const h = harness({ timeoutMinutes: 1 });
    loops.push(h.loop);
    const old = operation('old', Date.now() - 60_001);
    const fresh = operation('fresh');
    h.set([old, fresh]);
    h.loop.follow(old);
    h.loop.follow(fresh);
    h.loop.reschedule();
    await until('the tick', () => h.seen.timedOut.length === 1 && h.seen.polls.length >= 1);
    assert.deepEqual(h.seen.timedOut, ['old']);
    assert.ok(!h.seen.polls.includes('old'), 'the timed-out one is not polled');
  });

  it('planNext waits one interval; a shorter new interval brings every waiting poll forward', () => {
    const h = harness({ intervalSeconds: 60 });
    loops.push(h.loop);
    const op = operation('a');
    h.set([op]);
    h.loop.follow(op);
    const state = h.loop.stateOf(op);
    assert.ok(state);
    const before = Date.now();
    h.loop.planNext(op, state);
    assert.ok(state.nextDueAt >= before + 60_000 && state.nextDueAt <= Date.now() + 60_000, String(state.nextDueAt - before));
    assert.equal(state.previousDelayMs, 60_000);
    h.setInterval(1);
    h.loop.applyNewInterval();
    assert.ok(state.nextDueAt <= Date.now() + 1_000, 'no poll waits longer than the new interval');
    assert.equal(state.previousDelayMs, undefined, 'the back-off starts again from the new interval');
  });

  it('rekey carries the polling state to the new key; forget drops it', () => {
    const h = harness();
    loops.push(h.loop);
    const pending: TrackedOperation = { ...operation('new'), cloudMlId: '' };
    h.loop.follow(pending, 12345);
    const oldKey = keyOf(pending);
    const bound = { ...pending, cloudMlId: 'id-new' };
    h.loop.rekey(oldKey, bound);
    assert.equal(h.loop.isFollowed(oldKey), false);
    assert.equal(h.loop.stateOf(bound)?.nextDueAt, 12345);
    h.loop.rekey('no such key', bound);
    assert.equal(h.loop.stateOf(bound)?.nextDueAt, 12345, 'an unknown old key changes nothing');
    h.loop.forget(bound);
    assert.equal(h.loop.stateOf(bound), undefined);
  });

  it('a poll that throws is reported and waits its interval like any other (no hot loop); after dispose nothing is scheduled', async () => {
    const h = harness({ intervalSeconds: 1 });
    const op = operation('broken');
    h.set([op]);
    h.onPoll((_op, state) => {
      state.polling = true;
      return Promise.reject(new Error('boom'));
    });
    h.loop.follow(op);
    h.loop.reschedule();
    await until('the failure to be reported', () => h.seen.unexpected.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(h.seen.unexpected.length, 1, 'polled once, the next one a whole interval later');
    assert.equal((h.seen.unexpected[0] as Error).message, 'boom');
    assert.equal(h.loop.stateOf(op)?.polling, false, 'not left marked as polling');
    assert.equal(h.loop.active, true, 'the next poll is planned');
    h.loop.dispose();
    h.loop.follow(op);
    h.loop.reschedule();
    assert.equal(h.loop.active, false);
  });
});
