import type { Fault } from './fault';

interface QueuedFault {
  fault: Fault;
  remaining: number;
  pattern: RegExp | undefined;
}

/** What the queue hands to one request: extra delay, and at most one fault that changes the answer. */
export interface FaultsForRequest {
  extraLatencyMs: number;
  fault: Exclude<Fault, { kind: 'latency' }> | undefined;
}

/** Faults waiting for matching requests, consumed in the order they were injected. */
export class FaultQueue {
  private queued: QueuedFault[] = [];

  add(fault: Fault): void {
    const count = fault.count === undefined ? 1 : fault.count === -1 ? Infinity : fault.count;
    this.queued.push({ fault, remaining: count, pattern: fault.path === undefined ? undefined : compile(fault.path) });
  }

  clear(): void {
    this.queued = [];
  }

  /** The faults still waiting (for diagnostics). */
  pending(): Fault[] {
    return this.queued.map((q) => q.fault);
  }

  /** Takes (and counts down) the first matching latency fault and the first matching other fault. */
  take(method: string, pathAndQuery: string): FaultsForRequest {
    let extraLatencyMs = 0;
    let fault: FaultsForRequest['fault'];
    let latencyTaken = false;
    for (const entry of this.queued) {
      if (!matches(entry, method, pathAndQuery)) continue;
      const f = entry.fault;
      if (f.kind === 'latency') {
        if (latencyTaken) continue;
        latencyTaken = true;
        extraLatencyMs = f.ms;
      } else {
        if (fault) continue;
        fault = f;
      }
      entry.remaining--;
    }
    this.queued = this.queued.filter((entry) => entry.remaining > 0);
    return { extraLatencyMs, fault };
  }
}

function matches(entry: QueuedFault, method: string, pathAndQuery: string): boolean {
  const f = entry.fault;
  if (f.method !== undefined && f.method.toUpperCase() !== method.toUpperCase()) return false;
  if (f.path === undefined) return true;
  return pathAndQuery.includes(f.path) || (entry.pattern?.test(pathAndQuery) ?? false);
}

/** A path that is not a valid RegExp is still a valid substring. */
function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}
