import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { filesOfShard, parseShard } from './suiteShards';

/**
 * The integration layer's entry, run INSIDE the extension host (code-server via test/host/runIntegration,
 * or desktop VS Code via @vscode/test-electron): the `extensionTestsPath` module contract. Adds every
 * dist/test/integration/**\/*.test.js and runs them with the spec reporter; the host reads the outcome
 * from the returned promise. A grep comes from SCP_TEST_GREP, this window's share of the files from SCP_TEST_SHARD
 * ("k/n"; the runners pass both in the environment).
 */

/** These check the pristine state of a fresh profile (no profile yet, no request made): they run before any suite that signs in. */
const runFirst = ['activation.test.js', 'commands.test.js'];

function testFilesUnder(dir: string): string[] {
  const rank = (file: string): number => {
    const index = runFirst.indexOf(path.relative(dir, file));
    return index >= 0 ? index : runFirst.length;
  };
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export async function run(): Promise<void> {
  // First line of the layer's output: which VS Code this actually ran in.
  const shard = parseShard(process.env.SCP_TEST_SHARD);
  const files = testFilesUnder(__dirname);
  const mine = shard ? filesOfShard(files, shard.index, shard.count, (file) => path.basename(file)) : files;
  const share = shard ? `, shard ${shard.index}/${shard.count}: ${mine.map((file) => path.basename(file, '.test.js')).join(', ')}` : '';
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI${share})`);
  const grep = process.env.SCP_TEST_GREP || undefined;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  for (const file of mine) mocha.addFile(file);

  // Wall time per top-level suite, hooks included: the layer has a time budget (README) and this shows where it goes.
  const suiteTimes: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? { tests: 0, passes: 0, failures: 0, pending: 0 } as Mocha.Stats));
      const started = new Map<Mocha.Suite, number>();
      runner.on('suite', (suite) => started.set(suite, Date.now()));
      runner.on('suite end', (suite) => {
        const since = started.get(suite);
        if (suite.parent?.root && since !== undefined) suiteTimes.push(`${suite.title} ${((Date.now() - since) / 1000).toFixed(1)} s`);
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  // Closing lines any CI log reader understands.
  if (suiteTimes.length > 0) console.log(`integration suite times: ${suiteTimes.join(', ')}`);
  console.log(`integration: ${stats.passes} passed, ${stats.failures} failed${stats.pending > 0 ? `, ${stats.pending} skipped` : ''}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed.`);
  if (stats.passes === 0) throw new Error(`No integration test ran${grep ? ` (grep "${grep}" matched none)` : ''}: a layer that runs nothing proves nothing.`);
}
