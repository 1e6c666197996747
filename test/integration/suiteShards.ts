/**
 * Splits the integration files over `count` workbenches that run at once (test/host/runIntegration). Most of the
 * layer's time is waiting (timeouts, polls, webviews loading), so two windows on two cores finish far sooner than
 * one. Files are dealt longest first to the least loaded shard, by their measured wall time; a file not listed
 * counts 2 s. Pure, so the split is unit-tested.
 */

/** Wall time in seconds of the longer suites (the "integration suite times" line of a run). */
const SUITE_SECONDS: Readonly<Record<string, number>> = {
  'webview.test.js': 18,
  'faults.test.js': 20,
  'deployments.test.js': 17,
  'security.test.js': 8,
  // Estimated (new suites): the creates settle on a 0.2 s poll clock, the cancels wait out a 1.5 s POST.
  'trust.test.js': 9,
  'noDoubleCreate.test.js': 7,
  'explorer.test.js': 6,
  'connection.test.js': 3,
  'openAsJson.test.js': 4,
  'palette.test.js': 3,
  'walkthrough.test.js': 3,
  // Estimated: deployments of 2 s followed on a 0.2 s poll clock, one details panel each.
  'externalChanges.test.js': 12,
  'activity.test.js': 8,
  'chatTools.test.js': 9,
  'fits.test.js': 6,
  'likeThis.test.js': 4,
};

/** The files of shard `index` (1-based) of `count`; every file lands in exactly one shard, order kept. */
export function filesOfShard(files: readonly string[], index: number, count: number, baseName: (file: string) => string): string[] {
  if (count <= 1) return [...files];
  const load = new Array<number>(count).fill(0);
  const shardOf = new Map<string, number>();
  const weight = (file: string): number => SUITE_SECONDS[baseName(file)] ?? 2;
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = load.indexOf(Math.min(...load));
    shardOf.set(file, lightest);
    load[lightest] = (load[lightest] ?? 0) + weight(file);
  }
  return files.filter((file) => shardOf.get(file) === index - 1);
}

/** "k/n" from SCP_TEST_SHARD, or undefined when the whole layer runs in one window. */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}
