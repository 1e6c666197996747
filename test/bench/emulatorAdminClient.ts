import type { RequestCounts } from '../../src/emulator/requestCounters';

/**
 * The emulator's admin API over HTTP (/_emulator/...), for code in the extension host that drives an emulator
 * running in the bench runner's process: keeping the emulator out of the extension host keeps its state out of
 * the heap being measured.
 */
export class EmulatorAdminClient {
  constructor(private readonly baseUrl: string) {}

  setLatency(fixedMs: number): Promise<unknown> {
    return this.call('POST', 'setLatency', { fixedMs, randomMs: 0 });
  }

  counters(): Promise<RequestCounts> {
    return this.call('GET', 'counters') as Promise<RequestCounts>;
  }

  resetCounters(): Promise<unknown> {
    return this.call('POST', 'resetCounters');
  }

  reset(): Promise<unknown> {
    return this.call('POST', 'reset');
  }

  private async call(method: 'GET' | 'POST', operation: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/_emulator/${operation}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const result: unknown = await response.json();
    if (!response.ok) throw new Error(`The emulator admin call ${operation} failed with HTTP ${response.status}: ${JSON.stringify(result)}`);
    return result;
  }
}
