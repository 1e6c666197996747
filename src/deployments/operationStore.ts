import { isInFlight, keyOf, parseTrackedOperations, type TrackedOperation } from './trackedOperation';

/** The slice of vscode.Memento the store needs (kept vscode-free so it is unit-tested in plain Node). */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const DEFAULT_STORAGE_KEY = 'scpCloudMl.deployments';
/** How many finished operations each profile keeps (the Activity view): enough to look back, bounded so globalState stays small. */
export const MAX_FINISHED_OPERATIONS = 50;

/**
 * Tracked operations in globalState: every in-flight one, plus each profile's most recently finished few.
 * Writes are chained so that a later save never lands before an earlier one.
 */
export class OperationStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: KeyValueStore,
    private readonly key: string = DEFAULT_STORAGE_KEY,
    private readonly maxFinished: number = MAX_FINISHED_OPERATIONS,
  ) {}

  /** The stored operations (invalid entries dropped, duplicates of one instance collapsed to the newest). */
  load(): { operations: TrackedOperation[]; dropped: number } {
    const { operations, dropped } = parseTrackedOperations(this.state.get(this.key));
    const newest = new Map<string, TrackedOperation>();
    for (const op of operations) {
      const key = `${keyOf(op)}|${isInFlight(op) ? 'live' : String(op.finished ?? op.started)}`;
      const seen = newest.get(key);
      if (!seen || seen.started <= op.started) newest.set(key, op);
    }
    return { operations: this.bounded([...newest.values()]), dropped };
  }

  /** Saves the list (bounded); resolves when this write and every earlier one are done. */
  save(operations: readonly TrackedOperation[]): Promise<void> {
    const snapshot = this.bounded(operations).map((op) => ({ ...op }));
    const write = this.writing.then(() => this.state.update(this.key, snapshot));
    this.writing = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  }

  /** Resolves when every save issued so far has been written. */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Every in-flight operation, and only the newest `maxFinished` finished ones of each profile. */
  bounded(operations: readonly TrackedOperation[]): TrackedOperation[] {
    const live = operations.filter(isInFlight);
    const finished = operations.filter((op) => !isInFlight(op)).sort((a, b) => (b.finished ?? b.started) - (a.finished ?? a.started));
    const perProfile = new Map<string, number>();
    const kept = finished.filter((op) => {
      const count = (perProfile.get(op.profileId) ?? 0) + 1;
      perProfile.set(op.profileId, count);
      return count <= this.maxFinished;
    });
    return [...live, ...kept];
  }
}
