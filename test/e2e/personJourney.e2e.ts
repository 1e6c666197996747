import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { findRepoRoot } from '../host/hostPaths';
import { homeWithScpconf } from './support/emulatorProfile';
import { packagedVsix } from './support/packagedVsix';
import { useWorkbenchScenario } from './support/workbenchScenario';
import {
  ACCOUNT_STATUS_ITEM,
  DEPLOYMENTS_STATUS_ITEM,
  activeWebview,
  activityBarItem,
  notificationButton,
  notificationToast,
  resizeSideBar,
  runFromContextMenu,
  statusBarItem,
  treeRow,
  waitForTreeRows,
  welcomeButton,
} from './support/workbenchSurfaces';

/**
 * Issue 9, "E2E in the real UI": a person's whole path, typed and clicked in VS Code (code-server) in Chromium,
 * with the packaged .vsix installed the way a user installs it (so the shipped artifact is what is tested). No
 * test seam: every answer is typed into the quick input, every result is read off the screen.
 *
 * The steps share one workbench and run in order; after a failure the rest are skipped (they would only fail
 * for the same reason) and the screenshot + logs of the failure are saved under test/host/artifacts/.
 */

/** The seeded data of the built-in emulator (src/emulator/seedData.ts), as the tree reads it. */
const SEEDED_TREE = [
  'ml-prod-cluster v1.29.8 · 6 nodes',
  'ml-prod DEPLOYED · Cloud ML with Copilot 1.6.1',
  'ds-sandbox v1.29.8 · 3 nodes',
  'Create Cloud ML on this cluster…',
  'analytics-dev v1.28.11 · 4 nodes',
  'analytics-dev-ml CREATING · Cloud ML 1.5.0',
  'recsys-staging v1.28.11 · 5 nodes',
  'recsys-ml ERROR · Cloud ML 1.4.2',
  'vision-train v1.29.8 · 2 nodes',
  'No Cloud ML (the cluster is CREATING)',
  'legacy-batch v1.27.16 · 3 nodes',
  'No Cloud ML (the cluster is ERROR)',
  'Images',
];

const NAME = 'e2e-ml';
const DESCRIPTION = 'Made by the e2e scenario';
const NEW_DESCRIPTION = 'Updated from the details panel';
const REGISTRY_SECRET = 'e2e-registry-secret-value';
/** The same, once the seed's analytics-dev-ml has finished its two-minute deployment on the built-in emulator. */
const SEEDED_TREE_LATER = SEEDED_TREE.map((row) => row.replace('analytics-dev-ml CREATING', 'analytics-dev-ml DEPLOYED'));

/** The keys of the separate emulator this runner starts (wrong-secret sign-in, ~/.scpconf import). */
const RUNNER_ACCESS_KEY = 'E2EACCESSKEY7731';
const RUNNER_SECRET_KEY = 'e2e-runner-secret-key';

const createStep = (n: number): string => `Create Cloud ML (${n}/17)`;
const signInStep = (n: number): string => `Sign in to SCP (${n}/5)`;

