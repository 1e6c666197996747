import * as assert from 'node:assert/strict';
import { classifyState, isTransitional } from '../../../src/scp/instanceState';

describe('scp instance state at the edges of its rules', () => {
  it('trims, and reads null as unknown', () => {
    assert.equal(classifyState('  deployed '), 'healthy');
    assert.equal(classifyState(null), 'unknown');
    assert.equal(classifyState('   '), 'unknown');
  });

  it('"failed" needs the whole word or a _FAILED / -ERROR suffix', () => {
    assert.equal(classifyState('update-error'), 'failed');
    assert.equal(classifyState('UPDATE_ERROR'), 'failed');
    assert.equal(classifyState('FAILEDOVER'), 'unknown');
    assert.equal(classifyState('ERRORS'), 'unknown');
    assert.equal(classifyState('NOTFAILED'), 'unknown', 'no separator before FAILED');
    assert.equal(classifyState('FAILED_OVER'), 'unknown');
  });

  it('"transitional" is a word of letters, "_" and "-" ending in ING', () => {
    assert.equal(classifyState('PRE-STARTING'), 'transitional');
    assert.equal(classifyState('ING'), 'transitional');
    assert.equal(classifyState('STARTING2'), 'unknown');
    assert.equal(classifyState('RE STARTING'), 'unknown');
    assert.equal(classifyState('2STARTING'), 'unknown');
    assert.equal(classifyState('STARTING_NOW'), 'unknown');
  });

  it('isTransitional is true for transitional states only', () => {
    assert.equal(isTransitional('CREATING'), true);
    assert.equal(isTransitional('DEPLOYED'), false);
    assert.equal(isTransitional('ERROR'), false);
    assert.equal(isTransitional(undefined), false);
  });
});
