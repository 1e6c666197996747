import { cancelledError } from '../scp/cancellation';

/** Why a shared load was stopped: a refresh `replaced` it (waiters may join the new one), or the profile `ended`. */
export type StopReason = 'replaced' | 'ended';

/**
 * One in-flight load that several callers wait for (the tree expanding a cluster while "find instance" asks for
 * the same cluster must cost ONE request). Each waiter can leave with its own signal; when the last waiter has
 * left the work itself is aborted, so a cancelled pick leaves no queued lookups behind. No vscode here, so it is
 * unit-tested in plain Node.
 */
export class SharedLoad<T> {
  private readonly controller = new AbortController();
  private readonly result: Promise<T>;
  private waiters = 0;
  private stoppedBy: StopReason | undefined;

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.result = work(this.controller.signal);
    // Waiters observe the outcome; an unobserved failure must not become an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /** Set once stop() was called: tells a waiter whether to join a newer load. */
  get stopReason(): StopReason | undefined {
    return this.stoppedBy;
  }

  /** Waits for the shared result. Aborting `signal` rejects only this waiter (kind 'cancelled'). */
  join(signal?: AbortSignal): Promise<T> {
    if (!signal) {
      // A waiter that cannot leave keeps the work alive until it settles or is stopped.
      this.waiters++;
      return this.result;
    }
    if (signal.aborted) {
      if (this.waiters === 0) this.controller.abort();
      return Promise.reject(cancelledError());
    }
    this.waiters++;
    return new Promise<T>((resolve, reject) => {
      const leave = (): void => {
        this.waiters--;
        if (this.waiters === 0) this.controller.abort();
        reject(cancelledError());
      };
      signal.addEventListener('abort', leave, { once: true });
      this.result.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Aborts the work for every waiter (a refresh replaced it, or the profile changed). */
  stop(reason: StopReason): void {
    this.stoppedBy ??= reason;
    this.controller.abort();
  }
}
