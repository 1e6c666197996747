import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** One log file VS Code hands over in codeAutomationExit (web workbench logs). */
export interface AutomationLogFile {
  relativePath: string;
  contents: string;
}

export interface ArtifactSources {
  page?: Page;
  /** Every line the runner streamed. */
  lines: readonly string[];
  /** code-server's user-data dir: its logs/ folder holds the server and extension-host logs. */
  userDataDir?: string;
  automationLogs?: readonly AutomationLogFile[];
}

/**
 * Saves what is needed to understand a failed or timed-out run: a screenshot of the workbench, the
 * streamed log, and VS Code's own log files. Best effort: a broken page must not hide the real error.
 */
export async function saveArtifacts(dir: string, sources: ArtifactSources, log: (line: string) => void): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'run.log'), sources.lines.join('\n') + '\n');
  if (sources.page && !sources.page.isClosed()) {
    try {
      await sources.page.screenshot({ path: path.join(dir, 'workbench.png'), timeout: 15_000 });
    } catch (err) {
      log(`Could not take a screenshot: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (sources.userDataDir && fs.existsSync(path.join(sources.userDataDir, 'logs'))) {
    fs.cpSync(path.join(sources.userDataDir, 'logs'), path.join(dir, 'code-server-logs'), { recursive: true });
  }
  for (const file of sources.automationLogs ?? []) {
    // relativePath comes from the page: keep it inside dir.
    const target = path.resolve(dir, 'workbench-logs', file.relativePath);
    if (!target.startsWith(path.resolve(dir))) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.contents);
  }
  log(`Saved the screenshot and logs of this run in ${dir}`);
}
