import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { findRepoRoot } from '../host/hostPaths';
import { loadFitWorld } from '../support/fitWorld';
import { homeWithScpconf } from './support/emulatorProfile';
import { packagedVsix } from './support/packagedVsix';
import { useWorkbenchScenario } from './support/workbenchScenario';
import { DEPLOYMENTS_STATUS_ITEM, activityBarItem, resizeSideBar, runFromContextMenu, statusBarItem, treeRow, welcomeButton } from './support/workbenchSurfaces';

const ACCESS_KEY = 'E2EFITSACCESS2291';
const SECRET_KEY = 'e2e-fits-runner-secret-key';
const FIND = 'Create Cloud ML: find a cluster for…';
const NAME = 'gpu-ml';
const REGISTRY_SECRET = 'e2e-fits-registry-secret';
const createStep = (n: number, total: number): string => `Create Cloud ML (${n}/${total})`;

/**
 * Issue "Beyond the anchors": a person who needs 2 GPUs asks the extension where that fits, picks the cluster it
 * ranks first, completes the create form (the needs are already filled) and creates there; then starts a second
 * instance like the first. The .vsix is installed; the SCP behind it is an emulator of this runner with known
 * estimates (test/support/fitWorld.ts), reached through an imported ~/.scpconf.
 */
