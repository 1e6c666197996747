import * as assert from 'node:assert/strict';
import { lookUpCreatedInstance, lookUpLandedCreate } from '../../../../src/commands/create/createdInstanceLookup';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator/startEmulator';
import { CloudMlApi } from '../../../../src/scp/cloudMlApi';
import type { CloudMlCreateRequest } from '../../../../src/scp/cloudMlSchemas';
import { isScpError } from '../../../../src/scp/scpError';
import type { ScpHttpClient } from '../../../../src/scp/scpHttpClient';
import { testClient } from '../../scp/helpers/testClient';

describe('commands: did a failed create go through?', () => {
  let emulator: RunningEmulator;
  let http: ScpHttpClient;
  let api: CloudMlApi;

  before(async () => {
    emulator = await startEmulator({ port: 0, deploySeconds: 60 });
    http = testClient(emulator.url, emulator, { timeoutMs: 10_000, retryBaseDelayMs: 1 }).client;
    api = new CloudMlApi(http);
  });

  afterEach(() => {
    emulator.admin.clearFaults();
    emulator.admin.reset();
  });

  after(async () => {
    http.dispose();
    await emulator.close();
  });

  const clusterNamed = (name: string): string => {
    const cluster = emulator.admin.snapshot().clusters.find((c) => c.name === name);
    assert.ok(cluster, `seed cluster ${name}`);
    return cluster.id;
  };

  function requestOn(clusterId: string, name: string): CloudMlCreateRequest {
    const image = emulator.admin.snapshot().images[0];
    return {
      cloud_ml_name: name,
      cluster_id: clusterId,
      image_id: image.image_id,
      domain_name: `${name}.example.com`,
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGKEY',
      custom_registry_access_secret_key: 'REG-SECRET-XYZ',
      analytics_resource: { cpu: 1, gpu: '0', memory: 2 },
      application_resource: { cpu: 1, memory: 2 },
    };
  }

  it('answers notCreated for a free name', async () => {
    assert.deepEqual(await lookUpCreatedInstance(api, { name: 'never-created', clusterId: clusterNamed('ds-sandbox') }), { outcome: 'notCreated' });
  });

  it('finds the instance of a POST that applied and then failed, with its id', async () => {
    const clusterId = clusterNamed('ds-sandbox');
    emulator.admin.injectFault({ kind: 'applyThenFail', status: 500, method: 'POST' });
    await assert.rejects(api.create(requestOn(clusterId, 'lost-answer')), (error: unknown) => isScpError(error) && error.kind === 'server');
    const found = await lookUpCreatedInstance(api, { name: 'lost-answer', clusterId });
    assert.equal(found.outcome, 'created');
    const instances = emulator.admin.snapshot().instances.filter((i) => i.cloud_ml_name === 'lost-answer');
    assert.equal(instances.length, 1);
    assert.equal(found.outcome === 'created' ? found.detail.cloud_ml_id : undefined, instances[0].cloud_ml_id);
  });

  it('answers nameTakenElsewhere when another cluster holds the name', async () => {
    // `ml-prod` is seeded on ml-prod-cluster, not on ds-sandbox.
    assert.deepEqual(await lookUpCreatedInstance(api, { name: 'ml-prod', clusterId: clusterNamed('ds-sandbox') }), { outcome: 'nameTakenElsewhere' });
  });

  it('lookUpLandedCreate finds an earlier attempt on its own cluster even when the form now has another name and cluster', async () => {
    const sandbox = { id: clusterNamed('ds-sandbox'), name: 'ds-sandbox' };
    emulator.admin.injectFault({ kind: 'applyThenFail', status: 503, method: 'POST' });
    await assert.rejects(api.create(requestOn(sandbox.id, 'first-try')), (error: unknown) => isScpError(error) && error.kind === 'server');
    const found = await lookUpLandedCreate(api, [{ name: 'never-sent', cluster: { id: clusterNamed('ml-prod-cluster'), name: 'ml-prod-cluster' } }, { name: 'first-try', cluster: sandbox }]);
    assert.equal(found.landed, true);
    assert.equal(found.landed ? found.attempt.name : undefined, 'first-try');
    assert.equal(found.landed ? found.detail.cloud_ml_id : undefined, emulator.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'first-try')?.cloud_ml_id);
  });

  it('lookUpLandedCreate answers not landed, listing names someone else holds, and lets a failed lookup fail', async () => {
    const sandbox = { id: clusterNamed('ds-sandbox'), name: 'ds-sandbox' };
    assert.deepEqual(await lookUpLandedCreate(api, [{ name: 'ml-prod', cluster: sandbox }, { name: 'free-one', cluster: sandbox }]), { landed: false, takenElsewhere: ['ml-prod'] });
    emulator.admin.injectFault({ kind: 'gateway401', count: -1 });
    await assert.rejects(lookUpLandedCreate(api, [{ name: 'free-one', cluster: sandbox }]), (error: unknown) => isScpError(error) && error.kind === 'auth');
  });
});
