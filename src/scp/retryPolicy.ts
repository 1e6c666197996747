/**
 * How long to wait before retrying an idempotent call. Exponential with "equal jitter": half the step is
 * fixed, half random, so retries from many tree nodes spread out instead of hitting SCP's firewall together.
 */
export function backoffDelayMs(failedAttempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempt - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * r);
}

/** The Retry-After header as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
  const value = Array.isArray(header) ? (header[0] as unknown) : header;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether a retry fits in what is left of the call's timeout: the back-off plus a tenth of the whole timeout for
 * the attempt itself. An attempt given less would most likely time out, adding load and nothing else.
 */
export function retryFits(remainingMs: number, delayMs: number, callTimeoutMs: number): boolean {
  return remainingMs - delayMs >= callTimeoutMs / 10;
}
