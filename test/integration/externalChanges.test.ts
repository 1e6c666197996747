import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TrackedOperation } from '../../src/deployments/trackedOperation';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';
import type { InstanceTarget } from '../../src/model/commandTargets';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { signedRequest } from '../support/signedRequest';
import { disposeWhenDrawn } from '../support/disposeWhenDrawn';
import { until } from '../support/until';

const PROFILE_ID = 'test-external';
const POLL_SECONDS = 0.2;
/** Long enough to see the instance CREATING in the tree and open its panel, short enough for the suite. */
const DEPLOY_SECONDS = 2;
const LOOKUP = 'GET /v1/cloud-ml/clusters/{id}';

/**
 * Instances moved by someone else (a second signed client standing in for a colleague, the console or the CLI,
 * or the emulator's admin API): once the extension has seen one in a transitional state, the tracker follows it
 * and the tree node, the open details panel and the status bar move with no refresh.
 */
describe('external changes', function () {
  this.timeout(120_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  const provider = (): ExtensionTestApi['explorer']['provider'] => api.explorer.provider;
  const label = (node: ExplorerNode): string => {
    const item = provider().getTreeItem(node);
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  };
  const description = (node: ExplorerNode): string => String(provider().getTreeItem(node).description ?? '');
  const lookups = (): number => emu.admin.counters().byRoute[LOOKUP] ?? 0;

  async function clusterNode(name: string): Promise<ExplorerNode> {
    const node = ((await provider().getChildren()) ?? []).find((n) => label(n) === name);
    assert.ok(node, `no cluster ${name} in the tree`);
    return node;
  }

  /** What the tree shows under a cluster: its instance's node (or the create action). */
  async function underCluster(name: string): Promise<ExplorerNode | undefined> {
    return ((await provider().getChildren(await clusterNode(name))) ?? [])[0];
  }

  const clusterId = (name: string): string => {
    const cluster = emu.admin.snapshot().clusters.find((c) => c.name === name);
    assert.ok(cluster, `no cluster ${name}`);
    return cluster.id;
  };
  const external = (cloudMlId: string): TrackedOperation | undefined =>
    [...api.tracker.inFlight(), ...api.tracker.finished()].find((op) => op.cloudMlId === cloudMlId && op.origin === 'elsewhere');

  before(async () => {
    api = await activateTestApi();
    // The tree stays hidden whatever ran before in this window: a visible one loads every expanded cluster on its
    // own after each refresh (a lookup the counts below would take for the extension's).
    await vscode.commands.executeCommand('workbench.view.explorer');
    emu = await startEmulator({ port: 0, deploySeconds: DEPLOY_SECONDS });
    api.setPollTiming({ intervalSeconds: POLL_SECONDS });
    await saveEmulatorProfile(api, emu, { id: PROFILE_ID, name: 'external' });
  });

  beforeEach(() => {
    // The seed's CREATING-for-ever instance would be followed too as soon as its cluster loads: settle it.
    const seeded = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'analytics-dev-ml');
    if (seeded) emu.admin.forceState(seeded.cloud_ml_id, 'DEPLOYED');
    api.explorer.refresh();
  });

  afterEach(async () => {
    for (const panel of api.panels.detailsPanels()) await disposeWhenDrawn(panel);
    for (const op of api.tracker.inFlight()) if (op.profileId === PROFILE_ID && op.cloudMlId) api.tracker.stopTracking(PROFILE_ID, op.cloudMlId);
    await vscode.workspace.getConfiguration('scpCloudMl').update('notifyExternalChanges', undefined, vscode.ConfigurationTarget.Global);
    api.setUserInput(undefined);
    emu.admin.reset();
    emu.admin.setDeploySeconds(DEPLOY_SECONDS);
  });

  after(async () => {
    api.setPollTiming(undefined);
    await api.connection.remove(PROFILE_ID, true);
    await emu.close();
  });

  it('a create by another client appears in the tree, is followed, and its node and open panel reach DEPLOYED with no refresh; no toast by default', async () => {
    const ui = new ScriptedUserInput();
    api.setUserInput(ui);
    assert.match(description(await clusterNode('ds-sandbox')), /./);
    const image = emu.admin.snapshot().images[0]?.image_id ?? '';
    const created = await signedRequest(emu, '/v1/cloud-ml', {
      method: 'POST',
      body: {
        cloud_ml_name: 'colleague-ml',
        cluster_id: clusterId('ds-sandbox'),
        image_id: image,
        domain_name: 'colleague-ml.example.com',
        endpoint_type: 'PRIVATE',
        custom_registry_host: 'registry.example.com',
        custom_registry_access_key: 'REGISTRYACCESS',
        custom_registry_access_secret_key: 'registry-secret-never-shown',
      },
    });
    assert.equal(created.status, 200, created.text);
    const cloudMlId = String(created.json<{ resource_id?: string }>().resource_id ?? '');
    assert.ok(cloudMlId);

    // The user expands the cluster (its first lookup): the instance shows CREATING and is followed from then on.
    api.catalog.invalidate(clusterId('ds-sandbox'));
    const node = await underCluster('ds-sandbox');
    assert.ok(node && label(node) === 'colleague-ml', 'the instance created elsewhere is in the tree');
    assert.match(description(node), /CREATING/);
    const followed = external(cloudMlId);
    assert.equal(followed?.kind, 'create');
    assert.equal(followed.outcome, undefined);
    assert.equal(api.tracker.snapshot().status.text, '$(sync~spin) Cloud ML: deploying colleague-ml');

    const target: InstanceTarget = (node as unknown as { target: InstanceTarget }).target;
    const panel = await api.panels.showDetails(target);
    assert.equal(panel.lastView?.badge?.text, 'CREATING');
    const lookupsBefore = lookups();

    await until('the node to show DEPLOYED', () => description(node).includes('DEPLOYED'), 30_000, () => description(node));
    await until('the panel to show DEPLOYED', () => panel.lastView?.badge?.text === 'DEPLOYED', 10_000, () => String(panel.lastView?.badge?.text));
    assert.equal(lookups(), lookupsBefore, 'no refresh: the cluster was not looked up again');
    assert.equal(external(cloudMlId)?.outcome, 'succeeded');
    assert.equal(api.tracker.snapshot().status.visible, false);
    assert.equal(api.tracker.snapshot().active, false, 'nothing polls once it settled');
    assert.deepEqual(ui.messages, [], 'an operation started elsewhere gives no toast unless asked for');
  });

  it('a delete by another client, seen when the panel reads it, removes the node and the panel says it is gone', async () => {
    const prod = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
    assert.ok(prod);
    const node = await underCluster('ml-prod-cluster');
    assert.ok(node && label(node) === 'ml-prod');
    const target: InstanceTarget = (node as unknown as { target: InstanceTarget }).target;
    const deleted = await signedRequest(emu, `/v1/cloud-ml/${prod.cloud_ml_id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 202, deleted.text);

    const panel = await api.panels.showDetails(target);
    assert.equal(panel.lastView?.badge?.text, 'DELETING');
    assert.equal(external(prod.cloud_ml_id)?.kind, 'delete');
    await until('the instance node to be gone', () => external(prod.cloud_ml_id)?.outcome === 'deleted', 30_000);
    const after = await underCluster('ml-prod-cluster');
    assert.ok(after && label(after) !== 'ml-prod', `the cluster now shows ${after ? label(after) : 'nothing'}`);
    await until('the panel to say it is gone', () => panel.lastView?.notice?.tone === 'deleted', 10_000);
  });

  it('an instance the admin API puts into UPDATING is followed until it settles; notifyExternalChanges decides toast and status bar', async () => {
    const ui = new ScriptedUserInput();
    api.setUserInput(ui);
    const config = vscode.workspace.getConfiguration('scpCloudMl');
    const prod = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
    assert.ok(prod);
    emu.admin.forceState(prod.cloud_ml_id, 'UPDATING');
    await config.update('notifyExternalChanges', 'off', vscode.ConfigurationTarget.Global);
    const node = await underCluster('ml-prod-cluster');
    assert.ok(node);
    assert.equal(external(prod.cloud_ml_id)?.kind, 'update');
    assert.equal(api.tracker.snapshot().status.visible, false, '"off" keeps it out of the status bar');

    await config.update('notifyExternalChanges', 'notification', vscode.ConfigurationTarget.Global);
    await until('the status bar to show it', () => api.tracker.snapshot().status.text === '$(sync~spin) Cloud ML: updating ml-prod');
    emu.admin.forceState(prod.cloud_ml_id, 'DEPLOYED');
    await until('the update to settle', () => external(prod.cloud_ml_id)?.outcome === 'succeeded', 20_000);
    await until('the node to show DEPLOYED', () => description(node).includes('DEPLOYED'));
    assert.deepEqual(
      ui.messages.map((m) => [m.severity, m.message]),
      [['info', 'Cloud ML ml-prod is DEPLOYED']],
      '"notification" announces the end like an operation started here',
    );
  });
});
