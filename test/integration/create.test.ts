import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterRecord, ImageRecord } from '../../src/emulator/emulatorState';
import { BACK } from '../../src/ui/userInput';
import { clusterNamed, clusterTarget, instancesNamed, requestsTo } from '../support/emulatorTargets';
import { FAST_RETRIES } from '../support/fastRetries';
import { CANCEL, ScriptedUserInput, type MessageAnswer, type RecordedPrompt, type ScriptedAnswer } from '../support/scriptedUserInput';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-actions-create';
const REGISTRY_SECRET = 'reg-secret-Vb93-never-in-logs';
const TITLE = 'Create Cloud ML';
const ADD_TAG = '$(add) Add tag…';
const TAGS_DONE = '$(check) Done';
const CREATE = '$(check) Create';
const POST = 'POST /v1/cloud-ml';
const CHECK_DUPLICATION = 'GET /v1/cloud-ml/check-duplication';

/** Everything the form asks, as a test fills it in. */
interface FormValues {
  /** The cluster's label in the pick; absent when the form starts from a cluster node. */
  cluster?: string;
  name: string;
  domain: string;
  image: ImageRecord;
  endpoint: 'PRIVATE' | 'PUBLIC';
  analytics: [cpu: number, gpu: number, memory: number];
  application: [cpu: number, memory: number];
  /** With a copilot image: the copilot resources, or undefined for "No copilot". */
  copilot?: [cpu: number, gpu: number, memory: number];
  registry: { host: string; accessKey: string; secretKey: string; projectId: string; region: string };
  description: string;
  tags: string[];
}

function imageLabel(image: ImageRecord): string {
  return `${image.image_name} ${image.display_version}`;
}

/** The answers of each step, in form order (the tags step takes several prompts). */
function answerUnits(v: FormValues): ScriptedAnswer[][] {
  const units: ScriptedAnswer[][] = [];
  if (v.cluster) units.push([v.cluster]);
  units.push([v.name], [v.domain], [imageLabel(v.image)], [v.endpoint]);
  for (const amount of [...v.analytics, ...v.application]) units.push([String(amount)]);
  if (v.image.copilot_enabled) {
    units.push([v.copilot ? 'Use copilot' : 'No copilot']);
    for (const amount of v.copilot ?? []) units.push([String(amount)]);
  }
  const r = v.registry;
  units.push([r.host], [r.accessKey], [r.secretKey], [r.projectId], [r.region], [v.description]);
  units.push([...v.tags.flatMap((tag) => [ADD_TAG, tag]), TAGS_DONE]);
  return units;
}

function formAnswers(v: FormValues): ScriptedAnswer[] {
  return answerUnits(v).flat();
}

/** The POST body the form must send for these answers: exactly the entered fields, secret included. */
function expectedRequest(v: FormValues, clusterId: string): Record<string, unknown> {
  const request: Record<string, unknown> = {
    cloud_ml_name: v.name,
    cluster_id: clusterId,
    image_id: v.image.image_id,
    domain_name: v.domain,
    endpoint_type: v.endpoint,
    custom_registry_host: v.registry.host,
    custom_registry_access_key: v.registry.accessKey,
    custom_registry_access_secret_key: v.registry.secretKey,
    use_copilot: v.copilot !== undefined,
    analytics_resource: { cpu: v.analytics[0], gpu: String(v.analytics[1]), memory: v.analytics[2] },
    application_resource: { cpu: v.application[0], memory: v.application[1] },
  };
  if (v.copilot) request.copilot = { cpu: v.copilot[0], gpu: String(v.copilot[1]), memory: v.copilot[2] };
  if (v.description) request.description = v.description;
  if (v.registry.projectId) request.custom_registry_access_project_id = v.registry.projectId;
  if (v.registry.region) request.custom_registry_access_region = v.registry.region;
  if (v.tags.length > 0) {
    request.tags = v.tags.map((tag) => {
      const [key, value] = tag.split('=');
      return { key, value };
    });
  }
  return request;
}

