import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeServerRelease } from './codeServerRelease';

/**
 * @vscode/ripgrep (inside code-server) downloads ripgrep from GitHub in its postinstall, which fails
 * where only package registries are reachable. It first looks for a cached archive in the temp dir;
 * we build that archive from the system's `rg` (Debian's ripgrep) so the install needs no GitHub.
 * Linux only: elsewhere GitHub is normally reachable and the download just works.
 */

const linuxTargets: Partial<Record<string, string>> = {
  x64: 'x86_64-unknown-linux-musl',
  arm64: 'aarch64-unknown-linux-musl',
};

/** Where @vscode/ripgrep looks for its cached download (same formula as its lib/download.js). */
export function ripgrepCacheArchivePath(release: CodeServerRelease, arch = os.arch()): string | undefined {
  const target = linuxTargets[arch];
  if (!target) return undefined;
  return path.join(os.tmpdir(), `vscode-ripgrep-cache-${release.ripgrepPackage}`, `ripgrep-${release.ripgrepBinary}-${target}.tar.gz`);
}

/** Finds an executable on PATH (no shell). */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this dir
    }
  }
  return undefined;
}

export type SeedOutcome = 'seeded' | 'present' | 'notNeeded' | 'noRipgrep';

/** Writes the archive (a tar.gz with `rg` at its root) only when it is missing; never overwrites. */
export function seedRipgrepCache(release: CodeServerRelease, log: (line: string) => void): SeedOutcome {
  if (process.platform !== 'linux') return 'notNeeded';
  const archive = ripgrepCacheArchivePath(release);
  if (!archive) return 'notNeeded';
  if (fs.existsSync(archive)) return 'present';
  const rg = onPath('rg');
  if (!rg) {
    log(`No ripgrep on PATH to seed ${archive}; the code-server install will try to download it from GitHub (install the "ripgrep" package to avoid that).`);
    return 'noRipgrep';
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-rg-seed-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.dirname(archive), { recursive: true });
    // Write beside the target, then rename: a concurrent install never sees half an archive.
    const partial = `${archive}.${process.pid}.partial`;
    execFileSync('tar', ['-czf', partial, '-C', staging, 'rg'], { stdio: 'pipe' });
    fs.renameSync(partial, archive);
    log(`Seeded the ripgrep download cache from ${rg}: ${archive}`);
    return 'seeded';
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
