import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterEstimate } from '../../src/emulator/emulatorState';
import { clusterNamed, instanceNamed, instancesNamed, instanceTarget, requestsTo } from '../support/emulatorTargets';
import { disposeWhenDrawn } from '../support/disposeWhenDrawn';
import { CANCEL, ScriptedUserInput, type ScriptedAnswer } from '../support/scriptedUserInput';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-like-this';
const REGISTRY_SECRET = 'reg-secret-LikeThis-9031-never-logged';
const TITLE = 'Create Cloud ML like ml-prod';
const ROOMY: ClusterEstimate = { analytics: { cpu: 64, gpu: 8, memory: 256 }, application: { cpu: 32, memory: 128 }, copilot: { cpu: 16, gpu: 2, memory: 64 } };

describe('like this', function () {
  this.timeout(90_000);
  const fixture = useActionsFixture(PROFILE_ID);

  beforeEach(() => {
    // ds-sandbox can take everything ml-prod requests.
    const { emu } = fixture();
    emu.admin.setEstimate(clusterNamed(emu, 'ds-sandbox').id, ROOMY);
  });

  async function run(answers: ScriptedAnswer[], arg?: unknown): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput(answers);
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.createLikeThis', arg);
    ui.assertFinished();
    return ui;
  }

  it('asks only the cluster, a free name and domain and the registry secret; the new create body is the source settings plus those', async () => {
    const { api, emu } = fixture();
    const source = instanceNamed(emu, 'ml-prod')!;
    const ui = await run(
      ['ds-sandbox', 'ml-prod', 'ml-prod-copy', source.domain_name, 'ml-prod-copy.example.com', REGISTRY_SECRET, '$(check) Create'],
      instanceTarget(fixture(), 'ml-prod'),
    );
    assert.deepEqual(ui.messages.filter((m) => m.severity !== 'info'), []);
    const asked = ui.prompts.filter((p) => p.step !== undefined);
    assert.deepEqual(
      asked.map((p) => p.kind),
      ['pick', 'input', 'input', 'input'],
    );
    assert.ok(asked.every((p) => p.title === TITLE));
    // Name and domain are checked for availability: the source's own are refused.
    assert.match(asked[1].rejected[0]?.message ?? '', /The name ml-prod is already taken/);
    assert.match(asked[2].rejected[0]?.message ?? '', /already taken/);
    // The secret is asked, empty: never copied.
    assert.equal(asked[3].password, true);
    assert.ok(!asked[3].secretValue, 'the registry secret box starts empty');

    const summary = ui.prompts.at(-1)!;
    const detail = (label: string): string | undefined => summary.items.find((item) => item.label === `Edit ${label}…`)?.detail;
    assert.equal(detail('Image'), 'copied from ml-prod');
    const description = (label: string): string | undefined => summary.items.find((item) => item.label === `Edit ${label}…`)?.description;
    assert.equal(description('Image'), 'Cloud ML with Copilot 1.6.1', 'a copied pick answer shows its value, though its list was never shown');
    assert.equal(description('Copilot'), 'Use copilot');
    assert.equal(detail('Endpoint type'), 'copied from ml-prod');
    assert.equal(detail('Registry access key'), 'copied from ml-prod');
    assert.equal(detail('Analytics CPU (cores)'), "copied from ml-prod's resource request");
    assert.equal(detail('Copilot GPU (cards)'), "copied from ml-prod's resource request");
    assert.equal(detail('Registry secret key'), 'never copied: entered for this instance');
    assert.equal(detail('Registry project ID'), 'not in the details of ml-prod; add it here if needed');
    assert.equal(detail('Name'), undefined);

    const created = instancesNamed(emu, 'ml-prod-copy');
    assert.equal(created.length, 1);
    const sandbox = clusterNamed(emu, 'ds-sandbox');
    // The source's settings as SCP received them, minus what the details cannot give back (the tags), plus the changes.
    const { tags: _notInDetails, ...settings } = source.createRequest;
    assert.deepEqual(created[0].createRequest, {
      ...settings,
      cloud_ml_name: 'ml-prod-copy',
      domain_name: 'ml-prod-copy.example.com',
      cluster_id: sandbox.id,
      custom_registry_access_secret_key: REGISTRY_SECRET,
    });
    assert.equal(requestsTo(emu, 'POST /v1/cloud-ml'), 1);
    assert.ok(!api.logText().includes(REGISTRY_SECRET));
  });

  it('from the palette: the instance is picked as the lookups answer, then the form opens with its copy', async () => {
    // The cluster step fills as each cluster's lookup answers: cancelled once they all have.
    const ui = await run(['ml-prod', (prompt) => (prompt.sourceFinished ? CANCEL : { value: 'still filling' })]);
    assert.equal(ui.prompts[0].title, 'Create Cloud ML Like This');
    assert.equal(ui.prompts[1].title, TITLE);
    assert.equal(ui.prompts[1].sourceFinished, true);
    assert.deepEqual(
      ui.prompts[1].items.map((item) => item.label),
      ['ds-sandbox'],
    );
  });

  it('the details panel\'s "Create Cloud ML Like This…" button opens the form copied from that instance', async () => {
    const { api } = fixture();
    const panel = await api.panels.showDetails(instanceTarget(fixture(), 'ml-prod'));
    try {
      const ui = new ScriptedUserInput([(prompt) => (prompt.sourceFinished ? CANCEL : { value: 'still filling' })]);
      api.setUserInput(ui);
      await panel.receive({ type: 'createLikeThis' });
      ui.assertFinished();
      assert.equal(ui.prompts.length, 1);
      assert.equal(ui.prompts[0].title, TITLE);
      assert.equal(ui.prompts[0].step, 1, 'the first question is the cluster');
      assert.deepEqual(
        ui.prompts[0].items.map((item) => item.label),
        ['ds-sandbox'],
      );
    } finally {
      await disposeWhenDrawn(panel);
    }
  });
});
