import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { SkeCluster } from '../../src/scp/skeSchemas';
import type { BenchMetric } from './benchMetric';
import { EmulatorAdminClient } from './emulatorAdminClient';
import { now, setSetting, useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';
import { median } from './statistics';

export const DEFAULT_FIND_CLUSTERS = 200;

/** A run at account scale: C = 4 only, `warmRuns` warm runs, no cold row; pages of `pageSize` to list the account first. */
export interface FindScale {
  clusters: number;
  warmRuns: number;
  pageSize: number;
}
const LATENCY_MS = 50;
const PAGE_SIZE = 50;
const LOOKUP_ROUTE = 'GET /v1/cloud-ml/clusters/{id}';
/** Single lookups whose median is L for the run that follows. */
const LOOKUPS_PER_IDEAL = 9;

interface Run {
  elapsed: number;
  ideal: number;
  lookup: number;
}

/**
 * findInstance's work (ClusterCatalog.findInstances: every cluster's Cloud ML lookup under the session limiter)
 * over 200 clusters at 50 ms, in the extension host because the catalog is built on vscode events. Each run is
 * compared with ceil(N/C) × L, where L is the median of single lookups measured right before that run, and the
 * figure is the median of the per-run ratios. Warm = the cluster list already loaded (as once the tree showed it);
 * cold = after a full refresh, which lists the 4 pages first; C = 1 for contrast.
 */
export async function measureFindInstance(api: ExtensionTestApi, emulator: BenchEmulator, scale?: FindScale): Promise<BenchMetric[]> {
  const admin = new EmulatorAdminClient(emulator);
  const catalog = api.catalog;
  const FIND_CLUSTERS = scale?.clusters ?? DEFAULT_FIND_CLUSTERS;
  const suffix = scale ? String(FIND_CLUSTERS) : '';
  await admin.setLatency(LATENCY_MS);
  await setSetting('pageSize', scale?.pageSize ?? PAGE_SIZE);
  const metrics: BenchMetric[] = [];
  try {
    for (const concurrency of scale ? [4] : [4, 1]) {
      const profileId = `bench-find${suffix}-c${concurrency}`;
      await setSetting('maxConcurrentRequests', concurrency);
      await useEmulatorProfile(api, profileId, emulator);
      const session = await api.connection.session();
      let clusters: SkeCluster[] = await catalog.allClusters();
      if (clusters.length !== FIND_CLUSTERS) throw new Error(`findInstance sees ${clusters.length} clusters, expected ${FIND_CLUSTERS}.`);

      const oneLookup = async (): Promise<number> => {
        const lookups: number[] = [];
        for (let i = 0; i < LOOKUPS_PER_IDEAL; i++) {
          const started = now();
          await session.cloudMl.getClusterProduct(clusters[i].id);
          lookups.push(now() - started);
        }
        return median(lookups);
      };
      const timedRun = async (extraRoundTrips: number, prepare: () => void): Promise<Run> => {
        const lookup = await oneLookup();
        prepare();
        const started = now();
        const summary = await catalog.findInstances(() => undefined);
        const elapsed = now() - started;
        if (summary.failures.length > 0 || summary.clusters !== FIND_CLUSTERS) {
          throw new Error(`findInstances looked at ${summary.clusters} clusters with ${summary.failures.length} failures.`);
        }
        return { elapsed, lookup, ideal: (Math.ceil(FIND_CLUSTERS / concurrency) + extraRoundTrips) * lookup };
      };
      const forgetInstances = (): void => {
        for (const cluster of clusters) catalog.invalidate(cluster.id);
      };
      const summarize = (runs: Run[], fields: Pick<BenchMetric, 'id' | 'label' | 'note' | 'budget'>, what: string): BenchMetric => ({
        ...fields,
        value: median(runs.map((r) => r.elapsed)),
        unit: 'ms',
        ideal: { value: median(runs.map((r) => r.ideal)), what: `${what}, L = ${median(runs.map((r) => r.lookup)).toFixed(1)} ms measured` },
        ratio: median(runs.map((r) => r.elapsed / r.ideal)),
        samples: runs.map((r) => r.elapsed),
      });

      await admin.resetCounters();
      const warm: Run[] = [];
      for (let i = 0; i < (concurrency === 4 ? (scale?.warmRuns ?? 7) : 1); i++) warm.push(await timedRun(0, forgetInstances));
      const peak = (await admin.counters()).peakInFlightByRoute[LOOKUP_ROUTE] ?? 0;
      metrics.push(
        summarize(
          warm,
          {
            id: `findInstance${suffix}.c${concurrency}`,
            label: `findInstance N=${FIND_CLUSTERS} L=${LATENCY_MS} ms C=${concurrency}`,
            ...(concurrency === 4 ? { budget: { max: 1.15, of: 'ratio' as const } } : {}),
            note: `ClusterCatalog.findInstances with the cluster list loaded; ratio = median of per-run ratios; peak lookups in flight seen by the emulator: ${peak}`,
          },
          'ceil(N/C) × L',
        ),
      );
      if (concurrency === 4 && !scale) {
        const pages = Math.ceil(FIND_CLUSTERS / PAGE_SIZE);
        const cold: Run[] = [];
        for (let i = 0; i < 3; i++) {
          cold.push(await timedRun(pages, () => catalog.invalidate()));
          clusters = await catalog.allClusters();
        }
        metrics.push(
          summarize(
            cold,
            {
              id: 'findInstance.c4.cold',
              label: `findInstance N=${FIND_CLUSTERS} C=4, cluster list not loaded`,
              note: `the same after a full refresh: the ${pages} cluster pages (page size ${PAGE_SIZE}) are listed first, one after the other`,
            },
            `(ceil(N/C) + ${pages} pages) × L`,
          ),
        );
      }
      await api.connection.remove(profileId, true);
    }
  } finally {
    await admin.setLatency(0);
    await setSetting('maxConcurrentRequests', undefined);
    await setSetting('pageSize', undefined);
  }
  return metrics;
}
