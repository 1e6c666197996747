/**
 * When the next GET of a tracked operation is due. Pure, so the backoff is unit-tested without timers.
 *
 * A fresh operation is read every `intervalMs` (the setting). Deployments that run past `backoffAfterMs` are
 * read less and less often (factor per poll) up to `maxIntervalMs`: a 40-minute deployment does not need a
 * request every 5 s. The same backoff applies once polls keep failing ("unknown — retrying"). A user interval
 * longer than the cap is respected as is.
 */
export interface PollTiming {
  intervalMs: number;
  maxIntervalMs: number;
  backoffAfterMs: number;
  factor: number;
}

export const MAX_POLL_INTERVAL_MS = 30_000;
export const BACKOFF_AFTER_MS = 60_000;
export const BACKOFF_FACTOR = 1.5;

export function pollTiming(intervalSeconds: number): PollTiming {
  return { intervalMs: intervalSeconds * 1000, maxIntervalMs: MAX_POLL_INTERVAL_MS, backoffAfterMs: BACKOFF_AFTER_MS, factor: BACKOFF_FACTOR };
}

export interface PollHistory {
  /** Time since tracking started. */
  elapsedMs: number;
  /** The delay used before the poll that just ran (undefined for the first one). */
  previousDelayMs: number | undefined;
  /** True once more polls failed in a row than are tolerated silently. */
  retrying: boolean;
}

export function nextPollDelay(history: PollHistory, timing: PollTiming): number {
  const interval = Math.max(1, timing.intervalMs);
  if (interval >= timing.maxIntervalMs) return interval;
  if (!history.retrying && history.elapsedMs < timing.backoffAfterMs) return interval;
  const grown = (history.previousDelayMs ?? interval) * timing.factor;
  return Math.min(timing.maxIntervalMs, Math.max(interval, grown));
}

/** True when the operation has been followed for longer than the timeout setting. */
export function hasTimedOut(startedMs: number, nowMs: number, timeoutMs: number): boolean {
  return nowMs - startedMs >= timeoutMs;
}