describe('create', function () {
  this.timeout(120_000);
  const fixture = useActionsFixture(PROFILE_ID);
  let sandbox: ClusterRecord;
  let copilotImage: ImageRecord;
  let plainImage: ImageRecord;

  before(() => {
    const { emu } = fixture();
    sandbox = clusterNamed(emu, 'ds-sandbox');
    const images = emu.admin.snapshot().images;
    copilotImage = images.filter((i) => i.copilot_enabled).at(-1)!;
    plainImage = images.find((i) => !i.copilot_enabled)!;
  });

  /** A complete, valid set of answers on ds-sandbox (resources within its estimate). */
  function values(overrides: Partial<FormValues> = {}): FormValues {
    const e = sandbox.estimate;
    return {
      cluster: 'ds-sandbox',
      name: 'ml-team',
      domain: 'ml-team.example.com',
      image: plainImage,
      endpoint: 'PUBLIC',
      analytics: [Math.max(1, Math.floor(e.analytics.cpu / 2)), e.analytics.gpu, Math.max(1, Math.floor(e.analytics.memory / 2))],
      application: [Math.max(1, Math.floor(e.application.cpu / 2)), Math.max(1, Math.floor(e.application.memory / 2))],
      registry: { host: 'registry.example.com', accessKey: 'REGACCESS01', secretKey: REGISTRY_SECRET, projectId: 'proj-42', region: 'kr-west1' },
      description: 'Team notebooks',
      tags: ['team=ml', 'env=dev'],
      ...overrides,
    };
  }

  async function runCreate(answers: ScriptedAnswer[], arg?: unknown, messageAnswers: MessageAnswer[] = []): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput(answers, { messageAnswers });
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.create', arg);
    ui.assertFinished();
    return ui;
  }

  function assertNoErrorShown(ui: ScriptedUserInput): void {
    const errors = ui.messages.filter((m) => m.severity === 'error');
    assert.deepEqual(errors, [], 'no error should have been shown');
  }

  function formPrompts(ui: ScriptedUserInput): RecordedPrompt[] {
    return ui.prompts.filter((p) => p.step !== undefined);
  }

  it('creates with every step filled: the emulator holds exactly the entered fields, the registry secret is sent but never logged', async () => {
    const { api, emu, profileId } = fixture();
    const v = values({ image: copilotImage, copilot: [2, 1, 4] });
    const ui = await runCreate([...formAnswers(v), CREATE]);
    assertNoErrorShown(ui);

    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest(v, sandbox.id));
    assert.equal(requestsTo(emu, POST), 1);

    // Step counter: recomputed as steps apply (copilot ones only once the copilot image and "Use copilot" are chosen).
    const steps = formPrompts(ui);
    assert.equal(steps[0].fullTitle, `${TITLE} (1/17)`);
    assert.equal(steps.at(-1)!.fullTitle, `${TITLE} (21/21)`);
    assert.deepEqual([...new Set(steps.map((p) => p.step))], Array.from({ length: 21 }, (_, i) => i + 1));
    assert.ok(ui.prompts.every((p) => p.title === TITLE));
    const secretPrompt = ui.prompts.find((p) => p.password);
    assert.ok(secretPrompt && /not your SCP secret key/.test(secretPrompt.prompt ?? ''), 'the secret prompt says it is the registry key');
    const imagePick = ui.prompts.find((p) => p.items.some((item) => item.label === imageLabel(copilotImage)))!;
    const copilotItem = imagePick.items.find((item) => item.label === imageLabel(copilotImage))!;
    assert.match(copilotItem.description ?? '', /copilot/);
    assert.match(copilotItem.description ?? '', new RegExp(copilotImage.k8s_version.replace('.', '\\.')));

    assert.ok(!api.logText().includes(REGISTRY_SECRET), 'the registry secret reached the log');
    assert.ok(!JSON.stringify(ui.prompts).includes(REGISTRY_SECRET));
    assert.ok(api.tracker.isTracked(profileId, created[0].cloud_ml_id), 'the new instance is tracked');
    assert.ok(ui.progress.some((p) => p.title.includes('ml-team') && p.cancellable), 'the POST runs with cancellable progress');
  });

  it('skips the cluster step when started from a cluster node', async () => {
    const { emu } = fixture();
    const v = values({ cluster: undefined, description: '', tags: [], registry: { host: 'registry.example.com', accessKey: 'REGACCESS01', secretKey: REGISTRY_SECRET, projectId: '', region: '' } });
    const ui = await runCreate([...formAnswers(v), CREATE], clusterTarget(fixture(), 'ds-sandbox'));
    assertNoErrorShown(ui);
    const steps = formPrompts(ui);
    assert.equal(steps[0].fullTitle, `${TITLE} (1/16)`);
    assert.equal(steps[0].kind, 'input', 'the first question is the name');
    assert.ok(!ui.prompts.some((p) => p.items.some((item) => item.label === 'ds-sandbox')), 'no cluster pick');
    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest(v, sandbox.id));
  });

  it('offers only RUNNING clusters without a Cloud ML from the palette', async () => {
    // Cancelled once every lookup has answered, so the pick holds all it will ever offer.
    const ui = await runCreate([(prompt) => (prompt.sourceFinished ? CANCEL : { value: 'still filling' })]);
    assert.equal(ui.prompts[0].sourceFinished, true);
    assert.deepEqual(
      ui.prompts[0].items.map((item) => item.label),
      ['ds-sandbox'],
    );
  });

  it('offers a free cluster as soon as its own lookup answers, while the other lookups still run', async () => {
    const { emu } = fixture();
    // The lookups of the clusters that have a Cloud ML hang: a pick that waited for every lookup would offer nothing yet.
    for (const name of ['ml-prod-cluster', 'analytics-dev', 'recsys-staging']) {
      emu.admin.injectFault({ kind: 'hang', method: 'GET', path: `/v1/cloud-ml/clusters/${clusterNamed(emu, name).id}`, exact: true });
    }
    const ui = await runCreate(['ds-sandbox', CANCEL]);
    const pick = ui.prompts[0];
    assert.equal(pick.outcome, 'picked');
    assert.deepEqual(
      pick.items.map((item) => item.label),
      ['ds-sandbox'],
    );
    assert.equal(pick.sourceFinished, false, 'chosen while the other lookups were still running');
    assert.equal(ui.prompts[1]?.kind, 'input', 'the form went on to the name');
  });

  it('when the clusters cannot be listed, the cluster pick offers Retry with the reason, and Retry lists them again', async () => {
    const { api, emu } = fixture();
    emu.admin.injectFault({ kind: 'status', status: 500, method: 'GET', path: '/v1/clusters', count: 4 });
    api.setClientTiming(FAST_RETRIES);
    let ui: ScriptedUserInput;
    try {
      ui = await runCreate(['$(refresh) Retry', 'ds-sandbox', CANCEL]);
    } finally {
      api.setClientTiming(undefined);
    }
    const [failed, again] = ui.prompts;
    assert.deepEqual(
      failed.items.map((item) => item.label),
      ['$(refresh) Retry'],
    );
    assert.ok((failed.items[0].description ?? '') !== '', 'the Retry row says why');
    assert.equal(again.step, failed.step, 'Retry asks the same step again');
    assert.deepEqual(
      again.items.map((item) => item.label),
      ['ds-sandbox'],
    );
  });

  it('Back from each step returns to the previous one with its value, and the result is unchanged', async () => {
    const { emu } = fixture();
    const v = values({ image: copilotImage, copilot: [2, 1, 4], tags: ['team=ml'] });
    const units = answerUnits(v);
    // a0, then at every later step: Back, the previous answer again, this step's answer.
    const script: ScriptedAnswer[] = [...units[0]];
    for (let i = 1; i < units.length; i++) {
      const previous = units[i - 1];
      // Coming back to the tags list: the tag is still there, so only "Done" is needed.
      script.push(BACK, ...(previous.includes(ADD_TAG) ? [TAGS_DONE] : previous), ...units[i]);
    }
    script.push(BACK, TAGS_DONE, CREATE);
    const ui = await runCreate(script);
    assertNoErrorShown(ui);

    const backs = ui.prompts.map((p, index) => ({ p, index })).filter(({ p }) => p.outcome === 'back');
    assert.equal(backs.length, units.length, 'one Back per step after the first, and one from the summary');
    for (const { p, index } of backs) {
      const shown = ui.prompts[index + 1];
      if (p.step === undefined) {
        assert.equal(shown.step, formPrompts(ui).at(-1)!.step, 'Back on the summary returns to the last step');
        continue;
      }
      assert.equal(shown.step, p.step - 1, `Back at ${p.fullTitle} returns to the previous step`);
      const earlier = ui.prompts.slice(0, index).filter((q) => q.step === shown.step && q.outcome !== 'back').at(-1)!;
      if (shown.kind === 'pick') assert.deepEqual(shown.activeValue, earlier.answer, `${shown.fullTitle} keeps its choice`);
      else if (shown.password) assert.ok(shown.secretValue === REGISTRY_SECRET, `${shown.fullTitle} keeps the secret`);
      else assert.equal(shown.value, earlier.answer, `${shown.fullTitle} keeps its text`);
    }
    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest(v, sandbox.id));
  });

  it('cancel at each step creates nothing, silently', async () => {
    const { emu } = fixture();
    const units = answerUnits(values({ image: copilotImage, copilot: [2, 1, 4], tags: ['team=ml'] }));
    // Cancel at each step's first prompt, inside the tag box, and on the summary.
    const stops: ScriptedAnswer[][] = units.map((_, i) => units.slice(0, i).flat());
    stops.push([...units.slice(0, -1).flat(), ADD_TAG]);
    stops.push(units.flat());
    for (const before of stops) {
      const ui = await runCreate([...before, CANCEL]);
      assert.equal(ui.messages.length, 0, `cancel after ${before.length} answers showed a message`);
      assert.equal(ui.prompts.at(-1)!.outcome, 'cancel');
    }
    assert.equal(requestsTo(emu, POST), 0);
    assert.equal(emu.admin.snapshot().instances.length, 3, 'only the seeded instances');
  });

  it('refuses an invalid name while typing, without asking SCP', async () => {
    const { emu } = fixture();
    const ui = await runCreate(['Ml-team', 'ml_team', 'ab', '1ml', 'ml-team-', 'ml-team', CANCEL], clusterTarget(fixture(), 'ds-sandbox'));
    const namePrompt = ui.prompts[0];
    assert.deepEqual(
      namePrompt.rejected.map((r) => [r.text, r.by]),
      [
        ['Ml-team', 'validate'],
        ['ml_team', 'validate'],
        ['ab', 'validate'],
        ['1ml', 'validate'],
        ['ml-team-', 'validate'],
      ],
    );
    assert.match(namePrompt.rejected[2].message, /3 to 30/);
    assert.equal(requestsTo(emu, CHECK_DUPLICATION), 1, 'only the valid name was checked');
  });

  it('refuses a taken name and a taken domain on accept', async () => {
    const ui = await runCreate(
      ['ml-prod', 'ml-team', 'ml-prod.cloudml.example.com', 'bad domain', 'ml-team.example.com', CANCEL],
      clusterTarget(fixture(), 'ds-sandbox'),
    );
    const [namePrompt, domainPrompt] = ui.prompts;
    assert.deepEqual(namePrompt.rejected.map((r) => r.by), ['validateOnAccept']);
    assert.match(namePrompt.rejected[0].message, /ml-prod is already taken/);
    assert.deepEqual(domainPrompt.rejected.map((r) => r.by), ['validateOnAccept', 'validate']);
    assert.match(domainPrompt.rejected[0].message, /already taken/);
    assert.equal(namePrompt.outcome, 'typed');
    assert.equal(domainPrompt.outcome, 'typed');
  });

  it('refuses resources above the cluster estimate, naming the bound', async () => {
    const e = sandbox.estimate;
    const v = values({ cluster: undefined });
    const ui = await runCreate(
      [v.name, v.domain, imageLabel(plainImage), 'PRIVATE', String(e.analytics.cpu + 1), String(e.analytics.cpu), String(e.analytics.gpu + 1), CANCEL],
      clusterTarget(fixture(), 'ds-sandbox'),
    );
    const cpuPrompt = ui.prompts.find((p) => p.rejected.length > 0 && p.value === String(e.analytics.cpu))!;
    assert.ok(cpuPrompt, 'the analytics CPU box is prefilled with the estimate');
    assert.equal(cpuPrompt.rejected[0].by, 'validate');
    assert.ok(cpuPrompt.rejected[0].message.includes(String(e.analytics.cpu)), `the message names the bound: ${cpuPrompt.rejected[0].message}`);
    const gpuPrompt = ui.prompts.at(-1)!;
    assert.equal(gpuPrompt.rejected.length, 1);
    assert.ok(gpuPrompt.rejected[0].message.includes(String(e.analytics.gpu)));
  });

  it('"Edit <field>…" on the summary changes only that field', async () => {
    const { emu } = fixture();
    const v = values();
    const ui = await runCreate([...formAnswers(v), 'Edit Description…', 'Edited description', 'Edit Endpoint type…', 'PRIVATE', CREATE]);
    assertNoErrorShown(ui);
    const afterSummary = ui.prompts.slice(ui.prompts.findIndex((p) => p.step === undefined));
    assert.deepEqual(
      afterSummary.map((p) => (p.step === undefined ? 'summary' : p.kind)),
      ['summary', 'input', 'summary', 'pick', 'summary'],
      'each edit asks that one field and returns to the summary',
    );
    assert.equal(afterSummary[1].value, 'Team notebooks', 'the edited field is prefilled');
    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest({ ...v, description: 'Edited description', endpoint: 'PRIVATE' }, sandbox.id));
  });

  it('after a POST that applied and then failed, Retry creates exactly one instance (asks before posting again)', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'applyThenFail', status: 500, method: 'POST', path: '/v1/cloud-ml' });
    const v = values();
    const ui = await runCreate([...formAnswers(v), CREATE], undefined, ['Retry']);
    const failure = ui.messages.find((m) => m.severity === 'error');
    assert.ok(failure, 'the failure was shown');
    assert.match(failure.message, /ml-team/);
    assert.deepEqual(failure.actions, ['Retry', 'Edit', 'Show log']);
    assert.equal(requestsTo(emu, POST), 1, 'the create was never sent twice');
    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest(v, sandbox.id));
    assert.ok(api.tracker.isTracked(profileId, created[0].cloud_ml_id), 'the instance found after the retry is tracked');
    assert.ok(!api.logText().includes(REGISTRY_SECRET));
  });

  it('after a POST that failed with 500, Edit returns to the summary with every value, and Retry then sends it once more', async () => {
    const { emu } = fixture();
    emu.admin.injectFault({ kind: 'status', status: 500, method: 'POST', path: '/v1/cloud-ml', count: 2 });
    const v = values();
    const ui = await runCreate([...formAnswers(v), CREATE, CREATE], undefined, ['Edit', 'Retry']);
    const summaries = ui.prompts.filter((p) => p.step === undefined);
    assert.equal(summaries.length, 2, 'Edit went back to the summary');
    assert.deepEqual(
      summaries[1].items.map((item) => item.description),
      summaries[0].items.map((item) => item.description),
      'the summary after the failure shows every value as entered',
    );
    assert.equal(requestsTo(emu, POST), 3, 'two failed POSTs, then one that went through');
    const created = instancesNamed(emu, 'ml-team');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0].createRequest, expectedRequest(v, sandbox.id));
  });
});
