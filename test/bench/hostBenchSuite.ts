import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { BenchMetric } from './benchMetric';
import { measureFindInstance } from './findInstancePhase';
import { extensionTestApi, useEmulatorProfile } from './hostBenchContext';
import { HOST_BENCH_CONFIG_VARIABLE, reportToRunner, SCALE_CLUSTERS, type HostBenchConfig } from './hostReport';
import { measureMemory } from './memoryPhase';
import { measurePolling } from './pollingPhase';
import { measureTree } from './treePhase';

/** The profile left active for the activation starts that reuse this host's user data. */
export const IDLE_PROFILE_ID = 'bench-idle';

function readConfig(): HostBenchConfig {
  const raw = process.env[HOST_BENCH_CONFIG_VARIABLE];
  if (!raw) throw new Error(`${HOST_BENCH_CONFIG_VARIABLE} is not set: this module is run by test/host/runBench.ts.`);
  return JSON.parse(raw) as HostBenchConfig;
}

async function phase(name: string, work: () => Promise<BenchMetric[]>): Promise<void> {
  const started = Date.now();
  const metrics = await work();
  for (const metric of metrics) reportToRunner({ kind: 'metric', metric });
  console.log(`[scp-bench] phase ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The in-host part of `npm run bench` (an extensionTestsPath module, run inside the code-server extension
 * host): memory first (in a fresh host), then tree, findInstance and polling, then memory, tree and findInstance
 * again over 10,000 clusters. Each metric goes to the runner as
 * a console line. It leaves one idle profile active and no setting changed, for the activation starts after it.
 */
export async function run(): Promise<void> {
  const config = readConfig();
  let api: ExtensionTestApi;
  try {
    api = await extensionTestApi();
    await phase('memory', () => measureMemory(api, config.emulators.memory));
    await phase('tree', () => measureTree(api, config.emulators.tree));
    await phase('findInstance', () => measureFindInstance(api, config.emulators.find));
    await phase('polling', () => measurePolling(api, config.emulators.poll));
    // The same at account scale, so the growth curve shows (2,000 vs 10,000 clusters; 200 vs 10,000 lookups).
    await phase('memory at scale', () => measureMemory(api, config.emulators.scale, { clusters: SCALE_CLUSTERS, budgetMb: 60 }));
    await phase('tree at scale', () => measureTree(api, config.emulators.scale, SCALE_CLUSTERS));
    await phase('findInstance at scale', () => measureFindInstance(api, config.emulators.scale, { clusters: SCALE_CLUSTERS, warmRuns: 1, pageSize: 500 }));
    for (const profile of api.connection.profiles()) await api.connection.remove(profile.id, true);
    await useEmulatorProfile(api, IDLE_PROFILE_ID, config.emulators.idle);
    await api.tracker.flush();
  } catch (error) {
    reportToRunner({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    throw error;
  }
}
