/** The answer to a write, or `settled: false` when the user cancelled while it was on its way. */
export type WriteWait<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for a create/update/delete request, but lets the user stop waiting: Cancel ends the wait, not the
 * request. A request already sent may still be applied by SCP, so it is never aborted half way: the caller
 * follows `request` in the background and tracks what it did. A failure before Cancel rejects as usual.
 */
export function waitUnlessCancelled<T>(request: Promise<T>, cancel: AbortSignal): Promise<WriteWait<T>> {
  // Whatever happens to the wait, a late rejection must not surface as unhandled.
  request.catch(() => undefined);
  if (cancel.aborted) return Promise.resolve({ settled: false });
  const cancelled = new Promise<WriteWait<T>>((resolve) => cancel.addEventListener('abort', () => resolve({ settled: false }), { once: true }));
  return Promise.race([request.then((value): WriteWait<T> => ({ settled: true, value })), cancelled]);
}

export interface LetGoFollowUp {
  /** For the log: "update ml-team". */
  operation: string;
  log: { info(message: string): void; warn(message: string): void };
  /** After a failed answer (maybe lost on its way back): asks SCP whether the write went through. */
  wentThrough(): Promise<boolean>;
  /** It went through: track it. */
  track(): void;
}

/**
 * A write the user stopped waiting for: once it settles, it is tracked when it went through (its answer says
 * so, or SCP says so when the answer was a failure), so the tree and the status bar show what really happens.
 */
export function followLetGoWrite(sent: Promise<unknown>, followUp: LetGoFollowUp): void {
  const { operation, log } = followUp;
  sent
    .then(
      () => true,
      () => followUp.wentThrough(),
    )
    .then(
      (through) => {
        log.info(`${operation}: the request cancelled on its way ${through ? 'went through; tracking it' : 'did not go through'}`);
        if (through) followUp.track();
      },
      (error: unknown) => log.warn(`${operation}: could not find out whether the request cancelled on its way went through: ${error instanceof Error ? error.message : String(error)}`),
    );
}
