import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../../src/emulator/startEmulator';
import type { ScpHttpClientOptions } from '../../../../src/scp/scpHttpClient';
import { testClient, type TestClient } from './testClient';

export interface EmulatorWithClient extends TestClient {
  emulator: RunningEmulator;
}

/**
 * The real emulator on a free loopback port for every test of the enclosing describe, with a client
 * signed with its credentials (fast retries, recording logger). Closed after each test.
 */
export function emulatorPerTest(options: EmulatorOptions = {}, clientOptions: Partial<ScpHttpClientOptions> = {}): () => EmulatorWithClient {
  let current: EmulatorWithClient | undefined;
  beforeEach(async () => {
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
    current = { emulator, ...testClient(emulator.url, { accessKey: emulator.accessKey, secretKey: emulator.secretKey }, clientOptions) };
  });
  afterEach(async () => {
    current?.client.dispose();
    await current?.emulator.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the emulator runs only inside a test');
    return current;
  };
}

export function clusterIdOf(emulator: RunningEmulator, name: string): string {
  const cluster = emulator.admin.snapshot().clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`no seeded cluster named ${name}`);
  return cluster.id;
}

export function instanceIdOf(emulator: RunningEmulator, name: string): string {
  const instance = emulator.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
  if (!instance) throw new Error(`no Cloud ML named ${name}`);
  return instance.cloud_ml_id;
}

/** How many requests the emulator counted for one route key, e.g. "GET /v1/cloud-ml/{id}". */
export function countOf(emulator: RunningEmulator, route: string): number {
  return emulator.admin.counters().byRoute[route] ?? 0;
}
