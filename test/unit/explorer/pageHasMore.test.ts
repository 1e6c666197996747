import * as assert from 'node:assert/strict';
import { pageHasMore } from '../../../src/explorer/pageHasMore';

describe('pageHasMore (SKE paging rules)', () => {
  it('120 clusters by 50: pages 0 and 1 have more, page 2 (short) does not', () => {
    assert.equal(pageHasMore(0, 50, 50, 120), true);
    assert.equal(pageHasMore(1, 50, 50, 120), true);
    assert.equal(pageHasMore(2, 50, 20, 120), false);
  });

  it('an exact multiple ends where count says', () => {
    assert.equal(pageHasMore(1, 50, 50, 100), false);
  });

  it('a null count keeps going while pages are full', () => {
    assert.equal(pageHasMore(0, 50, 50, null), true);
    assert.equal(pageHasMore(1, 50, 3, null), false);
  });

  it('an API that ignores size (a page longer than asked) has no more pages', () => {
    assert.equal(pageHasMore(0, 50, 120, 120), false);
  });
});
