import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InstanceRecord } from '../../src/emulator/emulatorState';
import { instanceNamed, instanceTarget, requestsTo } from '../support/emulatorTargets';
import { FAST_RETRIES } from '../support/fastRetries';
import { CANCEL, ScriptedUserInput, type MessageAnswer, type RecordedPrompt, type ScriptedAnswer } from '../support/scriptedUserInput';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-actions-update';
const PUT = 'PUT /v1/cloud-ml/{id}';
/** The seeded description of ml-prod (src/emulator/seedData.ts). */
const SEEDED_DESCRIPTION = 'Production notebooks and model serving';

/** Every field an update of the description may touch; the rest must stay as they were. */
function withoutUpdateFields(record: InstanceRecord): Partial<InstanceRecord> {
  const { description: _d, modified_dt: _m, modified_by: _b, cloud_ml_state: _s, transition: _t, request_id: _r, ...rest } = record;
  return rest;
}

describe('update', function () {
  this.timeout(60_000);
  const fixture = useActionsFixture(PROFILE_ID);

  async function runUpdate(answers: ScriptedAnswer[], arg?: unknown, messageAnswers: MessageAnswer[] = []): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput(answers, { messageAnswers });
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.update', arg);
    ui.assertFinished();
    return ui;
  }

  it('changes only the description, prefilled with the current one, and tracks the update', async () => {
    const { api, emu, profileId } = fixture();
    const before = instanceNamed(emu, 'ml-prod')!;
    const ui = await runUpdate(['Serving only'], instanceTarget(fixture(), 'ml-prod'));
    assert.equal(ui.prompts.length, 1);
    assert.equal(ui.prompts[0].value, SEEDED_DESCRIPTION);
    assert.match(ui.prompts[0].title, /ml-prod/);
    const after = instanceNamed(emu, 'ml-prod')!;
    assert.equal(after.description, 'Serving only');
    assert.deepEqual(withoutUpdateFields(after), withoutUpdateFields(before));
    assert.equal(requestsTo(emu, PUT), 1);
    assert.ok(api.tracker.isTracked(profileId, after.cloud_ml_id));
    assert.equal(api.tracker.inFlight().find((op) => op.cloudMlId === after.cloud_ml_id)?.kind, 'update');
  });

  it('from the palette asks which instance as the lookups answer, showing each state', async () => {
    const { emu } = fixture();
    // The pick fills as each cluster's lookup answers: choose once all three instances are listed.
    const whenAllListed = (prompt: RecordedPrompt): string => (prompt.items.length >= 3 ? 'ml-prod' : 'not listed yet');
    const ui = await runUpdate([whenAllListed, 'Picked from the palette']);
    const pick = ui.prompts[0];
    assert.equal(pick.kind, 'pick');
    assert.ok((pick.updates ?? 0) >= 1, 'filled progressively');
    const states = Object.fromEntries(pick.items.map((item) => [item.label, item.description ?? '']));
    assert.deepEqual(Object.keys(states).sort(), ['analytics-dev-ml', 'ml-prod', 'recsys-ml']);
    assert.match(states['ml-prod'], /DEPLOYED/);
    assert.match(states['analytics-dev-ml'], /CREATING/);
    assert.match(states['recsys-ml'], /ERROR/);
    assert.equal(instanceNamed(emu, 'ml-prod')?.description, 'Picked from the palette');
  });

  it('from the palette, when every lookup fails, says why instead of offering an empty list', async () => {
    const { emu, api } = fixture();
    emu.admin.injectFault({ kind: 'status', status: 500, method: 'GET', path: '/v1/cloud-ml/clusters/', count: -1 });
    const ui = new ScriptedUserInput(['ml-prod']);
    api.setUserInput(ui);
    api.setClientTiming(FAST_RETRIES);
    try {
      await vscode.commands.executeCommand('scpCloudMl.update');
    } finally {
      api.setClientTiming(undefined);
    }
    assert.equal(ui.prompts[0]?.kind, 'pick');
    assert.deepEqual(ui.failures.map(String), [], 'the pick was closed by the lookups\' failure, not left empty');
    const failure = ui.messages.find((m) => m.severity === 'error');
    assert.ok(failure, `no error shown: ${JSON.stringify(ui.messages)}`);
    assert.ok(failure.actions.includes('Show log'));
    assert.equal(requestsTo(emu, PUT), 0);
  });

  it('is refused while the instance is transitional, with a clear sentence', async () => {
    const { emu } = fixture();
    const ui = await runUpdate([], instanceTarget(fixture(), 'analytics-dev-ml'));
    assert.equal(ui.prompts.length, 0);
    assert.equal(ui.messages.length, 1);
    assert.equal(ui.messages[0].severity, 'warn');
    assert.match(ui.messages[0].message, /analytics-dev-ml is CREATING/);
    assert.equal(requestsTo(emu, PUT), 0);
  });

  it('sends nothing when the description is unchanged or the box is cancelled', async () => {
    const { emu } = fixture();
    await runUpdate([SEEDED_DESCRIPTION], instanceTarget(fixture(), 'ml-prod'));
    await runUpdate([CANCEL], instanceTarget(fixture(), 'ml-prod'));
    assert.equal(requestsTo(emu, PUT), 0);
    assert.equal(instanceNamed(emu, 'ml-prod')?.description, SEEDED_DESCRIPTION);
  });

  it('keeps the typed description when the PUT fails: Edit shows it again', async () => {
    const { emu } = fixture();
    emu.admin.injectFault({ kind: 'status', status: 500, method: 'PUT', path: '/v1/cloud-ml/', count: 1 });
    const ui = await runUpdate(['Typed once', 'Typed once, kept'], instanceTarget(fixture(), 'ml-prod'), ['Edit']);
    const failure = ui.messages.find((m) => m.severity === 'error');
    assert.ok(failure);
    assert.deepEqual(failure.actions, ['Retry', 'Edit', 'Show log']);
    assert.equal(ui.prompts[1].value, 'Typed once');
    assert.equal(instanceNamed(emu, 'ml-prod')?.description, 'Typed once, kept', `messages: ${JSON.stringify(ui.messages)}`);
    assert.equal(requestsTo(emu, PUT), 2);
  });
});
