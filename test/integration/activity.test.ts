import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../src/deployments/activityEntry';
import { formatElapsed } from '../../src/deployments/deploymentsStatus';
import type { TrackedOperation } from '../../src/deployments/trackedOperation';
import type { InstanceRecord } from '../../src/emulator/emulatorState';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi, TestTracker } from '../../src/extensionTestApi';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';
import { disposeWhenDrawn } from '../support/disposeWhenDrawn';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { until } from '../support/until';

const PROFILE_ID = 'test-activity';
const POLL_SECONDS = 0.2;
const DEPLOY_SECONDS = 0.8;
const RELOAD_KEY = 'scpCloudMl.deployments.test-activity-reload';

/**
 * The Activity view: operations in flight and finished, per profile, from the tracker's list in globalState. A
 * window reload is a tracker rebuilt from the same stored list (as VS Code does on start); the e2e layer reloads
 * the real page.
 */
describe('activity', function () {
  this.timeout(120_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  const rebuilt: TestTracker[] = [];
  const activity = (): ExtensionTestApi['activity'] => api.activity;
  const tracker = (): TestTracker => api.tracker;

  const instanceNamed = (name: string): InstanceRecord => {
    const found = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
    assert.ok(found, `no instance ${name}`);
    return found;
  };
  const targetOf = (instance: InstanceRecord) => ({
    kind: 'instance' as const,
    profileId: PROFILE_ID,
    clusterId: instance.cluster_id,
    clusterName: instance.cluster_id,
    cloudMlId: instance.cloud_ml_id,
    name: instance.cloud_ml_name,
    state: instance.cloud_ml_state,
  });

  /** The real update command, scripted: it records the write, sends the PUT and tracks it. */
  async function updateDescription(name: string, description: string): Promise<void> {
    const ui = new ScriptedUserInput([description]);
    api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.update', targetOf(instanceNamed(name)));
    ui.assertFinished();
  }

  const finishedEntry = (cloudMlId: string): ActivityEntry | undefined => activity().entries().finished.find((e) => e.operation.cloudMlId === cloudMlId);
  const describe_ = (entry: ActivityEntry): string => String(activity().itemOf(entry).description ?? '');

  // The reloaded list lives in workspaceState, which nothing else writes: the extension's own tracker and profiles
  // keep writing globalState meanwhile, and the list under test must be exactly what the test stored.
  function rebuild(ui = new ScriptedUserInput()): TestTracker {
    const built = api.newTracker({ ui, state: api.storage.workspaceState, storageKey: RELOAD_KEY, statusItemId: 'scpCloudMl.deployments.test-activity' });
    rebuilt.push(built);
    return built;
  }

  before(async () => {
    api = await activateTestApi();
    emu = await startEmulator({ port: 0, deploySeconds: DEPLOY_SECONDS });
    api.setPollTiming({ intervalSeconds: POLL_SECONDS });
    await saveEmulatorProfile(api, emu, { id: PROFILE_ID, name: 'activity' });
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    for (const panel of api.panels.detailsPanels()) await disposeWhenDrawn(panel);
    for (const t of rebuilt.splice(0)) {
      await t.flush();
      t.dispose();
    }
    await api.storage.workspaceState.update(RELOAD_KEY, undefined);
    for (const op of tracker().inFlight()) if (op.profileId === PROFILE_ID && op.cloudMlId) tracker().stopTracking(PROFILE_ID, op.cloudMlId);
    emu.admin.clearFaults();
    emu.admin.reset();
    emu.admin.setDeploySeconds(DEPLOY_SECONDS);
  });

  after(async () => {
    api.setPollTiming(undefined);
    await api.connection.remove(PROFILE_ID, true);
    await emu.close();
  });

  it('is empty at first and says what will appear', () => {
    assert.deepEqual(activity().getChildren(), []);
    const manifest = vscode.extensions.getExtension('scp-tools.scp-cloud-ml')?.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string }[] } };
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'scpCloudMl.activity');
    assert.ok(welcome, 'the Activity view has an empty-state text');
  });

  it('lists an update in flight, then finished with its duration and result; a refused one with its sentence', async () => {
    const prod = instanceNamed('ml-prod');
    await updateDescription('ml-prod', 'first change');
    const live = activity().entries().inFlight.find((e) => e.operation.cloudMlId === prod.cloud_ml_id);
    assert.ok(live, 'the update is listed in flight');
    assert.match(describe_(live), /^update · (UPDATING|waiting for the first answer) · \d+s · started here$/);
    assert.deepEqual(activity().getChildren().map((g) => (g.kind === 'activityGroup' ? g.group : '')), ['inFlight']);

    await until('the update to finish', () => finishedEntry(prod.cloud_ml_id) !== undefined);
    const done = finishedEntry(prod.cloud_ml_id);
    assert.ok(done);
    const op = done.operation;
    const took = (op.finished ?? 0) - op.started;
    assert.ok(took >= DEPLOY_SECONDS * 1000, `it took ${took} ms, at least the emulator's deployment`);
    assert.equal(describe_(done), `update · DEPLOYED · took ${formatElapsed(took)}`);
    assert.equal(op.outcome, 'succeeded');
    assert.match(op.requestId ?? '', /./, 'the request id SCP gave the write is kept');

    // A write SCP refuses: the row says so with the sentence the user saw.
    await tracker().record({ profileId: PROFILE_ID, clusterId: prod.cluster_id, cloudMlId: prod.cloud_ml_id, name: 'ml-prod', kind: 'update' });
    tracker().release({ profileId: PROFILE_ID, clusterId: prod.cluster_id, cloudMlId: prod.cloud_ml_id, refusal: 'SCP is busy with this instance. Try again later.' });
    const refused = activity().entries().finished[0];
    assert.ok(refused);
    assert.equal(refused.operation.outcome, 'rejected');
    assert.ok(describe_(refused).startsWith('update · refused · took '), describe_(refused));
    const tooltip = activity().itemOf(refused).tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.replace(/&nbsp;/g, ' ').includes('Why: SCP is busy with this instance. Try again later.'), tooltip.value);
  });

  it('shows how long an update usually takes once two are known, and past twice that says it is taking longer', async () => {
    await updateDescription('ml-prod', 'second change');
    await until('the second update to finish', () => tracker().inFlight().every((op) => op.profileId !== PROFILE_ID));
    const usual = tracker().usualDuration(PROFILE_ID, 'update');
    assert.ok(usual !== undefined && usual >= DEPLOY_SECONDS * 1000, `usual ${usual}`);

    emu.admin.setDeploySeconds(600);
    await updateDescription('ml-prod', 'a slow change');
    const live = (): ActivityEntry | undefined => activity().entries().inFlight.find((e) => e.operation.name === 'ml-prod');
    assert.match(describe_(live()!), /· usually about \d+ s$/);
    await until('the hint that it is taking longer than usual', () => describe_(live()!).endsWith('taking longer than usual'), 20_000, () => describe_(live()!));
    assert.match(String(activity().itemOf(live()!).contextValue), /\.slow$/, 'the row offers the log inline');
    // The status item is redrawn at each poll: the next one after the threshold says it too.
    await until('the status item to say it', () => tracker().snapshot().status.slow === true);
    const status = tracker().snapshot().status;
    assert.match(status.tooltip, /usually about \d+ s · taking longer than usual/);
  });

  it('its rows open the details, copy the request id and show the log; Clear forgets the finished ones only', async () => {
    const prod = instanceNamed('ml-prod');
    emu.admin.setDeploySeconds(600);
    await updateDescription('ml-prod', 'kept in flight');
    const entry = activity().entries().inFlight.find((e) => e.operation.cloudMlId === prod.cloud_ml_id);
    assert.ok(entry);
    const item = activity().itemOf(entry);
    assert.equal(item.command?.command, 'scpCloudMl.showDetails');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.ok(api.panels.detailsPanel(PROFILE_ID, prod.cloud_ml_id), 'the row opened the details panel');

    await until('the request id from the first answer', () => activity().entries().inFlight.some((e) => e.operation.requestId !== undefined));
    const withId = activity().entries().inFlight.find((e) => e.operation.cloudMlId === prod.cloud_ml_id);
    assert.ok(withId?.operation.requestId);
    await vscode.commands.executeCommand('scpCloudMl.copyRequestId', withId);
    assert.equal(await vscode.env.clipboard.readText(), withId.operation.requestId);
    await vscode.commands.executeCommand('scpCloudMl.showLog', withId);

    assert.ok(activity().entries().finished.length > 0);
    await vscode.commands.executeCommand('scpCloudMl.clearActivity');
    assert.deepEqual(activity().entries().finished, [], 'the finished ones are gone');
    assert.equal(activity().entries().inFlight.length, 1, 'the one in flight stays');
    assert.deepEqual(tracker().finished().filter((op) => op.profileId === PROFILE_ID), []);
  });

  it('an update is recorded, and stored, before its request goes out', async () => {
    const prod = instanceNamed('ml-prod');
    emu.admin.injectFault({ kind: 'latency', ms: 1500, method: 'PUT', path: '/v1/cloud-ml' });
    const ui = new ScriptedUserInput(['sent slowly']);
    api.setUserInput(ui);
    emu.admin.resetCounters();
    const done = vscode.commands.executeCommand('scpCloudMl.update', targetOf(prod));
    await until('the PUT to reach SCP', () => (emu.admin.counters().byRoute['PUT /v1/cloud-ml/{id}'] ?? 0) === 1, 20_000, () => `${JSON.stringify(emu.admin.counters().byRoute)} ${JSON.stringify(ui.prompts.map((p) => p.title))} ${api.logText().split('\n').slice(-6).join(' | ')}`);
    // The emulator holds the PUT: its answer has not come, yet the write is already in globalState.
    const stored = api.storage.globalState.get<TrackedOperation[]>('scpCloudMl.deployments') ?? [];
    const record = stored.find((op) => op.cloudMlId === prod.cloud_ml_id && op.outcome === undefined);
    assert.ok(record, 'the update is stored while its request is on its way');
    assert.equal(record.confirmed, false);
    assert.equal(record.kind, 'update');
    assert.equal(activity().entries().inFlight.find((e) => e.operation.cloudMlId === prod.cloud_ml_id)?.operation.confirmed, false);
    assert.equal(tracker().isTracked(PROFILE_ID, prod.cloud_ml_id), false, 'not followed before SCP accepted it');
    await done;
    ui.assertFinished();
    assert.ok(tracker().isTracked(PROFILE_ID, prod.cloud_ml_id), 'followed once accepted');
    assert.equal(tracker().inFlight().find((op) => op.cloudMlId === prod.cloud_ml_id)?.confirmed, undefined);
  });

  it('survives a reload: what was recorded before the request went out is reconciled with SCP, never shown as done unseen', async () => {
    const prod = instanceNamed('ml-prod');
    const analytics = instanceNamed('analytics-dev-ml');
    const sandbox = emu.admin.snapshot().clusters.find((c) => c.name === 'ds-sandbox');
    assert.ok(sandbox);
    emu.admin.forceState(analytics.cloud_ml_id, 'DEPLOYED');
    emu.admin.setDeploySeconds(2);
    // The stored list as a window left it: an update whose PUT went out (SCP is applying it), an update that never
    // left (SCP shows no change), a create whose POST went out but whose answer (and id) never came, and a finished one.
    const session = await api.connection.session();
    await session.cloudMl.updateDescription(prod.cloud_ml_id, 'sent just before the reload');
    const created = await session.cloudMl.create({
      cloud_ml_name: 'before-reload',
      cluster_id: sandbox.id,
      image_id: emu.admin.snapshot().images[0]?.image_id ?? '',
      domain_name: 'before-reload.example.com',
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGISTRYACCESS',
      custom_registry_access_secret_key: 'registry-secret-never-shown',
    });
    const now = Date.now();
    const stored: TrackedOperation[] = [
      { profileId: PROFILE_ID, cloudMlId: prod.cloud_ml_id, clusterId: prod.cluster_id, name: 'ml-prod', kind: 'update', started: now - 500, confirmed: false },
      { profileId: PROFILE_ID, cloudMlId: analytics.cloud_ml_id, clusterId: analytics.cluster_id, name: 'analytics-dev-ml', kind: 'update', started: now - 500, confirmed: false },
      { profileId: PROFILE_ID, cloudMlId: '', clusterId: sandbox.id, name: 'before-reload', kind: 'create', started: now - 500, confirmed: false },
      { profileId: PROFILE_ID, cloudMlId: 'f'.repeat(32), clusterId: 'c', name: 'old', kind: 'delete', started: now - 9000, finished: now - 4000, outcome: 'deleted' },
    ];
    await api.storage.workspaceState.update(RELOAD_KEY, stored);
    assert.equal(api.storage.workspaceState.get<TrackedOperation[]>(RELOAD_KEY)?.length, 4, 'the list as the window left it is stored');

    const ui = new ScriptedUserInput();
    const after = rebuild(ui);
    assert.equal(after.inFlight().length, 3, 'every record is followed again');
    assert.equal(after.finished()[0]?.name, 'old', 'the finished one is still listed');
    await until('all three to be reconciled', () => after.inFlight().length === 0, 30_000, () => JSON.stringify(after.inFlight()));
    const outcome = (name: string): string | undefined => after.finished().find((op) => op.name === name)?.outcome;
    assert.equal(outcome('ml-prod'), 'succeeded', 'the update SCP was applying is followed to its end');
    assert.equal(outcome('analytics-dev-ml'), 'unconfirmed', 'no sign of the update that never left: not shown as done');
    assert.equal(outcome('before-reload'), 'succeeded', 'the create is found on its cluster by name');
    assert.equal(after.finished().find((op) => op.name === 'before-reload')?.cloudMlId, created.cloudMlId);
    assert.ok(ui.messages.some((m) => m.message === 'Cloud ML ml-prod is DEPLOYED'), JSON.stringify(ui.messages));
    assert.ok(!ui.messages.some((m) => m.message.includes('analytics-dev-ml')), 'nothing is announced for a write that left no trace');
  });
});
