import * as assert from 'node:assert/strict';
import { isConfirmed, isFromElsewhere, keyOf, pendingCreateKey, type TrackedOperation } from '../../../src/deployments/trackedOperation';

function operation(extra: Partial<TrackedOperation> = {}): TrackedOperation {
  return { profileId: 'p1', cloudMlId: 'ml-1', clusterId: 'c1', name: 'ml', kind: 'create', started: 1, ...extra };
}

describe('trackedOperation', () => {
  it('keys an operation by profile and instance, or by cluster while a create has no id yet', () => {
    assert.equal(keyOf(operation()), 'p1/ml-1');
    assert.equal(pendingCreateKey('p1', 'c1'), 'p1/cluster:c1');
    assert.equal(keyOf(operation({ cloudMlId: '', confirmed: false })), 'p1/cluster:c1');
    assert.notEqual(keyOf(operation({ cloudMlId: 'c1' })), keyOf(operation({ cloudMlId: '', confirmed: false })), 'an instance id never looks like a cluster key');
  });

  it('is from elsewhere only when seen moving without this extension (absent = here)', () => {
    assert.equal(isFromElsewhere(operation({ origin: 'elsewhere' })), true);
    assert.equal(isFromElsewhere(operation({ origin: 'here' })), false);
    assert.equal(isFromElsewhere(operation()), false);
  });

  it('is confirmed unless its answer is known to be missing (absent = accepted)', () => {
    assert.equal(isConfirmed(operation({ confirmed: false })), false);
    assert.equal(isConfirmed(operation({ confirmed: true })), true);
    assert.equal(isConfirmed(operation()), true);
  });
});
