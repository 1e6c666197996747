import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromiumBrowser';
import { type CleanupStack, processCleanup } from './cleanupStack';
import { ensureCodeServer } from './codeServerInstall';
import { type CodeServerProcess, startCodeServer } from './codeServerProcess';
import { codeServerReleaseForNode } from './codeServerRelease';
import { findRepoRoot } from './hostPaths';
import { type HostProfile, type HostProfileOptions, createHostProfile, installVsix } from './hostProfile';
import { installTestLanguagePack } from './testLanguagePack';
import { workbenchUrl } from './workbenchUrl';

/**
 * The reusable way to get a real VS Code (code-server) with this extension in it, for the
 * integration runner, the e2e scenarios and `npm start`:
 *
 *   const wb = await startWorkbench({ settings: {...}, keybindings: [...] });
 *   await wb.page.click('.activitybar [aria-label^="SCP Cloud ML"]');
 *   await wb.screenshot('test/e2e/screenshots/tree.png');
 *   await wb.stop();
 *
 * `startCodeServerHost` is the server half alone (no browser), for a person to open the URL.
 */

/** How the extension gets into the workbench: loaded from a folder (development), installed from a .vsix, or not at all. */
export type ExtensionSource = { developmentPath: string } | { vsixPath: string } | 'none';

export interface CodeServerHostOptions extends HostProfileOptions {
  /** Default: the repository folder, as an extension under development. */
  extension?: ExtensionSource;
  /** Absolute path (no .js) of a tests entry exporting run(); runs it in the extension host. */
  extensionTestsPath?: string;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** 0 (default) = a free port. */
  port?: number;
  /** Every log line (code-server, and for workbench sessions the browser). Default: `defaultLog`. */
  log?: (line: string) => void;
  /** Where the undo steps go. Default: the process-wide stack, which Ctrl-C / SIGTERM run. */
  cleanup?: CleanupStack;
  repoRoot?: string;
}

export interface CodeServerHost {
  /** The URL to open: workbench + folder + payload. */
  readonly url: string;
  readonly baseUrl: string;
  readonly profile: HostProfile;
  readonly codeServer: CodeServerProcess;
  /** Every line logged so far (for artifacts). */
  readonly lines: readonly string[];
  stop(): Promise<void>;
}

export interface WorkbenchOptions extends CodeServerHostOptions {
  /** Runs after the page exists and before it navigates (expose functions, listeners). */
  beforeNavigate?: (page: Page) => Promise<void>;
  /** Wait for `.monaco-workbench` before returning (default true). */
  waitForWorkbench?: boolean;
  viewport?: { width: number; height: number };
}

export interface WorkbenchSession extends CodeServerHost {
  readonly browser: Browser;
  readonly page: Page;
  /** Saves a PNG of the page (parent folders created); returns the absolute path. */
  screenshot(filePath: string): Promise<string>;
}

/** The host's own lines (install, failures) always; code-server's and the browser's with SCP_TEST_HOST_VERBOSE=1. They are kept in `lines` either way. */
function defaultLog(line: string): void {
  if (line.startsWith('[host]') || process.env.SCP_TEST_HOST_VERBOSE === '1') console.log(line);
}

export async function startCodeServerHost(options: CodeServerHostOptions = {}): Promise<CodeServerHost> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const cleanup = options.cleanup ?? processCleanup();
  const lines: string[] = [];
  const sink = options.log ?? defaultLog;
  const log = (line: string): void => {
    lines.push(line);
    sink(line);
  };
  const release = codeServerReleaseForNode(process.versions.node);
  const entryPath = await ensureCodeServer(repoRoot, release, (l) => log(`[host] ${l}`), cleanup);
  const profile = createHostProfile(options);
  const unregisterProfile = cleanup.add('remove the temporary VS Code profile', () => profile.remove());
  const extension = options.extension ?? { developmentPath: repoRoot };
  if (extension !== 'none' && 'vsixPath' in extension) {
    await installVsix(entryPath, profile, extension.vsixPath, (l) => log(`[host] ${l}`));
  }
  if (options.locale) await installTestLanguagePack(entryPath, profile, options.locale, (l) => log(`[host] ${l}`));
  const codeServer = await startCodeServer({
    entryPath,
    userDataDir: profile.userDataDir,
    extensionsDir: profile.extensionsDir,
    configPath: profile.configPath,
    folder: profile.folder,
    port: options.port,
    locale: options.locale,
    env: options.env,
    log: (l) => log(`[code-server] ${l}`),
    cleanup,
  });
  const url = workbenchUrl(codeServer.baseUrl, {
    folder: profile.folder,
    extensionDevelopmentPath: extension !== 'none' && 'developmentPath' in extension ? extension.developmentPath : undefined,
    extensionTestsPath: options.extensionTestsPath,
  });
  return {
    url,
    baseUrl: codeServer.baseUrl,
    profile,
    codeServer,
    lines,
    stop: async () => {
      await codeServer.stop();
      profile.remove();
      unregisterProfile();
    },
  };
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<WorkbenchSession> {
  const cleanup = options.cleanup ?? processCleanup();
  const host = await startCodeServerHost({ ...options, cleanup });
  const log = (line: string): void => {
    (host.lines as string[]).push(line);
    (options.log ?? defaultLog)(line);
  };
  let browser: Browser | undefined;
  let unregisterBrowser: (() => void) | undefined;
  try {
    browser = await launchChromium();
    const launched = browser;
    unregisterBrowser = cleanup.add('close Chromium', () => launched.close());
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    page.on('pageerror', (err) => log(`[browser] page error: ${err.message}`));
    await options.beforeNavigate?.(page);
    await page.goto(host.url);
    if (options.waitForWorkbench ?? true) await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    return {
      ...host,
      browser,
      page,
      screenshot: async (filePath: string) => {
        const absolute = path.resolve(filePath);
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        await page.screenshot({ path: absolute });
        return absolute;
      },
      stop: async () => {
        await launched.close();
        unregisterBrowser?.();
        await host.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    unregisterBrowser?.();
    await host.stop();
    throw err;
  }
}
