import type { InstanceRecord } from './emulatorState';

/**
 * The Cloud ML state machine, evaluated lazily: a mutation records WHEN the next state is due, and every read
 * applies what is due. No timers, so nothing to clean up and a restart from a state file just carries on.
 *
 *   create: CREATING --deploySeconds--> DEPLOYED
 *   update: UPDATING --deploySeconds--> DEPLOYED
 *   delete: DELETING --deploySeconds--> gone (404)
 */

export const DEPLOYED = 'DEPLOYED';
/** States in which the emulator refuses another mutation (DEPLOYING only arrives through forceState). */
export const TRANSITIONAL_STATES: readonly string[] = ['CREATING', 'UPDATING', 'DELETING', 'DEPLOYING'];

export function isTransitional(state: string): boolean {
  return TRANSITIONAL_STATES.includes(state.toUpperCase());
}

/** Starts a transition: the instance is `state` now and becomes `to` (`null` = removed) after `seconds`. */
export function beginTransition(instance: InstanceRecord, state: string, to: string | null, nowMs: number, seconds: number): void {
  instance.cloud_ml_state = state;
  instance.transition = { atMs: nowMs + Math.max(0, seconds) * 1000, to };
}

/** Applies a due transition. Returns false when the instance no longer exists (its deletion completed). */
export function settleInstance(instance: InstanceRecord, nowMs: number): { exists: boolean; changed: boolean } {
  const transition = instance.transition;
  if (!transition || nowMs < transition.atMs) return { exists: true, changed: false };
  if (transition.to === null) return { exists: false, changed: true };
  instance.cloud_ml_state = transition.to;
  instance.modified_dt = new Date(transition.atMs).toISOString();
  delete instance.transition;
  return { exists: true, changed: true };
}

/** Puts an instance in a state for good (admin forceState): no pending transition any more. */
export function forceInstanceState(instance: InstanceRecord, state: string, nowMs: number): void {
  instance.cloud_ml_state = state;
  instance.modified_dt = new Date(nowMs).toISOString();
  delete instance.transition;
}
