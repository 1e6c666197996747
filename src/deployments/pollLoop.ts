import { hasTimedOut, nextPollDelay, pollTiming } from './pollSchedule';
import { keyOf, type TrackedOperation } from './trackedOperation';

/** Polling bookkeeping of one in-flight operation (not persisted: a reload starts it afresh). */
export interface PollState {
  nextDueAt: number;
  previousDelayMs: number | undefined;
  failures: number;
  retrying: boolean;
  polling: boolean;
}

export interface PollLoopDeps {
  /** The in-flight operations that may be polled now (the active profile's, none awaiting this window's answer). */
  pollable(): TrackedOperation[];
  /** SCP rejects the credentials: nothing is polled until they work again. */
  paused(): boolean;
  /** One GET (or lookup) of an operation whose poll is due; the loop plans the next one when it has settled. */
  poll(operation: TrackedOperation, state: PollState): Promise<void>;
  /** An operation followed for longer than the timeout setting. */
  timedOut(operation: TrackedOperation): void;
  /** Runs after every (re)scheduling: the status item follows the loop. */
  scheduled(): void;
  /** The interval and timeout settings (or the test API's faster clock). */
  intervalSeconds(): number;
  timeoutMinutes(): number;
  onUnexpected(operation: TrackedOperation, error: unknown): void;
}

/**
 * ONE scheduler for every followed operation, whoever started it: a single timer armed for the earliest due poll,
 * no timer at all when nothing is in flight or SCP is rejecting the credentials. Costs nothing at rest.
 */
export class PollLoop {
  private readonly states = new Map<string, PollState>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly deps: PollLoopDeps) {}

  /** Starts (or restarts) following an operation; its first poll is due at `dueAt`. */
  follow(operation: TrackedOperation, dueAt: number = Date.now()): void {
    this.states.set(keyOf(operation), { nextDueAt: dueAt, previousDelayMs: undefined, failures: 0, retrying: false, polling: false });
  }

  forget(operation: TrackedOperation): void {
    this.states.delete(keyOf(operation));
  }

  /** An operation's key changed (a create learnt its id): its polling carries on under the new one. */
  rekey(oldKey: string, operation: TrackedOperation): void {
    const state = this.states.get(oldKey);
    if (!state) return;
    this.states.delete(oldKey);
    this.states.set(keyOf(operation), state);
  }

  stateOf(operation: TrackedOperation): PollState | undefined {
    return this.states.get(keyOf(operation));
  }

  isFollowed(key: string): boolean {
    return this.states.has(key);
  }

  /** A timer is armed or a GET is running. False means the loop costs nothing right now. */
  get active(): boolean {
    return !this.disposed && (this.timer !== undefined || [...this.states.values()].some((p) => p.polling));
  }

  /** Arms the single timer for the earliest due poll, or none when there is nothing to poll now. */
  reschedule(): void {
    this.clearTimer();
    this.deps.scheduled();
    if (this.disposed || this.deps.paused()) return;
    let earliest: number | undefined;
    for (const op of this.deps.pollable()) {
      const state = this.stateOf(op);
      if (!state || state.polling) continue;
      earliest = earliest === undefined ? state.nextDueAt : Math.min(earliest, state.nextDueAt);
    }
    if (earliest === undefined) return;
    this.timer = setTimeout(() => this.tick(), Math.max(0, earliest - Date.now()));
  }

  /** When the next poll of `operation` is due, by the interval setting and the backoff. */
  planNext(operation: TrackedOperation, state: PollState): void {
    const now = Date.now();
    const delay = nextPollDelay(
      { elapsedMs: now - operation.started, previousDelayMs: state.previousDelayMs, retrying: state.retrying },
      pollTiming(this.deps.intervalSeconds()),
    );
    state.previousDelayMs = delay;
    state.nextDueAt = now + delay;
  }

  /** The interval setting changed: no poll waits longer than one new interval. */
  applyNewInterval(): void {
    const now = Date.now();
    const interval = pollTiming(this.deps.intervalSeconds()).intervalMs;
    for (const state of this.states.values()) {
      state.previousDelayMs = undefined;
      state.nextDueAt = Math.min(state.nextDueAt, now + interval);
    }
    this.reschedule();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.disposed || this.deps.paused()) return;
    const now = Date.now();
    const timeoutMs = this.deps.timeoutMinutes() * 60_000;
    for (const op of this.deps.pollable()) {
      const state = this.stateOf(op);
      if (!state || state.polling || state.nextDueAt > now) continue;
      if (hasTimedOut(op.started, now, timeoutMs)) {
        this.deps.timedOut(op);
        continue;
      }
      this.deps.poll(op, state).catch((error: unknown) => {
        // A poll that throws (a bug, not a failed GET) waits its interval like any other: never a hot loop.
        this.deps.onUnexpected(op, error);
        state.polling = false;
        this.planNext(op, state);
        this.reschedule();
      });
    }
    this.reschedule();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
