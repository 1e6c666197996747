import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../host/chromiumBrowser';
import type { CleanupStack } from '../host/cleanupStack';
import { ensureCodeServer } from '../host/codeServerInstall';
import { startCodeServer } from '../host/codeServerProcess';
import { codeServerReleaseForNode } from '../host/codeServerRelease';
import type { HostProfile } from '../host/hostProfile';
import { workbenchUrl } from '../host/workbenchUrl';

export interface EntryRunOptions {
  repoRoot: string;
  /** Absolute path, without .js, of a module exporting run() (the extensionTestsPath contract). */
  entryPath: string;
  /** The extension folder loaded as "under development" (ExtensionMode.Test, so its test API is returned). */
  extensionPath: string;
  /** Reused across runs when the caller wants state to carry over (settings live here, on the server). */
  profile: HostProfile;
  /**
   * The browser's profile folder, reused across runs: the web workbench keeps extension globalState in the
   * browser (IndexedDB, per origin), so a saved SCP profile carries over only with the same folder and `port`.
   */
  browserDataDir: string;
  /** A fixed port, so the workbench origin (and its browser storage) is the same in every run. */
  port: number;
  /** Added to code-server's environment; the extension host inherits it. */
  env: Record<string, string>;
  timeoutMs: number;
  cleanup: CleanupStack;
  /** Every console line of the workbench and the extension host. */
  onLine: (line: string) => void;
  log: (line: string) => void;
}

const STORAGE_FLUSH_MS = 3_000;

/** The workbench forwards console calls as their argument list, format string first. */
function messageOf(args: unknown): string {
  if (typeof args === 'string') return args;
  if (Array.isArray(args)) return format(...(args as unknown[]));
  return JSON.stringify(args);
}

/**
 * One fresh start of code-server (a new server process, so a new extension host) in headless Chromium, running
 * `entryPath` inside the extension host until it calls codeAutomationExit. Resolves with its exit code; stops
 * the browser and the server either way.
 */
export async function runEntryInWorkbench(options: EntryRunOptions): Promise<number> {
  const release = codeServerReleaseForNode(process.versions.node);
  const entry = await ensureCodeServer(options.repoRoot, release, (l) => options.log(`[host] ${l}`), options.cleanup);
  const server = await startCodeServer({
    entryPath: entry,
    userDataDir: options.profile.userDataDir,
    extensionsDir: options.profile.extensionsDir,
    configPath: options.profile.configPath,
    folder: options.profile.folder,
    port: options.port,
    env: options.env,
    log: () => undefined,
    cleanup: options.cleanup,
  });
  const browser = await chromium.launchPersistentContext(options.browserDataDir, {
    executablePath: findChromium(),
    args: [...chromiumArgs],
    headless: true,
    viewport: { width: 1400, height: 900 },
    // The CleanupStack owns the signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const unregisterBrowser = options.cleanup.add('close Chromium', () => browser.close());
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (_level: unknown, args: unknown) => options.onLine(messageOf(args)));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.goto(workbenchUrl(server.baseUrl, { folder: options.profile.folder, extensionDevelopmentPath: options.extensionPath, extensionTestsPath: options.entryPath }));
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        options.log(`[bench] ${options.entryPath} did not finish within ${options.timeoutMs / 1000} s.`);
        resolve(1);
      }, options.timeoutMs);
    });
    const code = await Promise.race([exited, timedOut, server.exited.then(() => 1)]);
    // The workbench writes its storage (extension globalState) to IndexedDB in the background: let it land.
    await page.waitForTimeout(STORAGE_FLUSH_MS);
    return code;
  } finally {
    clearTimeout(timer);
    await browser.close();
    unregisterBrowser();
    await server.stop();
  }
}
