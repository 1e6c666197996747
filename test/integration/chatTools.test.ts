import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getInstanceTool } from '../../src/chat/getInstanceTool';
import { readOnlyTool } from '../../src/chat/readOnlyTool';
import { instanceNamed, requestsTo } from '../support/emulatorTargets';
import { FIT_REQUEST, loadFitWorld } from '../support/fitWorld';
import { until } from '../support/until';
import { useActionsFixture } from './actionsFixture';

const PROFILE_ID = 'test-chat-tools';
const LIST = 'scpCloudMl_listInstances';
const GET = 'scpCloudMl_getInstance';
const CAPACITY = 'scpCloudMl_clusterCapacity';
const PRODUCT_ROUTE = 'GET /v1/cloud-ml/clusters/{id}';
const PLANTED_SECRET = 'Pl4ntedRegistrySecret-77';

async function invoke(name: string, input: object, token?: vscode.CancellationToken): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, token);
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part))).join('\n');
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  assert.fail('the tool call should have been refused');
}

describe('chat tools', function () {
  this.timeout(60_000);
  const fixture = useActionsFixture(PROFILE_ID);

  it('are contributed and registered under their public names', () => {
    const names = vscode.lm.tools.map((tool) => tool.name);
    for (const name of [LIST, GET, CAPACITY]) assert.ok(names.includes(name), `${name} is not in vscode.lm.tools (${names.join(', ')})`);
    const capacity = vscode.lm.tools.find((tool) => tool.name === CAPACITY);
    assert.match(capacity?.description ?? '', /headroom/);
  });

  it('list instances: every cluster of the profile with its Cloud ML, state and endpoint', async () => {
    const { emu } = fixture();
    const text = await invoke(LIST, {});
    const snapshot = emu.admin.snapshot();
    for (const cluster of snapshot.clusters) assert.match(text, new RegExp(`cluster ${cluster.name} \\(${cluster.status}`), `${cluster.name} missing:\n${text}`);
    for (const instance of snapshot.instances) {
      assert.ok(text.includes(`Cloud ML ${instance.cloud_ml_name} (id ${instance.cloud_ml_id}), state ${instance.cloud_ml_state}`), `${instance.cloud_ml_name} missing:\n${text}`);
    }
    const prod = instanceNamed(emu, 'ml-prod')!;
    assert.ok(text.includes(`endpoint ${prod.endpoint_ip_address}`));
    assert.match(text, /cluster ds-sandbox \(RUNNING[^\n]*: no Cloud ML/);
    assert.match(text, /: 6 clusters\./);

    const filtered = await invoke(LIST, { nameContains: 'prod' });
    assert.match(filtered, /1 clusters whose name contains "prod"/);
    assert.ok(!filtered.includes('ds-sandbox'));
  });

  it('get instance: fresh state and endpoint, every field, by name or id; an unknown name is one sentence', async () => {
    const { emu } = fixture();
    const prod = instanceNamed(emu, 'ml-prod')!;
    // The catalog holds DEPLOYED; SCP says ERROR now: the tool answers what SCP says.
    await invoke(LIST, {});
    emu.admin.forceState(prod.cloud_ml_id, 'ERROR');
    const text = await invoke(GET, { name: 'ml-prod' });
    assert.match(text, /^Cloud ML ml-prod on cluster ml-prod-cluster: state ERROR \(failed\)\./);
    assert.ok(text.includes(`Endpoint: ${prod.endpoint_ip_address} (PUBLIC), domain ${prod.domain_name}.`), text);
    for (const field of ['cloud_ml_id', 'namespace_name', 'resource_request_text', 'custom_registry_host', 'image_name']) assert.match(text, new RegExp(`^${field}: `, 'm'));

    const byId = await invoke(GET, { name: prod.cloud_ml_id });
    assert.match(byId, /^Cloud ML ml-prod on cluster/);

    const missing = await refusal(invoke(GET, { name: 'no-such-ml' }));
    assert.match(missing, /No Cloud ML named no-such-ml is in profile test-chat-tools\./);
  });

  it('cluster capacity: every cluster ranked by headroom after the request, the others with their reason', async () => {
    const { emu } = fixture();
    loadFitWorld(emu);
    fixture().api.catalog.invalidate();
    const text = await invoke(CAPACITY, { ...FIT_REQUEST });
    const lines = text.split('\n');
    assert.equal(lines[0], 'Analytics request: 4 CPU, 2 GPU, 16 GiB memory, no copilot. Profile test-chat-tools.');
    assert.equal(lines[1], '1. cluster recsys-staging: can take it; estimate 32 CPU, 8 GPU, 128 GiB memory; left after it: 28 CPU, 6 GPU, 112 GiB memory.');
    assert.equal(lines[2], '2. cluster analytics-dev: can take it; estimate 16 CPU, 4 GPU, 64 GiB memory; left after it: 12 CPU, 2 GPU, 48 GiB memory.');
    assert.match(lines[4] ?? '', /^- cluster gpu-spare: cannot take it: estimate failed: SCP sent a response the extension could not read \(.+\)\.$/);
    assert.deepEqual([...lines.slice(3, 4), ...lines.slice(5)], [
      '- cluster ds-sandbox: cannot take it: needs 2 GPU, 1 free.',
      '- cluster legacy-batch: cannot take it: cluster is ERROR, not RUNNING.',
      '- cluster ml-prod-cluster: cannot take it: already has a Cloud ML (ml-prod).',
      '- cluster vision-train: cannot take it: cluster is CREATING, not RUNNING.',
    ]);

    const one = await invoke(CAPACITY, { clusterName: 'analytics-dev', gpu: 4 });
    assert.match(one, /^1\. cluster analytics-dev: can take it; estimate 16 CPU, 4 GPU, 64 GiB memory; left after it: 16 CPU, 0 GPU, 64 GiB memory\.$/m);
    assert.equal(one.split('\n').length, 2);
  });

  it('refuses a bad input with a sentence, and makes no request', async () => {
    const { emu } = fixture();
    emu.admin.resetCounters();
    for (const [name, input] of [
      [GET, {}],
      [GET, { name: 42 }],
      [CAPACITY, { gpu: -1 }],
      [CAPACITY, { gpu: 1.5 }],
      [LIST, { unexpected: true }],
    ] as const) {
      const message = await refusal(invoke(name, input));
      assert.match(message, /The tool input is not valid: /, `${name} ${JSON.stringify(input)}: ${message}`);
      assert.ok(!/\n\s+at /.test(message), 'no stack trace');
    }
    assert.equal(emu.admin.counters().total, 0, 'a refused input reads nothing');
    const capacity = await refusal(invoke(CAPACITY, { clusterName: 'no-such-cluster' }));
    assert.match(capacity, /No cluster named no-such-cluster is in profile test-chat-tools\./);
  });

  it('a cancelled call stops: it rejects as cancelled and the queued lookups never start', async () => {
    const { api, emu } = fixture();
    const session = await api.connection.session();
    api.catalog.invalidate();
    await api.catalog.allClusters();
    emu.admin.resetCounters();
    emu.admin.setLatency({ fixedMs: 5_000, randomMs: 0 });
    try {
      const source = new vscode.CancellationTokenSource();
      const call = refusal(invoke(LIST, {}, source.token));
      await until('a Cloud ML lookup in flight', () => requestsTo(emu, PRODUCT_ROUTE) > 0);
      source.cancel();
      assert.match(await call, /cancel/i);
      await until('the limiter to drain', () => session.limiter.active === 0 && session.limiter.queued === 0);
      const clusters = emu.admin.snapshot().clusters.length;
      assert.ok(requestsTo(emu, PRODUCT_ROUTE) < clusters, `${requestsTo(emu, PRODUCT_ROUTE)} of ${clusters} lookups were sent after the cancel`);
    } finally {
      emu.admin.setLatency({ fixedMs: 0, randomMs: 0 });
    }
  });

  it('no secret in any result: the SCP secret key and secret-named values are masked', async () => {
    const { api, emu } = fixture();
    const state = emu.admin.snapshot();
    const prod = state.instances.find((i) => i.cloud_ml_name === 'ml-prod')!;
    prod.description = `pull with registry_secret=${PLANTED_SECRET} and the key ${emu.secretKey}`;
    emu.admin.loadState(state);
    api.catalog.invalidate();
    const results = [await invoke(LIST, {}), await invoke(GET, { name: 'ml-prod' }), await invoke(CAPACITY, { gpu: 1 }), await invoke(CAPACITY, { clusterName: 'ml-prod-cluster' })];
    for (const text of results) {
      assert.ok(!text.includes(PLANTED_SECRET), `a secret-named value reached a result:\n${text}`);
      assert.ok(!text.includes(emu.secretKey), `the SCP secret key reached a result:\n${text}`);
      assert.ok(!/secret_key/i.test(text));
    }
    assert.match(results[1], /^description: pull with registry_secret=\*\*\* and the key \*\*\*$/m);
  });

  it('prepareInvocation says what runs, in the display language', async () => {
    const { api } = fixture();
    const tool = readOnlyTool(getInstanceTool(api.chatTools), api.chatTools);
    const source = new vscode.CancellationTokenSource();
    const prepared = await tool.prepareInvocation?.({ input: { name: 'ml-prod' } }, source.token);
    assert.equal(prepared?.invocationMessage, vscode.l10n.t('Reading Cloud ML {0}…', 'ml-prod'));
    assert.match(String(prepared?.invocationMessage), /ml-prod/);
  });
});
