import { isScpError } from '../scp/scpError';
import { SharedLoad, type StopReason } from './sharedLoad';

/** What the owner of a cache hears when a load settles (only a load that is still the current one). */
export interface LoadedCacheHooks<K, V> {
  onValue?(key: K, value: V): void;
  onError?(key: K, error: unknown): void;
}

/**
 * Values by key, each read from SCP once: concurrent reads of a key share one load, results (not failures) are
 * kept until dropped, and a load that was replaced (a refresh, a change from elsewhere) writes nothing. No
 * vscode here, so it runs in plain Node.
 */
export class LoadedCache<K, V> {
  private readonly values = new Map<K, V>();
  private readonly loads = new Map<K, SharedLoad<V>>();

  constructor(private readonly hooks: LoadedCacheHooks<K, V> = {}) {}

  /** The cached value of `key` without asking; undefined when there is none. */
  peek(key: K): { value: V } | undefined {
    return this.values.has(key) ? { value: this.values.get(key) as V } : undefined;
  }

  /**
   * The cached value, else the result of the load in flight for `key` (started with `work` when there is none).
   * Aborting `signal` leaves only this reader. A reader whose load was replaced, not cancelled by itself, reads
   * again: the cache, or the newer load.
   */
  async read(key: K, work: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    for (;;) {
      const hit = this.peek(key);
      if (hit) return hit.value;
      const load = this.loads.get(key) ?? this.start(key, work);
      try {
        return await load.join(signal);
      } catch (error) {
        const replaced = load.stopReason === 'replaced' && !signal?.aborted && isScpError(error) && error.kind === 'cancelled';
        if (!replaced) throw error;
      }
    }
  }

  /** A value learned elsewhere: a load still in flight would bring older news, so it is stopped. */
  set(key: K, value: V): void {
    this.stopLoad(key);
    this.values.set(key, value);
  }

  /** Forgets a key, and stops its load: the next read asks again. */
  drop(key: K): void {
    this.stopLoad(key);
    this.values.delete(key);
  }

  /** Forgets everything; `ended` (a profile switch) tells waiters not to read again. */
  clear(reason: StopReason): void {
    for (const load of this.loads.values()) load.stop(reason);
    this.loads.clear();
    this.values.clear();
  }

  private stopLoad(key: K): void {
    this.loads.get(key)?.stop('replaced');
    this.loads.delete(key);
  }

  /**
   * The outcome is booked BEFORE the waiters resume (so they read a consistent cache), and only while the load
   * is still the current one for its key.
   */
  private start(key: K, work: (signal: AbortSignal) => Promise<V>): SharedLoad<V> {
    const load: SharedLoad<V> = new SharedLoad(async (signal) => {
      try {
        const value = await work(signal);
        if (this.loads.get(key) === load) {
          this.loads.delete(key);
          this.values.set(key, value);
          this.hooks.onValue?.(key, value);
        }
        return value;
      } catch (error) {
        if (this.loads.get(key) === load) {
          this.loads.delete(key);
          this.hooks.onError?.(key, error);
        }
        throw error;
      }
    });
    this.loads.set(key, load);
    return load;
  }
}
