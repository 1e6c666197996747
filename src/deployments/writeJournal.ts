import type { CloudMlDetail } from '../scp/cloudMlSchemas';
import { isScpError } from '../scp/scpError';
import type { ExtensionLog } from '../ui/extensionLog';
import type { OperationKind, TrackRequest } from './instanceChange';
import type { OperationBook } from './operationBook';
import type { PollLoop } from './pollLoop';
import { isConfirmed, keyOf, operationKey, pendingCreateKey, type OperationOutcome, type TrackedOperation } from './trackedOperation';

/** A write about to be sent. A create has no instance id yet (its cluster names it until the answer comes). */
export interface RecordRequest {
  profileId: string;
  clusterId: string;
  name: string;
  kind: OperationKind;
  cloudMlId?: string;
}

/** A recorded write that ends without an accepted answer. */
export interface ReleaseRequest {
  profileId: string;
  clusterId: string;
  cloudMlId?: string;
  /** SCP refused it (nothing changed): the sentence the user was shown. */
  refusal?: string;
  /** It was never sent after all (cancelled first): forgotten without a trace. */
  notSent?: boolean;
}

export interface WriteJournalDeps {
  book: OperationBook;
  loop: PollLoop;
  log: ExtensionLog;
  finish(operation: TrackedOperation, outcome: OperationOutcome, reason: string): void;
  changed(): void;
}

/**
 * Writes sent from here are recorded BEFORE their request goes out, and the record is stored before it is
 * sent, so a window reload at any moment loses nothing: after it, SCP is asked what became of every record
 * whose answer was not seen (a transitional state or, for a delete, a 404 says it went through; a create is
 * looked for on its cluster by name). While this window still waits for the answer, the record is not polled:
 * a GET before the write lands would see the old state and end it too early.
 */
export class WriteJournal {
  /** Keys of the records whose answer this window is still waiting for. */
  private readonly awaited = new Set<string>();

  constructor(private readonly deps: WriteJournalDeps) {}

  async record(request: RecordRequest): Promise<void> {
    const operation: TrackedOperation = {
      profileId: request.profileId,
      cloudMlId: request.cloudMlId ?? '',
      clusterId: request.clusterId,
      name: request.name,
      kind: request.kind,
      started: Date.now(),
      confirmed: false,
    };
    this.awaited.add(keyOf(operation));
    this.deps.loop.follow(operation);
    const stored = this.deps.book.add(operation);
    this.deps.log.info(`deployments: recorded the ${request.kind} of ${request.name} before sending it`);
    this.deps.changed();
    await stored;
  }

  /** The answer came and accepted the write: the record (if any) is handed over; returns it for its start time. */
  accepted(request: TrackRequest): TrackedOperation | undefined {
    const { book, loop } = this.deps;
    const recorded =
      book.live(operationKey(request.profileId, request.cloudMlId)) ??
      (request.kind === 'create' ? book.live(pendingCreateKey(request.profileId, request.clusterId)) : undefined);
    if (!recorded || isConfirmed(recorded) || recorded.kind !== request.kind) return undefined;
    this.awaited.delete(keyOf(recorded));
    loop.forget(recorded);
    void book.remove(recorded);
    return recorded;
  }

  release(request: ReleaseRequest): void {
    const key = request.cloudMlId ? operationKey(request.profileId, request.cloudMlId) : pendingCreateKey(request.profileId, request.clusterId);
    const operation = this.deps.book.live(key);
    if (!operation || isConfirmed(operation)) return;
    this.awaited.delete(key);
    if (request.notSent) {
      this.deps.log.info(`deployments: the ${operation.kind} of ${operation.name} was not sent; record dropped`);
      this.deps.loop.forget(operation);
      void this.deps.book.remove(operation);
      this.deps.changed();
    } else if (request.refusal !== undefined) {
      this.deps.finish(operation, 'rejected', request.refusal);
    } else {
      this.deps.log.info(`deployments: the answer to the ${operation.kind} of ${operation.name} is unknown; asking SCP what happened`);
      this.deps.loop.follow(operation);
      this.deps.changed();
    }
  }

  /** A create recorded without an id was found on its cluster: from now on its id names it. */
  bindCreated(operation: TrackedOperation, detail: CloudMlDetail): void {
    if (operation.cloudMlId !== '') return;
    const oldKey = keyOf(operation);
    operation.cloudMlId = detail.cloud_ml_id;
    if (this.awaited.delete(oldKey)) this.awaited.add(keyOf(operation));
    this.deps.loop.rekey(oldKey, operation);
    this.deps.log.info(`deployments: the create of ${operation.name} is ${detail.cloud_ml_id}`);
    void this.deps.book.persist();
  }

  /** SCP shows the instance moving: the write went through. */
  confirmedBySight(operation: TrackedOperation, state: string): void {
    delete operation.confirmed;
    this.deps.log.info(`deployments: the ${operation.kind} of ${operation.name} went through (${state})`);
  }

  isAwaited(operation: TrackedOperation): boolean {
    return this.awaited.has(keyOf(operation));
  }

  forget(operation: TrackedOperation): void {
    this.awaited.delete(keyOf(operation));
  }
}

/** Failures after which a write certainly changed nothing: SCP (or its gateway, or the client itself) refused it. */
const REFUSALS: ReadonlySet<string> = new Set(['auth', 'notEnabled', 'notFound', 'validation', 'conflict', 'throttled', 'redirected', 'badInput']);

/** How to release a recorded write that failed with `error`: a sure refusal ends it with `sentence`; anything else asks SCP. */
export function releaseAfter(error: unknown, sentence: string): Pick<ReleaseRequest, 'refusal'> {
  return isScpError(error) && REFUSALS.has(error.kind) ? { refusal: sentence } : {};
}
