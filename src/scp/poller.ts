import { sleep as defaultSleep } from './cancellation';
import type { CloudMlDetail } from './cloudMlSchemas';
import { classifyState } from './instanceState';
import { isScpError, ScpError } from './scpError';

export type PollOutcome = 'settled' | 'deleted' | 'failed' | 'timeout' | 'cancelled';

export interface PollResult {
  outcome: PollOutcome;
  /** The last state read (absent after a 404). */
  state?: string;
  detail?: CloudMlDetail;
  /** Set when polling itself failed (a non-transient error, or too many transient ones in a row). */
  error?: ScpError;
}

export interface PollUpdate {
  /** undefined after a 404. */
  detail?: CloudMlDetail;
  state?: string;
  /** A tolerated transient error (the poll goes on). */
  error?: ScpError;
  /** Transient errors in a row so far. */
  transientErrors: number;
}

export interface PollOptions {
  /** One read of the instance; undefined (or a 'notFound' ScpError) means 404. */
  read: (signal: AbortSignal) => Promise<CloudMlDetail | undefined>;
  intervalMs: number;
  /** The interval grows by `backoffFactor` per read up to this. Default 30 s. */
  maxIntervalMs?: number;
  /** Default 1.5; 1 polls at a fixed interval. */
  backoffFactor?: number;
  timeoutMs: number;
  /** After a delete: 404 is the goal, and a healthy state means "not started yet". */
  expectDeletion: boolean;
  /** Transient errors tolerated in a row (the Terraform provider's rule). Default 3. */
  maxTransientErrors?: number;
  onUpdate?: (update: PollUpdate) => void;
  signal?: AbortSignal;
  /** Injectable for tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * Healthy reads in a row after which a delete is taken as not carried out (SCP accepted it but the
 * instance never left its healthy state), so the poll ends instead of running for two hours.
 */
const HEALTHY_READS_BEFORE_DELETE_GIVEN_UP = 3;

/**
 * Reads an instance until its state settles (or, after a delete, until it is gone). Never throws:
 * every ending is an outcome. The first read happens at once; each later one waits the interval.
 */
export async function pollUntilSettled(options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? defaultSleep;
  const signal = options.signal ?? new AbortController().signal;
  const maxInterval = options.maxIntervalMs ?? 30_000;
  const factor = Math.max(1, options.backoffFactor ?? 1.5);
  const maxTransient = options.maxTransientErrors ?? 3;
  const deadline = now() + options.timeoutMs;

  let interval = Math.max(1, options.intervalMs);
  let transientErrors = 0;
  let healthyReadsWhileDeleting = 0;
  let sawTransitional = false;
  let last: { detail?: CloudMlDetail; state?: string } = {};

  const notify = (update: PollUpdate): void => {
    try {
      options.onUpdate?.(update);
    } catch {
      // A listener's failure must not end the poll.
    }
  };

  for (let first = true; ; first = false) {
    if (!first) {
      const remaining = deadline - now();
      if (remaining <= 0) return { outcome: 'timeout', ...last };
      try {
        await wait(Math.min(interval, remaining), signal);
      } catch {
        return { outcome: 'cancelled', ...last };
      }
      interval = Math.min(maxInterval, interval * factor);
    }
    if (signal.aborted) return { outcome: 'cancelled', ...last };

    let detail: CloudMlDetail | undefined;
    try {
      detail = await options.read(signal);
    } catch (error) {
      if (signal.aborted || (isScpError(error) && error.kind === 'cancelled')) return { outcome: 'cancelled', ...last };
      if (isScpError(error) && error.kind === 'notFound') {
        detail = undefined;
      } else {
        const scpError = isScpError(error)
          ? error
          : new ScpError({ kind: 'network', message: 'Reading the instance state failed; try again.', cause: error });
        transientErrors = scpError.isTransient ? transientErrors + 1 : Number.POSITIVE_INFINITY;
        if (transientErrors > maxTransient) return { outcome: 'failed', ...last, error: scpError };
        notify({ ...last, error: scpError, transientErrors });
        continue;
      }
    }
    transientErrors = 0;

    if (detail === undefined) {
      notify({ transientErrors });
      return { outcome: 'deleted' };
    }
    const state = detail.cloud_ml_state ?? undefined;
    last = state === undefined ? { detail } : { detail, state };
    notify({ ...last, transientErrors });

    switch (classifyState(state)) {
      case 'transitional':
        sawTransitional = true;
        healthyReadsWhileDeleting = 0;
        continue;
      case 'failed':
        return { outcome: 'failed', ...last };
      case 'healthy':
        if (options.expectDeletion && !sawTransitional && ++healthyReadsWhileDeleting < HEALTHY_READS_BEFORE_DELETE_GIVEN_UP) continue;
        return { outcome: 'settled', ...last };
      case 'unknown':
        return { outcome: 'settled', ...last };
    }
  }
}
