import * as path from 'node:path';
import { format } from 'node:util';
import { type CleanupStack, processCleanup } from './cleanupStack';
import { codeServerReleaseForNode } from './codeServerRelease';
import { ensureCodeServer } from './codeServerInstall';
import { type AutomationLogFile, saveArtifacts } from './hostArtifacts';
import { artifactsDir, findRepoRoot, requireBuilt } from './hostPaths';
import { type WorkbenchSession, startWorkbench } from './workbenchSession';

/**
 * `npm run test:integration`: runs dist/test/integration (mocha, inside the extension host of a real
 * VS Code = code-server in headless Chromium) and exits with the suite's exit code. The suites are split over
 * two workbenches that run at once (each its own code-server, profile and browser; lines prefixed [1/2], [2/2]):
 * most of the layer's time is waiting, so the two cores finish it in about half the time.
 *
 *   npm run test:integration -- --grep commands     only the matching tests, in one window (SCP_TEST_GREP)
 *   SCP_TEST_WINDOWS=1 (or -- --windows 1)           every suite in one window, one after the other
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

interface WindowRun {
  repoRoot: string;
  cleanup: CleanupStack;
  env: Record<string, string>;
  /** "1/2"; undefined when one window runs everything. */
  shard: string | undefined;
  timeoutSeconds: number;
  print: (line: string) => void;
}

/** One workbench running its share of the suites; resolves with its exit code (artifacts saved on failure). */
async function runWindow(run: WindowRun): Promise<number> {
  const lines: string[] = [];
  const print = (line: string): void => {
    lines.push(line);
    run.print(run.shard ? `[${run.shard}] ${line}` : line);
  };
  let automationLogs: AutomationLogFile[] = [];
  let suiteExit!: (code: number) => void;
  const suiteExited = new Promise<number>((resolve) => (suiteExit = resolve));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), run.timeoutSeconds * 1000)));

  let session: WorkbenchSession | undefined;
  let outcome: number | 'timeout' | 'serverDied' | 'pageClosed';
  try {
    const starting = startWorkbench({
      repoRoot: run.repoRoot,
      extensionTestsPath: path.join(run.repoRoot, 'dist', 'test', 'integration', 'index'),
      env: { ...run.env, ...(run.shard ? { SCP_TEST_SHARD: run.shard } : {}) },
      cleanup: run.cleanup,
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

  const code = typeof outcome === 'number' ? outcome : 1;
  if (outcome === 'timeout') print(`[host] The integration suite did not finish within ${run.timeoutSeconds} s.`);
  if (outcome === 'serverDied') print('[host] code-server exited before the suite finished.');
  if (outcome === 'pageClosed') print('[host] The workbench page closed before the suite finished.');
  if (code !== 0) {
    const runName = run.shard ? `integration-${run.shard.replace('/', 'of')}` : 'integration';
    await saveArtifacts(
      artifactsDir(run.repoRoot, runName),
      { page: session?.page, lines: [...lines], userDataDir: session?.profile.userDataDir, automationLogs },
      print,
    );
  }
  // Stops this window now (the other may still run); the cleanup stack would otherwise do it at the end.
  await session?.stop().catch((err: unknown) => print(`[host] Stopping the workbench failed: ${err instanceof Error ? err.message : String(err)}`));
  return code;
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const repoRoot = findRepoRoot();
  requireBuilt(repoRoot, ['dist/extension.js', 'dist/test/integration/index.js']);
  const release = codeServerReleaseForNode(process.versions.node);
  const cleanup = processCleanup();

  const grep = argValue('--grep') ?? process.env.SCP_TEST_GREP;
  const timeoutSeconds = Number(argValue('--timeout') ?? process.env.SCP_TEST_HOST_TIMEOUT_SECONDS ?? 600);
  // A grep may match one suite only: a window with nothing to run would fail, so a grep runs in one window.
  const windows = grep ? 1 : Math.max(1, Number(argValue('--windows') ?? process.env.SCP_TEST_WINDOWS ?? 2) || 1);
  const print = (line: string): void => console.log(line);
  print(
    `[host] Integration layer: code-server ${release.codeServer} (VS Code ${release.vscode}) in headless Chromium` +
      `${grep ? `, grep "${grep}"` : ''}${windows > 1 ? `, suites split over ${windows} windows at once` : ''}.`,
  );

  let codes: number[];
  try {
    // Installed once, before the windows start (they would race for it on a cold cache).
    await ensureCodeServer(repoRoot, release, (l) => print(`[host] ${l}`), cleanup);
    codes = await Promise.all(
      Array.from({ length: windows }, (_, i) =>
        runWindow({
          repoRoot,
          cleanup,
          env: grep ? { SCP_TEST_GREP: grep } : {},
          shard: windows > 1 ? `${i + 1}/${windows}` : undefined,
          timeoutSeconds,
          print,
        }),
      ),
    );
  } catch (err) {
    print(`[host] The integration run could not start: ${err instanceof Error ? err.message : String(err)}`);
    codes = [1];
  }
  await cleanup.runAll();
  const code = codes.find((c) => c !== 0) ?? 0;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
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
