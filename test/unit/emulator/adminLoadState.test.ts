import assert from 'node:assert/strict';
import { adminCall } from '../../support/signedRequest';
import { call, emulatorPerTest, idOf } from './emulatorFixture';

describe('emulator admin: loadState', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('replaces the state with a changed snapshot, which the API then serves', async () => {
    const e = emulator();
    const state = e.admin.snapshot();
    state.clusters[0].name = '<img src=x onerror=alert(1)>';
    e.admin.loadState(state);
    const listed = (await call(e, '/v1/clusters?page=0&size=1')).json<{ clusters: { name: string }[] }>();
    assert.equal(listed.clusters[0].name, '<img src=x onerror=alert(1)>');
    state.clusters[0].name = 'changed after loading';
    assert.equal(e.admin.snapshot().clusters[0].name, '<img src=x onerror=alert(1)>', 'the loaded state is a copy');
  });

  it('refuses what is not a state, over HTTP too, and keeps the current one', async () => {
    const e = emulator();
    const before = e.admin.snapshot();
    assert.throws(() => e.admin.loadState({ ...before, clusters: [{ id: 'x' }] } as never), /Not an emulator state \(clusters\.0\./);
    const answer = await adminCall(e, 'loadState', { formatVersion: 99 });
    assert.equal(answer.status, 400);
    assert.match(answer.json<{ error: string }>().error, /^Not an emulator state/);
    assert.deepEqual(e.admin.snapshot(), before);
    assert.ok(idOf(e, 'ds-sandbox'));
  });

  it('loads over HTTP', async () => {
    const e = emulator();
    const state = e.admin.snapshot();
    state.images[0].image_name = 'Renamed over HTTP';
    const answer = await adminCall(e, 'loadState', state);
    assert.equal(answer.status, 200);
    assert.equal(e.admin.snapshot().images[0].image_name, 'Renamed over HTTP');
  });
});
