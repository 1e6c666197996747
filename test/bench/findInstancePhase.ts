import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { medianMetric, type BenchMetric } from './benchMetric';
import { EmulatorAdminClient } from './emulatorAdminClient';
import { now, setSetting, useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';
import { median, repeat } from './statistics';

export const FIND_CLUSTERS = 200;
const LATENCY_MS = 50;
const LOOKUP_ROUTE = 'GET /v1/cloud-ml/clusters/{id}';

/**
 * findInstance's work (ClusterCatalog.findInstances: every cluster's Cloud ML lookup under the session limiter)
 * over 200 clusters at 50 ms, in the extension host because the catalog is built on vscode events. Measured with
 * the cluster list already loaded (as once the tree has shown it), against ceil(N/C) × L where L is one lookup
 * measured in the same run; plus the cold case that lists the clusters first, and C = 1 for contrast.
 */
export async function measureFindInstance(api: ExtensionTestApi, emulator: BenchEmulator): Promise<BenchMetric[]> {
  const admin = new EmulatorAdminClient(emulator.url);
  const catalog = api.services.catalog;
  await admin.setLatency(LATENCY_MS);
  const metrics: BenchMetric[] = [];
  try {
    for (const concurrency of [4, 1]) {
      await setSetting('maxConcurrentRequests', concurrency);
      await useEmulatorProfile(api, `bench-find-c${concurrency}`, emulator);
      const session = await api.services.connection.session();
      const clusters = await catalog.allClusters();
      if (clusters.length !== FIND_CLUSTERS) throw new Error(`findInstance sees ${clusters.length} clusters, expected ${FIND_CLUSTERS}.`);
      const lookups = await repeat(7, async (i) => {
        const started = now();
        await session.cloudMl.getClusterProduct(clusters[i].id);
        return now() - started;
      });
      const oneLookup = median(lookups);
      const ideal = Math.ceil(FIND_CLUSTERS / concurrency) * oneLookup;

      const findAll = async (): Promise<number> => {
        const started = now();
        const summary = await catalog.findInstances(() => undefined);
        const elapsed = now() - started;
        if (summary.failures.length > 0 || summary.clusters !== FIND_CLUSTERS) {
          throw new Error(`findInstances looked at ${summary.clusters} clusters with ${summary.failures.length} failures.`);
        }
        return elapsed;
      };
      const forgetInstances = (): void => {
        for (const cluster of clusters) catalog.invalidate(cluster.id);
      };

      await admin.resetCounters();
      const warm = await repeat(concurrency === 4 ? 3 : 1, async () => {
        forgetInstances();
        return findAll();
      });
      const peak = (await admin.counters()).peakInFlightByRoute[LOOKUP_ROUTE] ?? 0;
      metrics.push(
        medianMetric(
          {
            id: `findInstance.c${concurrency}`,
            label: `findInstance N=${FIND_CLUSTERS} L=${LATENCY_MS} ms C=${concurrency}`,
            unit: 'ms',
            ideal: { value: ideal, what: `ceil(N/C) × L, L = ${oneLookup.toFixed(1)} ms measured` },
            ...(concurrency === 4 ? { budget: { max: 1.15, of: 'ratio' as const } } : {}),
            note: `ClusterCatalog.findInstances with the cluster list loaded; peak lookups in flight seen by the emulator: ${peak}`,
          },
          warm,
        ),
      );
      if (concurrency === 4) {
        catalog.invalidate();
        const cold = await findAll();
        const pages = Math.ceil(FIND_CLUSTERS / 50);
        metrics.push({
          id: 'findInstance.c4.cold',
          label: `findInstance N=${FIND_CLUSTERS} C=4, cluster list not loaded`,
          value: cold,
          unit: 'ms',
          ideal: { value: ideal + pages * oneLookup, what: `ceil(N/C) × L + ${pages} list pages × L` },
          note: 'the same after a full refresh: the cluster pages are listed first (default page size 50)',
        });
      }
      await api.services.connection.remove(`bench-find-c${concurrency}`, true);
    }
  } finally {
    await admin.setLatency(0);
    await setSetting('maxConcurrentRequests', undefined);
  }
  return metrics;
}
