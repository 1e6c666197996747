import { ADMIN_TOKEN_HEADER } from '../../src/emulator/adminToken';
import type { RequestCounts } from '../../src/emulator/requestCounters';
import type { BenchEmulator } from './hostReport';

/**
 * The emulator's admin API over HTTP (/_emulator/...), for code in the extension host that drives an emulator
 * running in the bench runner's process: keeping the emulator out of the extension host keeps its state out of
 * the heap being measured. Sends the emulator's admin token, and no Origin (Node's fetch sets none).
 */
export class EmulatorAdminClient {
  constructor(private readonly emulator: Pick<BenchEmulator, 'url' | 'adminToken'>) {}

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
    const response = await fetch(`${this.emulator.url}/_emulator/${operation}`, {
      method,
      headers: { [ADMIN_TOKEN_HEADER]: this.emulator.adminToken, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const result: unknown = await response.json();
    if (!response.ok) throw new Error(`The emulator admin call ${operation} failed with HTTP ${response.status}: ${JSON.stringify(result)}`);
    return result;
  }
}
