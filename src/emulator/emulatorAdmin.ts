import { clusterEstimateSchema, emulatorStateSchema, type ClusterEstimate, type EmulatorState } from './emulatorState';
import type { EmulatorStore } from './emulatorStore';
import type { Fault } from './fault';
import { parseFault } from './fault';
import type { FaultQueue } from './faultQueue';
import { forceInstanceState } from './instanceLifecycle';
import type { RequestCounters, RequestCounts } from './requestCounters';
import type { LastRequestHeaders, RequestHeaderLog } from './requestHeaderLog';

/** Every API answer waits fixedMs + a random share of randomMs. */
export interface LatencySetting {
  fixedMs: number;
  randomMs: number;
}

/** The emulator's knobs that tests and the CLI turn at run time. */
export interface EmulatorSettings {
  latency: LatencySetting;
  cloudMlDisabled: boolean;
  deploySeconds: number;
  /** See newInstanceVisibility.ts. */
  hideNewInstancesSeconds: number;
}

/**
 * Test control of a running emulator, in-process; the same operations are served over HTTP under /_emulator/
 * (see adminHttpApi.ts). Invalid arguments throw EmulatorAdminError.
 */
export interface EmulatorAdmin {
  setLatency(latency: LatencySetting): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  counters(): RequestCounts;
  /** Zeroes the counters and forgets the recorded request headers. */
  resetCounters(): void;
  /** The headers of the latest API request per route key (as in counters().byRoute), signature left out. */
  lastRequestHeaders(): LastRequestHeaders;
  /** Back to the seed (the state file is rewritten); faults, counters and settings are kept. */
  reset(): void;
  setCloudMlDisabled(disabled: boolean): void;
  /** Puts an instance in a state for good (no pending transition), e.g. 'ERROR'. */
  forceState(cloudMlId: string, state: string): void;
  /** Empty exceptions = releasable. */
  setReleasable(clusterId: string, exceptions: string[]): void;
  /** Replaces what a cluster can give to Cloud ML (the estimate call's answer and the create checks). */
  setEstimate(clusterId: string, estimate: ClusterEstimate): void;
  /** Applies to transitions started from now on. Fractions allowed. */
  setDeploySeconds(seconds: number): void;
  /** From now on show answers 404 for an instance until it is this old (as SCP just after a create); 0 = off. */
  hideNewInstances(seconds: number): void;
  /** A deep copy of the whole state, including every create request exactly as received. */
  snapshot(): EmulatorState;
  /**
   * Replaces the whole state with one given (validated like a state file), e.g. a snapshot with odd names or
   * descriptions for the security tests; faults, counters and settings are kept.
   */
  loadState(state: EmulatorState): void;
}

export class EmulatorAdminError extends Error {
  constructor(
    message: string,
    /** The HTTP status the admin API answers with. */
    readonly status: 400 | 404,
  ) {
    super(message);
    this.name = 'EmulatorAdminError';
  }
}

export interface EmulatorAdminParts {
  store: EmulatorStore;
  faults: FaultQueue;
  counters: RequestCounters;
  headers: RequestHeaderLog;
  settings: EmulatorSettings;
  seed: () => EmulatorState;
}

export function createEmulatorAdmin(parts: EmulatorAdminParts): EmulatorAdmin {
  const { store, faults, counters, headers, settings } = parts;
  return {
    setLatency(latency) {
      const fixedMs = nonNegative(latency.fixedMs, 'fixedMs');
      const randomMs = nonNegative(latency.randomMs, 'randomMs');
      settings.latency = { fixedMs, randomMs };
    },
    injectFault(fault) {
      const parsed = parseFault(fault);
      if (!parsed.ok) throw new EmulatorAdminError(parsed.message, 400);
      faults.add(parsed.fault);
    },
    clearFaults: () => faults.clear(),
    counters: () => counters.snapshot(),
    resetCounters: () => {
      counters.reset();
      headers.clear();
    },
    lastRequestHeaders: () => headers.snapshot(),
    reset: () => store.replace(parts.seed()),
    setCloudMlDisabled(disabled) {
      settings.cloudMlDisabled = disabled;
    },
    forceState(cloudMlId, state) {
      if (typeof state !== 'string' || state.trim() === '') throw new EmulatorAdminError('forceState needs a non-empty state.', 400);
      const instance = store.instance(cloudMlId);
      if (!instance) throw new EmulatorAdminError(`No Cloud ML instance has the id ${cloudMlId}.`, 404);
      forceInstanceState(instance, state, store.now());
      store.commit();
    },
    setReleasable(clusterId, exceptions) {
      if (!Array.isArray(exceptions) || exceptions.some((e) => typeof e !== 'string')) {
        throw new EmulatorAdminError('setReleasable needs a list of exception texts.', 400);
      }
      const cluster = store.cluster(clusterId);
      if (!cluster) throw new EmulatorAdminError(`No cluster has the id ${clusterId}.`, 404);
      cluster.releaseExceptions = [...exceptions];
      store.commit();
    },
    setEstimate(clusterId, estimate) {
      const parsed = clusterEstimateSchema.safeParse(estimate);
      if (!parsed.success) throw new EmulatorAdminError('setEstimate needs analytics {cpu, gpu, memory}, application {cpu, memory} and copilot {cpu, gpu, memory} as numbers.', 400);
      const cluster = store.cluster(clusterId);
      if (!cluster) throw new EmulatorAdminError(`No cluster has the id ${clusterId}.`, 404);
      cluster.estimate = structuredClone(parsed.data);
      store.commit();
    },
    setDeploySeconds(seconds) {
      settings.deploySeconds = nonNegative(seconds, 'seconds');
    },
    hideNewInstances(seconds) {
      settings.hideNewInstancesSeconds = nonNegative(seconds, 'seconds');
    },
    snapshot: () => store.snapshot(),
    loadState(state) {
      const parsed = emulatorStateSchema.safeParse(state);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new EmulatorAdminError(`Not an emulator state (${issue?.path.map(String).join('.') || 'root'}: ${issue?.message ?? 'unknown problem'}).`, 400);
      }
      store.replace(structuredClone(parsed.data));
    },
  };
}

function nonNegative(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new EmulatorAdminError(`${name} must be a number of 0 or more.`, 400);
  }
  return value;
}
