import { instanceTarget, type InstanceTarget } from '../model/commandTargets';
import type { TrackedOperation } from './trackedOperation';

/** The instance a tracked operation is about, as a command target ("Open details" from a notification or the list). */
export function operationTarget(operation: TrackedOperation): InstanceTarget {
  const cluster = { id: operation.clusterId, name: operation.clusterName ?? operation.clusterId };
  return instanceTarget(operation.profileId, cluster, { cloudMlId: operation.cloudMlId, name: operation.name, state: operation.lastState ?? '' });
}
