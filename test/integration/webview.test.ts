import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InstanceTarget } from '../../src/model/commandTargets';
import type { InstanceRecord } from '../../src/emulator/emulatorState';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { DetailsPanel } from '../../src/webview/detailsPanel';
import type { DetailsView } from '../../src/webview/webviewMessages';
import { ScriptedUserInput } from '../support/scriptedUserInput';
import { disposeWhenDrawn } from '../support/disposeWhenDrawn';
import { until } from '../support/until';

const PROFILE_ID = 'test-webview';
const SHOW = 'GET /v1/cloud-ml/{id}';
const ESTIMATE = 'GET /v1/cloud-ml/clusters/{id}/estimate';
const REGISTRY_SECRET = 'registry-secret-Wv41-never-in-a-webview';
const IMG_ATTACK = '<img src=x onerror=alert(1)>';
const SCRIPT_ATTACK = '</script><script>alert(1)</script>';
/** How long a webview may take to load in code-server (see drawn()). */
const DRAW_LIMIT_MS = 75_000;

function isDetails(panel: unknown): panel is DetailsPanel {
  return typeof panel === 'object' && panel !== null && 'target' in panel;
}

describe('webview', function () {
  this.timeout(180_000);

  let api: ExtensionTestApi;
  let emu: RunningEmulator;

  const requests = (route: string): number => emu.admin.counters().byRoute[route] ?? 0;

  function instanceNamed(name: string): InstanceRecord {
    const instance = emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
    assert.ok(instance, `no instance named ${name}`);
    return instance;
  }

  function targetOf(instance: InstanceRecord): InstanceTarget {
    const cluster = emu.admin.snapshot().clusters.find((c) => c.id === instance.cluster_id);
    assert.ok(cluster);
    return {
      kind: 'instance',
      profileId: PROFILE_ID,
      clusterId: cluster.id,
      clusterName: cluster.name,
      cloudMlId: instance.cloud_ml_id,
      name: instance.cloud_ml_name,
      state: instance.cloud_ml_state,
    };
  }

  const target = (name: string): InstanceTarget => targetOf(instanceNamed(name));

  function panelOf(t: InstanceTarget): DetailsPanel {
    const panel = api.services.panels.detailsPanel(PROFILE_ID, t.cloudMlId);
    assert.ok(panel, `no details panel for ${t.name}`);
    return panel;
  }

  /** Creates a Cloud ML on the free RUNNING cluster through the real API and hands it to the extension's tracker. */
  async function createTracked(name: string): Promise<InstanceTarget> {
    const state = emu.admin.snapshot();
    const taken = new Set(state.instances.map((i) => i.cluster_id));
    const cluster = state.clusters.find((c) => c.status === 'RUNNING' && !taken.has(c.id));
    assert.ok(cluster, 'no free RUNNING cluster');
    const session = await api.services.connection.session();
    const created = await session.cloudMl.create({
      cloud_ml_name: name,
      cluster_id: cluster.id,
      image_id: state.images[0]?.image_id ?? '',
      domain_name: `${name}.ml.example.com`,
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGISTRYACCESS',
      custom_registry_access_secret_key: REGISTRY_SECRET,
      description: 'made by the webview suite',
    });
    api.services.tracker.track({ profileId: PROFILE_ID, cloudMlId: created.cloudMlId, clusterId: cluster.id, name, kind: 'create' });
    return { kind: 'instance', profileId: PROFILE_ID, clusterId: cluster.id, clusterName: cluster.name, cloudMlId: created.cloudMlId, name, state: 'CREATING' };
  }

  /**
   * Waits until the app in the real webview has drawn what `condition` looks for. code-server serves every webview
   * from one origin and one service-worker scope, so a webview opened after another one may wait about 30 s for
   * the service worker before it loads (desktop VS Code gives each webview its own origin): hence the long limit.
   */
  async function drawn<P extends { panel: vscode.WebviewPanel }>(panel: P, what: string, condition: (panel: P) => boolean): Promise<void> {
    await until(what, () => condition(panel), DRAW_LIMIT_MS, () => (isDetails(panel) ? drawnState(panel) : `visible ${panel.panel.visible}`));
  }

  /** What the app reported, for a timeout's message. */
  function drawnState(panel: DetailsPanel): string {
    const readies = api.logText().split('\n').filter((line) => line.includes('the app is ready')).length;
    return `drawn revision ${panel.renderedView?.revision} (${panel.renderedView?.badge?.text}), sent revision ${panel.lastView?.revision}, visible ${panel.panel.visible}, active ${panel.panel.active}, apps ready so far ${readies}`;
  }

  /** Everything the extension sent to a panel must be free of secrets. */
  function assertNoSecret(view: DetailsView | undefined): void {
    const json = JSON.stringify(view);
    assert.doesNotMatch(json, /secret/i);
    assert.ok(!json.includes(REGISTRY_SECRET) && !json.includes(emu.secretKey), 'a secret value reached the webview');
  }

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionTestApi | undefined>('scp-tools.scp-cloud-ml');
    const activated = await extension?.activate();
    assert.ok(activated, 'no test API');
    api = activated;
    // A fast clock for the create and delete tests: 1 s deployments polled every 0.25 s (as in the deployments suite).
    emu = await startEmulator({ port: 0, deploySeconds: 1 });
    await api.services.connection.saveProfile(
      { id: PROFILE_ID, name: 'webview', environment: 'e', region: 'kr-west1', endpointOverride: emu.url, source: 'manual' },
      { accessKey: emu.accessKey, secretKey: emu.secretKey },
      true,
    );
    await vscode.workspace.getConfiguration('scpCloudMl').update('pollIntervalSeconds', 0.25, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    for (const panel of [...api.services.panels.detailsPanels(), ...api.services.panels.estimatePanels()]) await disposeWhenDrawn(panel);
    for (const op of api.services.tracker.inFlight()) if (op.profileId === PROFILE_ID) api.services.tracker.stopTracking(PROFILE_ID, op.cloudMlId);
    api.setUserInput(undefined);
    emu.admin.clearFaults();
    emu.admin.reset();
    emu.admin.resetCounters();
    api.services.catalog.invalidate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('scpCloudMl').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await api.services.connection.remove(PROFILE_ID, true);
    await emu.close();
  });

  it('the generated HTML carries the CSP, one fresh nonce on every script tag, no inline handler, local resources only', async () => {
    const panel = await api.services.panels.showDetails(target('ml-prod'));
    // The app's script ran under this CSP (it says ready and draws): the nonce works, nothing else was needed.
    await drawn(panel, 'the app draws under the CSP', (p) => p.renderedView?.revision === p.lastView?.revision);
    const html = panel.lastHtml;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    assert.ok(csp && nonce, 'no CSP with a nonce');
    const source = panel.panel.webview.cspSource;
    assert.equal(csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${source}; font-src ${source}; img-src ${source}`);

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1);
    for (const [, attributes, body] of scripts) {
      assert.ok((attributes ?? '').includes(`nonce="${nonce}"`), `a script without the nonce: ${attributes}`);
      assert.equal(body?.trim(), '', 'an inline script body');
      assert.match(attributes ?? '', /src="[^"]*\/dist\/webview\/detailsApp\.js"/);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=|javascript:|unsafe-inline|<style\b|\sstyle=/i);
    assert.doesNotMatch(html, /ml-prod|Production notebooks/, 'API data went into the HTML instead of a message');

    const roots = (panel.panel.webview.options.localResourceRoots ?? []).map((uri) => uri.path);
    assert.equal(roots.length, 2);
    assert.ok(roots[0]?.endsWith('/dist/webview') && roots[1]?.endsWith('/media'), roots.join(', '));

    const other = await api.services.panels.showDetails(target('recsys-ml'));
    const otherNonce = /script-src 'nonce-([^']+)'/.exec(other.lastHtml)?.[1];
    assert.ok(otherNonce && otherNonce !== nonce, 'each render needs its own nonce');
    // Closed while its resources still load, it would hold up the next webview's service worker for 30 s.
    await drawn(other, 'the second panel draws', (p) => p.renderedView?.revision === p.lastView?.revision);
  });

  it('a hostile name and description travel as data and are drawn as text', async () => {
    const state = emu.admin.snapshot();
    const hostile = state.instances.find((i) => i.cloud_ml_name === 'ml-prod');
    assert.ok(hostile);
    hostile.cloud_ml_name = SCRIPT_ATTACK;
    hostile.description = IMG_ATTACK;
    emu.admin.loadState(state);

    const panel = await api.services.panels.showDetails(targetOf(hostile));
    const view = panel.lastView;
    assert.equal(view?.title, SCRIPT_ATTACK);
    assert.equal(panel.panel.title, SCRIPT_ATTACK);
    assert.equal(view?.fields.find((f) => f.key === 'cloud_ml_name')?.value, SCRIPT_ATTACK);
    assert.equal(view?.fields.find((f) => f.key === 'description')?.value, IMG_ATTACK);
    assert.doesNotMatch(panel.lastHtml, /alert\(1\)/);
    // The app in the real webview accepted this payload and drew it (its renderer only ever sets textContent).
    await drawn(panel, 'the webview draws the hostile view', (p) => p.renderedView?.revision === p.lastView?.revision);
    assert.equal(panel.renderedView?.title, SCRIPT_ATTACK);
  });

  it('details twice for one instance reveal one panel; another instance gets its own', async () => {
    const prod = target('ml-prod');
    await vscode.commands.executeCommand('scpCloudMl.showDetails', prod);
    const first = panelOf(prod);
    const reads = requests(SHOW);
    await vscode.commands.executeCommand('scpCloudMl.showDetails', prod);
    assert.equal(panelOf(prod), first);
    assert.equal(api.services.panels.detailsPanels().length, 1);
    assert.equal(requests(SHOW), reads, 'revealing reads nothing');

    const recsys = target('recsys-ml');
    await vscode.commands.executeCommand('scpCloudMl.showDetails', recsys);
    assert.equal(api.services.panels.detailsPanels().length, 2);
    assert.notEqual(panelOf(recsys), first);
    assert.equal(panelOf(recsys).lastView?.badge?.text, 'ERROR');
    assert.equal(panelOf(recsys).lastView?.badge?.tone, 'failed');
  });

  it('from the palette it asks which instance, then opens that one', async () => {
    const ui = new ScriptedUserInput(['ml-prod']);
    api.setUserInput(ui);
    await vscode.commands.executeCommand('scpCloudMl.showDetails');
    ui.assertFinished();
    const view = panelOf(target('ml-prod')).lastView;
    assert.equal(view?.title, 'ml-prod');
    assert.equal(view?.busy, false);
    assert.ok(view?.resources.some((g) => g.group === 'analytics' && g.rows.some((r) => r.request !== undefined && r.estimate !== undefined)), 'requests drawn against the estimate');
    assert.ok(view?.cluster.some((f) => f.key === 'name' && f.value === 'ml-prod-cluster'), 'the cluster is shown');
  });

  it('create + polling moves the open panel from CREATING to DEPLOYED without user action, and no secret is sent', async () => {
    api.setUserInput(new ScriptedUserInput());
    const created = await createTracked('wv-live');
    await vscode.commands.executeCommand('scpCloudMl.showDetails', created);
    const panel = panelOf(created);
    assert.equal(panel.lastView?.badge?.text, 'CREATING');
    assert.equal(panel.lastView?.actions.delete, false, 'no delete while transitional');
    const readsByPanel = requests(SHOW);

    await until('the panel shows DEPLOYED', () => panel.lastView?.badge?.text === 'DEPLOYED');
    assert.equal(panel.lastView?.badge?.tone, 'healthy');
    assert.equal(panel.lastView?.actions.delete, true);
    assert.ok(requests(SHOW) > readsByPanel, 'the tracker polled');
    await drawn(panel, 'the webview draws DEPLOYED', (p) => p.renderedView?.badge?.text === 'DEPLOYED');
    assertNoSecret(panel.lastView);
    assert.ok(!api.logText().includes(REGISTRY_SECRET));
  });

  it('a deleted instance: the panel says so and disables its buttons', async () => {
    api.setUserInput(new ScriptedUserInput());
    const prod = target('ml-prod');
    const panel = await api.services.panels.showDetails(prod);
    assert.equal(panel.lastView?.actions.delete, true);
    const session = await api.services.connection.session();
    await session.cloudMl.delete(prod.cloudMlId);
    api.services.tracker.track({ profileId: PROFILE_ID, cloudMlId: prod.cloudMlId, clusterId: prod.clusterId, name: prod.name, kind: 'delete' });

    await until('the panel says deleted', () => panel.lastView?.notice?.tone === 'deleted');
    assert.match(panel.lastView?.notice?.text ?? '', /ml-prod/);
    assert.deepEqual(panel.lastView?.actions, { refresh: false, updateDescription: false, delete: false, copyEndpoint: false });
  });

  it('a malformed message from the webview is dropped and logged, and the panel keeps working', async () => {
    const prod = target('ml-prod');
    const panel = await api.services.panels.showDetails(prod);
    const reads = requests(SHOW);
    const revision = panel.lastView?.revision ?? 0;

    for (const raw of [{ type: 'runCommand', command: 'workbench.action.quit' }, { type: 'refresh', cloudMlId: 'another' }, 'refresh', null, { type: 'rendered', revision: 'x' }]) {
      await panel.receive(raw);
    }
    assert.equal(requests(SHOW), reads, 'a dropped message did nothing');
    assert.equal(panel.lastView?.revision, revision);
    const drops = api.logText().split('\n').filter((line) => line.includes('dropped a malformed message'));
    assert.ok(drops.length >= 5, `logged drops: ${drops.length}`);
    assert.ok(drops.some((line) => line.includes('"runCommand"')));

    await panel.receive({ type: 'refresh' });
    assert.equal(requests(SHOW), reads + 1);
    assert.ok((panel.lastView?.revision ?? 0) > revision);
    assert.equal(panel.lastView?.busy, false);
    assert.equal(panel.lastView?.notice, undefined);
  });

  it('the buttons run the palette commands on this instance', async () => {
    const prod = target('ml-prod');
    const panel = await api.services.panels.showDetails(prod);

    await vscode.env.clipboard.writeText('');
    api.setUserInput(new ScriptedUserInput());
    await panel.receive({ type: 'copyEndpoint' });
    assert.equal(await vscode.env.clipboard.readText(), instanceNamed('ml-prod').endpoint_ip_address);

    const ui = new ScriptedUserInput(['described from the panel']);
    api.setUserInput(ui);
    await panel.receive({ type: 'updateDescription' });
    ui.assertFinished();
    assert.equal(instanceNamed('ml-prod').description, 'described from the panel');
    await until('the panel shows the new description', () => panel.lastView?.fields.find((f) => f.key === 'description')?.value === 'described from the panel');
  });

  it('restored after a reload from its ids only, by reading SCP again', async () => {
    const prod = target('ml-prod');
    const panels = api.services.panels;
    const stale = vscode.window.createWebviewPanel('scpCloudMl.details', 'stale title', vscode.ViewColumn.Active, {});
    const reads = requests(SHOW);
    const restored = await panels.restoreDetails(stale, { profileId: PROFILE_ID, cloudMlId: prod.cloudMlId, clusterId: prod.clusterId });
    assert.ok(restored);
    assert.equal(requests(SHOW), reads + 1, 'a restore reads the instance afresh');
    assert.equal(restored.lastView?.title, 'ml-prod');
    assert.equal(stale.title, 'ml-prod');
    assert.equal(restored.panel.webview.options.enableScripts, true);
    assert.match(restored.lastHtml, /Content-Security-Policy/);
    assert.equal(panels.detailsPanel(PROFILE_ID, prod.cloudMlId), restored);

    // Anything but ids (e.g. a stored detail) is refused: the panel closes instead of showing stale data.
    const odd = vscode.window.createWebviewPanel('scpCloudMl.details', 'odd', vscode.ViewColumn.Active, {});
    let closed = false;
    odd.onDidDispose(() => (closed = true));
    const refused = await panels.restoreDetails(odd, { profileId: PROFILE_ID, cloudMlId: 'x', clusterId: 'y', detail: { cloud_ml_state: 'DEPLOYED' } });
    assert.equal(refused, undefined);
    assert.equal(closed, true);
    assert.match(api.logText(), /closed a restored details panel/);
  });

  it('the estimate panel shows the cluster estimate and its copilot toggle queries again', async () => {
    const prod = target('ml-prod');
    await vscode.commands.executeCommand('scpCloudMl.showEstimate', { kind: 'cluster', profileId: PROFILE_ID, clusterId: prod.clusterId, clusterName: prod.clusterName, clusterStatus: 'RUNNING' });
    const panel = api.services.panels.estimatePanel(PROFILE_ID, prod.clusterId);
    assert.ok(panel);
    assert.deepEqual(
      panel.lastView?.groups.map((g) => g.group),
      ['analytics', 'application'],
    );
    assert.match(panel.lastHtml, /estimateApp\.js/);
    const reads = requests(ESTIMATE);

    await panel.receive({ type: 'setCopilot', useCopilot: true });
    assert.equal(requests(ESTIMATE), reads + 1);
    assert.equal(panel.lastView?.state.useCopilot, true);
    assert.deepEqual(
      panel.lastView?.groups.map((g) => g.group),
      ['analytics', 'application', 'copilot'],
    );
    await drawn(panel, 'the webview draws the copilot estimate', (p) => p.renderedView?.state.useCopilot === true);
  });
});
