import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { processCleanup } from './cleanupStack';
import { ensureCodeServer } from './codeServerInstall';
import { codeServerReleaseForNode } from './codeServerRelease';
import { findRepoRoot, requireBuilt } from './hostPaths';

/**
 * `npm run test:e2e`: runs the Playwright scenarios dist/test/e2e/**\/*.e2e.js with mocha in Node.
 * Each scenario starts its own workbench with `startWorkbench` (test/host/workbenchSession.ts), works
 * the UI like a person and stops it; this runner installs code-server first (so no scenario's timeout
 * pays for the install), runs them one at a time (2-core machines), and stops whatever is left.
 *
 *   npm run test:e2e -- --grep "create"        only the matching scenarios (also SCP_TEST_GREP)
 */

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function specFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.e2e.js'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  requireBuilt(repoRoot, ['dist/extension.js']);
  const specs = specFilesUnder(path.join(repoRoot, 'dist', 'test', 'e2e'));
  if (specs.length === 0) {
    console.log('e2e: no scenarios yet (no test/e2e/**/*.e2e.ts); nothing to run.');
    return 0;
  }
  const cleanup = processCleanup();
  const release = codeServerReleaseForNode(process.versions.node);
  await ensureCodeServer(repoRoot, release, (line) => console.log(`[host] ${line}`), cleanup);
  console.log(`[host] E2E layer: ${specs.length} spec file(s) against code-server ${release.codeServer} (VS Code ${release.vscode}) in headless Chromium.`);

  const grep = argValue('--grep') ?? process.env.SCP_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 180_000, slow: 30_000, ...(grep ? { grep } : {}) });
  for (const spec of specs) mocha.addFile(spec);
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ tests: 0, passes: 0, failures: 0, pending: 0 } as Mocha.Stats)));
  });
  await cleanup.runAll();
  console.log(`e2e: ${stats.passes} passed, ${stats.failures} failed${stats.pending > 0 ? `, ${stats.pending} skipped` : ''}`);
  if (stats.failures > 0) return 1;
  if (stats.passes === 0) {
    console.log(`No e2e scenario ran${grep ? ` (grep "${grep}" matched none)` : ''}.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
