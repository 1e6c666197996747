import * as assert from 'node:assert/strict';
import { ScpError } from '../../../src/scp/scpError';
import { SkeApi } from '../../../src/scp/skeApi';
import { clusterIdOf, emulatorPerTest } from './helpers/emulator';

describe('scp SKE api against the emulator', () => {
  const env = emulatorPerTest();

  it('lists the seeded clusters with their total count', async () => {
    const page = await new SkeApi(env().client).listClusters({ page: 0, size: 20 });
    assert.equal(page.count, 6);
    assert.deepEqual(
      page.clusters.map((c) => c.name).sort(),
      ['analytics-dev', 'ds-sandbox', 'legacy-batch', 'ml-prod-cluster', 'recsys-staging', 'vision-train'],
    );
    for (const cluster of page.clusters) {
      assert.equal(typeof cluster.node_count, 'number');
      assert.match(cluster.kubernetes_version ?? '', /^v1\./);
    }
  });

  it('filters by repeated status and by name', async () => {
    const ske = new SkeApi(env().client);
    const failing = await ske.listClusters({ page: 0, size: 20, status: ['ERROR', 'CREATING'] });
    assert.deepEqual(failing.clusters.map((c) => c.name).sort(), ['legacy-batch', 'vision-train']);
    const named = await ske.listClusters({ page: 0, size: 20, name: 'ds-sandbox' });
    assert.deepEqual(
      named.clusters.map((c) => c.name),
      ['ds-sandbox'],
    );
  });

  it('shows one cluster with its detail fields, and notFound for an unknown id', async () => {
    const { client, emulator } = env();
    const ske = new SkeApi(client);
    const detail = await ske.getCluster(clusterIdOf(emulator, 'ml-prod-cluster'));
    assert.equal(detail.name, 'ml-prod-cluster');
    assert.equal(detail.status, 'RUNNING');
    assert.ok(detail.vpc?.id);
    await assert.rejects(ske.getCluster('does-not-exist'), (e: unknown) => e instanceof ScpError && e.kind === 'notFound');
  });
});
