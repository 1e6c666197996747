import * as assert from 'node:assert/strict';
import { classifyClusterState, classifyState } from '../../../src/scp/instanceState';

describe('scp instance state', () => {
  it('classifies by the rules of docs/scp-api.md, case-insensitively', () => {
    const cases: [string | undefined, string][] = [
      ['CREATING', 'transitional'],
      ['deploying', 'transitional'],
      ['Updating', 'transitional'],
      ['DELETING', 'transitional'],
      ['SCALE_UPGRADING', 'transitional'],
      ['DEPLOYED', 'healthy'],
      ['running', 'healthy'],
      ['ERROR', 'failed'],
      ['failed', 'failed'],
      ['DEPLOY_FAILED', 'failed'],
      ['STOPPED', 'unknown'],
      ['', 'unknown'],
      [undefined, 'unknown'],
    ];
    for (const [state, expected] of cases) assert.equal(classifyState(state), expected, String(state));
  });

  it('applies the same rule to cluster states', () => {
    assert.equal(classifyClusterState('RUNNING'), 'healthy');
    assert.equal(classifyClusterState('CREATING'), 'transitional');
    assert.equal(classifyClusterState('ERROR'), 'failed');
  });
});
