import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesOfShard, parseShard } from '../../integration/suiteShards';

const FILES = [
  'activation.test.js',
  'commands.test.js',
  'connection.test.js',
  'create.test.js',
  'delete.test.js',
  'deployments.test.js',
  'explorer.test.js',
  'faults.test.js',
  'language.test.js',
  'security.test.js',
  'update.test.js',
  'userInput.test.js',
  'webview.test.js',
].map((name) => path.join('/dist/test/integration', name));

describe('host: integration suite shards', () => {
  it('gives every file to exactly one of two shards, keeping the order within each', () => {
    const first = filesOfShard(FILES, 1, 2, (f) => path.basename(f));
    const second = filesOfShard(FILES, 2, 2, (f) => path.basename(f));
    assert.deepEqual([...first, ...second].sort(), [...FILES].sort());
    assert.equal(first.filter((f) => second.includes(f)).length, 0);
    for (const shard of [first, second]) assert.deepEqual(shard, FILES.filter((f) => shard.includes(f)), 'the order of the full list is kept');
  });

  it('balances the measured long suites: the three longest are not all in one shard, and the loads are close', () => {
    const seconds: Record<string, number> = { 'webview.test.js': 18, 'faults.test.js': 20, 'deployments.test.js': 17, 'security.test.js': 8, 'explorer.test.js': 6, 'connection.test.js': 3 };
    const load = (files: string[]): number => files.reduce((sum, f) => sum + (seconds[path.basename(f)] ?? 2), 0);
    const first = filesOfShard(FILES, 1, 2, (f) => path.basename(f));
    const second = filesOfShard(FILES, 2, 2, (f) => path.basename(f));
    assert.ok(Math.abs(load(first) - load(second)) <= 4, `loads ${load(first)} s and ${load(second)} s`);
    const longest = ['webview.test.js', 'deployments.test.js', 'faults.test.js'];
    assert.ok(!longest.every((name) => first.some((f) => f.endsWith(name))) && !longest.every((name) => second.some((f) => f.endsWith(name))));
  });

  it('one shard is everything', () => {
    assert.deepEqual(filesOfShard(FILES, 1, 1, (f) => path.basename(f)), FILES);
  });

  it('reads "k/n" and refuses anything else', () => {
    assert.deepEqual(parseShard('2/2'), { index: 2, count: 2 });
    for (const bad of [undefined, '', '0/2', '3/2', 'a/b', '1', '1/2/3']) assert.equal(parseShard(bad), undefined, String(bad));
  });
});
