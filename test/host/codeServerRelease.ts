import * as fs from 'node:fs';
import * as path from 'node:path';
import releaseTable from './code-server/releases.json';

/**
 * Which code-server the test host installs. code-server's postinstall refuses any Node major other
 * than the one it declares, so the choice follows the Node that runs the tests. Versions are pinned
 * exactly: a VS Code that moves under the suite would make failures unreproducible.
 */
export interface CodeServerRelease {
  /** The Node major this release runs on. */
  nodeMajor: number;
  /** code-server's npm version (pinned in test/host/code-server/package.json). */
  codeServer: string;
  /** The VS Code version inside it (what `vscode.version` reports). */
  vscode: string;
  /** The @vscode/ripgrep version inside it: its postinstall looks for a cached archive named after it. */
  ripgrepPackage: string;
  /** The ripgrep release that @vscode/ripgrep version downloads. */
  ripgrepBinary: string;
}

/** One table (code-server/releases.json) for this code and for bootstrap.sh, which seeds the ripgrep cache before npm runs. */
const releases: readonly CodeServerRelease[] = releaseTable;

/** The folder holding code-server's own package.json + package-lock.json (committed). */
export function codeServerManifestDir(repoRoot: string): string {
  return path.join(repoRoot, 'test', 'host', 'code-server');
}

/**
 * The release for a Node version string such as process.versions.node. Throws a plain sentence that
 * names the supported majors when there is none for this one.
 */
export function codeServerReleaseForNode(nodeVersion: string): CodeServerRelease {
  const major = Number(nodeVersion.split('.')[0]);
  const release = releases.find((r) => r.nodeMajor === major);
  if (!release) {
    const supported = releases.map((r) => `Node ${r.nodeMajor} (code-server ${r.codeServer})`).join(', ');
    throw new Error(
      `The VS Code test host has no code-server for Node ${nodeVersion}: use ${supported}, for example with nvm, or run the same suite in desktop VS Code with "npm run test:electron".`,
    );
  }
  return release;
}

/** Fails loudly when the committed package.json pins another code-server than the table above (they must move together). */
export function assertManifestMatches(repoRoot: string, release: CodeServerRelease): void {
  const manifestPath = path.join(codeServerManifestDir(repoRoot), 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string> };
  const pinned = manifest.dependencies?.['code-server'];
  if (pinned !== release.codeServer) {
    throw new Error(`${manifestPath} pins code-server ${String(pinned)} but Node ${release.nodeMajor} needs ${release.codeServer}: update both together.`);
  }
}
