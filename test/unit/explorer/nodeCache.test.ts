import * as assert from 'node:assert/strict';
import { NodeCache } from '../../../src/explorer/nodes/nodeCache';
import { until } from '../../support/until';

class Node {
  constructor(readonly id: string) {}
}

class OtherNode extends Node {}

/** Children the test hands over by hand. */
function pendingChildren(): { build: () => Promise<Node[]>; answer: (nodes: Node[]) => void; builds: () => number } {
  let answer!: (nodes: Node[]) => void;
  let builds = 0;
  return {
    build: () => {
      builds++;
      return new Promise<Node[]>((resolve) => (answer = resolve));
    },
    answer: (nodes) => answer(nodes),
    builds: () => builds,
  };
}

describe('NodeCache (one node per id, one children load per parent)', () => {
  it('keeps one object per id and kind', () => {
    const cache = new NodeCache<Node>();
    const a = cache.keep('p/a', Node, () => new Node('p/a'));
    assert.equal(cache.keep('p/a', Node, () => new Node('p/a')), a);
    assert.equal(cache.find('p/a', Node), a);
    assert.equal(cache.find('p/a', OtherNode), undefined);
    assert.notEqual(cache.keep('p/a', OtherNode, () => new OtherNode('p/a')), a, 'another kind under the id replaces the node');
  });

  it('a second load of a parent while one runs joins it: one build, the same children', async () => {
    const cache = new NodeCache<Node>();
    const parent = new Node('p/cluster');
    const pending = pendingChildren();
    const first = cache.children(parent, pending.build);
    const second = cache.children(parent, pending.build);
    const child = new Node('p/cluster/create');
    pending.answer([child]);
    assert.deepEqual(await first, [child]);
    assert.equal(await second, await first);
    assert.equal(pending.builds(), 1);
    await cache.children(parent, () => [child]);
    assert.equal(pending.builds(), 1, 'a load after the first one answered builds anew');
  });

  it('announcing a parent whose children are loading waits until that load has answered, once', async () => {
    const cache = new NodeCache<Node>();
    const parent = cache.keep('p/cluster', Node, () => new Node('p/cluster'));
    const pending = pendingChildren();
    const loading = cache.children(parent, pending.build);
    const announced: string[] = [];
    let answered = false;
    cache.announce(parent, (node) => announced.push(`${node.id} answered=${answered}`));
    cache.announce(parent, (node) => announced.push(`${node.id} answered=${answered}`));
    assert.equal(announced.length, 0, 'nothing while the load runs');
    answered = true;
    pending.answer([]);
    await loading;
    await until('the held announcement', () => announced.length > 0);
    assert.deepEqual(announced, ['p/cluster answered=true']);

    const leaf = cache.keep('p/leaf', Node, () => new Node('p/leaf'));
    cache.announce(leaf, (node) => announced.push(node.id));
    assert.equal(announced.at(-1), 'p/leaf', 'a node with no load running is announced at once');
  });

  it('clear() drops the nodes, the loads and a held announcement', async () => {
    const cache = new NodeCache<Node>();
    const parent = cache.keep('p/cluster', Node, () => new Node('p/cluster'));
    const pending = pendingChildren();
    const loading = cache.children(parent, pending.build);
    const announced: string[] = [];
    cache.announce(parent, (node) => announced.push(node.id));
    cache.clear();
    assert.equal(cache.find('p/cluster', Node), undefined);
    const fresh = pendingChildren();
    const next = cache.children(parent, fresh.build);
    assert.equal(fresh.builds(), 1, 'a load after clear() does not join the old one');
    pending.answer([]);
    fresh.answer([]);
    await Promise.all([loading, next]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(announced, []);
  });
});
