import { ADMIN_TOKEN_HEADER } from '../../src/emulator/adminToken';
import type { CloudMlDetail } from '../../src/scp/cloudMlSchemas';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { BenchMetric } from './benchMetric';
import { EmulatorAdminClient } from './emulatorAdminClient';
import { setSetting, sleep, useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';

const INTERVAL_SECONDS = 2;
const IDLE_WINDOW_MS = 15_000;
const BUSY_WINDOW_MS = 20_000;
/** Shorter windows for the operations started elsewhere: still whole intervals, and the bench stays quick. */
const EXTERNAL_WINDOW_MS = 12_000;
const SHOW_ROUTE = 'GET /v1/cloud-ml/{id}';
/** States the emulator keeps for ever once forced (no transition is pending): a deployment that does not end. */
const MOVING = 'CREATING';
const SETTLED = 'DEPLOYED';

const perMinute = (count: number, windowMs: number): number => (count * 60_000) / windowMs;

/** POST /_emulator/forceState: what a colleague's deployment looks like from here (no client of ours sent it). */
async function forceState(emulator: BenchEmulator, cloudMlId: string, state: string): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/forceState`, {
    method: 'POST',
    headers: { [ADMIN_TOKEN_HEADER]: emulator.adminToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cloudMlId, state }),
  });
  if (!response.ok) throw new Error(`forceState ${state} of ${cloudMlId} failed with HTTP ${response.status}`);
}

/**
 * Requests the extension makes on its own, counted by the emulator (generated seed, every instance DEPLOYED):
 * with a profile active, its clusters and instances loaded and nothing transitional (budget 0); with one
 * deployment started here (budget 60 / interval per minute); with k = 1 and k = 5 deployments started elsewhere,
 * seen by the tree and followed (budget k × 60 / interval). Each busy window starts right after a poll was seen,
 * so it holds whole intervals.
 */
export async function measurePolling(api: ExtensionTestApi, emulator: BenchEmulator): Promise<BenchMetric[]> {
  const admin = new EmulatorAdminClient(emulator);
  const { tracker, catalog } = api;
  await setSetting('pollIntervalSeconds', INTERVAL_SECONDS);
  await useEmulatorProfile(api, 'bench-poll', emulator);
  const profileId = 'bench-poll';

  /** Waits for the first poll, then counts every request of one window. */
  async function busyWindow(windowMs: number): Promise<number> {
    for (let waited = 0; ((await admin.counters()).byRoute[SHOW_ROUTE] ?? 0) === 0; waited += 20) {
      if (waited > 10_000) throw new Error('The tracker made no poll within 10 s of following an operation.');
      await sleep(20);
    }
    await admin.resetCounters();
    await sleep(windowMs);
    return (await admin.counters()).total;
  }

  /** k instances start moving without the extension; the tree looks at their clusters again and sees them. */
  async function startElsewhere(instances: CloudMlDetail[]): Promise<void> {
    for (const instance of instances) await forceState(emulator, instance.cloud_ml_id, MOVING);
    await admin.resetCounters();
    for (const instance of instances) {
      catalog.invalidate(instance.cluster_id);
      await catalog.instanceOf(instance.cluster_id ?? '');
    }
    const followed = tracker.inFlight().filter((op) => op.origin === 'elsewhere').length;
    if (followed !== instances.length) throw new Error(`${followed} of ${instances.length} deployments started elsewhere are followed.`);
  }

  async function settle(instances: CloudMlDetail[]): Promise<void> {
    for (const instance of instances) await forceState(emulator, instance.cloud_ml_id, SETTLED);
    for (let waited = 0; tracker.inFlight().length > 0; waited += 50) {
      if (waited > 20_000) throw new Error('The followed deployments did not settle within 20 s.');
      await sleep(50);
    }
  }

  try {
    // Load what a user would have open (every cluster and its instance), then stay idle.
    const found: CloudMlDetail[] = [];
    // The cluster lookup may not repeat the cluster's id in the instance: take it from the cluster.
    await catalog.findInstances((cluster, instance) => found.push({ ...instance, cluster_id: cluster.id }));
    const instances = found.filter((i) => i.cloud_ml_state === SETTLED);
    if (instances.length < 6) throw new Error(`The poll emulator has ${instances.length} DEPLOYED instances; the phase needs 6.`);
    if (tracker.inFlight().length > 0) throw new Error('An operation is still tracked before the idle window.');

    await admin.resetCounters();
    await sleep(IDLE_WINDOW_MS);
    const idle = (await admin.counters()).total;

    const [here, ...others] = instances as [CloudMlDetail, ...CloudMlDetail[]];
    await forceState(emulator, here.cloud_ml_id, MOVING);
    tracker.track({ profileId, cloudMlId: here.cloud_ml_id, clusterId: here.cluster_id ?? '', name: here.cloud_ml_name, kind: 'create' });
    const busy = await busyWindow(BUSY_WINDOW_MS);
    tracker.stopTracking(profileId, here.cloud_ml_id);
    await forceState(emulator, here.cloud_ml_id, SETTLED);

    const one = others.slice(0, 1);
    await startElsewhere(one);
    const external1 = await busyWindow(EXTERNAL_WINDOW_MS);
    await settle(one);

    const five = others.slice(0, 5);
    await startElsewhere(five);
    const external5 = await busyWindow(EXTERNAL_WINDOW_MS);
    await settle(five);

    const externalRow = (k: number, count: number): BenchMetric => ({
      id: `polling.external${k}`,
      label: `requests/minute, ${k} deploy${k > 1 ? 's' : ''} started elsewhere (interval ${INTERVAL_SECONDS} s)`,
      value: perMinute(count, EXTERNAL_WINDOW_MS),
      unit: '/min',
      budget: { max: (k * 60) / INTERVAL_SECONDS, of: 'value' },
      note: `${k} instance(s) put into ${MOVING} through the emulator's admin API, seen by the catalog and followed; every request in ${EXTERNAL_WINDOW_MS / 1000} s starting just after a poll, scaled to a minute; budget k × 60 / interval`,
    });
    return [
      {
        id: 'polling.idle',
        label: 'requests/minute, nothing in flight',
        value: perMinute(idle, IDLE_WINDOW_MS),
        unit: '/min',
        budget: { max: 0, of: 'value' },
        note: `every request the emulator received in ${IDLE_WINDOW_MS / 1000} s with a profile active and its clusters and instances loaded (none transitional), scaled to a minute`,
      },
      {
        id: 'polling.oneDeploy',
        label: `requests/minute, one deploy in flight (interval ${INTERVAL_SECONDS} s)`,
        value: perMinute(busy, BUSY_WINDOW_MS),
        unit: '/min',
        budget: { max: 60 / INTERVAL_SECONDS, of: 'value' },
        note: `every request the emulator received in ${BUSY_WINDOW_MS / 1000} s starting just after a poll, scaled to a minute; budget 60 / interval`,
      },
      externalRow(1, external1),
      externalRow(5, external5),
    ];
  } finally {
    await setSetting('pollIntervalSeconds', undefined);
    await api.connection.remove(profileId, true);
  }
}
