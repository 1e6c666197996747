import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { expandActivityView, homeWithScpconf, importScpconfProfile, secondClient, settleSeededDeployment } from './support/emulatorProfile';
import { useWorkbenchScenario } from './support/workbenchScenario';
import { DEPLOYMENTS_STATUS_ITEM, resizeSideBar, statusBarItem, treeRow } from './support/workbenchSurfaces';

const NAME = 'colleague-ml';
/** Long enough to see it CREATING after the person connects, short enough for the scenario. */
const DEPLOY_SECONDS = 20;
const CLUSTER_LOOKUP = 'GET /v1/cloud-ml/clusters/{id}';

/**
 * Issue 16, "A tree that stays true on its own": a colleague (a second signed client, as the SCP console or
 * `npm run scp` would be) starts a Cloud ML deployment; the person connects to that SCP, sees it CREATING in the
 * tree, in the Activity view (in progress, started elsewhere) and in the status bar, and sees all three reach
 * DEPLOYED with no Refresh: the cluster is never read again, the tracker's polls of the instance carry the change.
 */
describe('A deployment started elsewhere moves in the tree and the Activity view on its own', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let home: string | undefined;
  const scenario = useWorkbenchScenario({
    name: 'live-tree',
    setUpTimeoutMs: 300_000,
    setUp: async () => {
      emulator = await startEmulator({ host: '127.0.0.1', port: 0, deploySeconds: DEPLOY_SECONDS });
      settleSeededDeployment(emulator);
      home = homeWithScpconf(emulator);
      return { settings: { 'scpCloudMl.pollIntervalSeconds': 1 }, env: { HOME: home }, viewport: { width: 1280, height: 800 } };
    },
    tearDown: async () => {
      await emulator?.close();
      if (home) fs.rmSync(home, { recursive: true, force: true });
    },
  });
  const { session, shots } = scenario;
  const clusterLookups = (): number => emulator.admin.counters().byRoute[CLUSTER_LOOKUP] ?? 0;

  it('a colleague creates Cloud ML on ds-sandbox with their own client; the person connects and sees it CREATING, in progress, started elsewhere', async () => {
    const { page } = session();
    const cluster = emulator.admin.snapshot().clusters.find((c) => c.name === 'ds-sandbox');
    const image = emulator.admin.snapshot().images.find((i) => i.image_name === 'Cloud ML' && i.display_version === '1.5.0');
    assert.ok(cluster && image, 'the seed has ds-sandbox and Cloud ML 1.5.0');
    await secondClient(emulator).create({
      cloud_ml_name: NAME,
      cluster_id: cluster.id,
      image_id: image.image_id,
      domain_name: `${NAME}.example.com`,
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'COLLEAGUEACCESS',
      custom_registry_access_secret_key: 'colleague-registry-secret',
    });

    await importScpconfProfile(page, scenario.quick);
    await resizeSideBar(page, 470);
    await expandActivityView(page);
    await treeRow(page, `${NAME} CREATING · Cloud ML 1.5.0`).waitFor({ timeout: 30_000 });
    await treeRow(page, 'In progress (1)').waitFor({ timeout: 30_000 });
    const inFlight = await treeRow(page, `${NAME}, create · CREATING · `).first().getAttribute('aria-label', { timeout: 30_000 });
    assert.match(inFlight ?? '', / · started elsewhere/, `the Activity row says who started it: ${inFlight}`);
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM, `Cloud ML: deploying ${NAME}`).waitFor({ timeout: 30_000 });
    await shots.take(page, 'creating');
  });

  it('with no Refresh, the tree row, the Activity view and the status bar reach DEPLOYED; the cluster is not read again', async () => {
    const { page } = session();
    const lookupsBefore = clusterLookups();
    await treeRow(page, `${NAME} DEPLOYED · Cloud ML 1.5.0`).waitFor({ timeout: 90_000 });
    await treeRow(page, 'Finished (1)').waitFor({ timeout: 30_000 });
    const finished = await treeRow(page, `${NAME}, create · DEPLOYED · took `).first().getAttribute('aria-label', { timeout: 30_000 });
    assert.ok(finished, 'the Activity view lists the create as finished');
    assert.equal(await treeRow(page, 'In progress').count(), 0, 'nothing is in progress any more');
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM).waitFor({ state: 'hidden' });
    assert.equal(clusterLookups(), lookupsBefore, 'no refresh: the tree did not read the cluster again, the followed instance moved it');
    await shots.take(page, 'deployed');
  });
});
