import type { GenericAbortSignal } from 'axios';

type AbortListener = (event: { type: 'abort' }) => void;

/**
 * The abort signal of one attempt, handed to axios (which accepts any GenericAbortSignal): it aborts when the
 * attempt's timer fires or the caller's signal aborts. A plain object rather than an AbortController: Node's
 * EventTarget (creating the controller, axios adding and removing its listener) cost more CPU per request than
 * everything else the client does around axios except the schema parse. The caller's own signal, when there is
 * one, is still listened to (once per attempt) and let go in `dispose()`.
 */
export class AttemptSignal implements GenericAbortSignal {
  private isAborted = false;
  private listeners: AbortListener[] = [];
  private detach: (() => void) | undefined;

  constructor(callerSignal?: AbortSignal) {
    if (!callerSignal) return;
    if (callerSignal.aborted) {
      this.isAborted = true;
      return;
    }
    const onAbort = (): void => this.abort();
    callerSignal.addEventListener('abort', onAbort, { once: true });
    this.detach = () => callerSignal.removeEventListener('abort', onAbort);
  }

  get aborted(): boolean {
    return this.isAborted;
  }

  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort' && !this.listeners.includes(listener)) this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.listeners = this.listeners.filter((candidate) => candidate !== listener);
  }

  /** Aborts once: every listener hears an event of type 'abort' (axios turns it into its CanceledError). */
  abort(): void {
    if (this.isAborted) return;
    this.isAborted = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener({ type: 'abort' });
  }

  /** Stops listening to the caller's signal (a long-lived session signal must not collect one listener per attempt). */
  dispose(): void {
    this.detach?.();
    this.detach = undefined;
  }
}
