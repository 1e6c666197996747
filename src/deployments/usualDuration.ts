import type { OperationKind } from './instanceChange';
import type { TrackedOperation } from './trackedOperation';

/** How many of the latest finished operations of a kind the estimate looks at, and how many it needs at least. */
export const DURATION_SAMPLES = 10;
export const MIN_DURATION_SAMPLES = 2;
/** Past this many times the usual duration, an operation is "taking longer than usual". */
export const SLOW_FACTOR = 2;

/**
 * How long an operation of this kind usually takes for this profile: the median duration of its latest finished
 * ones that ended well, once at least two are known. Only operations started here count: one started elsewhere
 * was first seen some time after it began, so its duration is not known. Pure, so it is unit-tested.
 */
export function usualDurationMs(finished: readonly TrackedOperation[], profileId: string, kind: OperationKind): number | undefined {
  const durations = finished
    .filter((op) => op.profileId === profileId && op.kind === kind && op.origin !== 'elsewhere' && endedWell(op) && op.finished !== undefined)
    .sort((a, b) => (b.finished ?? 0) - (a.finished ?? 0))
    .slice(0, DURATION_SAMPLES)
    .map((op) => (op.finished ?? op.started) - op.started)
    .filter((ms) => ms >= 0);
  if (durations.length < MIN_DURATION_SAMPLES) return undefined;
  durations.sort((a, b) => a - b);
  const middle = Math.floor(durations.length / 2);
  const median = durations.length % 2 === 1 ? durations[middle] : ((durations[middle - 1] ?? 0) + (durations[middle] ?? 0)) / 2;
  return median;
}

/** True once an operation in flight has run past SLOW_FACTOR times the usual duration. */
export function isTakingLong(elapsedMs: number, usualMs: number | undefined): boolean {
  return usualMs !== undefined && usualMs > 0 && elapsedMs > SLOW_FACTOR * usualMs;
}

/** "12 min", "45 s", "1 h 05 min": a rough figure for "usually about …" (rounded to what matters). */
export function roughDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

function endedWell(op: TrackedOperation): boolean {
  return op.kind === 'delete' ? op.outcome === 'deleted' : op.outcome === 'succeeded';
}
