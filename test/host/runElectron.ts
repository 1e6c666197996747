import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findRepoRoot, requireBuilt } from './hostPaths';

/**
 * `npm run test:electron`: the same integration suite (dist/test/integration) in DESKTOP VS Code,
 * downloaded by @vscode/test-electron. For machines and CI runners that can download VS Code (with
 * xvfb on Linux); `npm test` does not depend on it, because our own machines cannot download it.
 *
 *   SCP_VSCODE_VERSION=stable | insiders | 1.95.0    which VS Code (default: 1.100.3, as in code-server)
 *   npm run test:electron -- --grep commands          only the matching tests
 */

const defaultVersion = '1.100.3';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  requireBuilt(repoRoot, ['dist/extension.js', 'dist/test/integration/index.js']);
  const grep = argValue('--grep') ?? process.env.SCP_TEST_GREP;
  // Fresh profile and workspace: no setting, extension or profile of the developer's own VS Code leaks in.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-vscode-electron-'));
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace);
  try {
    return await runTests({
      version: process.env.SCP_VSCODE_VERSION || defaultVersion,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration', 'index'),
      extensionTestsEnv: grep ? { SCP_TEST_GREP: grep } : {},
      launchArgs: [
        workspace,
        '--user-data-dir', path.join(root, 'user-data'),
        '--extensions-dir', path.join(root, 'extensions'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`The desktop VS Code run failed: ${message}`);
    // runTests rejects both for failing tests and for a VS Code it could not download or start.
    if (!/Test run (failed|terminated)/i.test(message)) {
      console.error('This layer downloads desktop VS Code; where that is not possible run "npm run test:integration" (code-server) instead.');
    }
    process.exit(1);
  },
);
