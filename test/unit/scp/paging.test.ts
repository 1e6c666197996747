import * as assert from 'node:assert/strict';
import { collectAll, pages, type Page } from '../../../src/scp/paging';
import { SkeApi } from '../../../src/scp/skeApi';
import { countOf, emulatorPerTest } from './helpers/emulator';

/** A fake list API over `total` items; `countMode` decides what it says about the total. */
function fakeList(total: number, countMode: 'total' | 'null' | 'ignoreSize'): { fetch: (page: number, size: number) => Promise<Page<number>>; calls: number[] } {
  const calls: number[] = [];
  const all = Array.from({ length: total }, (_, i) => i);
  return {
    calls,
    fetch: (page, size) => {
      calls.push(page);
      if (countMode === 'ignoreSize') return Promise.resolve({ items: all, count: null });
      return Promise.resolve({ items: all.slice(page * size, (page + 1) * size), count: countMode === 'total' ? total : null });
    },
  };
}

describe('scp paging', () => {
  it('stops when (page + 1) * size reaches count, without asking for an empty page', async () => {
    const list = fakeList(100, 'total');
    assert.equal((await collectAll(list.fetch, 50)).length, 100);
    assert.deepEqual(list.calls, [0, 1]);
  });

  it('stops on a short page when count is null', async () => {
    const list = fakeList(120, 'null');
    const seen: number[] = [];
    for await (const page of pages(list.fetch, 50)) seen.push(page.page, page.items.length);
    assert.deepEqual(seen, [0, 50, 1, 50, 2, 20]);
  });

  it('asks once more and stops on an empty page when count is null and the total is a multiple of size', async () => {
    const list = fakeList(100, 'null');
    assert.equal((await collectAll(list.fetch, 50)).length, 100);
    assert.deepEqual(list.calls, [0, 1, 2]);
  });

  it('stops after one page when the server ignores size and sends everything', async () => {
    const list = fakeList(80, 'ignoreSize');
    assert.equal((await collectAll(list.fetch, 20)).length, 80);
    assert.deepEqual(list.calls, [0]);
  });

  it('is bounded even against a server that repeats full pages for ever', async () => {
    let calls = 0;
    const endless = (_page: number, size: number): Promise<Page<number>> => {
      calls++;
      return Promise.resolve({ items: new Array<number>(size).fill(0), count: null });
    };
    assert.equal((await collectAll(endless, 10, 5)).length, 50);
    assert.equal(calls, 5);
  });

  describe('over the emulator', () => {
    const env = emulatorPerTest({ clusters: 120 });

    it('pages 120 clusters with page size 50 in 3 requests', async () => {
      const { client, emulator } = env();
      const ske = new SkeApi(client);
      const sizes: number[] = [];
      const names: string[] = [];
      for await (const page of pages(async (p, size) => {
        const result = await ske.listClusters({ page: p, size });
        return { items: result.clusters, count: result.count };
      }, 50)) {
        sizes.push(page.items.length);
        names.push(...page.items.map((c) => c.name));
      }
      assert.deepEqual(sizes, [50, 50, 20]);
      assert.equal(new Set(names).size, 120);
      assert.equal(countOf(emulator, 'GET /v1/clusters'), 3);
    });
  });
});
