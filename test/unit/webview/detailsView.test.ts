import * as assert from 'node:assert/strict';
import { skeClusterDetailSchema } from '../../../src/scp/skeSchemas';
import { buildDetailsView, fieldText } from '../../../src/webview/detailsView';
import { withoutSecrets } from '../../../src/webview/secretStripping';
import { detail, detailsTexts, estimate, snapshot } from './webviewFixtures';

describe('details view', () => {
  it('lists every field of the detail in API order, unknown ones under their API name', () => {
    const view = buildDetailsView(snapshot({ detail: detail({ gpu_driver: '535.1', quota: { max: 3 } }) }), detailsTexts(), 1);
    const keys = view.fields.map((f) => f.key);
    assert.ok(keys.indexOf('cloud_ml_id') < keys.indexOf('description'));
    assert.deepEqual(view.fields.find((f) => f.key === 'gpu_driver'), { key: 'gpu_driver', label: 'gpu_driver', value: '535.1' });
    assert.deepEqual(view.fields.find((f) => f.key === 'quota'), { key: 'quota', label: 'quota', value: 'max: 3' });
    assert.equal(view.fields.find((f) => f.key === 'cloud_ml_name')?.label, 'Name');
  });

  it('sends no secret: fields named like one are removed, not even masked, at any depth', () => {
    const secretish = detail({
      custom_registry_access_secret_key: 'REGISTRY-SECRET-VALUE',
      nested: { clientSecret: 'NESTED-SECRET', password: 'PASSWORD-VALUE', keep: 'ok' },
      signature: 'SIGNATURE-VALUE',
    });
    const view = buildDetailsView(snapshot({ detail: secretish }), detailsTexts(), 1);
    const json = JSON.stringify(view);
    assert.doesNotMatch(json, /secret|password|signature/i);
    assert.doesNotMatch(json, /REGISTRY-SECRET-VALUE|NESTED-SECRET|PASSWORD-VALUE|SIGNATURE-VALUE/);
    assert.deepEqual(view.fields.find((f) => f.key === 'nested')?.value, 'keep: ok');
  });

  it('withoutSecrets copies (the input keeps its fields) and cuts cycles', () => {
    const input: Record<string, unknown> = { a: 1, secret_key: 'x', list: [{ Secret: 'y', b: 2 }] };
    input.self = input;
    const out = withoutSecrets(input);
    assert.deepEqual(Object.keys(out), ['a', 'list', 'self']);
    assert.deepEqual(out.list, [{ b: 2 }]);
    assert.equal(out.self, undefined);
    assert.equal(input.secret_key, 'x');
  });

  it('the badge has the state text and a tone', () => {
    const tone = (state: string) => buildDetailsView(snapshot({ detail: detail({ cloud_ml_state: state }) }), detailsTexts(), 1).badge;
    assert.deepEqual(tone('DEPLOYED'), { text: 'DEPLOYED', tone: 'healthy' });
    assert.deepEqual(tone('CREATING'), { text: 'CREATING', tone: 'transitional' });
    assert.deepEqual(tone('ERROR'), { text: 'ERROR', tone: 'failed' });
    assert.deepEqual(tone('PAUSED'), { text: 'PAUSED', tone: 'unknown' });
  });

  it('before the detail arrives it shows the known name and state, busy, with only Refresh', () => {
    const view = buildDetailsView(snapshot({ name: 'from-tree', knownState: 'CREATING', busy: true }), detailsTexts(), 1);
    assert.equal(view.title, 'from-tree');
    assert.deepEqual(view.badge, { text: 'CREATING', tone: 'transitional' });
    assert.equal(view.busy, true);
    assert.deepEqual(view.actions, { refresh: true, updateDescription: false, delete: false, copyEndpoint: false });
  });

  it('update and delete only once settled; copy endpoint only with an endpoint', () => {
    const deployed = buildDetailsView(snapshot({ detail: detail() }), detailsTexts(), 1);
    assert.deepEqual(deployed.actions, { refresh: true, updateDescription: true, delete: true, copyEndpoint: true });
    const creating = buildDetailsView(snapshot({ detail: detail({ cloud_ml_state: 'CREATING', endpoint_ip_address: '', domain_name: '' }) }), detailsTexts(), 1);
    assert.deepEqual(creating.actions, { refresh: true, updateDescription: false, delete: false, copyEndpoint: false });
  });

  it('a deleted instance says so, shows a DELETED badge and turns every button off', () => {
    const view = buildDetailsView(snapshot({ detail: detail({ cloud_ml_state: 'DELETING' }), deleted: true }), detailsTexts(), 4);
    assert.deepEqual(view.notice, { tone: 'deleted', text: 'my-ml was deleted.' });
    assert.deepEqual(view.badge, { text: 'DELETED', tone: 'unknown' });
    assert.equal(view.fields.find((f) => f.key === 'cloud_ml_state')?.value, 'DELETED', 'the State field agrees with the badge');
    assert.deepEqual(view.actions, { refresh: false, updateDescription: false, delete: false, copyEndpoint: false });
    assert.equal(view.revision, 4);
  });

  it('a failed read shows its sentence; cluster and estimate failures show in their sections', () => {
    const view = buildDetailsView(snapshot({ error: 'Could not reach SCP.', clusterError: 'cluster gone', estimateError: 'no estimate' }), detailsTexts(), 1);
    assert.deepEqual(view.notice, { tone: 'error', text: 'Could not reach SCP.' });
    assert.equal(view.clusterNotice, 'cluster gone');
    assert.equal(view.resourcesNotice, 'no estimate');
  });

  it('compares the requested resources with the estimate, and shows unreadable texts as they came', () => {
    const parsed = buildDetailsView(snapshot({ detail: detail(), estimate: estimate() }), detailsTexts(), 1);
    const cpu = parsed.resources.find((g) => g.group === 'analytics')?.rows.find((r) => r.kind === 'cpu');
    assert.equal(cpu?.request, 4);
    assert.equal(cpu?.limit, 8);
    assert.equal(cpu?.estimate, 16);
    assert.deepEqual(parsed.rawResourceTexts, []);

    const raw = buildDetailsView(snapshot({ detail: detail({ resource_request_text: 'lots of cpu', resource_limit_text: '' }), estimate: estimate() }), detailsTexts(), 1);
    assert.deepEqual(raw.rawResourceTexts, [{ which: 'request', text: 'lots of cpu' }]);
    assert.equal(raw.resources.find((g) => g.group === 'analytics')?.rows.find((r) => r.kind === 'cpu')?.request, undefined);
  });

  it('lists the cluster with friendly labels where known', () => {
    const cluster = skeClusterDetailSchema.parse({ id: 'c-1', name: 'cluster-a', status: 'RUNNING', vpc: { id: 'v', name: 'vpc-a' } });
    const view = buildDetailsView(snapshot({ detail: detail(), cluster }), detailsTexts(), 1);
    assert.deepEqual(view.cluster.find((f) => f.key === 'name'), { key: 'name', label: 'Cluster name', value: 'cluster-a' });
    assert.equal(view.cluster.find((f) => f.key === 'vpc')?.value, 'id: v\nname: vpc-a');
  });

  it('field text: strings as they came, scalars as text, objects as their content, arrays as JSON, nothing as empty', () => {
    assert.equal(fieldText('<b>x</b>'), '<b>x</b>');
    assert.equal(fieldText(false), 'false');
    assert.equal(fieldText(3.5), '3.5');
    assert.equal(fieldText(null), '');
    assert.equal(fieldText({}), '');
    assert.equal(fieldText({ role: 'admin', namespaces: ['ml', 'ops'], scope: { all: false } }), 'role: admin\nnamespaces: ["ml","ops"]\nscope: {"all":false}');
    assert.equal(fieldText([1, 'a']), '[1,"a"]');
  });

  it('shows the cluster permission as its content, and an empty one as empty (the "—" mark), never "{}"', () => {
    const empty = buildDetailsView(snapshot({ detail: detail({ cluster_permission: {} }) }), detailsTexts(), 1);
    assert.equal(empty.fields.find((f) => f.key === 'cluster_permission')?.value, '');
    const granted = buildDetailsView(snapshot({ detail: detail({ cluster_permission: { permission_type: 'ADMIN', user_id: 'u-1' } }) }), detailsTexts(), 1);
    assert.equal(granted.fields.find((f) => f.key === 'cluster_permission')?.value, 'permission_type: ADMIN\nuser_id: u-1');
  });
});
