import * as assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../host/chromiumBrowser';
import { processCleanup } from '../host/cleanupStack';
import { saveArtifacts } from '../host/hostArtifacts';
import { artifactsDir, findRepoRoot } from '../host/hostPaths';
import { ScenarioScreenshots } from './support/scenarioScreenshots';
import { ACCOUNT_STATUS_ITEM, activityBarItem, statusBarItem, treeRow, welcomeButton } from './support/workbenchSurfaces';

/**
 * Issue 9, "Demo": `npm start` builds, then runs dist/test/host/startDemo.js. This scenario runs that same
 * program (after the e2e script's build), opens the URL it prints the way its instructions say, checks that the
 * workbench has the extension and that a new user gets from the welcome view to the emulator's clusters, then
 * presses Ctrl-C (SIGINT) and checks that everything stopped.
 */

const URL_WAIT_MS = 150_000;
const EXIT_WAIT_MS = 30_000;

interface RunningDemo {
  child: ChildProcessWithoutNullStreams;
  output: string[];
  exited: Promise<number | string>;
}

function startDemoProgram(repoRoot: string): RunningDemo {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'test', 'host', 'startDemo.js')], { cwd: repoRoot, stdio: 'pipe' });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => void output.push(...chunk.toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== ''));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, output, exited };
}

/** The workbench URL the demo prints under "Open this URL in your browser:". */
async function printedUrl(demo: RunningDemo): Promise<string> {
  const deadline = Date.now() + URL_WAIT_MS;
  for (;;) {
    const found = demo.output.map((line) => /^\s*(http:\/\/127\.0\.0\.1:\d+\/\?\S+)\s*$/.exec(line)?.[1]).find((url) => url !== undefined);
    if (found) return found;
    const ended = await Promise.race([demo.exited.then((code) => `exited (${String(code)})`), new Promise<undefined>((r) => setTimeout(() => r(undefined), 250))]);
    if (ended || Date.now() > deadline) throw new Error(`npm start's program printed no URL (${ended ?? 'timed out'}):\n${demo.output.join('\n')}`);
  }
}

/** Whether anything still answers HTTP at `baseUrl`. */
function answers(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(baseUrl, (response) => {
      response.resume();
      resolve(true);
    });
    request.setTimeout(5000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

describe('npm start: the demo serves VS Code with the extension, and Ctrl-C stops it', function () {
  this.timeout(120_000);
  const repoRoot = findRepoRoot();
  const shots = new ScenarioScreenshots(repoRoot, 'npm-start');
  let demo: RunningDemo | undefined;
  let stopDemo: (() => Promise<void>) | undefined;
  let unregister: (() => void) | undefined;
  let browser: Browser | undefined;
  let unregisterBrowser: (() => void) | undefined;
  let page: Page | undefined;
  let url = '';

  before(async function () {
    this.timeout(URL_WAIT_MS + 10_000);
    shots.clearEarlierRun();
    const running = startDemoProgram(repoRoot);
    demo = running;
    // Stopped as a person would (Ctrl-C: it stops its own code-server), also when this run is interrupted.
    stopDemo = async () => {
      if (running.child.exitCode !== null || running.child.signalCode !== null) return;
      running.child.kill('SIGINT');
      const ended = await Promise.race([running.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), EXIT_WAIT_MS))]);
      if (!ended) running.child.kill('SIGKILL');
    };
    unregister = processCleanup().add('stop the npm start demo', stopDemo);
    url = await printedUrl(running);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await saveArtifacts(artifactsDir(repoRoot, 'e2e-npm-start'), { page, lines: demo?.output ?? [] }, console.log);
  });

  after(async () => {
    await browser?.close();
    unregisterBrowser?.();
    await stopDemo?.();
    unregister?.();
  });

  it('prints a URL that opens a workbench with SCP Cloud ML in it, and the emulator is one click away', async () => {
    assert.ok(demo!.output.some((line) => line.includes('Try the built-in emulator')), 'the instructions name the next click');
    const launched = await launchChromium();
    browser = launched;
    unregisterBrowser = processCleanup().add('close Chromium', () => launched.close());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await activityBarItem(page, 'SCP Cloud ML').click();
    await welcomeButton(page, 'Try the built-in emulator').waitFor({ timeout: 30_000 });
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, 'SCP: not connected').waitFor();
    await shots.take(page, 'welcome');
    await welcomeButton(page, 'Try the built-in emulator').click();
    await treeRow(page, 'ml-prod DEPLOYED').waitFor({ timeout: 60_000 });
    await treeRow(page, 'ds-sandbox ').waitFor();
    await shots.take(page, 'emulator-tree');
  });

  it('Ctrl-C stops the demo: the program exits with 0 and code-server no longer answers', async function () {
    this.timeout(EXIT_WAIT_MS + 30_000);
    await browser?.close();
    browser = undefined;
    unregisterBrowser?.();
    const baseUrl = new URL(url).origin;
    assert.ok(await answers(baseUrl), 'code-server answers while the demo runs');
    demo!.child.kill('SIGINT');
    const code = await Promise.race([demo!.exited, new Promise<string>((r) => setTimeout(() => r('still running'), EXIT_WAIT_MS))]);
    assert.equal(code, 0, `npm start's program ends normally on Ctrl-C:\n${demo!.output.join('\n')}`);
    assert.equal(await answers(baseUrl), false, 'code-server was stopped with it');
  });
});
