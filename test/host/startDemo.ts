import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processCleanup } from './cleanupStack';
import { startDemoHost } from './demoHost';
import { findRepoRoot, requireBuilt } from './hostPaths';

/**
 * `npm start`: builds (the npm script), starts code-server with the extension loaded, prints the URL
 * and waits; Ctrl-C stops everything. `npm start -- --desktop` opens desktop VS Code instead when its
 * `code` command is on PATH. `--port N` picks the port (default: a free one); `--verbose` streams
 * code-server's log.
 */

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function codeOnPath(): boolean {
  const probe = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Desktop VS Code with the extension under development; returns when that window closes. */
function startDesktop(repoRoot: string): Promise<number> {
  if (!codeOnPath()) {
    console.error('Desktop VS Code\'s "code" command is not on PATH: install it (VS Code: "Shell Command: Install \'code\' command in PATH") or run "npm start" without --desktop.');
    return Promise.resolve(1);
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-cloud-ml-demo-'));
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, workspace], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  console.log('Desktop VS Code is open with SCP Cloud ML loaded; close that window (or press Ctrl-C here) to stop.');
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  requireBuilt(repoRoot, ['dist/extension.js']);
  if (process.argv.includes('--desktop')) return startDesktop(repoRoot);

  const cleanup = processCleanup();
  cleanup.exitCodeOnSignal = () => 0; // Ctrl-C is how a demo ends
  const verbose = process.argv.includes('--verbose');
  const port = Number(argValue('--port') ?? 0);
  console.log('Starting VS Code (code-server) with SCP Cloud ML…');
  const host = await startDemoHost({
    port,
    // Only the host's own lines (install progress) unless asked: the URL must not scroll away.
    log: (line) => {
      if (verbose || line.startsWith('[host]')) console.log(line);
    },
  });
  const rule = '─'.repeat(72);
  console.log(`\n${rule}\n  SCP Cloud ML is running in VS Code (code-server ${host.baseUrl}).\n\n  Open this URL in your browser:\n\n  ${host.url}\n`);
  console.log('  Then click the SCP Cloud ML icon in the activity bar and "Try the built-in emulator".');
  console.log(`  Press Ctrl-C to stop.\n${rule}`);

  // Wait until code-server ends on its own or Ctrl-C/SIGTERM (the stack's handlers) stops it.
  const code = await host.codeServer.exited;
  await cleanup.runAll();
  console.error(`code-server exited on its own (${String(code)}).`);
  return 1;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    void processCleanup().runAll().finally(() => process.exit(1));
  },
);
