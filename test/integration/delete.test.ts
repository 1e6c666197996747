import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InputOptions, UserInput } from '../../src/ui/userInput';
import { clusterNamed, instanceNamed, instanceTarget, requestsTo } from '../support/emulatorTargets';
import { CANCEL, ScriptedUserInput, type MessageAnswer, type ScriptedAnswer } from '../support/scriptedUserInput';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-actions-delete';
const DELETE = 'DELETE /v1/cloud-ml/{id}';
const CHECK_RELEASABLE = 'GET /v1/cloud-ml/clusters/{id}/check-releasable';

/** A box that accepts whatever is typed (no validation while typing): the command must check the name itself. */
function withoutTypingValidation(inner: ScriptedUserInput): UserInput {
  return {
    pick: (items, options) => inner.pick(items, options),
    input: (options: InputOptions) => inner.input({ ...options, validate: undefined }),
    info: (message, options, ...actions) => inner.info(message, options, ...actions),
    warn: (message, options, ...actions) => inner.warn(message, options, ...actions),
    error: (message, options, ...actions) => inner.error(message, options, ...actions),
    withProgress: (options, task) => inner.withProgress(options, task),
  };
}

describe('delete', function () {
  this.timeout(60_000);
  const fixture = useActionsFixture(PROFILE_ID);

  async function run(command: string, answers: ScriptedAnswer[], arg?: unknown, messageAnswers: MessageAnswer[] = []): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput(answers, { messageAnswers });
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand(command, arg);
    ui.assertFinished();
    return ui;
  }

  it('deletes after the exact name is typed, and tracks the deletion', async () => {
    const { api, emu, profileId } = fixture();
    const target = instanceTarget(fixture(), 'ml-prod');
    const ui = await run('scpCloudMl.delete', ['ml-prod'], target);
    assert.equal(ui.prompts.length, 1);
    assert.match(ui.prompts[0].prompt ?? '', /Type ml-prod/);
    assert.equal(requestsTo(emu, CHECK_RELEASABLE), 1, 'check-releasable ran first');
    assert.equal(requestsTo(emu, DELETE), 1);
    assert.equal(instanceNamed(emu, 'ml-prod')?.cloud_ml_state, 'DELETING');
    assert.equal(api.tracker.inFlight().find((op) => op.profileId === profileId && op.cloudMlId === target.cloudMlId)?.kind, 'delete');
  });

  it('is refused while the instance is transitional, before asking anything', async () => {
    const { emu } = fixture();
    const ui = await run('scpCloudMl.delete', [], instanceTarget(fixture(), 'analytics-dev-ml'));
    assert.equal(ui.prompts.length, 0);
    assert.equal(ui.messages.length, 1);
    assert.equal(ui.messages[0].severity, 'warn');
    assert.match(ui.messages[0].message, /analytics-dev-ml is CREATING/);
    assert.equal(requestsTo(emu, DELETE), 0);
    assert.equal(requestsTo(emu, CHECK_RELEASABLE), 0);
  });

  it('reads the instance again: a tree node that still says DEPLOYED does not get past a transitional state', async () => {
    const { emu } = fixture();
    const target = instanceTarget(fixture(), 'ml-prod');
    emu.admin.forceState(target.cloudMlId, 'UPDATING');
    const ui = await run('scpCloudMl.delete', [], target);
    assert.match(ui.messages[0].message, /UPDATING/);
    assert.equal(requestsTo(emu, DELETE), 0);
  });

  it('is refused when SCP says the Cloud ML is not releasable, listing the exceptions', async () => {
    const { emu } = fixture();
    emu.admin.setReleasable(clusterNamed(emu, 'ml-prod-cluster').id, ['Notebook servers are still running', 'A model endpoint is in use']);
    const ui = await run('scpCloudMl.delete', [], instanceTarget(fixture(), 'ml-prod'));
    assert.equal(ui.prompts.length, 0, 'no confirmation is asked');
    assert.equal(ui.messages.length, 1);
    assert.match(ui.messages[0].message, /Notebook servers are still running/);
    assert.match(ui.messages[0].message, /A model endpoint is in use/);
    assert.equal(requestsTo(emu, DELETE), 0);
  });

  it('a wrong typed name deletes nothing (case-sensitive)', async () => {
    const { emu } = fixture();
    const ui = await run('scpCloudMl.delete', ['ML-PROD', 'ml-pro', 'ml-prod ', CANCEL], instanceTarget(fixture(), 'ml-prod'));
    assert.deepEqual(ui.prompts[0].rejected.map((r) => r.text), ['ML-PROD', 'ml-pro', 'ml-prod ']);
    assert.equal(requestsTo(emu, DELETE), 0);
    assert.equal(instanceNamed(emu, 'ml-prod')?.cloud_ml_state, 'DEPLOYED');
  });

  it('checks the typed name again after the box closed', async () => {
    const { api, emu } = fixture();
    const scripted = new ScriptedUserInput(['ML-PROD']);
    api.setUserInput(withoutTypingValidation(scripted));
    await vscode.commands.executeCommand('scpCloudMl.delete', instanceTarget(fixture(), 'ml-prod'));
    scripted.assertFinished();
    assert.equal(scripted.prompts[0].outcome, 'typed', 'the box itself let the wrong name through');
    assert.equal(requestsTo(emu, DELETE), 0);
  });

  describe('with deleteConfirmation = modal', () => {
    before(async () => {
      await vscode.workspace.getConfiguration('scpCloudMl').update('deleteConfirmation', 'modal', vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('scpCloudMl').update('deleteConfirmation', undefined, vscode.ConfigurationTarget.Global);
    });

    it('asks with a modal warning: dismissing deletes nothing, "Delete" deletes', async () => {
      const { emu } = fixture();
      const target = instanceTarget(fixture(), 'ml-prod');
      const dismissed = await run('scpCloudMl.delete', [], target, [undefined]);
      assert.equal(dismissed.prompts.length, 0, 'no name to type in modal mode');
      assert.equal(dismissed.messages[0].modal, true);
      assert.deepEqual(dismissed.messages[0].actions, ['Delete']);
      assert.equal(requestsTo(emu, DELETE), 0);

      await run('scpCloudMl.delete', [], target, ['Delete']);
      assert.equal(requestsTo(emu, DELETE), 1);
      assert.equal(instanceNamed(emu, 'ml-prod')?.cloud_ml_state, 'DELETING');
    });
  });

  it('from the palette asks which instance first', async () => {
    const { emu } = fixture();
    const ui = await run('scpCloudMl.delete', ['recsys-ml', 'recsys-ml']);
    assert.equal(ui.prompts[0].kind, 'pick');
    assert.equal(instanceNamed(emu, 'recsys-ml')?.cloud_ml_state, 'DELETING');
  });

  it('a failed DELETE offers Retry, which looks before sending again', async () => {
    const { emu } = fixture();
    emu.admin.injectFault({ kind: 'applyThenFail', status: 500, method: 'DELETE' });
    const ui = await run('scpCloudMl.delete', ['ml-prod'], instanceTarget(fixture(), 'ml-prod'), ['Retry']);
    assert.deepEqual(ui.messages.find((m) => m.severity === 'error')?.actions, ['Retry', 'Show log']);
    assert.equal(requestsTo(emu, DELETE), 1, 'the DELETE that went through was not sent again');
    assert.equal(instanceNamed(emu, 'ml-prod')?.cloud_ml_state, 'DELETING');
  });

  describe('checkReleasable', () => {
    it('says when the Cloud ML can be released', async () => {
      const ui = await run('scpCloudMl.checkReleasable', [], instanceTarget(fixture(), 'ml-prod'));
      assert.equal(ui.messages.length, 1);
      assert.equal(ui.messages[0].severity, 'info');
      assert.match(ui.messages[0].message, /ml-prod can be released/);
    });

    it('lists the exceptions when it cannot', async () => {
      const { emu } = fixture();
      emu.admin.setReleasable(clusterNamed(emu, 'ml-prod-cluster').id, ['Volumes are still attached']);
      const ui = await run('scpCloudMl.checkReleasable', ['ml-prod']);
      assert.equal(ui.prompts[0].kind, 'pick', 'from the palette it asks which instance');
      assert.equal(ui.messages[0].severity, 'warn');
      assert.match(ui.messages[0].message, /Volumes are still attached/);
    });

    it('shows a failure as one sentence with Show log; cancel is silent', async () => {
      const { emu } = fixture();
      const target = instanceTarget(fixture(), 'ml-prod');
      emu.admin.injectFault({ kind: 'status', status: 503, path: `/v1/cloud-ml/clusters/${target.clusterId}/check-releasable`, count: -1 });
      const failed = await run('scpCloudMl.checkReleasable', [], target);
      assert.equal(failed.messages.length, 1);
      assert.equal(failed.messages[0].severity, 'error');
      assert.ok(failed.messages[0].actions.includes('Show log'));
      assert.ok(!failed.messages[0].message.includes('\n'), 'one sentence, no stack');
      const cancelled = await run('scpCloudMl.checkReleasable', [CANCEL]);
      assert.equal(cancelled.messages.length, 0);
    });
  });
});
