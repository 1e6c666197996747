import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { median } from './statistics';

/** How the heap figure was obtained (printed with the memory metric). */
export type HeapMethod = 'global.gc' | 'v8 flag --expose-gc' | 'median of samples (no gc)';

/**
 * A full garbage collection when one can be forced: `global.gc` if the process was started with --expose-gc,
 * else the flag is switched on at run time and the gc function taken from a fresh context (a known V8 route).
 * Undefined when neither works.
 */
export function findGc(): { gc: () => void; method: HeapMethod } | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return { gc: exposed, method: 'global.gc' };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return { gc: gc as () => void, method: 'v8 flag --expose-gc' };
  } catch {
    // Not allowed in this runtime: fall back to samples.
  }
  return undefined;
}

/** heapUsed in bytes after a forced collection (twice: weak references and finalizers need a second pass), or the median of spaced samples. */
export async function settledHeapUsed(collector: ReturnType<typeof findGc>): Promise<number> {
  if (collector) {
    collector.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    collector.gc();
    return process.memoryUsage().heapUsed;
  }
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    samples.push(process.memoryUsage().heapUsed);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return median(samples);
}
