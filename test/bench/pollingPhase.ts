import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { BenchMetric } from './benchMetric';
import { EmulatorAdminClient } from './emulatorAdminClient';
import { setSetting, sleep, useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';

const INTERVAL_SECONDS = 2;
const IDLE_WINDOW_MS = 15_000;
const BUSY_WINDOW_MS = 20_000;
const SHOW_ROUTE = 'GET /v1/cloud-ml/{id}';
/** The seeded instance that stays CREATING for ever (src/emulator/seedData.ts). */
const DEPLOYING_CLUSTER = 'analytics-dev';

const perMinute = (count: number, windowMs: number): number => (count * 60_000) / windowMs;

/**
 * Requests the extension makes on its own, counted by the emulator: with a profile active, the tree loaded and
 * nothing in flight (budget 0), then with one deployment tracked (budget 60 / interval per minute). The busy
 * window starts right after a poll was seen, so it holds whole intervals.
 */
export async function measurePolling(api: ExtensionTestApi, emulator: BenchEmulator): Promise<BenchMetric[]> {
  const admin = new EmulatorAdminClient(emulator);
  const { tracker, catalog } = api;
  await setSetting('pollIntervalSeconds', INTERVAL_SECONDS);
  await useEmulatorProfile(api, 'bench-poll', emulator);
  const profileId = 'bench-poll';
  try {
    // Load what a user would have open (root and one expanded cluster), then stay idle.
    const clusters = await catalog.allClusters();
    const deploying = clusters.find((c) => c.name === DEPLOYING_CLUSTER);
    if (!deploying) throw new Error(`The poll emulator has no cluster ${DEPLOYING_CLUSTER}.`);
    const instance = await catalog.instanceOf(deploying.id);
    if (!instance?.cloud_ml_id) throw new Error(`Cluster ${DEPLOYING_CLUSTER} has no Cloud ML in the poll emulator.`);
    if (tracker.inFlight().length > 0) throw new Error('An operation is still tracked before the idle window.');

    await admin.resetCounters();
    await sleep(IDLE_WINDOW_MS);
    const idle = (await admin.counters()).total;

    tracker.track({ profileId, cloudMlId: instance.cloud_ml_id, clusterId: deploying.id, name: instance.cloud_ml_name ?? DEPLOYING_CLUSTER, kind: 'create' });
    for (let waited = 0; ((await admin.counters()).byRoute[SHOW_ROUTE] ?? 0) === 0; waited += 20) {
      if (waited > 10_000) throw new Error('The tracker made no poll within 10 s of tracking an operation.');
      await sleep(20);
    }
    await admin.resetCounters();
    await sleep(BUSY_WINDOW_MS);
    const busy = (await admin.counters()).total;
    tracker.stopTracking(profileId, instance.cloud_ml_id);

    return [
      {
        id: 'polling.idle',
        label: 'requests/minute, nothing in flight',
        value: perMinute(idle, IDLE_WINDOW_MS),
        unit: '/min',
        budget: { max: 0, of: 'value' },
        note: `every request the emulator received in ${IDLE_WINDOW_MS / 1000} s with a profile active and its clusters loaded, scaled to a minute`,
      },
      {
        id: 'polling.oneDeploy',
        label: `requests/minute, one deploy in flight (interval ${INTERVAL_SECONDS} s)`,
        value: perMinute(busy, BUSY_WINDOW_MS),
        unit: '/min',
        budget: { max: 60 / INTERVAL_SECONDS, of: 'value' },
        note: `every request the emulator received in ${BUSY_WINDOW_MS / 1000} s starting just after a poll, scaled to a minute; budget 60 / interval`,
      },
    ];
  } finally {
    await setSetting('pollIntervalSeconds', undefined);
    await api.connection.remove(profileId, true);
  }
}
