import * as assert from 'node:assert/strict';
import { ScpError } from '../../../../src/scp/scpError';

/** The ScpError a call fails with; fails the test when it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ScpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ScpError, `expected an ScpError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
