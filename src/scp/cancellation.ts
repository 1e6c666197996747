import { ScpError } from './scpError';

/** The error every cancelled wait or request rejects with. */
export function cancelledError(): ScpError {
  return new ScpError({ kind: 'cancelled', message: 'The request was cancelled.' });
}

/** Waits `ms`; rejects with a 'cancelled' ScpError as soon as `signal` aborts (timer cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A controller that aborts when any of `signals` aborts; `dispose()` detaches it from them (so a
 * long-lived session signal does not collect one listener per request).
 */
export function linkedAbortController(...signals: (AbortSignal | undefined)[]): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  const attached: AbortSignal[] = [];
  const onAbort = (): void => controller.abort();
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort();
      break;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    attached.push(signal);
  }
  return {
    controller,
    dispose: () => {
      for (const signal of attached) signal.removeEventListener('abort', onAbort);
    },
  };
}
