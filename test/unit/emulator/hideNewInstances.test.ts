import assert from 'node:assert/strict';
import { adminCall } from '../../support/signedRequest';
import { call, emulatorPerTest, eventually, idOf, instanceIdOf, validCreateBody } from './emulatorFixture';

describe('emulator admin: hideNewInstances (a new instance not visible to show yet, as SCP just after a create)', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  async function createOne(e: ReturnType<typeof emulator>): Promise<string> {
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    assert.equal(res.status, 200, res.text);
    return res.json().resource_id as string;
  }

  it('show answers 404 for a young instance while the cluster lookup and check-duplication see it; older ones stay visible', async () => {
    const e = emulator();
    e.admin.hideNewInstances(60);
    const created = await createOne(e);
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).status, 404);
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}`)).json().cloud_ml.cloud_ml_id, created);
    assert.deepEqual((await call(e, '/v1/cloud-ml/check-duplication?name=new-ml')).json(), { result: true });
    assert.equal((await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`)).status, 200, 'a seeded instance is not new');
    e.admin.hideNewInstances(0);
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).status, 200);
  });

  it('the instance shows up once it is older than the given seconds', async () => {
    const e = emulator();
    e.admin.hideNewInstances(0.3);
    const created = await createOne(e);
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).status, 404);
    await eventually('the new instance is visible', async () => (await call(e, `/v1/cloud-ml/${created}`)).status === 200);
  });

  it('is served over HTTP, and refuses a negative number of seconds', async () => {
    const e = emulator();
    assert.equal((await adminCall(e, 'hideNewInstances', { seconds: 60 })).status, 200);
    const created = await createOne(e);
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).status, 404);
    const refused = await adminCall(e, 'hideNewInstances', { seconds: -1 });
    assert.equal(refused.status, 400);
    assert.match(refused.json().error, /Invalid seconds/);
    assert.throws(() => e.admin.hideNewInstances(-1), /seconds must be a number of 0 or more/);
    assert.equal((await adminCall(e, 'hideNewInstances', { seconds: 0 })).status, 200);
    assert.equal((await call(e, `/v1/cloud-ml/${created}`)).status, 200);
  });
});
