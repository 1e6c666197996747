import type { ClusterEstimate, ClusterRecord } from '../../src/emulator/emulatorState';
import type { RunningEmulator } from '../../src/emulator/startEmulator';

/**
 * An emulator world with known estimates for the fit ranking and the capacity tool. For a request of
 * 4 CPU, 2 GPU, 16 GiB (copilot off):
 *
 * | cluster          | state    | verdict                                             |
 * |------------------|----------|-----------------------------------------------------|
 * | recsys-staging   | RUNNING  | fits, 1st: 8 GPU, 0.75 of the scarcest left          |
 * | analytics-dev    | RUNNING  | fits, 2nd: 4 GPU, 0.5 left                           |
 * | ds-sandbox       | RUNNING  | needs 2 GPU, 1 free                                  |
 * | gpu-spare        | RUNNING  | estimate failed (its estimate answer is malformed)   |
 * | ml-prod-cluster  | RUNNING  | already has a Cloud ML (ml-prod)                     |
 * | vision-train     | CREATING | not RUNNING                                          |
 * | legacy-batch     | ERROR    | not RUNNING                                          |
 *
 * The seed instances of analytics-dev and recsys-staging are removed; gpu-spare is added.
 */
export const FIT_REQUEST = { cpu: 4, gpu: 2, memory: 16 } as const;

function estimate(cpu: number, gpu: number, memory: number): ClusterEstimate {
  return { analytics: { cpu, gpu, memory }, application: { cpu: cpu / 2, memory: memory / 2 }, copilot: { cpu: 4, gpu: 1, memory: 16 } };
}

const ESTIMATES: Readonly<Record<string, ClusterEstimate>> = {
  'recsys-staging': estimate(32, 8, 128),
  'analytics-dev': estimate(16, 4, 64),
  'ds-sandbox': estimate(16, 1, 64),
  'gpu-spare': estimate(64, 16, 256),
  'ml-prod-cluster': estimate(48, 8, 192),
};

export const SPARE_CLUSTER_ID = 'f17e57c1a55e4b0b9d0c0ffee0000001';

/** Loads the world into the emulator; returns its clusters by name. */
export function loadFitWorld(emu: RunningEmulator): Record<string, ClusterRecord> {
  const state = emu.admin.snapshot();
  const freed = new Set(state.clusters.filter((c) => c.name === 'analytics-dev' || c.name === 'recsys-staging').map((c) => c.id));
  state.instances = state.instances.filter((i) => !freed.has(i.cluster_id));
  const sandbox = state.clusters.find((c) => c.name === 'ds-sandbox');
  if (!sandbox) throw new Error('the seed has no ds-sandbox');
  state.clusters.push({ ...structuredClone(sandbox), id: SPARE_CLUSTER_ID, name: 'gpu-spare', created_at: '2024-01-01T00:00:00.000Z' });
  emu.admin.loadState(state);
  for (const cluster of state.clusters) {
    const known = ESTIMATES[cluster.name];
    if (known) emu.admin.setEstimate(cluster.id, known);
  }
  emu.admin.injectFault({ kind: 'malformedJson', path: `/v1/cloud-ml/clusters/${SPARE_CLUSTER_ID}/estimate`, count: -1 });
  return Object.fromEntries(emu.admin.snapshot().clusters.map((c) => [c.name, c]));
}
