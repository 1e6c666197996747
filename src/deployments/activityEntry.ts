import type { InstanceTarget } from '../model/commandTargets';
import { operationTarget } from './operationTarget';
import type { TrackedOperation } from './trackedOperation';

/** One operation in the Activity view. `target` lets the instance commands (Open details…) take the row as it is. */
export interface ActivityEntry {
  kind: 'activityOperation';
  operation: TrackedOperation;
  target: InstanceTarget;
}

/** The two groups of the Activity view. */
export interface ActivityGroup {
  kind: 'activityGroup';
  group: 'inFlight' | 'finished';
}

export type ActivityNode = ActivityGroup | ActivityEntry;

export function activityEntry(operation: TrackedOperation): ActivityEntry {
  return { kind: 'activityOperation', operation, target: operationTarget(operation) };
}

/** The operation behind a command argument that is an Activity row, if it is one. */
export function activityOperationOf(arg: unknown): TrackedOperation | undefined {
  if (typeof arg !== 'object' || arg === null || (arg as { kind?: unknown }).kind !== 'activityOperation') return undefined;
  const operation = (arg as { operation?: unknown }).operation;
  return typeof operation === 'object' && operation !== null ? (operation as TrackedOperation) : undefined;
}
