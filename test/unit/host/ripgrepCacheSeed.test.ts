import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerReleaseForNode } from '../../host/codeServerRelease';
import { ripgrepCacheArchivePath, seedRipgrepCache } from '../../host/ripgrepCacheSeed';

describe('host: ripgrepCacheSeed', () => {
  const release = codeServerReleaseForNode('20.0.0');
  let tmp: string;
  let savedTmpdir: string | undefined;
  let savedPath: string | undefined;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-rg-seed-test-'));
    savedTmpdir = process.env.TMPDIR;
    savedPath = process.env.PATH;
    process.env.TMPDIR = tmp; // os.tmpdir() follows it, as it does for @vscode/ripgrep's postinstall
  });

  afterEach(() => {
    process.env.TMPDIR = savedTmpdir;
    process.env.PATH = savedPath;
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('uses the name @vscode/ripgrep looks for', () => {
    assert.equal(
      ripgrepCacheArchivePath(release, 'x64'),
      path.join(tmp, 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'),
    );
    assert.match(ripgrepCacheArchivePath(release, 'arm64')!, /aarch64-unknown-linux-musl\.tar\.gz$/);
  });

  (process.platform === 'linux' ? it : it.skip)('builds a tar.gz holding rg at its root from the rg on PATH, only when missing', () => {
    // A stand-in rg on PATH: the test must not depend on ripgrep being installed.
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'rg'), '#!/bin/sh\necho stand-in\n', { mode: 0o755 });
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    const lines: string[] = [];

    assert.equal(seedRipgrepCache(release, (l) => lines.push(l)), 'seeded');
    const archive = ripgrepCacheArchivePath(release)!;
    assert.deepEqual(execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n'), ['rg']);

    fs.writeFileSync(archive, 'kept');
    assert.equal(seedRipgrepCache(release, (l) => lines.push(l)), 'present');
    assert.equal(fs.readFileSync(archive, 'utf8'), 'kept');
  });

  (process.platform === 'linux' ? it : it.skip)('says so and seeds nothing when there is no rg', () => {
    process.env.PATH = path.join(tmp, 'empty');
    const lines: string[] = [];
    assert.equal(seedRipgrepCache(release, (l) => lines.push(l)), 'noRipgrep');
    assert.equal(fs.existsSync(ripgrepCacheArchivePath(release)!), false);
    assert.match(lines.join('\n'), /No ripgrep on PATH/);
  });
});
