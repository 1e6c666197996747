import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeploymentTracker, DeploymentTrackerOptions } from '../../src/deployments/deploymentTracker';
import type { ClusterRecord, ImageRecord } from '../../src/emulator/emulatorState';
import { clusterNamed, clusterTarget, requestsTo } from '../support/emulatorTargets';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { until } from '../support/until';
import { useActionsFixture } from './actionsFixture';
import { CREATE, createFormAnswers } from './createForm';

const PROFILE_ID = 'test-trust';
const POLL_SECONDS = 0.2;

/** What the user sees of the "Trust" points: no false "deleted", a name box that does not trap, text that stays text. */
describe('trust', function () {
  this.timeout(120_000);
  const fixture = useActionsFixture(PROFILE_ID);
  let sandbox: ClusterRecord;
  let image: ImageRecord;
  const built: DeploymentTracker[] = [];

  before(async () => {
    const { emu } = fixture();
    sandbox = clusterNamed(emu, 'ds-sandbox');
    image = emu.admin.snapshot().images.find((i) => !i.copilot_enabled)!;
    await vscode.workspace.getConfiguration('scpCloudMl').update('pollIntervalSeconds', POLL_SECONDS, vscode.ConfigurationTarget.Global);
  });

  afterEach(() => {
    const { emu } = fixture();
    emu.admin.hideNewInstances(0);
    emu.admin.setDeploySeconds(600);
    for (const tracker of built.splice(0)) tracker.dispose();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('scpCloudMl').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  async function create(name: string, answersAfterForm: string[] = [CREATE]): Promise<ScriptedUserInput> {
    const ui = new ScriptedUserInput([...createFormAnswers(sandbox, image, name, ''), ...answersAfterForm]);
    fixture().api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(fixture(), 'ds-sandbox'));
    ui.assertFinished();
    return ui;
  }

  it('a new instance that SCP does not show yet (404) is followed until it appears, not reported deleted', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.setDeploySeconds(2.5);
    emu.admin.hideNewInstances(1.5);
    await create('ml-unseen');
    const instance = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-unseen');
    assert.ok(instance);
    const finished = (): ReturnType<typeof api.services.tracker.finished>[number] | undefined =>
      api.services.tracker.finished().find((op) => op.cloudMlId === instance.cloud_ml_id && op.profileId === profileId);
    await until('the create settles', () => finished() !== undefined, 30_000);
    assert.equal(finished()?.outcome, 'succeeded', 'the create ended as DEPLOYED, not as deleted');
    assert.ok(api.logText().includes('poll ml-unseen: not visible yet'), 'the 404s were seen, and read as "not visible yet"');
  });

  it('once the grace period is over, a create SCP never shows ends as deleted', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.hideNewInstances(600);
    const session = await api.services.connection.session();
    const created = await session.cloudMl.create({
      cloud_ml_name: 'ml-never-seen',
      cluster_id: sandbox.id,
      image_id: image.image_id,
      domain_name: 'ml-never-seen.example.com',
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGACCESS01',
      custom_registry_access_secret_key: 'reg-secret-Hx40-never-in-logs',
    });
    const TrackerClass = api.services.tracker.constructor as new (options: DeploymentTrackerOptions) => DeploymentTracker;
    const tracker = new TrackerClass({
      connection: api.services.connection,
      ui: new ScriptedUserInput(),
      log: api.services.log,
      state: api.services.context.globalState,
      storageKey: 'scpCloudMl.deployments.test-trust',
      statusItemId: 'scpCloudMl.deployments.test-trust',
      createGraceMs: 1_000,
    });
    built.push(tracker);
    tracker.track({ profileId, cloudMlId: created.cloudMlId, clusterId: sandbox.id, name: 'ml-never-seen', kind: 'create' });
    await until('the create ends', () => tracker.finished().some((op) => op.cloudMlId === created.cloudMlId), 30_000);
    const op = tracker.finished().find((o) => o.cloudMlId === created.cloudMlId);
    assert.equal(op?.outcome, 'deleted');
    assert.ok(Date.now() - (op?.started ?? 0) >= 1_000, 'not before the grace period was over');
    await api.services.context.globalState.update('scpCloudMl.deployments.test-trust', undefined);
  });

  it('when check-duplication answers something unreadable, the name box says so and the same Enter again goes on', async () => {
    const { api, emu, profileId } = fixture();
    emu.admin.injectFault({ kind: 'malformedJson', path: '/v1/cloud-ml/check-duplication', count: -1 });
    const form = createFormAnswers(sandbox, image, 'ml-unchecked', '');
    // Name and domain are each typed twice: the first Enter shows the note, the second goes on.
    const ui = new ScriptedUserInput([form[0], ...form.slice(0, 2), ...form.slice(1), CREATE]);
    api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(fixture(), 'ds-sandbox'));
    ui.assertFinished();
    const nameBox = ui.prompts.find((p) => p.kind === 'input' && p.answer === 'ml-unchecked');
    assert.equal(nameBox?.rejected.length, 1);
    assert.match(nameBox?.rejected[0]?.message ?? '', /Could not check whether ml-unchecked is free: SCP's answer could not be read\. Press Enter again to go on/);
    assert.equal(requestsTo(emu, 'POST /v1/cloud-ml'), 1);
    const instance = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-unchecked');
    assert.ok(instance && api.services.tracker.isTracked(profileId, instance.cloud_ml_id));
  });

  it('the account tooltip shows a URL from an error detail as text, not as a link', async () => {
    const { api } = fixture();
    const session = await api.services.connection.session();
    await assert.rejects(
      session.cloudMl.create({
        cloud_ml_name: 'ml-link',
        cluster_id: sandbox.id,
        image_id: 'see https://evil.example.com/fix',
        domain_name: 'ml-link.example.com',
        endpoint_type: 'PRIVATE',
        custom_registry_host: 'registry.example.com',
        custom_registry_access_key: 'REGACCESS01',
        custom_registry_access_secret_key: 'reg-secret-Hx41-never-in-logs',
      }),
    );
    const status = api.services.accountStatus.snapshot();
    assert.ok(status.tooltip.includes('https://evil.example.com/fix'), `the detail is in the tooltip: ${status.tooltip}`);
    assert.doesNotMatch(status.tooltipMarkdown, /https?:\/\//, 'no autolinkable URL in the Markdown');
    assert.doesNotMatch(status.tooltipMarkdown, /www\./);
    assert.match(status.tooltipMarkdown, /https\\:\\\/\\\/evil\\\.example\\\.com/);
  });

  it('deleteConfirmation cannot be weakened by a workspace: the manifest scope is application and the reader ignores workspace values', () => {
    const inspected = vscode.workspace.getConfiguration('scpCloudMl').inspect('deleteConfirmation');
    assert.equal(inspected?.defaultValue, 'typeName');
    const extension = vscode.extensions.getExtension('scp-tools.scp-cloud-ml');
    const manifest = extension?.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
    assert.equal(manifest.contributes.configuration.properties['scpCloudMl.deleteConfirmation']?.scope, 'application');
  });
});
