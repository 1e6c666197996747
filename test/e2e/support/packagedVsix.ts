import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackagedVsix {
  /** <repo>/scp-cloud-ml-<version>.vsix, exactly what `npm run package` writes. */
  readonly path: string;
  readonly bytes: number;
}

const memoKey = Symbol.for('scp-cloud-ml.e2e.packaged-vsix');

/**
 * Runs `npm run package` (production build + vsce) once per e2e run and returns the .vsix it wrote. Every spec
 * file is its own bundle, so the one build is shared through globalThis: the packaging check and the scenario
 * that installs the .vsix look at the same file.
 */
export function packagedVsix(repoRoot: string): Promise<PackagedVsix> {
  const holder = globalThis as { [memoKey]?: Promise<PackagedVsix> };
  holder[memoKey] ??= buildVsix(repoRoot);
  return holder[memoKey];
}

async function buildVsix(repoRoot: string): Promise<PackagedVsix> {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const vsixPath = path.join(repoRoot, `scp-cloud-ml-${version}.vsix`);
  // A stale file from an earlier run must not pass for this one.
  fs.rmSync(vsixPath, { force: true });
  await runNpm(['run', 'package'], repoRoot);
  if (!fs.existsSync(vsixPath)) throw new Error(`npm run package succeeded but wrote no ${path.basename(vsixPath)}.`);
  return { path: vsixPath, bytes: fs.statSync(vsixPath).size };
}

/** npm with the same Node when the run itself is under npm (npm_execpath), else the npm on PATH. */
function runNpm(args: string[], cwd: string): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, commandArgs] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && command === 'npm' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${args.join(' ')} failed (exit ${String(code)}):\n${output}`))));
  });
}
