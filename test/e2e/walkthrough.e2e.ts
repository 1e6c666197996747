import * as assert from 'node:assert/strict';
import { saveArtifacts } from '../host/hostArtifacts';
import { artifactsDir, findRepoRoot } from '../host/hostPaths';
import { startWorkbench, type WorkbenchSession } from '../host/workbenchSession';
import { packagedVsix } from './support/packagedVsix';
import { ScenarioScreenshots } from './support/scenarioScreenshots';
import { ACCOUNT_STATUS_ITEM, activityBarItem, resizeSideBar, statusBarItem, treeRow } from './support/workbenchSurfaces';

const WALKTHROUGH_TITLE = 'Get started with SCP Cloud ML';
const CONNECT_STEP = 'scp-tools.scp-cloud-ml#scpCloudMl.gettingStarted#connect';

/**
 * Issue "First five minutes": a newcomer opens the getting-started walkthrough from the view's welcome content,
 * clicks the first step's "Try the built-in emulator", and sees the step checked and the emulator's clusters in
 * the tree. The packaged .vsix is installed, so the walkthrough's media are those that ship.
 */
describe('A newcomer opens the walkthrough and connects to the built-in emulator', function () {
  this.timeout(120_000);
  const repoRoot = findRepoRoot();
  const shots = new ScenarioScreenshots(repoRoot, 'walkthrough');
  let wb: WorkbenchSession | undefined;

  before(async function () {
    this.timeout(360_000);
    shots.clearEarlierRun();
    const vsix = await packagedVsix(repoRoot);
    wb = await startWorkbench({ extension: { vsixPath: vsix.path }, viewport: { width: 1280, height: 800 } });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !wb) return;
    await saveArtifacts(artifactsDir(repoRoot, 'e2e-walkthrough'), { page: wb.page, lines: wb.lines, userDataDir: wb.profile.userDataDir }, console.log);
  });

  after(async () => {
    await wb?.stop();
  });

  it('opens from the welcome view, completes the first step with the emulator, and the tree shows its clusters', async () => {
    assert.ok(wb);
    const { page } = wb;
    await activityBarItem(page, 'SCP Cloud ML').click();
    const link = page.locator('.part.sidebar .welcome-view-content a', { hasText: 'Open the getting started walkthrough' });
    await link.waitFor({ timeout: 30_000 });
    await resizeSideBar(page, 360);
    await link.click();

    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.category-title', { hasText: WALKTHROUGH_TITLE }).first().waitFor({ timeout: 30_000 });
    const connect = walkthrough.locator(`button.getting-started-step[data-step-id="${CONNECT_STEP}"]`);
    await connect.waitFor();
    assert.equal(await connect.getAttribute('aria-checked'), 'false', 'the first step is already done before the click');
    // The step's media is the README screenshot that ships in the .vsix: it must have loaded.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.gettingStartedContainer .getting-started-media img')).some((img) => (img as HTMLImageElement).naturalWidth > 0), undefined, {
      timeout: 30_000,
    });
    await shots.take(page, 'opened');

    await connect.locator('.monaco-button', { hasText: 'Try the built-in emulator' }).click();
    await page.waitForFunction((id) => document.querySelector(`button.getting-started-step[data-step-id="${id}"]`)?.getAttribute('aria-checked') === 'true', CONNECT_STEP, {
      timeout: 60_000,
    });
    await connect.locator('.codicon-getting-started-step-checked').waitFor();
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, 'SCP: Emulator').waitFor({ timeout: 30_000 });
    await treeRow(page, 'ml-prod-cluster').waitFor({ timeout: 60_000 });
    await treeRow(page, 'ds-sandbox').waitFor();
    await shots.take(page, 'first-step-done');
  });
});
