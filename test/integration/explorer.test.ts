import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InstanceTarget } from '../../src/model/commandTargets';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { BACK } from '../../src/ui/userInput';
import { FAST_RETRIES } from '../support/fastRetries';
import { CANCEL, ScriptedUserInput, type ScriptedAnswer } from '../support/scriptedUserInput';
import { until } from '../support/until';
import { activateTestApi, saveEmulatorProfile } from './extensionFixture';

const LOOKUP_ROUTE = 'GET /v1/cloud-ml/clusters/{id}';
const LIST_ROUTE = 'GET /v1/clusters';
/** The internal command of the "Load more…" node (not contributed, so not in the palette). */
const LOAD_MORE = 'scpCloudMl.explorer.loadMore';

/** What a test reads of a rendered node. */
interface Row {
  label: string;
  description: string | undefined;
  contextValue: string | undefined;
  icon: string | undefined;
  iconColor: string | undefined;
  collapsible: vscode.TreeItemCollapsibleState | undefined;
  command: string | undefined;
  commandArgs: unknown[] | undefined;
  id: string | undefined;
  tooltip: string | vscode.MarkdownString | undefined;
}

describe('explorer', function () {
  this.timeout(90_000);

  let api: ExtensionTestApi;
  /** The default seed: six clusters in mixed states. */
  let seeded: RunningEmulator;
  /** 120 generated clusters, for paging. */
  let many: RunningEmulator;
  /** 40 generated clusters, for the lookup limit and findInstance. */
  let forty: RunningEmulator;
  const profiles = { seeded: 'test-explorer-seeded', many: 'test-explorer-120', forty: 'test-explorer-40' };

  const explorer = (): ExtensionTestApi['explorer'] => api.explorer;
  const provider = (): ExtensionTestApi['explorer']['provider'] => api.explorer.provider;

  function row(node: ExplorerNode): Row {
    const item = provider().getTreeItem(node);
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
    // ThemeColor keeps its id at runtime; the typings do not declare it.
    const color: { id?: string } | undefined = icon?.color;
    return {
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      icon: icon?.id,
      iconColor: color?.id,
      collapsible: item.collapsibleState,
      command: item.command?.command,
      commandArgs: item.command?.arguments,
      id: item.id,
      tooltip: item.tooltip,
    };
  }

  async function children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return (await provider().getChildren(node)) ?? [];
  }

  async function rootRows(): Promise<Row[]> {
    return (await children()).map(row);
  }

  async function rootNode(label: string): Promise<ExplorerNode> {
    const node = (await children()).find((n) => row(n).label === label);
    assert.ok(node, `no root node "${label}"; root: ${(await rootRows()).map((r) => r.label).join(', ')}`);
    return node;
  }

  async function childRows(label: string): Promise<Row[]> {
    return (await children(await rootNode(label))).map(row);
  }

  async function useProfile(id: string): Promise<void> {
    // Activating (even the active one) starts a fresh session: every cache, filter and page count is dropped.
    await api.connection.activate(id);
  }

  function script(answers: ScriptedAnswer[]): ScriptedUserInput {
    const ui = new ScriptedUserInput(answers);
    api.setUserInput(ui);
    return ui;
  }

  before(async function () {
    this.timeout(60_000);
    api = await activateTestApi();
    [seeded, many, forty] = await Promise.all([
      startEmulator({ port: 0, deploySeconds: 600 }),
      startEmulator({ port: 0, deploySeconds: 600, clusters: 120 }),
      startEmulator({ port: 0, deploySeconds: 600, clusters: 40 }),
    ]);
    const save = (id: string, emu: RunningEmulator): Promise<unknown> => saveEmulatorProfile(api, emu, { id, activate: false });
    await save(profiles.seeded, seeded);
    await save(profiles.many, many);
    await save(profiles.forty, forty);
    api.connection.overrideClientTimingForTests(FAST_RETRIES);
    // Keep the tree hidden while the tests read it: a visible tree makes VS Code load branches on its own.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  beforeEach(async () => {
    await useProfile(profiles.seeded);
    for (const emu of [seeded, many, forty]) emu.admin.resetCounters();
  });

  afterEach(() => {
    api.setUserInput(undefined);
    for (const emu of [seeded, many, forty]) {
      emu.admin.clearFaults();
      emu.admin.setCloudMlDisabled(false);
      emu.admin.setLatency({ fixedMs: 0, randomMs: 0 });
      emu.admin.reset();
    }
    explorer().setFilter(undefined);
  });

  after(async () => {
    // Leave no visible tree behind: other suites count requests, and a visible tree loads on every profile change.
    await vscode.commands.executeCommand('workbench.view.explorer');
    api.connection.overrideClientTimingForTests(undefined);
    for (const id of Object.values(profiles)) await api.connection.remove(id, true);
    await Promise.all([seeded?.close(), many?.close(), forty?.close()]);
  });

  describe('the seeded tree', () => {
    it('lists the clusters newest first, then the Images group, with status icons, descriptions and context values', async () => {
      const rows = await rootRows();
      assert.deepEqual(
        rows.map((r) => [r.label, r.description, r.contextValue]),
        [
          ['ml-prod-cluster', 'v1.29.8 · 6 nodes', 'scpCloudMl.cluster.running.unknown'],
          ['ds-sandbox', 'v1.29.8 · 3 nodes', 'scpCloudMl.cluster.running.unknown'],
          ['analytics-dev', 'v1.28.11 · 4 nodes', 'scpCloudMl.cluster.running.unknown'],
          ['recsys-staging', 'v1.28.11 · 5 nodes', 'scpCloudMl.cluster.running.unknown'],
          ['vision-train', 'v1.29.8 · 2 nodes', 'scpCloudMl.cluster.creating.unknown'],
          ['legacy-batch', 'v1.27.16 · 3 nodes', 'scpCloudMl.cluster.error.unknown'],
          ['Images', undefined, 'scpCloudMl.imagesGroup'],
        ],
      );
      assert.deepEqual(
        rows.slice(0, 6).map((r) => [r.icon, r.iconColor]),
        [
          ['vm-running', 'testing.iconPassed'],
          ['vm-running', 'testing.iconPassed'],
          ['vm-running', 'testing.iconPassed'],
          ['vm-running', 'testing.iconPassed'],
          ['sync~spin', 'charts.yellow'],
          ['vm', 'testing.iconFailed'],
        ],
      );
      const clusters = seeded.admin.snapshot().clusters;
      for (const r of rows.slice(0, 6)) {
        const cluster = clusters.find((c) => c.name === r.label);
        assert.ok(cluster);
        assert.equal(r.id, `${profiles.seeded}/cluster/${cluster.id}`, 'ids carry the profile id');
        assert.equal(r.collapsible, vscode.TreeItemCollapsibleState.Expanded);
      }
      assert.equal(seeded.admin.counters().byRoute[LIST_ROUTE], 1, 'the first page came in one request');
    });

    it("each cluster's child is its Cloud ML, the create action, or a note when the cluster is not running", async () => {
      const expected: Record<string, [string, string | undefined, string | undefined, string | undefined][]> = {
        'ml-prod-cluster': [['ml-prod', 'DEPLOYED · Cloud ML with Copilot 1.6.1', 'scpCloudMl.instance.healthy.deployed', 'pass']],
        'ds-sandbox': [['Create Cloud ML on this cluster…', undefined, 'scpCloudMl.createAction', 'add']],
        'analytics-dev': [['analytics-dev-ml', 'CREATING · Cloud ML 1.5.0', 'scpCloudMl.instance.transitional.creating', 'sync~spin']],
        'recsys-staging': [['recsys-ml', 'ERROR · Cloud ML 1.4.2', 'scpCloudMl.instance.failed.error', 'error']],
        'vision-train': [['No Cloud ML (the cluster is CREATING)', undefined, 'scpCloudMl.notice', 'info']],
        'legacy-batch': [['No Cloud ML (the cluster is ERROR)', undefined, 'scpCloudMl.notice', 'info']],
      };
      for (const [cluster, rows] of Object.entries(expected)) {
        assert.deepEqual(
          (await childRows(cluster)).map((r) => [r.label, r.description, r.contextValue, r.icon]),
          rows,
          cluster,
        );
      }
      // Once looked up, the clusters' context values say what the menus need (Create only on ds-sandbox).
      assert.deepEqual(
        (await rootRows()).slice(0, 6).map((r) => r.contextValue),
        [
          'scpCloudMl.cluster.running.withInstance',
          'scpCloudMl.cluster.running.empty',
          'scpCloudMl.cluster.running.withInstance',
          'scpCloudMl.cluster.running.withInstance',
          'scpCloudMl.cluster.creating.empty',
          'scpCloudMl.cluster.error.empty',
        ],
      );
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 6, 'one lookup per cluster, the second render came from the cache');
    });

    it('the create action starts the create form with the cluster preset', async () => {
      const [create] = await childRows('ds-sandbox');
      assert.ok(create);
      assert.equal(create.command, 'scpCloudMl.create');
      const sandbox = seeded.admin.snapshot().clusters.find((c) => c.name === 'ds-sandbox');
      assert.deepEqual(create.commandArgs, [
        { kind: 'cluster', profileId: profiles.seeded, clusterId: sandbox?.id, clusterName: 'ds-sandbox', clusterStatus: 'RUNNING' },
      ]);
    });

    it('an instance has a target, a Markdown tooltip that is not trusted, and its key fields as children', async () => {
      const [instance] = await children(await rootNode('ml-prod-cluster'));
      assert.ok(instance);
      const record = seeded.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
      assert.ok(record);
      const target = (instance as unknown as { target: InstanceTarget }).target;
      assert.equal(target.kind, 'instance');
      assert.equal(target.cloudMlId, record.cloud_ml_id);
      assert.equal(target.profileId, profiles.seeded);
      assert.equal(target.endpoint, record.endpoint_ip_address || record.domain_name);
      const r = row(instance);
      assert.equal(r.id, `${profiles.seeded}/cluster/${record.cluster_id}/instance/${record.cloud_ml_id}`);
      assert.ok(r.tooltip instanceof vscode.MarkdownString);
      assert.equal(r.tooltip.isTrusted, false);
      assert.match(r.tooltip.value, /State: DEPLOYED/);
      assert.deepEqual(
        (await children(instance)).map((n) => [row(n).label, row(n).description]),
        [
          ['Endpoint', record.endpoint_ip_address || record.domain_name],
          ['Image', 'Cloud ML with Copilot 1.6.1'],
          ['Namespace', record.namespace_name],
          ['Created', record.created_dt],
        ],
      );
      assert.equal(provider().getParent(instance), await rootNode('ml-prod-cluster'), 'getParent gives the very cluster node');
    });

    it('the Images group lists the images, copilot-capable ones marked', async () => {
      assert.deepEqual(
        (await childRows('Images')).map((r) => [r.label, r.description, r.contextValue]),
        [
          ['Cloud ML', '1.4.2 · Kubernetes v1.28', 'scpCloudMl.image'],
          ['Cloud ML', '1.5.0 · Kubernetes v1.28', 'scpCloudMl.image'],
          ['Cloud ML with Copilot', '1.5.0 · Kubernetes v1.28 · copilot', 'scpCloudMl.image'],
          ['Cloud ML with Copilot', '1.6.1 · Kubernetes v1.29 · copilot', 'scpCloudMl.image'],
        ],
      );
    });

    it('node objects are kept per id: a second render returns the same objects', async () => {
      const first = await children();
      const second = await children();
      assert.ok(first.length > 0, 'the seeded tree has root nodes to compare');
      assert.equal(first.length, second.length);
      first.forEach((node, i) => assert.equal(node, second[i]));
    });
  });

  describe('paging', () => {
    it('120 clusters with page size 50 show 50 + "Load more…", then 100, then 120 and no more', async () => {
      await useProfile(profiles.many);
      const countClusters = (rows: Row[]): number => rows.filter((r) => r.contextValue?.startsWith('scpCloudMl.cluster.')).length;

      let rows = await rootRows();
      assert.equal(countClusters(rows), 50);
      const loadMore = rows.at(-2);
      assert.equal(loadMore?.label, 'Load more…');
      assert.equal(loadMore?.contextValue, 'scpCloudMl.loadMore');
      assert.equal(loadMore?.description, '50 of 120 shown');
      assert.equal(loadMore?.command, LOAD_MORE);
      assert.equal(rows.at(-1)?.label, 'Images');
      assert.equal(rows[0]?.label, 'cluster-001');

      await vscode.commands.executeCommand(LOAD_MORE);
      rows = await rootRows();
      assert.equal(countClusters(rows), 100);
      assert.equal(rows.at(-2)?.label, 'Load more…');

      await vscode.commands.executeCommand(LOAD_MORE);
      rows = await rootRows();
      assert.equal(countClusters(rows), 120);
      assert.equal(rows.some((r) => r.label === 'Load more…'), false);
      assert.equal(rows.at(-2)?.label, 'cluster-120');
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'no duplicate ids');
      assert.equal(many.admin.counters().byRoute[LIST_ROUTE], 3, 'three pages, each asked once');
    });
  });

  describe('failures stay on their branch', () => {
    it("a 500 on one cluster's lookup gives an error child there and a normal tree elsewhere", async () => {
      const recsys = seeded.admin.snapshot().clusters.find((c) => c.name === 'recsys-staging');
      assert.ok(recsys);
      seeded.admin.injectFault({ kind: 'status', status: 500, path: `/v1/cloud-ml/clusters/${recsys.id}`, count: -1 });
      const failed = await childRows('recsys-staging');
      assert.equal(failed.length, 1);
      assert.equal(failed[0]?.contextValue, 'scpCloudMl.error');
      assert.equal(failed[0]?.command, 'scpCloudMl.showLog');
      assert.match(failed[0]?.label ?? '', /^Failed to load: SCP had an internal error \(HTTP 500\)\. Retry in a moment\. — click to show log$/);
      assert.deepEqual((await childRows('ml-prod-cluster')).map((r) => r.label), ['ml-prod']);
      assert.deepEqual((await childRows('ds-sandbox')).map((r) => r.label), ['Create Cloud ML on this cluster…']);
      assert.ok((await rootRows()).some((r) => r.label === 'Images'));
      assert.match(api.logText(), /load the Cloud ML of cluster recsys-staging failed: \[server 500\]/);
      // The failure was not cached: once SCP recovers, a refresh of that branch shows the instance.
      seeded.admin.clearFaults();
      await vscode.commands.executeCommand('scpCloudMl.refresh', await rootNode('recsys-staging'));
      assert.deepEqual((await childRows('recsys-staging')).map((r) => r.label), ['recsys-ml']);
    });

    it('a 417 firewall page on a lookup is retried and then succeeds', async () => {
      const prod = seeded.admin.snapshot().clusters.find((c) => c.name === 'ml-prod-cluster');
      assert.ok(prod);
      seeded.admin.injectFault({ kind: 'firewall417', path: `/v1/cloud-ml/clusters/${prod.id}`, count: 1 });
      assert.deepEqual((await childRows('ml-prod-cluster')).map((r) => r.label), ['ml-prod']);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 2, 'the rejected attempt and its retry');
    });

    it('a root failure shows one error node whose click retries', async () => {
      seeded.admin.injectFault({ kind: 'status', status: 503, path: '/v1/clusters', method: 'GET', count: -1 });
      const rows = await rootRows();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.contextValue, 'scpCloudMl.error');
      assert.equal(rows[0]?.command, 'scpCloudMl.refresh');
      assert.match(rows[0]?.label ?? '', /^Failed to load clusters: .*HTTP 503.* — click to retry$/);
      seeded.admin.clearFaults();
      await vscode.commands.executeCommand(rows[0]?.command ?? '');
      assert.equal((await rootRows()).filter((r) => r.contextValue?.startsWith('scpCloudMl.cluster.')).length, 6);
    });

    it('Cloud ML disabled gives the cluster list with one explanation, not one error per cluster', async () => {
      seeded.admin.setCloudMlDisabled(true);
      const rows = await rootRows();
      assert.equal(rows.length, 7, rows.map((r) => r.label).join(', '));
      assert.equal(rows[0]?.contextValue, 'scpCloudMl.notice');
      assert.equal(rows[0]?.label, 'Cloud ML is not available for this account or region.');
      assert.equal(rows.filter((r) => r.contextValue?.startsWith('scpCloudMl.cluster.')).length, 6);
      assert.equal(rows.some((r) => r.contextValue === 'scpCloudMl.error' || r.label === 'Images'), false);
      for (const r of rows.slice(1)) assert.equal(r.collapsible, vscode.TreeItemCollapsibleState.None, `${r.label} has nothing to expand`);
      seeded.admin.resetCounters();
      for (const node of (await children()).slice(1)) assert.deepEqual(await children(node), []);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE] ?? 0, 0, 'no lookup once Cloud ML is known to be off');
    });

    it('a 401 gives the sign-in node', async () => {
      seeded.admin.injectFault({ kind: 'gateway401', path: '/v1/clusters', count: -1 });
      const rows = await rootRows();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.label, 'Sign in again');
      assert.equal(rows[0]?.contextValue, 'scpCloudMl.signInNode');
      assert.equal(rows[0]?.command, 'scpCloudMl.signIn');
    });

    it('a lookup that never answers ends as an error after the request timeout, not an endless spinner', async () => {
      const config = vscode.workspace.getConfiguration('scpCloudMl');
      await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
      // The setting's timeout, without the three retries of a GET (4 s more of waiting; retries are unit-tested).
      api.connection.overrideClientTimingForTests({ ...FAST_RETRIES, maxRetries: 0 });
      try {
        await useProfile(profiles.seeded); // sessions read the timeout when they start
        const prod = seeded.admin.snapshot().clusters.find((c) => c.name === 'ml-prod-cluster');
        assert.ok(prod);
        seeded.admin.injectFault({ kind: 'hang', path: `/v1/cloud-ml/clusters/${prod.id}`, count: -1 });
        const rows = await childRows('ml-prod-cluster');
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.contextValue, 'scpCloudMl.error');
        assert.match(rows[0]?.label ?? '', /did not answer in time/);
      } finally {
        api.connection.overrideClientTimingForTests(FAST_RETRIES);
        await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });

  describe('refresh, updates in place, filter', () => {
    it("refresh of a cluster asks again for that cluster only; refresh with no node reloads everything", async () => {
      for (const node of (await children()).slice(0, 6)) await children(node);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 6);
      await vscode.commands.executeCommand('scpCloudMl.refresh', await rootNode('analytics-dev'));
      for (const node of (await children()).slice(0, 6)) await children(node);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 7);
      assert.equal(seeded.admin.counters().byRoute[LIST_ROUTE], 1);

      await vscode.commands.executeCommand('scpCloudMl.refresh');
      for (const node of (await children()).slice(0, 6)) await children(node);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 13);
      assert.equal(seeded.admin.counters().byRoute[LIST_ROUTE], 2);
    });

    it('a refresh cancels the lookup it replaces and the waiting branch gets the fresh answer', async () => {
      const prod = seeded.admin.snapshot().clusters.find((c) => c.name === 'ml-prod-cluster');
      assert.ok(prod);
      const cluster = await rootNode('ml-prod-cluster');
      seeded.admin.injectFault({ kind: 'hang', path: `/v1/cloud-ml/clusters/${prod.id}`, count: 1 });
      const logBefore = api.logText().length;
      const pending = children(cluster);
      // Wait until the hanging request reached the emulator, then replace it.
      for (let i = 0; i < 200 && (seeded.admin.counters().byRoute[LOOKUP_ROUTE] ?? 0) < 1; i++) await new Promise((r) => setTimeout(r, 25));
      provider().refresh(cluster);
      assert.deepEqual((await pending).map((n) => row(n).label), ['ml-prod']);
      assert.equal(seeded.admin.counters().byRoute[LOOKUP_ROUTE], 2, 'the hanging lookup and the one that replaced it');
      assert.match(api.logText().slice(logBefore), /cancelled/i, 'the replaced request was cancelled');
    });

    it('an instance change from deployment tracking updates the node in place, without a request', async () => {
      const cluster = await rootNode('ml-prod-cluster');
      const [instance] = await children(cluster);
      assert.ok(instance);
      const record = seeded.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
      assert.ok(record);
      const before = seeded.admin.counters().total;
      const fired: (ExplorerNode | undefined)[] = [];
      const listening = provider().onDidChangeTreeData((node) => fired.push(node ?? undefined));
      try {
        const current = api.catalog.cachedInstance(record.cluster_id);
        assert.ok(current !== undefined && current !== 'unknown', 'the lookup is cached');
        explorer().applyInstanceChange({
          profileId: profiles.seeded,
          cloudMlId: record.cloud_ml_id,
          clusterId: record.cluster_id,
          detail: { ...current, cloud_ml_state: 'UPDATING' },
          deleted: false,
          settled: false,
        });
        const [same] = await children(cluster);
        assert.equal(same, instance, 'the same node object');
        const r = row(instance);
        assert.equal(r.contextValue, 'scpCloudMl.instance.transitional.updating');
        assert.equal(r.icon, 'sync~spin');
        assert.ok(fired.includes(instance), 'the instance node itself was refreshed');

        explorer().applyInstanceChange({ profileId: profiles.seeded, cloudMlId: record.cloud_ml_id, clusterId: record.cluster_id, deleted: true, settled: true });
        assert.deepEqual((await children(cluster)).map((n) => row(n).label), ['Create Cloud ML on this cluster…']);
        assert.equal(row(cluster).contextValue, 'scpCloudMl.cluster.running.empty');
        assert.equal(seeded.admin.counters().total, before, 'nothing was asked of SCP');
      } finally {
        listening.dispose();
      }
    });

    it("a change while a cluster's children are loading is announced after they are returned: one load at a time, one node per id", async () => {
      // VS Code registers a branch's children by id when getChildren answers. A branch announced while its load
      // still runs gets a new node first; the late children then register under the old one and the next load's
      // collide: "Element with id …/create is already registered" (a window reload during an update).
      const record = seeded.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
      assert.ok(record);
      const cluster = await rootNode('ml-prod-cluster');
      seeded.admin.injectFault({ kind: 'hang', path: `/v1/cloud-ml/clusters/${record.cluster_id}`, count: 1 });
      let returned = false;
      const loading = children(cluster).then((nodes) => {
        returned = true;
        return nodes;
      });
      await until('the lookup reached the emulator', () => (seeded.admin.counters().byRoute[LOOKUP_ROUTE] ?? 0) >= 1);
      const announced: { node: ExplorerNode | undefined; childrenReturned: boolean }[] = [];
      const listening = provider().onDidChangeTreeData((node) => announced.push({ node: node ?? undefined, childrenReturned: returned }));
      try {
        explorer().applyInstanceChange({ profileId: profiles.seeded, cloudMlId: record.cloud_ml_id, clusterId: record.cluster_id, deleted: true, settled: true });
        const first = await loading;
        assert.deepEqual(first.map((n) => row(n).label), ['Create Cloud ML on this cluster…'], 'the load in flight returns what the change says');
        await until('the cluster is announced', () => announced.some((a) => a.node === cluster));
        assert.deepEqual(
          announced.filter((a) => a.node === cluster).map((a) => a.childrenReturned),
          [true],
          'the cluster is announced once, and only after its children were returned',
        );
        const again = await children(cluster);
        assert.equal(again.length, 1);
        assert.equal(again[0], first[0], 'the next load gives the very node of that id');
      } finally {
        listening.dispose();
      }
    });

    it('filter narrows by name and by state, shows in the view description and sets the context key; clearFilter undoes it', async () => {
      script(['prod', 'Any state']);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      assert.deepEqual((await rootRows()).map((r) => r.label), ['ml-prod-cluster', 'Images']);
      assert.equal(explorer().treeView.description, 'Filter: "prod"');
      assert.equal(api.contextKey('scpCloudMl.filterActive'), true);

      const ui = script(['', 'Cloud ML failed']);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      ui.assertFinished();
      assert.equal(ui.prompts[0]?.value, 'prod', 'the name step is prefilled with the active filter');
      assert.deepEqual((await rootRows()).map((r) => r.label), ['recsys-staging', 'Images']);
      assert.equal(explorer().treeView.description, 'Filter: Cloud ML failed');

      script(['', 'Cluster CREATING']);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      assert.deepEqual((await rootRows()).map((r) => r.label), ['vision-train', 'Images']);

      script(['no-such-cluster', 'Any state']);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      assert.deepEqual((await rootRows()).map((r) => r.label), ['Images']);
      assert.match(explorer().treeView.message ?? '', /No clusters match the filter/);

      await vscode.commands.executeCommand('scpCloudMl.clearFilter');
      assert.equal((await rootRows()).filter((r) => r.contextValue?.startsWith('scpCloudMl.cluster.')).length, 6);
      assert.equal(explorer().treeView.description, undefined);
      assert.equal(explorer().treeView.message, undefined);
      assert.equal(api.contextKey('scpCloudMl.filterActive'), false);
    });

    it('Back on the state step returns to the name step with the typed text kept', async () => {
      const ui = script(['prod', BACK, 'sandbox', 'Any state']);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      ui.assertFinished();
      assert.deepEqual(ui.promptTitles(), ['Filter clusters (1/2)', 'Filter clusters (2/2)', 'Filter clusters (1/2)', 'Filter clusters (2/2)']);
      assert.equal(ui.prompts[2]?.value, 'prod');
      assert.deepEqual((await rootRows()).map((r) => r.label), ['ds-sandbox', 'Images']);
    });

    it('cancelling the filter form changes nothing', async () => {
      script([CANCEL]);
      await vscode.commands.executeCommand('scpCloudMl.filter');
      assert.equal(explorer().filter, undefined);
      assert.equal((await rootRows()).length, 7);
    });

    it('switching profile clears the tree: ids, clusters and filter belong to the new profile', async () => {
      explorer().setFilter({ text: 'prod' });
      await useProfile(profiles.forty);
      assert.equal(explorer().filter, undefined);
      const rows = await rootRows();
      assert.equal(rows[0]?.label, 'cluster-001');
      assert.ok(rows.every((r) => r.id?.startsWith(`${profiles.forty}/`)));
    });
  });

  describe('scale', () => {
    it('with 40 clusters at most 4 Cloud ML lookups are in flight at once and no cluster is looked up twice', async () => {
      await useProfile(profiles.forty);
      forty.admin.setLatency({ fixedMs: 40, randomMs: 0 });
      const clusters = (await children()).filter((n) => row(n).contextValue?.startsWith('scpCloudMl.cluster.'));
      assert.equal(clusters.length, 40);
      forty.admin.resetCounters();
      // Every branch asked twice at the same time, plus a find over all clusters: all joined.
      await Promise.all([
        ...clusters.map((n) => children(n)),
        ...clusters.map((n) => children(n)),
        api.catalog.findInstances(() => undefined),
      ]);
      const counters = forty.admin.counters();
      assert.equal(counters.peakInFlightByRoute[LOOKUP_ROUTE], 4, 'the limit was reached and never passed');
      assert.equal(counters.byRoute[LOOKUP_ROUTE], 40, 'one lookup per cluster');
    });

    it('findInstance fills its pick progressively, finds the instance of the 37th cluster of 40 and reveals it', async () => {
      await useProfile(profiles.forty);
      forty.admin.setLatency({ fixedMs: 20, randomMs: 0 });
      const record = forty.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-037');
      assert.ok(record);
      const ui = script(['ml-037']);
      await vscode.commands.executeCommand('scpCloudMl.findInstance');
      ui.assertFinished();
      const prompt = ui.prompts[0];
      assert.ok(prompt);
      assert.equal(prompt.title, 'Find Cloud ML instance');
      assert.ok((prompt.updates ?? 0) > 1, `items arrived in ${prompt.updates} batch(es), not progressively`);
      assert.equal(prompt.outcome, 'picked');
      assert.deepEqual(ui.messages, []);

      const expectedId = `${profiles.forty}/cluster/${record.cluster_id}/instance/${record.cloud_ml_id}`;
      for (let i = 0; i < 200 && explorer().treeView.selection[0]?.id !== expectedId; i++) await new Promise((r) => setTimeout(r, 25));
      assert.equal(explorer().treeView.selection[0]?.id, expectedId, 'the picked instance is selected in the tree');
      assert.equal(explorer().treeView.visible, true);
    });

    it('findInstance cancelled before anything is picked stops the lookups still queued', async () => {
      await useProfile(profiles.forty);
      forty.admin.setLatency({ fixedMs: 30, randomMs: 0 });
      await children(); // the cluster list, so only lookups remain
      forty.admin.resetCounters();
      // Escape once the first instance shows: lookups are then running and most are still queued (limit 4 of 40).
      const ui = script([(prompt) => (prompt.items.length > 0 ? CANCEL : 'no such instance')]);
      await vscode.commands.executeCommand('scpCloudMl.findInstance');
      assert.equal(ui.prompts[0]?.outcome, 'cancel');
      assert.ok((ui.prompts[0]?.items.length ?? 0) > 0, 'cancelled while the pick was filling');
      // The end state: the emulator is quiet (nothing in flight, no lookup arrived since the last look). Lookups
      // already sent may finish; a queue that kept draining would keep the traffic going until all 40 were sent.
      const lookups = (): number => forty.admin.counters().byRoute[LOOKUP_ROUTE] ?? 0;
      let lastSeen = -1;
      await until(
        'no lookup in flight and none arriving',
        () => {
          const quiet = forty.admin.counters().inFlight === 0 && lookups() === lastSeen;
          lastSeen = lookups();
          return quiet;
        },
        20_000,
        () => JSON.stringify(forty.admin.counters()),
      );
      assert.ok(lookups() < 40, `the queued lookups were not sent (${lookups()} of 40 were)`);
    });
  });

  describe('copy', () => {
    it('copyId and copyEndpoint copy from a node, and from a palette pick', async () => {
      const [instance] = await children(await rootNode('ml-prod-cluster'));
      assert.ok(instance);
      const record = seeded.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'ml-prod');
      assert.ok(record);
      script([]);
      await vscode.commands.executeCommand('scpCloudMl.copyId', instance);
      assert.equal(await vscode.env.clipboard.readText(), record.cloud_ml_id);
      await vscode.commands.executeCommand('scpCloudMl.copyEndpoint', instance);
      assert.equal(await vscode.env.clipboard.readText(), record.endpoint_ip_address || record.domain_name);

      const analytics = seeded.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'analytics-dev-ml');
      assert.ok(analytics);
      const ui = script(['analytics-dev-ml']);
      await vscode.commands.executeCommand('scpCloudMl.copyId');
      ui.assertFinished();
      assert.equal(await vscode.env.clipboard.readText(), analytics.cloud_ml_id);
    });
  });
});
