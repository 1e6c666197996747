import * as assert from 'node:assert/strict';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import type { CloudMlCreateRequest } from '../../../src/scp/cloudMlSchemas';
import { ScpError } from '../../../src/scp/scpError';
import { clusterIdOf, countOf, emulatorPerTest, instanceIdOf, type EmulatorWithClient } from './helpers/emulator';
import { validCreateBody } from '../emulator/emulatorFixture';
import { rejection } from './helpers/rejection';

const REGISTRY_SECRET = 'registry-secret-value-42';

/** The emulator fixture's valid create body, with this file's registry secret (the tests look for it). */
function createRequest(env: EmulatorWithClient, overrides: Partial<CloudMlCreateRequest> = {}): CloudMlCreateRequest {
  return validCreateBody(env.emulator, { custom_registry_access_secret_key: REGISTRY_SECRET, description: 'from the client test', ...overrides }) as CloudMlCreateRequest;
}

describe('scp Cloud ML api against the emulator', () => {
  const env = emulatorPerTest({ deploySeconds: 0.2 });

  it('lists the images with copilot capability as booleans', async () => {
    const images = await new CloudMlApi(env().client).listImages();
    assert.equal(images.length, 4);
    assert.equal(images.filter((i) => i.copilot_enabled === true).length, 2);
    assert.ok(images.every((i) => typeof i.image_id === 'string' && i.image_id !== ''));
  });

  it('reads the Cloud ML of a cluster, and undefined for a cluster without one', async () => {
    const { client, emulator } = env();
    const api = new CloudMlApi(client);
    const withMl = await api.getClusterProduct(clusterIdOf(emulator, 'ml-prod-cluster'));
    assert.equal(withMl.cloudMl?.cloud_ml_name, 'ml-prod');
    assert.equal(withMl.cloudMl?.cloud_ml_state, 'DEPLOYED');
    const without = await api.getClusterProduct(clusterIdOf(emulator, 'ds-sandbox'));
    assert.equal(without.cloudMl, undefined);
    assert.equal((await rejection(api.getClusterProduct('no-such-cluster'))).kind, 'notFound');
  });

  it('reads an estimate as numbers, with copilot only when asked', async () => {
    const { client, emulator } = env();
    const api = new CloudMlApi(client);
    const clusterId = clusterIdOf(emulator, 'ds-sandbox');
    const plain = await api.getEstimate(clusterId, false);
    assert.equal(typeof plain.analytics?.cpu, 'number');
    assert.equal(typeof plain.application?.memory, 'number');
    assert.equal(plain.copilot?.cpu, undefined);
    const copilot = await api.getEstimate(clusterId, true);
    assert.equal(typeof copilot.copilot?.cpu, 'number');
  });

  it('checks name and domain duplication (true = taken) and refuses an empty or double query', async () => {
    const { client, emulator } = env();
    const api = new CloudMlApi(client);
    assert.equal(await api.checkDuplication({ name: 'ml-prod' }), true);
    assert.equal(await api.checkDuplication({ name: 'brand-new' }), false);
    assert.equal(await api.checkDuplication({ domainName: 'nobody.example.com' }), false);
    const before = emulator.admin.counters().total;
    assert.equal((await rejection(api.checkDuplication({ name: ' ' }))).kind, 'badInput');
    assert.equal((await rejection(api.checkDuplication({ name: 'a', domainName: 'b' }))).kind, 'badInput');
    assert.equal(emulator.admin.counters().total, before, 'nothing was sent');
  });

  it('reports releasability with the exceptions', async () => {
    const { client, emulator } = env();
    const api = new CloudMlApi(client);
    const clusterId = clusterIdOf(emulator, 'ml-prod-cluster');
    assert.deepEqual(await api.checkReleasable(clusterId), { releasable: true, exceptions: [] });
    emulator.admin.setReleasable(clusterId, ['Notebook servers are running']);
    assert.deepEqual(await api.checkReleasable(clusterId), { releasable: false, exceptions: ['Notebook servers are running'] });
    const refused = await rejection(api.delete(instanceIdOf(emulator, 'ml-prod')));
    assert.equal(refused.kind, 'validation');
    assert.deepEqual(refused.details, ['Notebook servers are running']);
  });

  it('creates, shows, updates and deletes an instance', async () => {
    const current = env();
    const api = new CloudMlApi(current.client);
    const created = await api.create(createRequest(current));
    assert.match(created.cloudMlId, /\S/);
    assert.ok(created.requestId);
    assert.ok(created.projectId);
    const stored = current.emulator.admin.snapshot().instances.find((i) => i.cloud_ml_id === created.cloudMlId);
    assert.equal(stored?.cloud_ml_name, 'new-ml');

    const shown = await api.get(created.cloudMlId);
    assert.equal(shown.cloud_ml_name, 'new-ml');
    assert.equal(shown.cloud_ml_state, 'CREATING');
    assert.equal((await rejection(api.updateDescription(created.cloudMlId, 'too early'))).kind, 'conflict');
    assert.equal(await api.checkDuplication({ name: 'new-ml' }), true);

    while ((await api.get(created.cloudMlId)).cloud_ml_state !== 'DEPLOYED') await new Promise((r) => setTimeout(r, 50));
    const updated = await api.updateDescription(created.cloudMlId, 'second description');
    assert.equal(updated.description, 'second description');
    assert.equal(updated.cloud_ml_state, 'UPDATING');
    while ((await api.get(created.cloudMlId)).cloud_ml_state !== 'DEPLOYED') await new Promise((r) => setTimeout(r, 50));

    await api.delete(created.cloudMlId);
    assert.equal((await api.get(created.cloudMlId)).cloud_ml_state, 'DELETING');
    for (;;) {
      const error = await api.get(created.cloudMlId).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (error === undefined) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      assert.ok(error instanceof ScpError);
      assert.equal(error.kind, 'notFound');
      break;
    }
    assert.ok(!current.logger.text().includes(REGISTRY_SECRET), 'the registry secret never reaches the log');
  });

  it('refuses an invalid create before sending it', async () => {
    const current = env();
    const api = new CloudMlApi(current.client);
    const error = await rejection(api.create(createRequest(current, { cloud_ml_name: '', custom_registry_access_secret_key: '' })));
    assert.equal(error.kind, 'badInput');
    assert.equal(error.field, 'cloud_ml_name');
    assert.equal(countOf(current.emulator, 'POST /v1/cloud-ml'), 0);
  });

  it('maps the server-side refusals of a create: a taken name is validation with details', async () => {
    const current = env();
    const api = new CloudMlApi(current.client);
    const error = await rejection(api.create(createRequest(current, { cloud_ml_name: 'ml-prod', cluster_id: clusterIdOf(current.emulator, 'ds-sandbox') })));
    assert.equal(error.kind, 'validation');
    assert.ok(error.details.some((d) => d.includes('cloud_ml_name')), error.details.join('|'));
    assert.ok(error.requestIds.length > 0);
    assert.ok(!JSON.stringify(error).includes(REGISTRY_SECRET));
  });

  it('says "not enabled" for every Cloud ML call when the product is off, while SKE still answers', async () => {
    const { client, emulator } = env();
    emulator.admin.setCloudMlDisabled(true);
    const api = new CloudMlApi(client);
    const error = await rejection(api.listImages());
    assert.equal(error.kind, 'notEnabled');
    assert.equal(error.message.split(';')[0], 'Cloud ML is not available for this account or region');
    assert.equal((await rejection(api.getClusterProduct(clusterIdOf(emulator, 'ds-sandbox')))).kind, 'notEnabled');
    assert.equal(countOf(emulator, 'GET /v1/cloud-ml/images'), 1, 'notEnabled is not retried');
  });

  it('answers notFound for an unknown instance', async () => {
    const error = await rejection(new CloudMlApi(env().client).get('0123456789abcdef'));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.status, 404);
  });
});
