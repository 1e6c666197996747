import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterRecord, ImageRecord } from '../../src/emulator/emulatorState';
import { clusterTarget, instancesNamed, requestsTo } from '../support/emulatorTargets';
import { disposeWhenDrawn } from '../support/disposeWhenDrawn';
import { loadFitWorld } from '../support/fitWorld';
import { CANCEL, ScriptedUserInput, type RecordedPrompt, type ScriptedAnswer } from '../support/scriptedUserInput';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-fits';
const TITLE = 'Create Cloud ML: find a cluster for…';
const REGISTRY_SECRET = 'reg-secret-Fits-4411-never-logged';
const ESTIMATE_ROUTE = 'GET /v1/cloud-ml/clusters/{id}/estimate';
const NEEDS: ScriptedAnswer[] = ['4', '2', '16', 'No copilot'];
const CLUSTER_COUNT = 7;

/** Takes `label` once every cluster has its row (the rows are re-ranked as estimates arrive). */
function whenAllListed(label: string): ScriptedAnswer {
  return (prompt: RecordedPrompt) => (prompt.items.length === CLUSTER_COUNT ? label : '(still loading)');
}

describe('fits', function () {
  this.timeout(90_000);
  const fixture = useActionsFixture(PROFILE_ID);
  let clusters: Record<string, ClusterRecord>;
  let plainImage: ImageRecord;

  beforeEach(() => {
    const { api, emu } = fixture();
    clusters = loadFitWorld(emu);
    plainImage = emu.admin.snapshot().images.find((i) => !i.copilot_enabled)!;
    api.catalog.invalidate();
    api.estimates.invalidate();
  });

  async function run(answers: ScriptedAnswer[], arg?: unknown, messageAnswers: (string | undefined)[] = []): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput(answers, { messageAnswers });
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.createFitting', arg);
    ui.assertFinished();
    return ui;
  }

  function rankedPick(ui: ScriptedUserInput, nth = 0): RecordedPrompt {
    const picks = ui.prompts.filter((p) => p.title === TITLE && p.kind === 'pick' && p.items.some((item) => /recsys-staging/.test(item.label)));
    assert.ok(picks[nth], `no ranked pick #${nth + 1}; prompts: ${ui.promptTitles().join(' | ')}`);
    return picks[nth];
  }

  it('asks the needs first, then ranks every cluster by headroom after them; those that cannot take it say why', async () => {
    const ui = await run([...NEEDS, whenAllListed('$(pass) analytics-dev'), CANCEL]);
    assert.deepEqual(
      ui.prompts.slice(0, 4).map((p) => [p.fullTitle, p.kind]),
      [
        [`${TITLE} (1/4)`, 'input'],
        [`${TITLE} (2/4)`, 'input'],
        [`${TITLE} (3/4)`, 'input'],
        [`${TITLE} (4/4)`, 'pick'],
      ],
    );
    const pick = rankedPick(ui);
    assert.deepEqual(
      pick.items.map((item) => [item.label, item.description]),
      [
        ['$(pass) recsys-staging', 'left after it: 28 CPU, 6 GPU, 112 GiB memory'],
        ['$(pass) analytics-dev', 'left after it: 12 CPU, 2 GPU, 48 GiB memory'],
        ['$(circle-slash) ds-sandbox', 'needs 2 GPU, 1 free'],
        ['$(circle-slash) gpu-spare', pick.items[3].description],
        ['$(circle-slash) legacy-batch', 'cluster is ERROR, not RUNNING'],
        ['$(circle-slash) ml-prod-cluster', 'already has a Cloud ML (ml-prod)'],
        ['$(circle-slash) vision-train', 'cluster is CREATING, not RUNNING'],
      ],
    );
    assert.match(pick.items[3].description ?? '', /^estimate failed: SCP sent a response the extension could not read \(.+\)$/);
    assert.equal(pick.items[0].detail, 'Estimate: 32 CPU, 8 GPU, 128 GiB memory');
    assert.ok((pick.updates ?? 0) > 1, 'the list fills progressively');
  });

  it('a cluster that cannot take it is not chosen: the reason is shown and the list comes back, from the session cache', async () => {
    const { emu } = fixture();
    const cancelWhenListed = (prompt: RecordedPrompt): ScriptedAnswer => (prompt.items.length === CLUSTER_COUNT ? CANCEL : '(still loading)');
    const ui = await run([...NEEDS, whenAllListed('$(circle-slash) ds-sandbox'), whenAllListed('$(circle-slash) ml-prod-cluster'), cancelWhenListed]);
    const warnings = ui.messages.filter((m) => m.severity === 'warn').map((m) => m.message);
    assert.deepEqual(warnings, [
      'Cluster ds-sandbox cannot take 4 CPU, 2 GPU, 16 GiB memory, no copilot: needs 2 GPU, 1 free.',
      'Cluster ml-prod-cluster cannot take 4 CPU, 2 GPU, 16 GiB memory, no copilot: already has a Cloud ML (ml-prod).',
    ]);
    assert.equal(rankedPick(ui, 2).items.length, CLUSTER_COUNT);
    // Three lists: the three good estimates are read once (kept for the session); gpu-spare's failure is not kept.
    assert.equal(requestsTo(emu, ESTIMATE_ROUTE), 3 + 3);
    assert.ok(instancesNamed(emu, 'ml-team').length === 0);
  });

  it('picking a cluster continues in the create form with the answers filled; the POST carries them', async () => {
    const { api, emu } = fixture();
    const target = clusters['recsys-staging'];
    const ui = await run([
      ...NEEDS,
      whenAllListed('$(pass) recsys-staging'),
      'ml-team',
      'ml-team.example.com',
      `${plainImage.image_name} ${plainImage.display_version}`,
      'PRIVATE',
      '2',
      '8',
      'registry.example.com',
      'REGACCESS01',
      REGISTRY_SECRET,
      '',
      '',
      '',
      '$(check) Done',
      '$(check) Create',
    ]);
    assert.deepEqual(
      ui.messages.filter((m) => m.severity === 'error'),
      [],
    );
    const formSteps = ui.prompts.filter((p) => p.title === 'Create Cloud ML' && p.step !== undefined);
    assert.ok(!formSteps.some((p) => /Analytics/.test(p.prompt ?? '')), 'the analytics amounts are not asked again');
    assert.ok(!formSteps.some((p) => p.items.some((item) => item.label === 'recsys-staging')), 'the cluster is not asked again');

    const summary = ui.prompts.at(-1)!;
    const row = (label: string) => summary.items.find((item) => item.label === `Edit ${label}…`);
    assert.equal(row('Cluster')?.description, 'recsys-staging');
    assert.equal(row('Cluster')?.detail, 'from "find a cluster for…"');
    assert.equal(row('Analytics GPU (cards)')?.description, '2');
    assert.equal(row('Name')?.detail, undefined);

    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    const body = created[0].createRequest;
    assert.equal(body.cluster_id, target.id);
    assert.deepEqual(body.analytics_resource, { cpu: 4, gpu: '2', memory: 16 });
    assert.deepEqual(body.application_resource, { cpu: 2, memory: 8 });
    assert.equal(body.use_copilot, false);
    assert.ok(!api.logText().includes(REGISTRY_SECRET));
  });

  it('from a cluster (the estimate panel): only that cluster is judged; when it cannot take it, "Find another cluster" ranks them all', async () => {
    const here = clusterTarget(fixture(), 'ds-sandbox');
    const ui = await run([...NEEDS, '$(circle-slash) ds-sandbox', whenAllListed('$(pass) analytics-dev'), CANCEL], here, ['Find another cluster']);
    const onlyHere = ui.prompts.find((p) => p.title === TITLE && p.kind === 'pick' && p.items.some((item) => /ds-sandbox/.test(item.label)))!;
    assert.deepEqual(
      onlyHere.items.map((item) => item.label),
      ['$(circle-slash) ds-sandbox'],
    );
    assert.equal(ui.messages[0]?.message, 'Cluster ds-sandbox cannot take 4 CPU, 2 GPU, 16 GiB memory, no copilot: needs 2 GPU, 1 free.');
    assert.equal(rankedPick(ui).items.length, CLUSTER_COUNT);
  });

  it('the estimate panel\'s "Create Cloud ML here with…" asks the needs and judges that cluster only', async () => {
    const { api } = fixture();
    const here = clusterTarget(fixture(), 'analytics-dev');
    await vscode.commands.executeCommand('scpCloudMl.showEstimate', here);
    const panel = api.panels.estimatePanel(PROFILE_ID, here.clusterId);
    assert.ok(panel, 'the estimate panel is open');
    try {
      // Cancelled once the one cluster has its row.
      const ui = new ScriptedUserInput([...NEEDS, (prompt: RecordedPrompt) => (prompt.items.length === 1 ? CANCEL : '(still loading)')]);
      api.setUserInput(ui);
      await panel.receive({ type: 'createHere' });
      ui.assertFinished();
      assert.equal(ui.prompts[0]?.fullTitle, `${TITLE} (1/4)`);
      const judged = ui.prompts.find((p) => p.title === TITLE && p.kind === 'pick' && p.step === undefined);
      assert.deepEqual(
        judged?.items.map((item) => [item.label, item.description]),
        [['$(pass) analytics-dev', 'left after it: 12 CPU, 2 GPU, 48 GiB memory']],
      );
    } finally {
      await disposeWhenDrawn(panel);
    }
  });
});
