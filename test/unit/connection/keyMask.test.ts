import * as assert from 'node:assert/strict';
import { maskAccessKey } from '../../../src/connection/keyMask';

describe('maskAccessKey', () => {
  it('shows only the last 4 characters of a long key', () => {
    assert.equal(maskAccessKey('AKIAEXAMPLEKEY1234'), '••••1234');
  });

  it('masks a short key entirely', () => {
    assert.equal(maskAccessKey('ABCDEFGH'), '••••');
    assert.equal(maskAccessKey(''), '••••');
  });
});
