import * as fs from 'node:fs';
import * as path from 'node:path';

/** The extension's repository root: the nearest folder above this file whose package.json is ours. */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'scp-cloud-ml') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Could not find the scp-cloud-ml repository above ${start}.`);
  }
}

/** Where runners leave screenshots and logs of failed or timed-out runs (gitignored). */
export function artifactsDir(repoRoot: string, runName: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(repoRoot, 'test', 'host', 'artifacts', `${runName}-${stamp}`);
}

/** Fails with the command to run when a build output the host needs is missing. */
export function requireBuilt(repoRoot: string, relativePaths: string[]): void {
  const missing = relativePaths.filter((p) => !fs.existsSync(path.join(repoRoot, p)));
  if (missing.length > 0) {
    throw new Error(`Missing build output ${missing.join(', ')}: run "node esbuild.js && node esbuild.js --tests" first (the npm scripts do).`);
  }
}
