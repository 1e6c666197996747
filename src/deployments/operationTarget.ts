import type { InstanceTarget } from '../commands/commandTargets';
import type { TrackedOperation } from './trackedOperation';

/** The instance a tracked operation is about, as a command target ("Open details" from a notification or the list). */
export function operationTarget(operation: TrackedOperation): InstanceTarget {
  return {
    kind: 'instance',
    profileId: operation.profileId,
    clusterId: operation.clusterId,
    clusterName: operation.clusterName ?? operation.clusterId,
    cloudMlId: operation.cloudMlId,
    name: operation.name,
    state: operation.lastState ?? '',
  };
}
