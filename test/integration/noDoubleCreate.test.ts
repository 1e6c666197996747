import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterRecord, ImageRecord } from '../../src/emulator/emulatorState';
import { clusterNamed, clusterTarget, instancesNamed, instanceTarget, requestsTo } from '../support/emulatorTargets';
import { ScriptedUserInput, type MessageAnswer, type ScriptedAnswer } from '../support/scriptedUserInput';
import { until } from '../support/until';
import { useActionsFixture } from './actionsFixture';
import { CREATE, createFormAnswers } from './createForm';

const PROFILE_ID = 'test-no-double-create';
const POST = 'POST /v1/cloud-ml';

/**
 * A create whose outcome is unknown must never be sent twice, and never be left behind untracked: whatever
 * way leads to the next POST first asks SCP, and a request the user stopped waiting for is followed to its end.
 * Each test ends with exactly one instance on the cluster (the emulator's own counters), tracked.
 */
describe('no double create', function () {
  this.timeout(120_000);
  const fixture = useActionsFixture(PROFILE_ID);
  let sandbox: ClusterRecord;
  let image: ImageRecord;

  before(() => {
    const { emu } = fixture();
    sandbox = clusterNamed(emu, 'ds-sandbox');
    image = emu.admin.snapshot().images.find((i) => !i.copilot_enabled)!;
  });

  function start(answers: ScriptedAnswer[], messageAnswers: MessageAnswer[]): { ui: ScriptedUserInput; done: Thenable<unknown> } {
    const ui = new ScriptedUserInput(answers, { messageAnswers });
    fixture().api.setUserInput(ui);
    return { ui, done: vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(fixture(), 'ds-sandbox')) };
  }

  function onlyInstanceOnSandbox(): { cloud_ml_id: string; cloud_ml_name: string; description?: string } {
    const onCluster = fixture().emu.admin.snapshot().instances.filter((i) => i.cluster_id === sandbox.id);
    assert.equal(onCluster.length, 1, 'exactly one instance on the cluster');
    return onCluster[0];
  }

  it('a POST that applied and then failed (503), then Edit and Create again: the first instance is adopted, nothing is sent again', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'applyThenFail', status: 503, method: 'POST', path: '/v1/cloud-ml' });
    const { ui, done } = start([...createFormAnswers(sandbox, image, 'ml-first', 'typed once'), CREATE, CREATE], ['Edit']);
    await done;
    ui.assertFinished();
    assert.equal(requestsTo(emu, POST), 1, 'the create was sent once');
    const instance = onlyInstanceOnSandbox();
    assert.equal(instance.cloud_ml_name, 'ml-first');
    assert.equal(instance.description, 'typed once', 'what was typed is what SCP holds');
    assert.ok(api.services.tracker.isTracked(profileId, instance.cloud_ml_id), 'the adopted instance is tracked');
    const summaries = ui.prompts.filter((p) => p.step === undefined);
    assert.equal(summaries.length, 2, 'Edit went back to the summary');
    assert.deepEqual(summaries[1]?.items.map((i) => i.description), summaries[0]?.items.map((i) => i.description), 'nothing typed was lost');
    assert.ok(
      ui.messages.some((m) => m.severity === 'info' && m.message.includes('went through after all') && m.message.includes('ml-first')),
      'the user is told the first request went through',
    );
    assert.ok(!api.logText().includes('cluster already has a Cloud ML'));
  });

  it('after the same failure, Edit to a new name and Create: the first instance (old name) is adopted, the new name is not sent', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'applyThenFail', status: 503, method: 'POST', path: '/v1/cloud-ml' });
    const { ui, done } = start([...createFormAnswers(sandbox, image, 'ml-first', 'typed once'), CREATE, 'Edit Name…', 'ml-renamed', CREATE], ['Edit']);
    await done;
    ui.assertFinished();
    assert.equal(requestsTo(emu, POST), 1);
    const instance = onlyInstanceOnSandbox();
    assert.equal(instance.cloud_ml_name, 'ml-first');
    assert.equal(instancesNamed(emu, 'ml-renamed').length, 0);
    assert.ok(api.services.tracker.isTracked(profileId, instance.cloud_ml_id));
  });

  it('when SCP cannot say whether the first POST landed, nothing is sent; Retry looks again and adopts it', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'applyThenFail', status: 503, method: 'POST', path: '/v1/cloud-ml' });
    // After the failed POST, SCP's cluster lookup fails until the user picks Retry: the look after Edit cannot answer.
    const lookupFails = (): string => {
      emu.admin.injectFault({ kind: 'status', status: 503, method: 'GET', path: `/v1/cloud-ml/clusters/${sandbox.id}`, count: -1 });
      return 'Edit';
    };
    const lookupWorks = (): string => {
      emu.admin.clearFaults();
      return 'Retry';
    };
    const { ui, done } = start([...createFormAnswers(sandbox, image, 'ml-first', ''), CREATE, CREATE], [lookupFails, lookupWorks]);
    await done;
    ui.assertFinished();
    const unknown = ui.messages.find((m) => m.message.includes('Could not find out whether the earlier request'));
    assert.ok(unknown, `the failed lookup is said; messages: ${ui.messages.map((m) => m.message).join(' | ')}`);
    assert.ok(unknown.actions.includes('Retry'));
    assert.equal(requestsTo(emu, POST), 1);
    assert.ok(api.services.tracker.isTracked(profileId, onlyInstanceOnSandbox().cloud_ml_id));
  });

  it('Cancel while the POST is on its way: the request settles in the background, and the instance it created is tracked', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'latency', ms: 1500, method: 'POST', path: '/v1/cloud-ml' });
    const { ui, done } = start([...createFormAnswers(sandbox, image, 'ml-cancelled', 'typed before cancel'), CREATE], []);
    await until('the POST is on its way', () => requestsTo(emu, POST) === 1 && ui.progress.some((p) => p.title.includes('ml-cancelled') && !p.finished));
    ui.cancelRunningProgress();
    await done;
    await until('the instance is tracked', () => emu.admin.snapshot().instances.some((i) => i.cloud_ml_name === 'ml-cancelled' && api.services.tracker.isTracked(profileId, i.cloud_ml_id)));
    ui.assertFinished();
    assert.equal(requestsTo(emu, POST), 1);
    const instance = onlyInstanceOnSandbox();
    assert.equal(instance.description, 'typed before cancel');
    await until('the user is told', () => ui.messages.some((m) => m.severity === 'info' && m.message.includes('ml-cancelled')));
    assert.ok(api.services.tracker.snapshot().status.visible, 'the status bar shows the deployment');
  });

  it('Cancel while a delete is on its way: it is tracked once it settles', async () => {
    const { api, emu, profileId } = fixture();
    const target = instanceTarget(fixture(), 'ml-prod');
    emu.admin.injectFault({ kind: 'latency', ms: 1500, method: 'DELETE', path: '/v1/cloud-ml' });
    const ui = new ScriptedUserInput(['ml-prod']);
    api.setUserInput(ui);
    const done = vscode.commands.executeCommand('scpCloudMl.delete', target);
    await until('the DELETE is on its way', () => requestsTo(emu, 'DELETE /v1/cloud-ml/{id}') === 1);
    ui.cancelRunningProgress();
    await done;
    await until('the delete is tracked', () => api.services.tracker.isTracked(profileId, target.cloudMlId));
    assert.equal(emu.admin.snapshot().instances.find((i) => i.cloud_ml_id === target.cloudMlId)?.cloud_ml_state, 'DELETING');
  });
});
