import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { medianMetric, type BenchMetric } from './benchMetric';
import { EmulatorAdminClient } from './emulatorAdminClient';
import { now, setSetting, useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';
import { median, repeat } from './statistics';

const LATENCY_MS = 100;
const PAGE_SIZE = 50;
const RUNS = 7;

/**
 * Refresh → first cluster page at an emulator latency of 100 ms, through the real command and the real tree
 * provider, against one round trip measured in the same run: the same signed list call made directly on the
 * session. A tree that waited for anything sequential (a second page, the images, a lookup) would be ≥ 2×.
 */
export async function measureTree(api: ExtensionTestApi, emulator: BenchEmulator, accountClusters?: number): Promise<BenchMetric[]> {
  const admin = new EmulatorAdminClient(emulator);
  await setSetting('pageSize', PAGE_SIZE);
  await useEmulatorProfile(api, `bench-tree${accountClusters ?? ''}`, emulator);
  await admin.setLatency(LATENCY_MS);
  try {
    const session = await api.connection.session();
    // One warm-up call so both measurements run over an open keep-alive connection.
    await session.ske.listClusters({ page: 0, size: PAGE_SIZE });
    const roundTrips = await repeat(RUNS, async () => {
      const started = now();
      await session.ske.listClusters({ page: 0, size: PAGE_SIZE });
      return now() - started;
    });
    const firstPage = await repeat(RUNS, async () => {
      const started = now();
      await vscode.commands.executeCommand('scpCloudMl.refresh');
      const roots = await api.explorer.provider.getChildren();
      const elapsed = now() - started;
      const clusters = roots.filter((node) => (api.explorer.provider.getTreeItem(node).contextValue ?? '').startsWith('scpCloudMl.cluster.'));
      if (clusters.length !== PAGE_SIZE) throw new Error(`The refreshed tree shows ${clusters.length} clusters, expected a first page of ${PAGE_SIZE}.`);
      return elapsed;
    });
    return [
      medianMetric(
        {
          id: `tree.firstPage${accountClusters ?? ''}`,
          label: `tree: refresh → first page (latency ${LATENCY_MS} ms${accountClusters ? `, ${accountClusters} clusters` : ''})`,
          unit: 'ms',
          ideal: { value: median(roundTrips), what: 'one list round trip' },
          budget: { max: 1.5, of: 'ratio' },
          note: `scpCloudMl.refresh then the provider's root children (${PAGE_SIZE} clusters + the images probe in parallel) vs. the same signed list call on the session; 1.5× leaves room for rendering but not for a second sequential round trip`,
        },
        firstPage,
      ),
    ];
  } finally {
    await admin.setLatency(0);
    await setSetting('pageSize', undefined);
  }
}
