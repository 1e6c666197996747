import * as z from 'zod/mini';

/**
 * One create/update/delete the extension follows until it settles. Persisted in globalState (so tracking
 * survives a window reload), therefore validated on every read: a bad entry is dropped, never trusted.
 */
const trackedOperationSchema = z.object({
  profileId: z.string().check(z.minLength(1)),
  cloudMlId: z.string().check(z.minLength(1)),
  clusterId: z.string(),
  /** Learnt from the first poll; lets "Open details" name the cluster without another lookup. */
  clusterName: z.optional(z.string()),
  name: z.string(),
  kind: z.enum(['create', 'update', 'delete']),
  /** Epoch ms when tracking started. */
  started: z.number(),
  /** The last cloud_ml_state seen (undefined until the first poll answers). */
  lastState: z.optional(z.string()),
  /** Set once the operation is over; absent while it is in flight. */
  outcome: z.optional(z.enum(['succeeded', 'failed', 'settled', 'deleted', 'timedOut', 'stopped'])),
  /** Epoch ms when it ended. */
  finished: z.optional(z.number()),
  /** The API's reason for a failure, when it gives one. */
  reason: z.optional(z.string()),
});

export type TrackedOperation = z.infer<typeof trackedOperationSchema>;
export type OperationOutcome = NonNullable<TrackedOperation['outcome']>;

export function isInFlight(operation: TrackedOperation): boolean {
  return operation.outcome === undefined;
}

export function operationKey(profileId: string, cloudMlId: string): string {
  return `${profileId}/${cloudMlId}`;
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
