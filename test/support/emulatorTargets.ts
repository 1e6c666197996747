import * as assert from 'node:assert/strict';
import type { ClusterTarget, InstanceTarget } from '../../src/model/commandTargets';
import type { ClusterRecord, InstanceRecord } from '../../src/emulator/emulatorState';
import type { RunningEmulator } from '../../src/emulator/startEmulator';

/** A running emulator and the profile that points at it: what the lookups and targets below need. */
export interface EmulatorProfile {
  emu: RunningEmulator;
  profileId: string;
}

export function clusterNamed(emu: RunningEmulator, name: string): ClusterRecord {
  const cluster = emu.admin.snapshot().clusters.find((c) => c.name === name);
  assert.ok(cluster, `no cluster named ${name} in the emulator`);
  return cluster;
}

export function instanceNamed(emu: RunningEmulator, name: string): InstanceRecord | undefined {
  return emu.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
}

export function instancesNamed(emu: RunningEmulator, name: string): InstanceRecord[] {
  return emu.admin.snapshot().instances.filter((i) => i.cloud_ml_name === name);
}

/** Requests the emulator answered on one route, e.g. "POST /v1/cloud-ml". */
export function requestsTo(emu: RunningEmulator, route: string): number {
  return emu.admin.counters().byRoute[route] ?? 0;
}

/** The command target of an emulator cluster, as a tree node would pass it. */
export function clusterTarget(at: EmulatorProfile, clusterName: string): ClusterTarget {
  const cluster = clusterNamed(at.emu, clusterName);
  return { kind: 'cluster', profileId: at.profileId, clusterId: cluster.id, clusterName: cluster.name, clusterStatus: cluster.status };
}

/** The command target of an emulator instance, as a tree node would pass it. */
export function instanceTarget(at: EmulatorProfile, instanceName: string): InstanceTarget {
  const instance = instanceNamed(at.emu, instanceName);
  assert.ok(instance, `no instance named ${instanceName} in the emulator`);
  const cluster = at.emu.admin.snapshot().clusters.find((c) => c.id === instance.cluster_id);
  assert.ok(cluster);
  return {
    kind: 'instance',
    profileId: at.profileId,
    clusterId: cluster.id,
    clusterName: cluster.name,
    cloudMlId: instance.cloud_ml_id,
    name: instance.cloud_ml_name,
    state: instance.cloud_ml_state,
  };
}
