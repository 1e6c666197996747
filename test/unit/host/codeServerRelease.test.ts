import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertManifestMatches, codeServerManifestDir, codeServerReleaseForNode } from '../../host/codeServerRelease';
import { findRepoRoot } from '../../host/hostPaths';

describe('host: codeServerRelease', () => {
  it('picks code-server 4.100.3 (VS Code 1.100.3) for Node 20', () => {
    const release = codeServerReleaseForNode('20.20.2');
    assert.equal(release.codeServer, '4.100.3');
    assert.equal(release.vscode, '1.100.3');
  });

  it('refuses another Node major with a sentence that names what works', () => {
    assert.throws(() => codeServerReleaseForNode('22.11.0'), /no code-server for Node 22\.11\.0: use Node 20 \(code-server 4\.100\.3\).*test:electron/);
  });

  it('matches the committed code-server package.json and its lockfile (pinned exactly)', () => {
    const repoRoot = findRepoRoot(__dirname);
    const release = codeServerReleaseForNode('20.0.0');
    assert.doesNotThrow(() => assertManifestMatches(repoRoot, release));
    const lock = JSON.parse(fs.readFileSync(path.join(codeServerManifestDir(repoRoot), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    assert.equal(lock.packages['node_modules/code-server']?.version, release.codeServer);
  });

  it('fails when the manifest pins another version than the table', () => {
    const repoRoot = findRepoRoot(__dirname);
    const release = { ...codeServerReleaseForNode('20.0.0'), codeServer: '4.99.0' };
    assert.throws(() => assertManifestMatches(repoRoot, release), /pins code-server 4\.100\.3 but Node 20 needs 4\.99\.0/);
  });
});
