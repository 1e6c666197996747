import assert from 'node:assert/strict';
import { EmulatorStore } from '../../../src/emulator/emulatorStore';
import { beginTransition, forceInstanceState, isTransitional } from '../../../src/emulator/instanceLifecycle';
import { seedState } from '../../../src/emulator/seedData';
import { call, emulatorPerTest, eventually, instanceIdOf, validCreateBody } from './emulatorFixture';

describe('emulator state machine (lazy, on a controlled clock)', () => {
  it('moves CREATING to DEPLOYED exactly when deploySeconds have passed, and DELETING to gone', () => {
    let now = 1_000_000;
    const store = new EmulatorStore(seedState(), undefined, () => now);
    const instance = store.current().instances[0];
    beginTransition(instance, 'CREATING', 'DEPLOYED', now, 2.5);
    now += 2499;
    assert.equal(store.instance(instance.cloud_ml_id)?.cloud_ml_state, 'CREATING');
    now += 1;
    assert.equal(store.instance(instance.cloud_ml_id)?.cloud_ml_state, 'DEPLOYED');
    assert.equal(store.instance(instance.cloud_ml_id)?.transition, undefined);

    beginTransition(instance, 'DELETING', null, now, 1);
    assert.equal(store.instance(instance.cloud_ml_id)?.cloud_ml_state, 'DELETING');
    now += 1000;
    assert.equal(store.instance(instance.cloud_ml_id), undefined);
    assert.equal(store.current().instances.length, 2);
  });

  it('writes the state through when a transition completes', () => {
    let now = 0;
    const writes: number[] = [];
    const store = new EmulatorStore(seedState(), (s) => writes.push(s.instances.length), () => now);
    beginTransition(store.current().instances[0], 'DELETING', null, now, 1);
    store.current();
    assert.deepEqual(writes, []);
    now = 1000;
    store.current();
    assert.deepEqual(writes, [2]);
  });

  it('forceState clears the pending transition, so the forced state stays', () => {
    let now = 0;
    const store = new EmulatorStore(seedState(), undefined, () => now);
    const instance = store.current().instances[0];
    beginTransition(instance, 'CREATING', 'DEPLOYED', now, 1);
    forceInstanceState(instance, 'ERROR', now);
    now = 60_000;
    assert.equal(store.instance(instance.cloud_ml_id)?.cloud_ml_state, 'ERROR');
  });

  it('knows which states are transitional (RUNNING is not, although it ends in ING)', () => {
    for (const s of ['CREATING', 'UPDATING', 'DELETING', 'DEPLOYING', 'creating']) assert.equal(isTransitional(s), true, s);
    for (const s of ['DEPLOYED', 'RUNNING', 'ERROR', 'FAILED']) assert.equal(isTransitional(s), false, s);
  });
});

describe('emulator state machine over HTTP', () => {
  const emulator = emulatorPerTest({ deploySeconds: 0.3 });

  async function stateOf(id: string): Promise<string | 404> {
    const res = await call(emulator(), `/v1/cloud-ml/${id}`);
    return res.status === 404 ? 404 : (res.json().cloud_ml_state as string);
  }

  it('create -> CREATING -> DEPLOYED, update -> UPDATING -> DEPLOYED, delete -> DELETING -> 404', async () => {
    const e = emulator();
    e.admin.setDeploySeconds(30);
    const id = (await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) })).json().resource_id as string;
    assert.equal(await stateOf(id), 'CREATING');
    // Skip the long deployment; the transitions started from now on are short.
    e.admin.setDeploySeconds(0.2);
    e.admin.forceState(id, 'DEPLOYED');

    assert.equal((await call(e, `/v1/cloud-ml/${id}`, { method: 'PUT', body: { description: 'changed' } })).status, 202);
    assert.equal(await stateOf(id), 'UPDATING');
    await eventually('UPDATING -> DEPLOYED', async () => (await stateOf(id)) === 'DEPLOYED');

    assert.equal((await call(e, `/v1/cloud-ml/${id}`, { method: 'DELETE' })).status, 202);
    await eventually('DELETING -> 404', async () => (await stateOf(id)) === 404);
    const gone = await call(e, `/v1/cloud-ml/${id}`);
    assert.equal(gone.json().errors[0].code, 'NotFound');
    assert.equal((await call(e, '/v1/cloud-ml/check-duplication?name=new-ml')).json().result, false, 'the name is free again');
  });

  it('a created instance reaches DEPLOYED on its own after deploySeconds', async () => {
    const e = emulator();
    const id = (await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) })).json().resource_id as string;
    await eventually('CREATING -> DEPLOYED', async () => (await stateOf(id)) === 'DEPLOYED');
  });

  it('refuses a second mutation while the first is in flight, and accepts it once settled', async () => {
    const e = emulator();
    e.admin.setDeploySeconds(30);
    const id = instanceIdOf(e, 'ml-prod');
    assert.equal((await call(e, `/v1/cloud-ml/${id}`, { method: 'PUT', body: { description: 'one' } })).status, 202);
    const second = await call(e, `/v1/cloud-ml/${id}`, { method: 'PUT', body: { description: 'two' } });
    assert.equal(second.status, 400);
    assert.match(second.json().errors[0].detail, /UPDATING: an operation is in progress/);
    assert.equal((await call(e, `/v1/cloud-ml/${id}`, { method: 'DELETE' })).status, 400);
    e.admin.forceState(id, 'DEPLOYED');
    assert.equal((await call(e, `/v1/cloud-ml/${id}`, { method: 'DELETE' })).status, 202);
  });

  it('keeps the seeded CREATING instance CREATING (a long deployment) until forced', async () => {
    const e = emulator();
    const id = instanceIdOf(e, 'analytics-dev-ml');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(await stateOf(id), 'CREATING');
    e.admin.forceState(id, 'ERROR');
    assert.equal(await stateOf(id), 'ERROR');
    const detail = (await call(e, `/v1/cloud-ml/${id}`)).json();
    assert.equal(detail.cluster_request_failed, true);
  });

  it('forceState puts a transitional instance in ERROR for good', async () => {
    const e = emulator();
    e.admin.setDeploySeconds(0.2);
    const id = (await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) })).json().resource_id as string;
    e.admin.forceState(id, 'ERROR');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await stateOf(id), 'ERROR');
    assert.throws(() => e.admin.forceState('nope', 'ERROR'), /No Cloud ML instance has the id nope/);
  });
});
