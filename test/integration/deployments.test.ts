import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InstanceChange, OperationKind } from '../../src/deployments/instanceChange';
import type { TrackedOperation } from '../../src/deployments/trackedOperation';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi, TestTracker } from '../../src/extensionTestApi';
import { CANCEL, ScriptedUserInput } from '../support/scriptedUserInput';
import { FAST_RETRIES } from '../support/fastRetries';
import { until } from '../support/until';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';

const PROFILE_ID = 'test-deployments';
const REGISTRY_SECRET = 'registry-secret-Zq81-never-logged';
const TEST_STATUS_ITEM = 'scpCloudMl.deployments.test';

/**
 * The suite's clock: polls every 0.2 s (through the test API's poll clock: the setting itself is held to the
 * manifest's minimum of 1 s), deployments take 0.6 s in the emulator, and the client retries fast
 * (FAST_RETRIES). Every wait below is a number of these intervals, so the suite checks the same
 * behaviour as at the real values in a fraction of the time (the cadence itself is measured by `npm run bench`).
 */
const POLL_SECONDS = 0.2;
const POLL_MS = POLL_SECONDS * 1000;
const DEPLOY_SECONDS = 0.6;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function cloudMlRequests(emu: RunningEmulator): number {
  return Object.entries(emu.admin.counters().byRoute)
    .filter(([route]) => route.includes('/v1/cloud-ml'))
    .reduce((sum, [, count]) => sum + count, 0);
}

function showRequests(emu: RunningEmulator): number {
  return emu.admin.counters().byRoute['GET /v1/cloud-ml/{id}'] ?? 0;
}

