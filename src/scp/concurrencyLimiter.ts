import { cancelledError } from './cancellation';

interface Waiter {
  start: () => void;
  onAbort: () => void;
}

/**
 * Runs at most `limit` tasks at once, the rest in FIFO order. SCP's firewall answers bursts with a 417
 * page, so lookups across many clusters go through one of these. Queued work whose signal aborts is
 * dropped without ever starting.
 */
export class ConcurrencyLimiter {
  private readonly limit: number;
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(limit: number) {
    this.limit = ConcurrencyLimiter.check(limit);
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) {
            this.waiting.splice(index, 1);
            reject(cancelledError());
          }
        },
        start: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          this.running++;
          // async wrapper: fn starts now, and a synchronous throw becomes a rejection.
          const task = (async () => fn())();
          void task.then(resolve, reject).finally(() => {
            this.running--;
            this.pump();
          });
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift();
      next?.start();
    }
  }

  private static check(limit: number): number {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Concurrency limit must be a positive integer, got ${limit}`);
    return limit;
  }
}
