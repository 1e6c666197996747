import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../host/hostPaths';
import { packagedVsix, type PackagedVsix } from './support/packagedVsix';
import { requiredVsixEntries } from './support/requiredVsixEntries';
import { missingVsixEntries, unexpectedVsixEntries, VSIX_MAX_BYTES } from './support/vsixAllowList';
import { zipEntryNames } from './support/zipEntryNames';

/**
 * Issue 9, "Packaging": `npm run package` gives scp-cloud-ml-<version>.vsix, at most 1 MB, holding only what the
 * installed extension reads. The entries are read from the .vsix itself, not from what vsce says it would pack.
 * The scenario in personJourney.e2e.ts installs this same file into code-server.
 */
describe('Packaging: npm run package', function () {
  this.timeout(60_000);
  const repoRoot = findRepoRoot();
  let vsix: PackagedVsix;
  let entries: string[];

  before(async function () {
    this.timeout(240_000);
    vsix = await packagedVsix(repoRoot);
    entries = zipEntryNames(fs.readFileSync(vsix.path));
    console.log(`      ${path.basename(vsix.path)}: ${(vsix.bytes / 1024).toFixed(1)} KB, ${entries.length} entries`);
  });

  it('writes scp-cloud-ml-<version>.vsix of at most 1 MB', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(path.basename(vsix.path), `scp-cloud-ml-${version}.vsix`);
    assert.ok(vsix.bytes <= VSIX_MAX_BYTES, `${vsix.bytes} bytes is more than 1 MB`);
  });

  it('holds nothing else: no sources, tests, source maps, node_modules, emulator state or screenshots', () => {
    assert.deepEqual(unexpectedVsixEntries(entries), []);
  });

  it('holds everything the installed extension reads (bundle, webview apps, icons, l10n, manifests, docs)', () => {
    assert.deepEqual(missingVsixEntries(entries, requiredVsixEntries(repoRoot)), []);
  });
});
