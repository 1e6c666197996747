import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/startEmulator';
import { startEmulator } from '../../../src/emulator/startEmulator';
import type { RawResponse, SignedRequestOptions } from '../../support/signedRequest';
import { signedRequest } from '../../support/signedRequest';

/** A fresh emulator for every test of the enclosing describe, closed after it. */
export function emulatorPerTest(options: EmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeEach(async () => {
    running = await startEmulator(options);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return () => {
    if (!running) throw new Error('the emulator is only running inside a test');
    return running;
  };
}

/** A signed API call against a running emulator. */
export function call(emulator: RunningEmulator, pathAndQuery: string, options: SignedRequestOptions = {}): Promise<RawResponse> {
  return signedRequest(emulator, pathAndQuery, options);
}

/** A create body that the seeded emulator accepts on the free cluster (ds-sandbox). */
export function validCreateBody(emulator: RunningEmulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const state = emulator.admin.snapshot();
  const cluster = state.clusters.find((c) => c.name === 'ds-sandbox');
  const image = state.images.find((i) => i.copilot_enabled);
  if (!cluster || !image) throw new Error('the default seed changed: no ds-sandbox or no copilot image');
  return {
    cloud_ml_name: 'new-ml',
    cluster_id: cluster.id,
    image_id: image.image_id,
    domain_name: 'new-ml.cloudml.example.com',
    endpoint_type: 'PRIVATE',
    custom_registry_host: 'registry.example.com',
    custom_registry_access_key: 'REGKEY123',
    custom_registry_access_secret_key: 'registry-secret-value',
    description: 'created by a test',
    use_copilot: true,
    analytics_resource: { cpu: 2, gpu: '0', memory: 8 },
    application_resource: { cpu: 1, memory: 4 },
    copilot: { cpu: 2, gpu: '1', memory: 8 },
    tags: [{ key: 'team', value: 'qa' }],
    ...overrides,
  };
}

/** Polls `check` until it returns true, failing after `limitMs` with `what` (no timing is asserted). */
export async function eventually(what: string, check: () => Promise<boolean>, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls a synchronous condition, failing after `limitMs` so a broken emulator cannot hang the run. */
export async function waitUntil(what: string, condition: () => boolean, limitMs = 10_000): Promise<void> {
  await eventually(what, () => Promise.resolve(condition()), limitMs);
}

export function idOf(emulator: RunningEmulator, clusterName: string): string {
  const cluster = emulator.admin.snapshot().clusters.find((c) => c.name === clusterName);
  if (!cluster) throw new Error(`no seeded cluster ${clusterName}`);
  return cluster.id;
}

export function instanceIdOf(emulator: RunningEmulator, name: string): string {
  const instance = emulator.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
  if (!instance) throw new Error(`no Cloud ML named ${name}`);
  return instance.cloud_ml_id;
}
