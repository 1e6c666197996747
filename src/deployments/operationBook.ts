import type { ExtensionLog } from '../ui/extensionLog';
import { OperationStore, type KeyValueStore } from './operationStore';
import { isInFlight, keyOf, type TrackedOperation } from './trackedOperation';

/**
 * The operations the extension knows of, in memory and in globalState: every one in flight and each profile's
 * recently finished ones. The one owner of that list; the tracker and the Activity view read it from here.
 */
export class OperationBook {
  private readonly store: OperationStore;
  private operations: TrackedOperation[];

  constructor(
    state: KeyValueStore,
    storageKey: string | undefined,
    private readonly log: ExtensionLog,
  ) {
    this.store = new OperationStore(state, storageKey);
    const loaded = this.store.load();
    if (loaded.dropped > 0) this.log.warn(`deployments: ignored ${loaded.dropped} unreadable tracked operation(s) in globalState`);
    this.operations = loaded.operations;
  }

  /** In-flight operations, oldest first. */
  inFlight(): TrackedOperation[] {
    return this.operations.filter(isInFlight).sort((a, b) => a.started - b.started);
  }

  /** Recently finished operations, newest first (bounded per profile). */
  finished(): TrackedOperation[] {
    return this.operations.filter((op) => !isInFlight(op)).sort((a, b) => (b.finished ?? 0) - (a.finished ?? 0));
  }

  /** The in-flight operation with this key, if any. */
  live(key: string): TrackedOperation | undefined {
    return this.operations.find((op) => isInFlight(op) && keyOf(op) === key);
  }

  /** Adds an operation in flight, replacing one still followed under the same key (its end is what matters now). */
  add(operation: TrackedOperation): Promise<void> {
    const key = keyOf(operation);
    this.operations = this.operations.filter((op) => !(isInFlight(op) && keyOf(op) === key));
    this.operations.push(operation);
    return this.persist();
  }

  /** Forgets an in-flight operation without a trace (a request that was never sent). */
  remove(operation: TrackedOperation): Promise<void> {
    this.operations = this.operations.filter((op) => op !== operation);
    return this.persist();
  }

  /** Forgets the finished operations of a profile (the Activity view's Clear). */
  clearFinished(profileId: string): Promise<void> {
    this.operations = this.operations.filter((op) => isInFlight(op) || op.profileId !== profileId);
    return this.persist();
  }

  /**
   * Saves the list; the returned promise settles once it is stored (a caller about to send a request awaits
   * it). A failed write is logged here, so callers that do not wait need not handle it.
   */
  persist(): Promise<void> {
    // Keep only what the store keeps, so the in-memory finished list is bounded the same way.
    this.operations = this.store.bounded(this.operations);
    return this.store.save(this.operations).then(undefined, (error: unknown) => {
      this.log.error(`deployments: could not save tracked operations: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Resolves when every change so far is in globalState. */
  flush(): Promise<void> {
    return this.store.flush();
  }
}
