import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../host/hostPaths';
import { packagedVsix } from './support/packagedVsix';
import { useWorkbenchScenario } from './support/workbenchScenario';
import { ACCOUNT_STATUS_ITEM, activityBarItem, resizeSideBar, statusBarItem, waitForTreeRows, welcomeButton } from './support/workbenchSurfaces';

/**
 * The Korean translations seen on screen: the packaged .vsix in a workbench whose display language is Korean
 * (the host's `locale: 'ko'`: a generated test-only language pack + `--locale ko`, test/host/testLanguagePack.ts).
 * The pack translates nothing of VS Code itself, so the workbench's own words stay English; every text checked
 * here is the extension's, picked by VS Code from package.nls.ko.json and l10n/bundle.l10n.ko.json. The
 * expected texts are read from those files, so a string missing from the package or not picked fails here.
 *
 * `scpCloudMl.language` (the Accept-Language sent to SCP) is left at its default: it is not the display language.
 */

type Messages = Readonly<Record<string, string>>;

function readJson(file: string): Messages {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;
}

/** The Korean of an English l10n message, with {0}, {1}… filled in as vscode.l10n.t does. */
function korean(bundle: Messages, english: string, ...args: (string | number)[]): string {
  const text = bundle[english];
  if (text === undefined) throw new Error(`l10n/bundle.l10n.ko.json has no "${english}".`);
  return text.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
}

/** A viewsWelcome content split as VS Code renders it: one paragraph per line, a line that is a `[label](command:…)` link is a button, a link inside a paragraph shows its label. */
function welcomeParts(contents: string): { paragraphs: string[]; buttons: string[] } {
  const lines = contents.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const link = /^\[([^\]]+)\]\(command:[^)]+\)$/;
  return {
    // An inline link inside a paragraph renders as its label.
    paragraphs: lines.filter((line) => !link.test(line)).map((line) => line.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')),
    buttons: lines.flatMap((line) => link.exec(line)?.[1] ?? []),
  };
}

describe('Korean in the real UI: welcome view, tree and a form step with the display language set to Korean', function () {
  this.timeout(120_000);
  const scenario = useWorkbenchScenario({
    name: 'korean',
    setUp: async () => {
      // Packaging (when no other scenario did it first), two installs, cold start.
      const vsix = await packagedVsix(findRepoRoot());
      return { extension: { vsixPath: vsix.path }, locale: 'ko', viewport: { width: 1280, height: 800 } };
    },
  });
  const { repoRoot, session, shots } = scenario;
  const nls = readJson(path.join(repoRoot, 'package.nls.ko.json'));
  const englishNls = readJson(path.join(repoRoot, 'package.nls.json'));
  const bundle = readJson(path.join(repoRoot, 'l10n', 'bundle.l10n.ko.json'));

  it("the workbench's display language is Korean (the language code-server's NLS script gives it)", async () => {
    const { page } = session();
    assert.equal(await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE), 'ko');
  });

  it("with no profile, the welcome view shows package.nls.ko.json's text and buttons, and the status bar says not connected in Korean", async () => {
    const { page } = session();
    await activityBarItem(page, nls['viewContainer.title']).click();
    const { paragraphs, buttons } = welcomeParts(nls['welcome.noProfile']);
    assert.equal(buttons.length, 3, `three ways in: ${JSON.stringify(buttons)}`);
    for (const text of buttons) await welcomeButton(page, text).waitFor({ timeout: 30_000 });
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    for (const text of paragraphs) await welcome.locator('p', { hasText: text }).waitFor();
    // The English text is not there as well: the Korean replaced it.
    assert.ok(!(await welcome.innerText()).includes(welcomeParts(englishNls['welcome.noProfile']).buttons[0]));
    // The view's name: in the container's title while it is the only view, in its own pane header beside Activity.
    await page.locator('.part.sidebar .title-label, .part.sidebar .pane-header', { hasText: nls['view.explorer.name'] }).first().waitFor();
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, korean(bundle, 'SCP: not connected')).waitFor();
    await resizeSideBar(page, 470);
    await shots.take(page, 'welcome');
  });

  it('the built-in emulator fills the tree with Korean descriptions and notices', async () => {
    const { page } = session();
    await welcomeButton(page, welcomeParts(nls['welcome.noProfile']).buttons[2]).click();
    const nodes = (version: string, count: number): string => korean(bundle, '{0} · {1} nodes', version, count);
    await waitForTreeRows(page, [
      `ml-prod-cluster ${nodes('v1.29.8', 6)}`,
      'ml-prod DEPLOYED · Cloud ML with Copilot 1.6.1',
      `ds-sandbox ${nodes('v1.29.8', 3)}`,
      korean(bundle, 'Create Cloud ML on this cluster…'),
      `analytics-dev ${nodes('v1.28.11', 4)}`,
      'analytics-dev-ml CREATING · Cloud ML 1.5.0',
      `recsys-staging ${nodes('v1.28.11', 5)}`,
      'recsys-ml ERROR · Cloud ML 1.4.2',
      `vision-train ${nodes('v1.29.8', 2)}`,
      korean(bundle, 'No Cloud ML (the cluster is {0})', 'CREATING'),
      `legacy-batch ${nodes('v1.27.16', 3)}`,
      korean(bundle, 'No Cloud ML (the cluster is {0})', 'ERROR'),
      korean(bundle, 'Images'),
    ]);
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, korean(bundle, 'SCP: {0} · {1}', korean(bundle, 'Emulator'), 'kr-west1')).waitFor();
    await shots.take(page, 'tree');
  });

  it("Create Cloud ML from the command palette by its Korean title: the first step's title and question are Korean", async () => {
    const { page } = session();
    await scenario.quick.runCommand(`${nls.category}: ${nls['command.create']}`);
    // "(1/17)" is VS Code's own step counter (English core); the title and the question are the extension's.
    await scenario.quick.waitForStep({
      title: `${korean(bundle, 'Create Cloud ML')} (1/17)`,
      placeholder: korean(bundle, 'The SKE cluster to install Cloud ML on (RUNNING, without Cloud ML)'),
    });
    // The pick loads its clusters after it shows: the RUNNING one without Cloud ML, described in Korean.
    await scenario.quick.row(`ds-sandbox, ${korean(bundle, '{0} · {1} nodes', 'v1.29.8', 3)}`).waitFor();
    await shots.take(page, 'create-first-step');
    await scenario.quick.escape();
  });
});