describe("A person's path through the real UI, with the packaged .vsix installed", function () {
  this.timeout(120_000);
  let runnerEmulator: RunningEmulator | undefined;
  let home: string | undefined;
  const scenario = useWorkbenchScenario({
    name: 'journey',
    setUp: async () => {
      // Packaging (when the packaging check did not run first), install, cold start.
      const vsix = await packagedVsix(findRepoRoot());
      runnerEmulator = await startEmulator({ host: '127.0.0.1', port: 0, accessKey: RUNNER_ACCESS_KEY, secretKey: RUNNER_SECRET_KEY });
      // The extension host's home, so "Import from ~/.scpconf" reads a known ~/.scpconf (Terraform v2 format).
      home = homeWithScpconf(runnerEmulator);
      return {
        extension: { vsixPath: vsix.path },
        // Poll every second so the 8 s deployments of the built-in emulator are seen promptly. The seed's
        // analytics-dev-ml is CREATING for its first two minutes and is followed once the tree shows it (started
        // elsewhere): kept out of the status bar, whose steps here are about this person's own create, update and delete.
        settings: { 'scpCloudMl.pollIntervalSeconds': 1, 'scpCloudMl.notifyExternalChanges': 'off' },
        env: { HOME: home },
        viewport: { width: 1280, height: 800 },
      };
    },
    tearDown: async () => {
      await runnerEmulator?.close();
      if (home) fs.rmSync(home, { recursive: true, force: true });
    },
  });
  const { session, shots } = scenario;

  it('the installed extension adds the SCP Cloud ML view; its welcome view offers the three ways in', async () => {
    const { page, profile } = session();
    const installed = fs.readdirSync(profile.extensionsDir).filter((name) => name.startsWith('scp-tools.scp-cloud-ml-'));
    assert.equal(installed.length, 1, `the .vsix is installed in code-server's extensions folder (found ${JSON.stringify(installed)})`);
    assert.ok(!(await page.title()).includes('Extension Development Host'), 'the extension comes from the .vsix, not a development folder');

    await activityBarItem(page, 'SCP Cloud ML').click();
    for (const text of ['Connect to SCP', 'Import from ~/.scpconf', 'Try the built-in emulator']) {
      await welcomeButton(page, text).waitFor({ timeout: 30_000 });
    }
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, 'SCP: not connected').waitFor();
    await resizeSideBar(page, 470);
    await shots.take(page, 'welcome');
  });

  it('Connect to SCP with a wrong secret key: the form returns to the keys and says SCP refused them; nothing is saved', async () => {
    const { page } = session();
    const emulatorUrl = runnerEmulator!.url;
    await welcomeButton(page, 'Connect to SCP').click();
    await scenario.quick.answer({ title: signInStep(1), message: 'A name for this connection' }, 'wrong secret');
    await scenario.quick.choose({ title: signInStep(2), placeholder: 'Which SCP environment' }, 'Enterprise', 'Samsung Cloud Platform Enterprise');
    await scenario.quick.choose({ title: signInStep(3), placeholder: 'Choose the region' }, 'endpoint override', 'Advanced: endpoint override…');
    await scenario.quick.answer({ title: signInStep(3), placeholder: 'https://host:port', message: 'One base URL for every SCP service' }, emulatorUrl);
    await scenario.quick.row(`Change the endpoint override…, ${emulatorUrl}`).waitFor();
    await scenario.quick.choose({ title: signInStep(3), placeholder: 'Choose the region' }, 'kr-west1', 'kr-west1');
    await scenario.quick.answer({ title: signInStep(4), message: 'The access key of your SCP authentication key' }, RUNNER_ACCESS_KEY);
    const secretStep = await scenario.quick.waitForStep({ title: signInStep(5), message: 'The secret key that belongs to this access key' });
    assert.equal(secretStep.inputType, 'password', 'the secret key is typed into a password box');
    await scenario.quick.typeAndEnter('not-the-right-secret');

    const refused = await scenario.quick.waitForStep({ title: signInStep(4), message: 'SCP refused these keys' });
    assert.match(refused.message, /Check the access key, the secret key and this computer's clock/);
    assert.equal(refused.value, RUNNER_ACCESS_KEY, 'the access key typed before is kept');
    await shots.take(page, 'wrong-secret');

    await scenario.quick.escape();
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, 'SCP: not connected').waitFor();
    await welcomeButton(page, 'Connect to SCP').waitFor();
  });

  it('Import from ~/.scpconf lists the profile found there, access key masked, and saves nothing until picked', async () => {
    const { page } = session();
    await welcomeButton(page, 'Import from ~/.scpconf').click();
    const shown = await scenario.quick.waitForStep({ title: 'Import SCP profiles', placeholder: 'Found 1 profile(s)' });
    assert.equal(shown.rows.length, 1, `one profile row: ${JSON.stringify(shown.rows)}`);
    const row = shown.rows[0];
    assert.ok(row.startsWith('default, e · kr-west1'), row);
    assert.ok(row.includes(path.join(home!, '.scpconf')), `the row says where it was found: ${row}`);
    assert.ok(row.includes(RUNNER_ACCESS_KEY.slice(-4)) && !row.includes(RUNNER_ACCESS_KEY), `the access key is masked: ${row}`);
    assert.ok(!row.includes(RUNNER_SECRET_KEY), 'the secret key is never shown');
    await shots.take(page, 'import');
    await scenario.quick.escape();
    await welcomeButton(page, 'Try the built-in emulator').waitFor();
  });

  it('Try the built-in emulator: the tree shows the seeded clusters and their Cloud ML instances', async () => {
    const { page } = session();
    await welcomeButton(page, 'Try the built-in emulator').click();
    await waitForTreeRows(page, SEEDED_TREE);
    await statusBarItem(page, ACCOUNT_STATUS_ITEM, 'SCP: Emulator · kr-west1').waitFor();
    await shots.take(page, 'tree');
  });

  it('Create Cloud ML from the command palette, answering every step by typing into the quick input', async () => {
    const { page } = session();
    await scenario.quick.runCommand('SCP Cloud ML: Create Cloud ML…');

    await scenario.quick.choose({ title: createStep(1), placeholder: 'The SKE cluster to install Cloud ML on' }, 'ds-sandbox', 'ds-sandbox');
    await scenario.quick.answer({ title: createStep(2), message: 'The Cloud ML name' }, NAME);
    await scenario.quick.answer({ title: createStep(3), message: 'The domain name of the Cloud ML endpoint' }, `${NAME}.example.com`);
    await scenario.quick.waitForStep({ title: createStep(4), placeholder: 'The Cloud ML image' });
    await scenario.quick.row('Cloud ML with Copilot 1.6.1').waitFor();
    await shots.take(page, 'create-image-step');
    await scenario.quick.choose({ title: createStep(4), placeholder: 'The Cloud ML image' }, 'Cloud ML 1.5.0', 'Cloud ML 1.5.0, Kubernetes v1.28');
    await scenario.quick.choose({ title: createStep(5), placeholder: 'How the Cloud ML endpoint is reached' }, 'PRIVATE', 'PRIVATE');

    // Resources: prefilled from the cluster estimate; more than the estimate is refused while typing.
    const cpu = await scenario.quick.waitForStep({ title: createStep(6), message: 'Analytics CPU (cores): at most 24' });
    assert.equal(cpu.value, '24', 'prefilled with the cluster estimate');
    await scenario.quick.replaceText('99');
    await scenario.quick.waitForStep({ title: createStep(6), message: 'This cluster can give at most 24' });
    await scenario.quick.typeAndEnter('4');
    await scenario.quick.answer({ title: createStep(7), message: 'Analytics GPU (cards)' }, '0');
    await scenario.quick.answer({ title: createStep(8), message: 'Analytics memory (GiB)' }, '16');
    await scenario.quick.answer({ title: createStep(9), message: 'Application CPU (cores)' }, '2');
    await scenario.quick.answer({ title: createStep(10), message: 'Application memory (GiB)' }, '8');

    await scenario.quick.answer({ title: createStep(11), message: 'The container registry the instance pulls images from' }, 'registry.example.com');
    await scenario.quick.answer({ title: createStep(12), message: "The container registry's own access key" }, 'e2e-registry-access');
    const secret = await scenario.quick.waitForStep({ title: createStep(13), message: "The container registry's own secret key" });
    assert.equal(secret.inputType, 'password', 'the registry secret key is typed into a password box');
    await scenario.quick.typeAndEnter(REGISTRY_SECRET);
    await scenario.quick.answer({ title: createStep(14), message: "The registry's project ID" }, '');
    await scenario.quick.answer({ title: createStep(15), message: "The registry's region" }, '');
    await scenario.quick.answer({ title: createStep(16), message: 'A description (optional)' }, DESCRIPTION);

    await scenario.quick.choose({ title: createStep(17), placeholder: 'Pick "Add tag…" to add one' }, 'Add tag', 'Add tag…');
    await scenario.quick.answer({ title: createStep(17), message: 'A tag as key=value' }, 'team=ml');
    await scenario.quick.row('team=ml').waitFor();
    await scenario.quick.choose({ title: createStep(17), placeholder: 'Pick "Add tag…" to add one' }, 'Done', 'Done');

    const summary = await scenario.quick.waitForStep({ title: 'Create Cloud ML', placeholder: 'Review the new Cloud ML, then create it' });
    for (const row of ['Edit Cluster…, ds-sandbox', `Edit Name…, ${NAME}`, 'Edit Image…, Cloud ML 1.5.0', 'Edit Analytics CPU (cores)…, 4', 'Edit Registry secret key…, ••••']) {
      assert.ok(summary.rows.some((shown) => shown.startsWith(row)), `the summary shows "${row}": ${JSON.stringify(summary.rows)}`);
    }
    assert.ok(!summary.rows.join('\n').includes(REGISTRY_SECRET), 'the summary never shows the registry secret');
    await shots.take(page, 'create-summary');
    // The last rows are below the list's fold: filter for them, as a person would.
    await scenario.quick.replaceText('Description');
    await scenario.quick.row(`Edit Description…, ${DESCRIPTION}`).waitFor();
    await scenario.quick.replaceText('Tags');
    await scenario.quick.row('Edit Tags…, team=ml').waitFor();
    await scenario.quick.choose({ title: 'Create Cloud ML', placeholder: 'Review the new Cloud ML' }, 'Create', 'Create');
    await scenario.quick.waitHidden();
  });

  it('the status bar shows the deployment; a notification says when it is DEPLOYED', async () => {
    const { page } = session();
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM, `Cloud ML: deploying ${NAME}`).waitFor();
    await treeRow(page, `${NAME} CREATING · Cloud ML 1.5.0`).waitFor();
    await shots.take(page, 'deploying');

    await notificationToast(page, `Cloud ML ${NAME} is DEPLOYED`).waitFor({ timeout: 90_000 });
    await treeRow(page, `${NAME} DEPLOYED · Cloud ML 1.5.0`).waitFor();
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM).waitFor({ state: 'hidden' });
  });

  it("the notification's Open details shows the instance in the webview: name, state and fields", async () => {
    const { page } = session();
    await notificationButton(notificationToast(page, `Cloud ML ${NAME} is DEPLOYED`), 'Open details').click();
    const panel = activeWebview(page);
    await panel.locator('.panel-title', { hasText: NAME }).waitFor({ timeout: 60_000 });
    await panel.locator('.badge-text', { hasText: 'DEPLOYED' }).waitFor();
    const field = (key: string): Promise<string | null> => panel.locator(`dt[title="${key}"] + dd`).textContent();
    assert.equal(await field('cloud_ml_name'), NAME);
    assert.equal(await field('cloud_ml_state'), 'DEPLOYED');
    assert.equal(await field('cluster_name'), 'ds-sandbox');
    assert.equal(await field('domain_name'), `${NAME}.example.com`);
    assert.equal(await field('endpoint_type'), 'PRIVATE');
    assert.equal(await field('description'), DESCRIPTION);
    assert.equal(await field('custom_registry_host'), 'registry.example.com');
    assert.ok(!(await panel.locator('body').innerText()).includes(REGISTRY_SECRET), 'the webview never shows the registry secret');
    await shots.take(page, 'details');
  });

  it('Update description… in the details panel: the box is prefilled, the new description shows once it settles', async () => {
    const { page } = session();
    const panel = activeWebview(page);
    await panel.locator('button[data-action="updateDescription"]').click();
    const box = await scenario.quick.waitForStep({ title: `Update Cloud ML ${NAME} (1/1)`, message: `The new description of Cloud ML ${NAME}` });
    assert.equal(box.value, DESCRIPTION, 'prefilled with the current description');
    await scenario.quick.typeAndEnter(NEW_DESCRIPTION);
    await scenario.quick.waitHidden();
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM, `Cloud ML: updating ${NAME}`).waitFor();
    await panel.locator('dt[title="description"] + dd', { hasText: NEW_DESCRIPTION }).waitFor({ timeout: 60_000 });
    await panel.locator('.badge-text', { hasText: 'DEPLOYED' }).waitFor({ timeout: 90_000 });
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM).waitFor({ state: 'hidden' });
  });

  it('Delete Cloud ML… from the tree: only the exact name deletes; the node goes and the cluster offers Create again', async () => {
    const { page } = session();
    await runFromContextMenu(page, treeRow(page, `${NAME} DEPLOYED`), 'Delete Cloud ML…');
    await scenario.quick.waitForStep({ title: `Delete Cloud ML ${NAME}`, message: `Type ${NAME} to delete it from cluster ds-sandbox` });
    await scenario.quick.replaceText(NAME.slice(0, -1));
    await scenario.quick.waitForStep({ title: `Delete Cloud ML ${NAME}`, message: `Type the name exactly as shown: ${NAME}` });
    await scenario.quick.typeAndEnter(NAME);
    await scenario.quick.waitHidden();

    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM, `Cloud ML: deleting ${NAME}`).waitFor();
    await notificationToast(page, `Cloud ML ${NAME} was deleted`).waitFor({ timeout: 90_000 });
    // By now (or within its two minutes) the seed's own deployment has finished too, with no Refresh.
    await waitForTreeRows(page, SEEDED_TREE_LATER, 150_000);
    await activeWebview(page).locator('.notice', { hasText: `Cloud ML ${NAME} was deleted` }).waitFor();
    await shots.take(page, 'deleted');
  });
});
