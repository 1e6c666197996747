import * as path from 'node:path';
import { format } from 'node:util';
import { processCleanup } from './cleanupStack';
import { codeServerReleaseForNode } from './codeServerRelease';
import { type AutomationLogFile, saveArtifacts } from './hostArtifacts';
import { artifactsDir, findRepoRoot, requireBuilt } from './hostPaths';
import { type WorkbenchSession, startWorkbench } from './workbenchSession';

/**
 * `npm run test:integration`: runs dist/test/integration (mocha, inside the extension host of a real
 * VS Code = code-server in headless Chromium) and exits with the suite's exit code.
 *
 *   npm run test:integration -- --grep commands     only the matching tests (passed as SCP_TEST_GREP)
 *   SCP_TEST_HOST_TIMEOUT_SECONDS=900                overall limit (default 600 s, install included)
 */

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The workbench forwards console calls as their argument list, format string first (mocha's "%d passing"). */
function messageOf(args: unknown): string {
  if (typeof args === 'string') return args;
  if (Array.isArray(args)) return format(...(args as unknown[]));
  return JSON.stringify(args);
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const repoRoot = findRepoRoot();
  requireBuilt(repoRoot, ['dist/extension.js', 'dist/test/integration/index.js']);
  const release = codeServerReleaseForNode(process.versions.node);
  const cleanup = processCleanup();

  const grep = argValue('--grep') ?? process.env.SCP_TEST_GREP;
  const timeoutSeconds = Number(argValue('--timeout') ?? process.env.SCP_TEST_HOST_TIMEOUT_SECONDS ?? 600);
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  print(`[host] Integration layer: code-server ${release.codeServer} (VS Code ${release.vscode}) in headless Chromium${grep ? `, grep "${grep}"` : ''}.`);

  let automationLogs: AutomationLogFile[] = [];
  let suiteExit!: (code: number) => void;
  const suiteExited = new Promise<number>((resolve) => (suiteExit = resolve));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutSeconds * 1000)));

  let session: WorkbenchSession | undefined;
  let outcome: number | 'timeout' | 'serverDied' | 'pageClosed';
  try {
    const starting = startWorkbench({
      repoRoot,
      extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration', 'index'),
      env: grep ? { SCP_TEST_GREP: grep } : {},
      cleanup,
      log: print,
      waitForWorkbench: false,
      beforeNavigate: async (page) => {
        // The workbench's test contract (the same one @vscode/test-web uses).
        await page.exposeFunction('codeAutomationLog', (_level: unknown, args: unknown) => print(messageOf(args)));
        await page.exposeFunction('codeAutomationExit', (code: number, logs?: AutomationLogFile[]) => {
          automationLogs = Array.isArray(logs) ? logs : [];
          suiteExit(code);
        });
      },
    }).then((s) => (session = s));
    const finished = starting.then((s) =>
      Promise.race([
        suiteExited,
        s.codeServer.exited.then(() => 'serverDied' as const),
        new Promise<'pageClosed'>((resolve) => s.page.once('close', () => resolve('pageClosed'))),
      ]),
    );
    // After a timeout, a start that fails later (its server is being stopped) must not crash the cleanup.
    finished.catch(() => undefined);
    outcome = await Promise.race([finished, timedOut]);
  } catch (err) {
    print(`[host] The integration run could not start: ${err instanceof Error ? err.message : String(err)}`);
    outcome = 1;
  } finally {
    clearTimeout(timer);
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const code = typeof outcome === 'number' ? outcome : 1;
  if (outcome === 'timeout') print(`[host] The integration suite did not finish within ${timeoutSeconds} s.`);
  if (outcome === 'serverDied') print('[host] code-server exited before the suite finished.');
  if (outcome === 'pageClosed') print('[host] The workbench page closed before the suite finished.');
  if (code !== 0) {
    await saveArtifacts(
      artifactsDir(repoRoot, 'integration'),
      { page: session?.page, lines: [...lines], userDataDir: session?.profile.userDataDir, automationLogs },
      print,
    );
  }
  await cleanup.runAll();
  print(`[host] Integration layer in VS Code ${release.vscode} finished with exit code ${code} after ${seconds} s.`);
  return code;
}

main().then(
  // Exit once stdout has drained: the last lines are the summary CI reads.
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