describe('A person finds a cluster for 2 GPUs and creates Cloud ML there', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator | undefined;
  let home: string | undefined;
  const scenario = useWorkbenchScenario({
    name: 'fits',
    setUp: async () => {
      const vsix = await packagedVsix(findRepoRoot());
      emulator = await startEmulator({ host: '127.0.0.1', port: 0, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, deploySeconds: 6 });
      loadFitWorld(emulator);
      home = homeWithScpconf(emulator);
      return { extension: { vsixPath: vsix.path }, settings: { 'scpCloudMl.pollIntervalSeconds': 1 }, env: { HOME: home }, viewport: { width: 1280, height: 800 } };
    },
    tearDown: async () => {
      await emulator?.close();
      if (home) fs.rmSync(home, { recursive: true, force: true });
    },
  });
  const { session, shots } = scenario;

  it('connects through the imported ~/.scpconf profile', async () => {
    const { page } = session();
    await activityBarItem(page, 'SCP Cloud ML').click();
    await welcomeButton(page, 'Import from ~/.scpconf').click();
    await scenario.quick.choose({ title: 'Import SCP profiles', placeholder: 'Found 1 profile(s)' }, 'default', 'default, e · kr-west1');
    await resizeSideBar(page, 470);
    await treeRow(page, 'recsys-staging').waitFor({ timeout: 60_000 });
  });

  it('asks for 2 GPUs, ranks the clusters by what they keep free, and says why the others cannot take it', async () => {
    const { page } = session();
    await scenario.quick.runCommand(`SCP Cloud ML: ${FIND}`);
    await scenario.quick.answer({ title: `${FIND} (1/4)`, message: 'Analytics CPU (cores) the workload needs' }, '4');
    await scenario.quick.answer({ title: `${FIND} (2/4)`, message: 'Analytics GPU (cards) the workload needs' }, '2');
    await scenario.quick.answer({ title: `${FIND} (3/4)`, message: 'Analytics memory (GiB) the workload needs' }, '16');
    await scenario.quick.choose({ title: `${FIND} (4/4)`, placeholder: 'Copilot needs room of its own' }, 'No copilot', 'No copilot');

    const ranked = await scenario.quick.waitForStep({ title: FIND, placeholder: 'most room left first' });
    for (const text of ['ds-sandbox, needs 2 GPU, 1 free', 'ml-prod-cluster, already has a Cloud ML (ml-prod)', 'vision-train, cluster is CREATING, not RUNNING']) {
      await scenario.quick.row(text).waitFor();
    }
    const rows = (await scenario.quick.state()).rows;
    assert.ok(rows[0]?.includes('recsys-staging') && rows[0].includes('left after it: 28 CPU, 6 GPU, 112 GiB memory'), `ranked first: ${JSON.stringify(rows)}`);
    assert.ok(rows[1]?.includes('analytics-dev'), `ranked second: ${JSON.stringify(rows)}`);
    assert.ok(ranked.placeholder.includes('4 CPU, 2 GPU, 16 GiB memory'));
    await shots.take(page, 'ranked');
    await scenario.quick.choose({ title: FIND, placeholder: 'most room left first' }, 'recsys', 'recsys-staging');
  });

  it('continues in the create form with the needs filled, and creates on the chosen cluster', async () => {
    const { page } = session();
    // Cluster and analytics resources are given: the form asks the rest.
    await scenario.quick.answer({ title: createStep(2, 17), message: 'The Cloud ML name' }, NAME);
    await scenario.quick.answer({ title: createStep(3, 17), message: 'The domain name of the Cloud ML endpoint' }, `${NAME}.example.com`);
    await scenario.quick.choose({ title: createStep(4, 17), placeholder: 'The Cloud ML image' }, 'Cloud ML 1.5.0', 'Cloud ML 1.5.0, Kubernetes v1.28');
    await scenario.quick.choose({ title: createStep(5, 17), placeholder: 'How the Cloud ML endpoint is reached' }, 'PRIVATE', 'PRIVATE');
    await scenario.quick.answer({ title: createStep(9, 17), message: 'Application CPU (cores)' }, '2');
    await scenario.quick.answer({ title: createStep(10, 17), message: 'Application memory (GiB)' }, '8');
    await scenario.quick.answer({ title: createStep(11, 17), message: 'The container registry the instance pulls images from' }, 'registry.example.com');
    await scenario.quick.answer({ title: createStep(12, 17), message: "The container registry's own access key" }, 'e2e-registry-access');
    await scenario.quick.answer({ title: createStep(13, 17), message: "The container registry's own secret key" }, REGISTRY_SECRET);
    await scenario.quick.answer({ title: createStep(14, 17), message: "The registry's project ID" }, '');
    await scenario.quick.answer({ title: createStep(15, 17), message: "The registry's region" }, '');
    await scenario.quick.answer({ title: createStep(16, 17), message: 'A description (optional)' }, 'Training with 2 GPUs');
    await scenario.quick.choose({ title: createStep(17, 17), placeholder: 'Pick "Add tag…" to add one' }, 'Done', 'Done');

    const summary = await scenario.quick.waitForStep({ title: 'Create Cloud ML', placeholder: 'Review the new Cloud ML, then create it' });
    for (const row of ['Edit Cluster…, recsys-staging, from "find a cluster for…"', 'Edit Analytics GPU (cards)…, 2, from "find a cluster for…"', `Edit Name…, ${NAME}`]) {
      assert.ok(summary.rows.some((shown) => shown.startsWith(row)), `the summary shows "${row}": ${JSON.stringify(summary.rows)}`);
    }
    await shots.take(page, 'summary');
    await scenario.quick.choose({ title: 'Create Cloud ML', placeholder: 'Review the new Cloud ML' }, 'Create', 'Create');
    await scenario.quick.waitHidden();

    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM, `Cloud ML: deploying ${NAME}`).waitFor();
    await treeRow(page, `${NAME} CREATING`).waitFor();
    await shots.take(page, 'deploying');
    const created = emulator!.admin.snapshot().instances.find((i) => i.cloud_ml_name === NAME);
    assert.ok(created, 'the emulator holds the new instance');
    const recsys = emulator!.admin.snapshot().clusters.find((c) => c.name === 'recsys-staging');
    assert.equal(created.cluster_id, recsys?.id);
    assert.deepEqual(created.createRequest.analytics_resource, { cpu: 4, gpu: '2', memory: 16 });
  });

  it('Create Cloud ML Like This… on the new instance asks only the cluster, a new name and domain and the registry secret', async () => {
    const { page } = session();
    // Once settled: a row redrawn by a poll would close the context menu under the pointer.
    await treeRow(page, `${NAME} DEPLOYED`).waitFor({ timeout: 90_000 });
    await statusBarItem(page, DEPLOYMENTS_STATUS_ITEM).waitFor({ state: 'hidden' });
    await runFromContextMenu(page, treeRow(page, `${NAME} DEPLOYED`), 'Create Cloud ML Like This…');
    const title = `Create Cloud ML like ${NAME}`;
    await scenario.quick.choose({ title: `${title} (1/17)`, placeholder: 'The SKE cluster to install Cloud ML on' }, 'analytics-dev', 'analytics-dev');
    await scenario.quick.answer({ title: `${title} (2/17)`, message: 'The Cloud ML name' }, `${NAME}-2`);
    await scenario.quick.answer({ title: `${title} (3/17)`, message: 'The domain name of the Cloud ML endpoint' }, `${NAME}-2.example.com`);
    const secret = await scenario.quick.waitForStep({ title: `${title} (13/17)`, message: "The container registry's own secret key" });
    assert.equal(secret.value, '', 'the registry secret is never copied');
    await scenario.quick.typeAndEnter(REGISTRY_SECRET);
    const summary = await scenario.quick.waitForStep({ title, placeholder: 'Review the new Cloud ML, then create it' });
    assert.ok(summary.rows.some((row) => row.startsWith(`Edit Image…, Cloud ML 1.5.0, copied from ${NAME}`)), JSON.stringify(summary.rows));
    await shots.take(page, 'like-this-summary');
    await scenario.quick.escape();
  });
});
