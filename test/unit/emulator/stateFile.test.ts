import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/emulator/startEmulator';
import type { RunningEmulator } from '../../../src/emulator/startEmulator';
import { REDACTED } from '../../../src/emulator/secretRedaction';
import { readStateFile, writeStateFile } from '../../../src/emulator/stateFile';
import { seedState } from '../../../src/emulator/seedData';
import { call, eventually, validCreateBody } from './emulatorFixture';

describe('emulator state file', () => {
  let folder: string;
  let file: string;
  const running: RunningEmulator[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'scp-emulator-state-'));
    file = join(folder, 'state.json');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
    rmSync(folder, { recursive: true, force: true });
  });

  async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
    const e = await startEmulator({ stateFile: file, ...options });
    running.push(e);
    return e;
  }

  it('is written at start, carries changes across a restart, and leaves no temporary files', async () => {
    const first = await start({ deploySeconds: 60 });
    assert.deepEqual(readStateFile(file), first.admin.snapshot(), 'the seed is written at start');
    const id = (await call(first, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(first) })).json().resource_id as string;
    await call(first, `/v1/cloud-ml/${first.admin.snapshot().instances[0].cloud_ml_id}`, { method: 'PUT', body: { description: 'kept' } });
    first.admin.setReleasable(first.admin.snapshot().clusters[0].id, ['kept too']);
    const before = first.admin.snapshot();
    await first.close();

    // Another seed and cluster count: the file wins over both.
    const second = await start({ seed: 999, clusters: 50 });
    const after = second.admin.snapshot();
    assert.equal(after.clusters.length, 6);
    assert.deepEqual(after.clusters, before.clusters);
    assert.deepEqual(after.images, before.images);
    assert.equal((await call(second, `/v1/cloud-ml/${id}`)).json().cloud_ml_state, 'CREATING');
    assert.equal(after.instances[0].description, 'kept');
    assert.deepEqual(readdirSync(folder), ['state.json']);
  });

  it('never holds the registry secret: fields named *secret* are redacted on disk', async () => {
    const e = await start();
    await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('registry-secret-value'));
    const kept = readStateFile(file)!.instances.find((i) => i.cloud_ml_name === 'new-ml');
    assert.equal(kept?.createRequest.custom_registry_access_secret_key, REDACTED);
    assert.equal(kept?.createRequest.custom_registry_access_key, 'REGKEY123');
    assert.equal(e.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'new-ml')?.createRequest.custom_registry_access_secret_key, 'registry-secret-value', 'in memory it is kept as received');
  });

  it('lets transitions finish across a restart (they are stored as due times)', async () => {
    const first = await start({ deploySeconds: 0.3 });
    const id = (await call(first, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(first) })).json().resource_id as string;
    await first.close();
    const second = await start();
    await eventually('DEPLOYED after the restart', async () => (await call(second, `/v1/cloud-ml/${id}`)).json().cloud_ml_state === 'DEPLOYED');
  });

  it('reset() rewrites the file with the seed', async () => {
    const e = await start({ seed: 5 });
    await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    e.admin.reset();
    assert.deepEqual(readStateFile(file), seedState({ seed: 5 }));
  });

  it('writes atomically: a new file replaces the old one (temp + rename), never an in-place rewrite', () => {
    writeStateFile(file, seedState({ seed: 1 }));
    const firstInode = statSync(file).ino;
    writeStateFile(file, seedState({ seed: 2 }));
    assert.notEqual(statSync(file).ino, firstInode);
    assert.deepEqual(readStateFile(file), seedState({ seed: 2 }));
    assert.deepEqual(readdirSync(folder), ['state.json']);
  });

  it('refuses a file that is not JSON or not an emulator state, in one sentence', async () => {
    writeFileSync(file, '{ not json');
    await assert.rejects(start(), /state file .* is not valid JSON .*; delete it or pass another --state-file\.$/);
    writeFileSync(file, JSON.stringify({ formatVersion: 1, clusters: 'many' }));
    await assert.rejects(start(), /is not an emulator state \(problem at projectId\)/);
    assert.equal(readStateFile(join(folder, 'absent.json')), undefined);
  });
});
