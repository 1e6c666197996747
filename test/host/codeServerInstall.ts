import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CleanupStack } from './cleanupStack';
import { type CodeServerRelease, assertManifestMatches, codeServerManifestDir } from './codeServerRelease';
import { seedRipgrepCache } from './ripgrepCacheSeed';

/**
 * Installs code-server once per version into a cache OUTSIDE the clone (about 300 MB and a minute of
 * native builds), so fresh clones and CI runs on the same machine reuse it. The install happens in a
 * private folder that is renamed into place when complete: a killed or concurrent install never
 * leaves a half-installed cache that later runs would trust.
 */

const completeMarker = '.scp-install-complete';

/** `$SCP_TEST_HOST_CACHE` or `$XDG_CACHE_HOME/scp-cloud-ml` or `~/.cache/scp-cloud-ml`. */
export function testHostCacheRoot(): string {
  if (process.env.SCP_TEST_HOST_CACHE) return path.resolve(process.env.SCP_TEST_HOST_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scp-cloud-ml');
}

export function codeServerInstallDir(release: CodeServerRelease): string {
  return path.join(testHostCacheRoot(), `code-server-${release.codeServer}`);
}

/** The file to run with node to start code-server. */
export function codeServerEntry(installDir: string): string {
  return path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Identifies an install: the lockfile and the Node major (native modules are built for it). */
function installFingerprint(repoRoot: string, release: CodeServerRelease): string {
  const lock = fs.readFileSync(path.join(codeServerManifestDir(repoRoot), 'package-lock.json'));
  return `node${release.nodeMajor} ${createHash('sha256').update(lock).digest('hex')}`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders left by installs that were killed (their process is gone). */
function removeAbandonedStaging(target: string): void {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.partial-`;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && !processIsAlive(pid)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

function isComplete(dir: string, fingerprint: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, completeMarker), 'utf8') === fingerprint && fs.existsSync(codeServerEntry(dir));
  } catch {
    return false;
  }
}

/** Runs npm with the same Node; `npm_execpath` is set when we run under `npm run`. */
function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void, cleanup?: CleanupStack): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, commandArgs] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && command === 'npm' });
    const unregister = cleanup?.add(`stop npm ${args.join(' ')}`, () => void child.kill());
    const lines: string[] = [];
    const collect = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        if (line.trim() === '') continue;
        lines.push(line);
        log(`[npm] ${line}`);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      unregister?.();
      if (code === 0) resolve();
      else reject(new Error(`npm ${args.join(' ')} failed with exit code ${String(code)} in ${cwd}; see the [npm] lines above (missing build tools or libkrb5-dev? run test/host/bootstrap.sh).`));
    });
  });
}

/**
 * Returns the code-server entry for `release`, installing it first when the cache has no complete
 * install of the committed lockfile.
 */
export async function ensureCodeServer(
  repoRoot: string,
  release: CodeServerRelease,
  log: (line: string) => void,
  cleanup?: CleanupStack,
): Promise<string> {
  assertManifestMatches(repoRoot, release);
  const target = codeServerInstallDir(release);
  const fingerprint = installFingerprint(repoRoot, release);
  if (isComplete(target, fingerprint)) return codeServerEntry(target);

  log(`Installing code-server ${release.codeServer} (VS Code ${release.vscode}) into ${target}; this happens once per machine and takes about a minute.`);
  seedRipgrepCache(release, log);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeAbandonedStaging(target);
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  const unregister = cleanup?.add('remove the unfinished code-server install', () => fs.rmSync(staging, { recursive: true, force: true }));
  try {
    for (const file of ['package.json', 'package-lock.json']) {
      fs.copyFileSync(path.join(codeServerManifestDir(repoRoot), file), path.join(staging, file));
    }
    const env = {
      ...process.env,
      // code-server's postinstall checks unsafe-perm when run as root; node-pty's runs `npx node-gyp`.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    await runNpm(['ci'], staging, env, log, cleanup);
    fs.writeFileSync(path.join(staging, completeMarker), fingerprint);
    // An older or broken install of the same version is replaced; a concurrent run that finished
    // first wins and ours is thrown away.
    if (fs.existsSync(target) && !isComplete(target, fingerprint)) fs.rmSync(target, { recursive: true, force: true });
    if (!fs.existsSync(target)) fs.renameSync(staging, target);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    unregister?.();
  }
  if (!isComplete(target, fingerprint)) throw new Error(`code-server was installed but ${target} is not complete; delete it and run again.`);
  log(`code-server ${release.codeServer} is installed in ${target}.`);
  return codeServerEntry(target);
}
