import * as fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Launches the machine's own Chromium through playwright-core. It never downloads a browser: on
 * machines that reach only package registries a download would fail, and the OS package is enough.
 */

const candidates: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    `${process.env['PROGRAMFILES'] ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ],
};

/** `$CHROME_PATH`, else the first Chromium/Chrome found in the usual places. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist: fix it or unset it.`);
    return fromEnv;
  }
  const found = (candidates[process.platform] ?? []).find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error('No Chromium or Chrome found: install it (Debian/Ubuntu: run test/host/bootstrap.sh) or set CHROME_PATH to its executable.');
  }
  return found;
}

/** The flags of the recipe: headless-friendly, no GPU, nothing phoning home. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs],
    headless: options.headless ?? true,
    // Our CleanupStack owns the signals: Playwright's own handlers would exit before code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
