import * as assert from 'node:assert/strict';
import { MAX_FINISHED_OPERATIONS, OperationStore, type KeyValueStore } from '../../../src/deployments/operationStore';
import { parseTrackedOperations, type TrackedOperation } from '../../../src/deployments/trackedOperation';

/** An in-memory globalState; `hold` makes updates wait until released, to check write ordering. */
class MemoryState implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  readonly writes: unknown[] = [];
  private held: (() => void)[] = [];
  hold = false;

  get(key: string): unknown {
    return this.values.get(key);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes.push(value);
    const apply = (): void => void this.values.set(key, JSON.parse(JSON.stringify(value)));
    if (!this.hold) {
      apply();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.held.push(() => (apply(), resolve())));
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const done of held) done();
  }
}

function op(id: string, extra: Partial<TrackedOperation> = {}): TrackedOperation {
  return { profileId: 'p1', cloudMlId: id, clusterId: 'c1', name: `ml-${id}`, kind: 'create', started: 1000, ...extra };
}

describe('OperationStore (tracked operations in globalState)', () => {
  it('round-trips in-flight and finished operations', async () => {
    const state = new MemoryState();
    const store = new OperationStore(state, 'k');
    const saved = [op('a', { lastState: 'CREATING' }), op('b', { outcome: 'succeeded', finished: 2000, lastState: 'DEPLOYED' })];
    await store.save(saved);
    const again = new OperationStore(state, 'k').load();
    assert.equal(again.dropped, 0);
    assert.deepEqual(again.operations, saved);
  });

  it('drops invalid entries but keeps the valid ones', () => {
    const state = new MemoryState();
    state.values.set('k', [op('a'), { cloudMlId: 'x' }, op('b', { kind: 'rename' as never }), 'junk', op('c', { started: Number.NaN })]);
    const loaded = new OperationStore(state, 'k').load();
    assert.deepEqual(
      loaded.operations.map((o) => o.cloudMlId),
      ['a'],
    );
    assert.equal(loaded.dropped, 4);
  });

  it('keeps every in-flight operation and only the newest finished ones', async () => {
    const state = new MemoryState();
    const store = new OperationStore(state, 'k');
    const finished = Array.from({ length: MAX_FINISHED_OPERATIONS + 5 }, (_, i) => op(`f${i}`, { outcome: 'succeeded', finished: 5000 + i }));
    const live = Array.from({ length: 12 }, (_, i) => op(`l${i}`));
    await store.save([...finished, ...live]);
    const loaded = store.load().operations;
    assert.equal(loaded.filter((o) => o.outcome === undefined).length, 12);
    const kept = loaded.filter((o) => o.outcome !== undefined).map((o) => o.cloudMlId);
    assert.equal(kept.length, MAX_FINISHED_OPERATIONS);
    assert.equal(kept[0], `f${MAX_FINISHED_OPERATIONS + 4}`);
    assert.ok(!kept.includes('f0'), 'the oldest finished operation is forgotten');
  });

  it('bounds the finished operations per profile: a busy profile does not push out another one\'s', async () => {
    const state = new MemoryState();
    const store = new OperationStore(state, 'k');
    const busy = Array.from({ length: MAX_FINISHED_OPERATIONS + 3 }, (_, i) => op(`b${i}`, { outcome: 'succeeded', finished: 9000 + i }));
    const quiet = [op('q0', { profileId: 'p2', outcome: 'failed', finished: 10 }), op('q1', { profileId: 'p2', outcome: 'deleted', finished: 20 })];
    await store.save([...quiet, ...busy]);
    const loaded = store.load().operations;
    assert.equal(loaded.filter((o) => o.profileId === 'p1').length, MAX_FINISHED_OPERATIONS);
    assert.deepEqual(loaded.filter((o) => o.profileId === 'p2').map((o) => o.cloudMlId), ['q1', 'q0']);
  });

  it('keeps a create recorded before its answer (no id yet) and its origin and request id', async () => {
    const state = new MemoryState();
    const store = new OperationStore(state, 'k');
    const pending = op('', { confirmed: false });
    const external = op('e', { origin: 'elsewhere', requestId: 'req-9', lastState: 'UPDATING', kind: 'update' });
    await store.save([pending, external]);
    assert.deepEqual(new OperationStore(state, 'k').load().operations, [pending, external]);
    // Only an unanswered create may lack its id.
    state.values.set('k', [op('', { kind: 'update', confirmed: false }), op('')]);
    assert.equal(new OperationStore(state, 'k').load().dropped, 2);
  });

  it('collapses duplicate in-flight entries of one instance to the newest', () => {
    const state = new MemoryState();
    state.values.set('k', [op('a', { started: 1000, kind: 'create' }), op('a', { started: 3000, kind: 'update' })]);
    const loaded = new OperationStore(state, 'k').load().operations;
    assert.equal(loaded.length, 1);
    assert.equal(loaded[0]?.kind, 'update');
  });

  it('collapses duplicates to the newest whatever their order, and to the last stored of two started at once', () => {
    const state = new MemoryState();
    state.values.set('k', [op('a', { started: 3000, kind: 'update' }), op('a', { started: 1000, kind: 'create' })]);
    assert.deepEqual(new OperationStore(state, 'k').load().operations.map((o) => o.kind), ['update']);
    state.values.set('k', [op('a', { started: 1000, kind: 'create' }), op('a', { started: 1000, kind: 'update' })]);
    assert.deepEqual(new OperationStore(state, 'k').load().operations.map((o) => o.kind), ['update']);
  });

  it('keeps two finished operations of one instance that ended at different times, even when started at once', () => {
    const state = new MemoryState();
    const first = op('a', { started: 1000, kind: 'create', outcome: 'succeeded', finished: 2000 });
    const second = op('a', { started: 1000, kind: 'update', outcome: 'succeeded', finished: 5000 });
    state.values.set('k', [first, second]);
    assert.deepEqual(new OperationStore(state, 'k').load().operations.map((o) => o.kind).sort(), ['create', 'update']);
  });

  it('writes in order: a later save never lands before an earlier one', async () => {
    const state = new MemoryState();
    state.hold = true;
    const store = new OperationStore(state, 'k');
    const first = store.save([op('a')]);
    const second = store.save([op('a', { lastState: 'DEPLOYED', outcome: 'succeeded', finished: 2 })]);
    await Promise.resolve();
    assert.equal(state.writes.length, 1, 'the second write waits for the first');
    state.release();
    await first;
    await new Promise((r) => setImmediate(r));
    assert.equal(state.writes.length, 2);
    state.release();
    await second;
    await store.flush();
    assert.equal(store.load().operations[0]?.outcome, 'succeeded');
  });
});

describe('parseTrackedOperations', () => {
  it('treats nothing stored as empty and a non-list as one dropped entry', () => {
    assert.deepEqual(parseTrackedOperations(undefined), { operations: [], dropped: 0 });
    assert.deepEqual(parseTrackedOperations({ a: 1 }), { operations: [], dropped: 1 });
  });
});
