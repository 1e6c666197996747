import * as z from 'zod/mini';

/**
 * One create/update/delete the extension follows until it settles. Persisted in globalState (so tracking
 * survives a window reload), therefore validated on every read: a bad entry is dropped, never trusted.
 */
const trackedOperationSchema = z
  .object({
    profileId: z.string().check(z.minLength(1)),
    /** Empty only for a create recorded before its request went out (SCP gives the id in its answer). */
    cloudMlId: z.string(),
    clusterId: z.string(),
    /** Learnt from the first poll; lets "Open details" name the cluster without another lookup. */
    clusterName: z.optional(z.string()),
    name: z.string(),
    kind: z.enum(['create', 'update', 'delete']),
    /** Epoch ms when tracking started (for a write started here: just before its request went out). */
    started: z.number(),
    /** Started in this extension, or seen moving without it (a colleague, the console, the CLI). Absent = here. */
    origin: z.optional(z.enum(['here', 'elsewhere'])),
    /**
     * False while the answer to the request is unknown: recorded before it went out, then a reload or a lost
     * answer came. SCP is asked what happened before anything is shown. Absent = the request was accepted.
     */
    confirmed: z.optional(z.boolean()),
    /** The request id of the write (its answer), or the one SCP reports on the instance. */
    requestId: z.optional(z.string()),
    /** The last cloud_ml_state seen (undefined until the first poll answers). */
    lastState: z.optional(z.string()),
    /** Set once the operation is over; absent while it is in flight. */
    outcome: z.optional(z.enum(['succeeded', 'failed', 'settled', 'deleted', 'timedOut', 'stopped', 'rejected', 'unconfirmed'])),
    /** Epoch ms when it ended. */
    finished: z.optional(z.number()),
    /** The API's reason for a failure, or the sentence of a refused request. */
    reason: z.optional(z.string()),
  })
  .check(z.refine((op) => op.cloudMlId !== '' || (op.kind === 'create' && op.confirmed === false), 'only an unanswered create may lack its id'));

export type TrackedOperation = z.infer<typeof trackedOperationSchema>;
export type OperationOutcome = NonNullable<TrackedOperation['outcome']>;

export function isInFlight(operation: TrackedOperation): boolean {
  return operation.outcome === undefined;
}

export function isFromElsewhere(operation: TrackedOperation): boolean {
  return operation.origin === 'elsewhere';
}

export function isConfirmed(operation: TrackedOperation): boolean {
  return operation.confirmed !== false;
}

export function operationKey(profileId: string, cloudMlId: string): string {
  return `${profileId}/${cloudMlId}`;
}

/** The key of a create whose instance id is not known yet: a cluster holds at most one Cloud ML. */
export function pendingCreateKey(profileId: string, clusterId: string): string {
  return `${profileId}/cluster:${clusterId}`;
}

export function keyOf(operation: TrackedOperation): string {
  return operation.cloudMlId === '' ? pendingCreateKey(operation.profileId, operation.clusterId) : operationKey(operation.profileId, operation.cloudMlId);
}

/** Reads whatever was stored: keeps each valid entry, counts the rest (a corrupt entry must not lose the others). */
export function parseTrackedOperations(raw: unknown): { operations: TrackedOperation[]; dropped: number } {
  if (!Array.isArray(raw)) return { operations: [], dropped: raw === undefined ? 0 : 1 };
  const operations: TrackedOperation[] = [];
  let dropped = 0;
  for (const entry of raw) {
    const parsed = trackedOperationSchema.safeParse(entry);
    if (parsed.success) operations.push(parsed.data);
    else dropped++;
  }
  return { operations, dropped };
}
