import type * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import type { BenchMetric } from './benchMetric';
import { findGc, settledHeapUsed } from './heapMeasure';
import { useEmulatorProfile } from './hostBenchContext';
import type { BenchEmulator } from './hostReport';

const MB = 1024 * 1024;
export const MEMORY_CLUSTERS = 2000;

function contextOf(api: ExtensionTestApi, node: ExplorerNode): string {
  return api.services.explorer.provider.getTreeItem(node).contextValue ?? '';
}

/**
 * Extension-host heap growth with every one of 2,000 clusters loaded into the tree (all "Load more…" pages),
 * every cluster expanded (2,000 Cloud ML lookups) and every instance expanded, with each node's TreeItem built as
 * VS Code would. The baseline is the same host before the profile was used. Runs first, in a fresh host.
 */
export async function measureMemory(api: ExtensionTestApi, emulator: BenchEmulator): Promise<BenchMetric[]> {
  const provider = api.services.explorer.provider;
  const collector = findGc();
  const before = await settledHeapUsed(collector);

  await useEmulatorProfile(api, 'bench-memory', emulator);
  let roots = await provider.getChildren();
  while (roots.some((node) => contextOf(api, node) === 'scpCloudMl.loadMore')) {
    provider.loadMore();
    roots = await provider.getChildren();
  }
  const clusters = roots.filter((node) => contextOf(api, node).startsWith('scpCloudMl.cluster.'));
  if (clusters.length !== MEMORY_CLUSTERS) throw new Error(`The tree shows ${clusters.length} clusters, expected ${MEMORY_CLUSTERS}.`);
  // Kept referenced, as VS Code keeps what it rendered.
  const rendered: vscode.TreeItem[] = roots.map((node) => provider.getTreeItem(node));
  const clusterChildren = await Promise.all(clusters.map((node) => provider.getChildren(node)));
  const instances = clusterChildren.flat().filter((node) => contextOf(api, node).startsWith('scpCloudMl.instance.'));
  const errors = clusterChildren.flat().filter((node) => contextOf(api, node) === 'scpCloudMl.error');
  if (errors.length > 0) throw new Error(`${errors.length} cluster lookups failed while loading the memory tree.`);
  const properties = (await Promise.all(instances.map((node) => provider.getChildren(node)))).flat();
  for (const node of [...clusterChildren.flat(), ...properties]) rendered.push(provider.getTreeItem(node));

  const after = await settledHeapUsed(collector);
  const how = collector ? `heapUsed after a forced gc (${collector.method})` : 'median of 7 heapUsed samples (gc could not be forced)';
  const growth: BenchMetric = {
    id: 'memory.heapGrowth2000',
    label: `heap growth, ${MEMORY_CLUSTERS} clusters loaded + tree expanded`,
    value: (after - before) / MB,
    unit: 'MB',
    budget: { max: 50, of: 'value' },
    note: `${how}, before the profile was used vs. with all ${MEMORY_CLUSTERS} clusters, ${instances.length} instances and ${properties.length} property rows loaded; ${rendered.length} TreeItems held`,
  };

  // Switching profile must release it all again.
  await api.services.connection.activate(undefined);
  rendered.length = 0;
  const released = await settledHeapUsed(collector);
  const residue: BenchMetric = {
    id: 'memory.afterSwitch',
    label: 'heap left after switching the profile away',
    value: (released - before) / MB,
    unit: 'MB',
    note: 'same method; the caches and nodes of a profile are dropped when it stops being active',
  };
  return [growth, residue];
}
