import assert from 'node:assert/strict';
import { DEFAULT_SEED, seedState } from '../../../src/emulator/seedData';
import { startEmulator } from '../../../src/emulator/startEmulator';
import { until } from '../../support/until';

describe('emulator seed data', () => {
  it('is the same for the same seed and differs for another seed', () => {
    assert.deepEqual(seedState({ seed: 7 }), seedState({ seed: 7 }));
    assert.deepEqual(seedState(), seedState({ seed: DEFAULT_SEED }));
    assert.notEqual(seedState({ seed: 7 }).clusters[0]?.id, seedState({ seed: 8 }).clusters[0]?.id);
  });

  it('has six realistic clusters in mixed states, three with a Cloud ML (DEPLOYED, CREATING, ERROR)', () => {
    const state = seedState();
    assert.deepEqual(
      state.clusters.map((c) => [c.name, c.status]),
      [
        ['ml-prod-cluster', 'RUNNING'],
        ['ds-sandbox', 'RUNNING'],
        ['analytics-dev', 'RUNNING'],
        ['recsys-staging', 'RUNNING'],
        ['vision-train', 'CREATING'],
        ['legacy-batch', 'ERROR'],
      ],
    );
    const byCluster = new Map(state.instances.map((i) => [state.clusters.find((c) => c.id === i.cluster_id)?.name, i]));
    assert.equal(byCluster.get('ml-prod-cluster')?.cloud_ml_state, 'DEPLOYED');
    assert.equal(byCluster.get('analytics-dev')?.cloud_ml_state, 'CREATING');
    assert.equal(byCluster.get('analytics-dev')?.transition, undefined, 'the seeded CREATING instance must stay CREATING');
    assert.equal(byCluster.get('recsys-staging')?.cloud_ml_state, 'ERROR');
    assert.equal(state.instances.length, 3);
    const running = state.clusters.filter((c) => c.status === 'RUNNING');
    assert.ok(running.some((c) => !state.instances.some((i) => i.cluster_id === c.id)), 'a RUNNING cluster without Cloud ML');
  });

  it('has four images, two copilot-capable, each with a k8s version', () => {
    const images = seedState().images;
    assert.equal(images.length, 4);
    assert.equal(images.filter((i) => i.copilot_enabled).length, 2);
    for (const image of images) assert.match(image.k8s_version, /^v1\.\d+$/);
  });

  it('uses 32-hex ids and ISO dates, and keeps every instance within its cluster estimate', () => {
    const state = seedState({ seed: 3 });
    for (const c of state.clusters) {
      assert.match(c.id, /^[0-9a-f]{32}$/);
      assert.equal(new Date(c.created_at).toISOString(), c.created_at);
    }
    for (const i of state.instances) {
      assert.match(i.cloud_ml_id, /^[0-9a-f]{32}$/);
      const cluster = state.clusters.find((c) => c.id === i.cluster_id);
      const analytics = i.createRequest.analytics_resource as { cpu: number; memory: number };
      assert.ok(cluster && analytics.cpu <= cluster.estimate.analytics.cpu && analytics.memory <= cluster.estimate.analytics.memory);
      assert.equal(i.createRequest.custom_registry_access_secret_key, undefined, 'the seed holds no registry secret');
    }
  });

  it('generates N clusters cluster-001... with a share of Cloud ML and nothing transitional', () => {
    const state = seedState({ clusters: 120 });
    assert.equal(state.clusters.length, 120);
    assert.equal(state.clusters[0]?.name, 'cluster-001');
    assert.equal(state.clusters[119]?.name, 'cluster-120');
    assert.equal(new Set(state.clusters.map((c) => c.id)).size, 120);
    assert.ok(state.instances.length >= 30 && state.instances.length <= 50, `${state.instances.length} instances`);
    assert.ok(state.instances.every((i) => i.cloud_ml_state === 'DEPLOYED' || i.cloud_ml_state === 'ERROR'));
    assert.ok(state.clusters.some((c) => c.status === 'ERROR') && state.clusters.some((c) => c.status === 'CREATING'));
    assert.equal(new Set(state.instances.map((i) => i.cloud_ml_name)).size, state.instances.length);
    assert.equal(seedState({ clusters: 0 }).clusters.length, 0);
  });

  it('the seeded CREATING instance deploys after seededDeploymentSeconds when asked, and stays CREATING otherwise', () => {
    const creating = (state: ReturnType<typeof seedState>) => state.instances.find((i) => i.cloud_ml_state === 'CREATING');
    assert.equal(creating(seedState())?.transition, undefined, 'for ever by default: the tests rely on it');
    const ended = creating(seedState({ seededDeploymentSeconds: 120, nowMs: 1_000_000 }));
    assert.equal(ended?.cloud_ml_name, 'analytics-dev-ml');
    assert.deepEqual(ended?.transition, { atMs: 1_000_000 + 120_000, to: 'DEPLOYED' });
    const others = seedState({ seededDeploymentSeconds: 120 }).instances.filter((i) => i.cloud_ml_state !== 'CREATING');
    assert.ok(others.length === 2 && others.every((i) => i.transition === undefined), 'only the transitional one moves');
  });

  it('an emulator started with seededDeploymentSeconds shows the seed CREATING, then DEPLOYED; a bad value is refused', async () => {
    const emu = await startEmulator({ port: 0, seededDeploymentSeconds: 0.3 });
    try {
      const state = (): string | undefined => emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'analytics-dev-ml')?.cloud_ml_state;
      assert.equal(state(), 'CREATING');
      await until('the seeded deployment to finish', () => state() === 'DEPLOYED', 5_000, () => String(state()));
    } finally {
      await emu.close();
    }
    await assert.rejects(startEmulator({ port: 0, seededDeploymentSeconds: -1 }), /seededDeploymentSeconds must be a number of 0 or more/);
  });
});
