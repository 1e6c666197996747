import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Numbered screenshots of one scenario in test/e2e/screenshots/ (gitignored): `<scenario>-01-<step>.png`, ...
 * so that a run can be read back in order. A few of them are copied by hand into media/readme/ for the README.
 */
export class ScenarioScreenshots {
  private count = 0;

  constructor(
    private readonly repoRoot: string,
    private readonly scenario: string,
  ) {}

  get folder(): string {
    return path.join(this.repoRoot, 'test', 'e2e', 'screenshots');
  }

  /** Saves the page (or `clip` of it); returns the file's path. */
  async take(page: Page, step: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
    this.count++;
    const file = path.join(this.folder, `${this.scenario}-${String(this.count).padStart(2, '0')}-${step}.png`);
    fs.mkdirSync(this.folder, { recursive: true });
    await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    return file;
  }

  /** Removes this scenario's screenshots of an earlier run, so the folder shows only this run's. */
  clearEarlierRun(): void {
    if (!fs.existsSync(this.folder)) return;
    for (const name of fs.readdirSync(this.folder)) {
      if (name.startsWith(`${this.scenario}-`) && name.endsWith('.png')) fs.rmSync(path.join(this.folder, name));
    }
  }
}