describe('deployments', function () {
  this.timeout(120_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;
  let freeClusters: string[] = [];
  let imageId = '';
  let nameCounter = 0;
  const built: TestTracker[] = [];
  let storageCounter = 0;

  /**
   * A tracker built by the extension's own code (its class from the extension bundle, so its errors and the
   * session's are the same classes), on the extension's globalState under a test key and status item id.
   */
  function newTracker(ui: ScriptedUserInput, storageKey = `scpCloudMl.deployments.test-${++storageCounter}`): TestTracker {
    const tracker = api.newTracker({
      ui,
      state: api.storage.globalState,
      storageKey,
      statusItemId: TEST_STATUS_ITEM,
    });
    built.push(tracker);
    return tracker;
  }

  /** Creates a Cloud ML on a free RUNNING cluster (a real POST to the emulator) and returns what tracking needs. */
  async function createInstance(prefix: string): Promise<{ cloudMlId: string; clusterId: string; name: string }> {
    const clusterId = freeClusters.shift();
    assert.ok(clusterId, 'the emulator ran out of free RUNNING clusters');
    const name = `${prefix}-${++nameCounter}`;
    const session = await api.connection.session();
    const created = await session.cloudMl.create({
      cloud_ml_name: name,
      cluster_id: clusterId,
      image_id: imageId,
      domain_name: `${name}.ml.example.com`,
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGISTRYACCESS',
      custom_registry_access_secret_key: REGISTRY_SECRET,
    });
    return { cloudMlId: created.cloudMlId, clusterId, name };
  }

  function request(instance: { cloudMlId: string; clusterId: string; name: string }, kind: OperationKind = 'create') {
    return { profileId: PROFILE_ID, ...instance, kind };
  }

  function finishedOp(tracker: TestTracker, cloudMlId: string): TrackedOperation | undefined {
    return tracker.finished().find((op) => op.cloudMlId === cloudMlId);
  }

  before(async () => {
    api = await activateTestApi();
    emu = await startEmulator({ port: 0, deploySeconds: DEPLOY_SECONDS, clusters: 40 });
    api.setClientTiming(FAST_RETRIES);
    await saveEmulatorProfile(api, emu, { id: PROFILE_ID, name: 'deployments' });
    api.setPollTiming({ intervalSeconds: POLL_SECONDS });
    const state = emu.admin.snapshot();
    const taken = new Set(state.instances.map((i) => i.cluster_id));
    freeClusters = state.clusters.filter((c) => c.status === 'RUNNING' && !taken.has(c.id)).map((c) => c.id);
    imageId = state.images[0]?.image_id ?? '';
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    emu.admin.clearFaults();
    emu.admin.setDeploySeconds(DEPLOY_SECONDS);
    for (const tracker of built.splice(0)) {
      for (const op of tracker.inFlight()) tracker.stopTracking(op.profileId, op.cloudMlId);
      await tracker.flush();
      tracker.dispose();
    }
    for (let i = 1; i <= storageCounter; i++) await api.storage.globalState.update(`scpCloudMl.deployments.test-${i}`, undefined);
  });

  after(async () => {
    api.setPollTiming(undefined);
    api.setClientTiming(undefined);
    await api.connection.remove(PROFILE_ID, true);
    await emu?.close();
  });

  it('create: the status bar says "deploying <name>", then DEPLOYED hides it and notifies with "Open details"', async () => {
    // The extension's own tracker, with notifications through the extension's UserInput seam.
    const ui = new ScriptedUserInput();
    api.setUserInput(ui);
    const tracker = api.tracker;
    const changes: InstanceChange[] = [];
    const listener = tracker.onDidChangeInstance((c) => changes.push(c));
    try {
      const instance = await createInstance('dep');
      tracker.track(request(instance));
      assert.equal(tracker.isTracked(PROFILE_ID, instance.cloudMlId), true);
      const shown = tracker.snapshot().status;
      assert.equal(shown.visible, true);
      assert.equal(shown.text, `$(sync~spin) Cloud ML: deploying ${instance.name}`);
      await until('the create to settle', () => finishedOp(tracker, instance.cloudMlId) !== undefined);

      const done = finishedOp(tracker, instance.cloudMlId);
      assert.equal(done?.outcome, 'succeeded');
      assert.equal(done?.lastState, 'DEPLOYED');
      assert.equal(tracker.isTracked(PROFILE_ID, instance.cloudMlId), false);
      assert.equal(tracker.snapshot().status.visible, false, 'the item hides once nothing is in flight');
      assert.equal(tracker.snapshot().active, false, 'no timer stays armed');

      const note = ui.messages.find((m) => m.message.includes(instance.name));
      assert.ok(note, `no notification; messages: ${JSON.stringify(ui.messages)}`);
      assert.equal(note.severity, 'info');
      assert.equal(note.message, `Cloud ML ${instance.name} is DEPLOYED`);
      assert.deepEqual(note.actions, ['Open details']);
      assert.equal(note.modal, false);

      const last = changes.filter((c) => c.cloudMlId === instance.cloudMlId).at(-1);
      assert.ok(last?.settled, 'a settled InstanceChange was fired');
      assert.equal(last.detail?.cloud_ml_state, 'DEPLOYED');
      assert.equal(last.clusterId, instance.clusterId);
      assert.ok(api.logText().includes(`poll ${instance.name} CREATING -> DEPLOYED`), 'the transition is in the log');
    } finally {
      listener.dispose();
    }
  });

  it('two at once show "2 operations"; the one forced to ERROR gives an error notification while the other completes', async () => {
    emu.admin.setDeploySeconds(DEPLOY_SECONDS * 2); // the good one must still be deploying when the bad one ends
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const good = await createInstance('two-ok');
    const bad = await createInstance('two-bad');
    tracker.track(request(good));
    tracker.track(request(bad));
    assert.equal(tracker.snapshot().status.text, '$(sync~spin) Cloud ML: 2 operations');
    const tooltip = tracker.snapshot().status.tooltip;
    assert.ok(tooltip.includes(good.name) && tooltip.includes(bad.name), `tooltip lists both: ${tooltip}`);
    emu.admin.forceState(bad.cloudMlId, 'ERROR');

    await until('the failed one to end', () => finishedOp(tracker, bad.cloudMlId) !== undefined);
    assert.equal(tracker.isTracked(PROFILE_ID, good.cloudMlId), true, 'the other one is still followed');
    assert.equal(tracker.snapshot().status.text, `$(sync~spin) Cloud ML: deploying ${good.name}`);
    await until('the good one to end', () => finishedOp(tracker, good.cloudMlId) !== undefined);

    assert.equal(finishedOp(tracker, bad.cloudMlId)?.outcome, 'failed');
    assert.equal(finishedOp(tracker, good.cloudMlId)?.outcome, 'succeeded');
    const error = ui.messages.find((m) => m.severity === 'error');
    assert.ok(error, 'an error notification');
    assert.ok(error.message.startsWith(`Cloud ML ${bad.name} is ERROR`), error.message);
    assert.ok(error.actions.includes('Show log'));
    const success = ui.messages.find((m) => m.severity === 'info');
    assert.equal(success?.message, `Cloud ML ${good.name} is DEPLOYED`);
    assert.equal(tracker.snapshot().status.visible, false);
  });

  it('tracking resumes after the tracker is disposed and rebuilt from the same globalState', async () => {
    emu.admin.setDeploySeconds(DEPLOY_SECONDS * 2);
    const key = `scpCloudMl.deployments.test-${++storageCounter}`;
    const first = newTracker(new ScriptedUserInput(), key);
    const instance = await createInstance('resume');
    first.track(request(instance));
    await first.flush();
    first.dispose();
    assert.equal(first.snapshot().active, false, 'the disposed tracker polls no more');
    const stored = api.storage.globalState.get<TrackedOperation[]>(key) ?? [];
    assert.ok(stored.some((op) => op.cloudMlId === instance.cloudMlId && op.outcome === undefined), 'persisted as in flight');

    const ui = new ScriptedUserInput();
    const second = newTracker(ui, key);
    assert.equal(second.isTracked(PROFILE_ID, instance.cloudMlId), true, 'the rebuilt tracker knows the operation');
    assert.equal(second.snapshot().status.text, `$(sync~spin) Cloud ML: deploying ${instance.name}`);
    await until('the resumed create to settle', () => finishedOp(second, instance.cloudMlId) !== undefined);
    assert.equal(finishedOp(second, instance.cloudMlId)?.outcome, 'succeeded');
    assert.equal(ui.messages.at(-1)?.message, `Cloud ML ${instance.name} is DEPLOYED`);
    await second.flush();
    const after = api.storage.globalState.get<TrackedOperation[]>(key) ?? [];
    assert.equal(after.find((op) => op.cloudMlId === instance.cloudMlId)?.outcome, 'succeeded', 'the end is persisted too');
  });

  it('with nothing in flight no Cloud ML request is made for 10 intervals; with one in flight, one GET per interval', async function () {
    assert.equal(api.tracker.inFlight().length, 0);
    emu.admin.resetCounters();
    await sleep(10 * POLL_MS);
    assert.equal(cloudMlRequests(emu), 0, `Cloud ML requests at rest: ${JSON.stringify(emu.admin.counters().byRoute)}`);
    assert.equal(api.tracker.snapshot().active, false, 'no timer armed at rest');

    emu.admin.setDeploySeconds(600); // a long deployment: it stays CREATING during the window
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const instance = await createInstance('rate');
    tracker.track(request(instance));
    await until('the first poll', () => tracker.snapshot().inFlight[0]?.lastState === 'CREATING');
    emu.admin.resetCounters();
    const pollsBefore = tracker.snapshot().polls;
    await sleep(10 * POLL_MS);
    const gets = showRequests(emu);
    const polls = tracker.snapshot().polls - pollsBefore;
    // One GET per poll and nothing else; one per interval (plus each request's own time): at most 10, about 8-9.
    assert.equal(cloudMlRequests(emu), gets, 'only GET /v1/cloud-ml/{id} is called');
    assert.ok(Math.abs(gets - polls) <= 1, `GETs ${gets} vs polls ${polls}`);
    assert.ok(gets >= 6 && gets <= 11, `expected about one GET per interval over 10 intervals, got ${gets}`);
  });

  it('3 transient 503s in a row do not fail the operation', async () => {
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const instance = await createInstance('flaky');
    emu.admin.injectFault({ kind: 'status', status: 503, count: 3, method: 'GET', path: `/v1/cloud-ml/${instance.cloudMlId}` });
    tracker.track(request(instance));
    await until('the create to settle', () => finishedOp(tracker, instance.cloudMlId) !== undefined);
    assert.equal(finishedOp(tracker, instance.cloudMlId)?.outcome, 'succeeded');
    assert.equal(ui.messages.filter((m) => m.severity === 'error').length, 0);
    assert.ok(api.logText().includes(`/v1/cloud-ml/${instance.cloudMlId} -> 503`), 'the 503s were really answered');
  });

  it('polls failing beyond 3 in a row show "unknown — retrying", not failed, and recover', async () => {
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const instance = await createInstance('outage');
    // Every GET of this instance fails (the client's own retries included) until the faults are cleared.
    emu.admin.injectFault({ kind: 'status', status: 503, count: -1, method: 'GET', path: `/v1/cloud-ml/${instance.cloudMlId}` });
    tracker.track(request(instance));
    await until('3 failed polls', () => (tracker.snapshot().inFlight[0]?.failures ?? 0) >= 3, 40_000);
    assert.equal(tracker.snapshot().inFlight[0]?.retrying, false, 'three failures in a row are tolerated silently');
    await until('a 4th failed poll', () => tracker.snapshot().inFlight[0]?.retrying === true, 40_000);
    const status = tracker.snapshot().status;
    assert.equal(status.visible, true);
    assert.ok(status.tooltip.includes('unknown — retrying'), status.tooltip);
    assert.equal(tracker.isTracked(PROFILE_ID, instance.cloudMlId), true, 'still followed');
    assert.equal(ui.messages.length, 0, 'no failure was announced');

    emu.admin.clearFaults();
    await until('the create to settle after the outage', () => finishedOp(tracker, instance.cloudMlId) !== undefined, 60_000);
    assert.equal(finishedOp(tracker, instance.cloudMlId)?.outcome, 'succeeded');
    assert.equal(ui.messages.at(-1)?.message, `Cloud ML ${instance.name} is DEPLOYED`);
  });

  it('404 after a delete completes it as deleted', async () => {
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const changes: InstanceChange[] = [];
    const listener = tracker.onDidChangeInstance((c) => changes.push(c));
    try {
      const instance = await createInstance('gone');
      tracker.track(request(instance));
      await until('the create to settle', () => finishedOp(tracker, instance.cloudMlId) !== undefined);
      const session = await api.connection.session();
      await session.cloudMl.delete(instance.cloudMlId);
      tracker.track(request(instance, 'delete'));
      assert.equal(tracker.snapshot().status.text, `$(sync~spin) Cloud ML: deleting ${instance.name}`);
      await until('the delete to end', () => tracker.finished()[0]?.kind === 'delete');

      const done = tracker.finished()[0];
      assert.equal(done?.outcome, 'deleted');
      assert.equal(ui.messages.at(-1)?.message, `Cloud ML ${instance.name} was deleted`);
      assert.equal(ui.messages.at(-1)?.severity, 'info');
      const last = changes.at(-1);
      assert.deepEqual(
        { deleted: last?.deleted, settled: last?.settled, detail: last?.detail, cloudMlId: last?.cloudMlId },
        { deleted: true, settled: true, detail: undefined, cloudMlId: instance.cloudMlId },
      );
      assert.ok(api.logText().includes(`poll ${instance.name} DELETING -> deleted (404)`));
    } finally {
      listener.dispose();
    }
  });

  it('pauses while SCP rejects the credentials and resumes when they work again', async () => {
    const ui = new ScriptedUserInput();
    const tracker = newTracker(ui);
    const instance = await createInstance('auth');
    emu.admin.injectFault({ kind: 'gateway401', count: -1, method: 'GET', path: `/v1/cloud-ml/${instance.cloudMlId}` });
    tracker.track(request(instance));
    await until('the pause', () => tracker.snapshot().paused);
    assert.equal(api.connection.authFailed, true);
    await until('the running poll to end', () => !tracker.snapshot().active);
    emu.admin.resetCounters();
    await sleep(6 * POLL_MS);
    assert.equal(showRequests(emu), 0, 'no poll while the credentials are rejected');
    assert.equal(tracker.isTracked(PROFILE_ID, instance.cloudMlId), true);
    assert.ok(tracker.snapshot().status.tooltip.includes('paused'), tracker.snapshot().status.tooltip);

    emu.admin.clearFaults();
    // Any successful call clears the auth failure (as a refresh of the tree would).
    const session = await api.connection.session();
    await session.ske.listClusters({ page: 0, size: 1 });
    assert.equal(api.connection.authFailed, false);
    await until('the create to settle after the pause', () => finishedOp(tracker, instance.cloudMlId) !== undefined);
    assert.equal(finishedOp(tracker, instance.cloudMlId)?.outcome, 'succeeded');
  });

  it('polls only the active profile\'s operations, and stops following those of a removed profile', async () => {
    const otherId = `${PROFILE_ID}-other`;
    await saveEmulatorProfile(api, emu, { id: otherId, name: 'deployments-other', activate: false });
    try {
      const ui = new ScriptedUserInput();
      const tracker = newTracker(ui);
      const instance = await createInstance('other');
      emu.admin.resetCounters();
      tracker.track({ ...request(instance), profileId: otherId });
      await sleep(6 * POLL_MS);
      assert.equal(showRequests(emu), 0, 'an inactive profile\'s operation is not polled');
      assert.equal(tracker.snapshot().active, false, 'no timer for it');
      assert.equal(tracker.snapshot().status.visible, false, 'the item shows the active profile\'s operations only');
      assert.equal(tracker.isTracked(otherId, instance.cloudMlId), true);

      await api.connection.activate(otherId);
      await until('the create to settle once its profile is active', () => finishedOp(tracker, instance.cloudMlId) !== undefined);
      assert.equal(finishedOp(tracker, instance.cloudMlId)?.outcome, 'succeeded');

      // Removing the active profile fires a profile change: its operations stop at once.
      const orphan = await createInstance('orphan');
      tracker.track({ ...request(orphan), profileId: otherId });
      await api.connection.remove(otherId, true);
      assert.equal(tracker.isTracked(otherId, orphan.cloudMlId), false);
      assert.equal(finishedOp(tracker, orphan.cloudMlId)?.outcome, 'stopped');
      await api.connection.activate(PROFILE_ID);

      // Removing an INACTIVE profile fires no event; the next look at the list forgets its operations.
      await saveEmulatorProfile(api, emu, { id: otherId, name: 'deployments-other', activate: false });
      const stray = await createInstance('stray');
      api.tracker.track({ ...request(stray), profileId: otherId });
      await api.connection.remove(otherId, true);
      assert.equal(api.tracker.isTracked(otherId, stray.cloudMlId), true);
      api.setUserInput(new ScriptedUserInput([CANCEL]));
      await vscode.commands.executeCommand('scpCloudMl.showDeployments');
      assert.equal(api.tracker.isTracked(otherId, stray.cloudMlId), false);
      assert.equal(finishedOp(api.tracker, stray.cloudMlId)?.outcome, 'stopped');
    } finally {
      if (api.connection.activeProfile()?.id !== PROFILE_ID) await api.connection.activate(PROFILE_ID);
      if (api.connection.profiles().some((p) => p.id === otherId)) await api.connection.remove(otherId, true);
    }
  });

  it('gives up after pollTimeoutMinutes with a warning, leaving the instance as it was', async () => {
    api.setPollTiming({ intervalSeconds: POLL_SECONDS, timeoutMinutes: 0.02 }); // 1.2 s, far under the manifest's minimum
    try {
      emu.admin.setDeploySeconds(600);
      const ui = new ScriptedUserInput();
      const tracker = newTracker(ui);
      const instance = await createInstance('slow');
      tracker.track(request(instance));
      await until('the timeout', () => finishedOp(tracker, instance.cloudMlId) !== undefined);
      const done = finishedOp(tracker, instance.cloudMlId);
      assert.equal(done?.outcome, 'timedOut');
      assert.equal(done?.lastState, 'CREATING');
      const warning = ui.messages.at(-1);
      assert.equal(warning?.severity, 'warn');
      assert.ok(warning?.message.startsWith(`Stopped following Cloud ML ${instance.name} after 0.02 minutes; it was still CREATING.`), warning?.message);
      assert.deepEqual(warning?.actions, ['Show log']);
      assert.equal(tracker.snapshot().active, false);
    } finally {
      api.setPollTiming({ intervalSeconds: POLL_SECONDS });
    }
  });

  it('showDeployments focuses the Activity view, which lists the operation; Stop Following there stops tracking it', async () => {
    emu.admin.setDeploySeconds(600);
    const tracker = api.tracker;
    const instance = await createInstance('listed');
    tracker.track(request(instance));
    await vscode.commands.executeCommand('scpCloudMl.showDeployments');
    await until('the Activity view to show', () => api.activity.treeView.visible);

    const entry = api.activity.entries().inFlight.find((e) => e.operation.cloudMlId === instance.cloudMlId);
    assert.ok(entry, 'the operation is listed in flight');
    const item = api.activity.itemOf(entry);
    assert.equal(item.label, instance.name);
    assert.match(String(item.description), /^create · .+ · \d+s · started here$/);
    assert.ok(api.activity.entries().finished.some((e) => e.operation.name.startsWith('dep-') && e.operation.outcome === 'succeeded'), 'the finished create of the first test is listed');

    await vscode.commands.executeCommand('scpCloudMl.stopTracking', entry);
    assert.equal(tracker.isTracked(PROFILE_ID, instance.cloudMlId), false);
    assert.equal(finishedOp(tracker, instance.cloudMlId)?.outcome, 'stopped');
    // Showing the container loads the tree, which may find this suite's other long deployments and follow them:
    // only this one must be gone from the status bar.
    assert.ok(!tracker.snapshot().status.tooltip.includes(`${instance.name} (`), tracker.snapshot().status.tooltip);
    assert.ok(!tracker.snapshot().inFlight.some((op) => op.cloudMlId === instance.cloudMlId));
  });

  it('the log holds the request lines and no secret value', () => {
    const log = api.logText();
    assert.match(log, /GET http:\/\/127\.0\.0\.1:\d+\/v1\/cloud-ml\/[0-9a-f]{32} -> 200 \(\d+ ms\)/);
    assert.match(log, /POST http:\/\/127\.0\.0\.1:\d+\/v1\/cloud-ml -> 200 \(\d+ ms\)/);
    assert.ok(!log.includes(emu.secretKey), 'the SCP secret key is not in the log');
    assert.ok(!log.includes(REGISTRY_SECRET), 'the registry secret key is not in the log');
    assert.ok(!/signature[=:]\s*[A-Za-z0-9+/]{20,}/i.test(log), 'no signature value in the log');
  });
});
