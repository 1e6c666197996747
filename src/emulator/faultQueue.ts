import type { Fault } from './fault';
import { matchesFaultPath } from './fault';

interface QueuedFault {
  fault: Fault;
  remaining: number;
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
    this.queued.push({ fault, remaining: count });
  }

  clear(): void {
    this.queued = [];
  }

  /** The faults still waiting (for diagnostics). */
  pending(): Fault[] {
    return this.queued.map((q) => q.fault);
  }

  /** Takes (and counts down) the first matching latency fault and the first matching other fault. */
  take(method: string, pathname: string): FaultsForRequest {
    let extraLatencyMs = 0;
    let fault: FaultsForRequest['fault'];
    let latencyTaken = false;
    for (const entry of this.queued) {
      if (!matches(entry.fault, method, pathname)) continue;
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

function matches(fault: Fault, method: string, pathname: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  return matchesFaultPath(fault, pathname);
}
