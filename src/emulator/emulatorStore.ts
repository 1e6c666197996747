import type { ClusterRecord, EmulatorState, ImageRecord, InstanceRecord } from './emulatorState';
import { settleInstance } from './instanceLifecycle';

/**
 * The emulator's state plus the two things every access needs: due state transitions applied first, and every
 * change written through to the state file (when there is one).
 */
export class EmulatorStore {
  private state: EmulatorState;

  constructor(
    initial: EmulatorState,
    private readonly persist: ((state: EmulatorState) => void) | undefined,
    readonly now: () => number = Date.now,
  ) {
    this.state = initial;
  }

  /** The current state with due transitions applied. Callers that change it must call `commit()`. */
  current(): EmulatorState {
    this.settle();
    return this.state;
  }

  clusters(): ClusterRecord[] {
    return this.current().clusters;
  }

  cluster(id: string): ClusterRecord | undefined {
    return this.current().clusters.find((c) => c.id === id);
  }

  instance(id: string): InstanceRecord | undefined {
    return this.current().instances.find((i) => i.cloud_ml_id === id);
  }

  instanceOnCluster(clusterId: string): InstanceRecord | undefined {
    return this.current().instances.find((i) => i.cluster_id === clusterId);
  }

  image(id: string): ImageRecord | undefined {
    return this.current().images.find((i) => i.image_id === id);
  }

  /** Saves a change made to the records returned above. */
  commit(): void {
    this.persist?.(this.state);
  }

  /** Replaces the whole state (reset to the seed). */
  replace(state: EmulatorState): void {
    this.state = state;
    this.commit();
  }

  /** A deep copy for assertions: later changes do not leak into it. */
  snapshot(): EmulatorState {
    return structuredClone(this.current());
  }

  private settle(): void {
    const now = this.now();
    let changed = false;
    const remaining: InstanceRecord[] = [];
    for (const instance of this.state.instances) {
      const result = settleInstance(instance, now);
      changed ||= result.changed;
      if (result.exists) remaining.push(instance);
    }
    if (changed) {
      this.state.instances = remaining;
      this.commit();
    }
  }
}
