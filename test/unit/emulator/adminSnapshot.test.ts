import assert from 'node:assert/strict';
import { REDACTED } from '../../../src/emulator/secretRedaction';
import { adminCall } from '../../support/signedRequest';
import { call, emulatorPerTest, validCreateBody } from './emulatorFixture';

const REGISTRY_SECRET = 'registry-secret-value';

describe('emulator admin: snapshot over HTTP', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('redacts secret-named fields of the kept create requests, as the state file does; in-process stays exact', async () => {
    const e = emulator();
    const body = validCreateBody(e, { custom_registry_access_secret_key: REGISTRY_SECRET, nested: { clientSecret: 'nested-secret-value', plain: 'kept' } });
    assert.equal((await call(e, '/v1/cloud-ml', { method: 'POST', body })).status, 200);
    const res = await adminCall(e, 'snapshot');
    assert.equal(res.status, 200);
    assert.ok(!res.text.includes(REGISTRY_SECRET), 'no registry secret in clear');
    assert.ok(!res.text.includes('nested-secret-value'), 'no nested secret in clear');
    const kept = res.json().instances.find((i: { cloud_ml_name: string }) => i.cloud_ml_name === 'new-ml').createRequest;
    assert.equal(kept.custom_registry_access_secret_key, REDACTED);
    assert.deepEqual(kept.nested, { clientSecret: REDACTED, plain: 'kept' });
    assert.equal(kept.custom_registry_access_key, 'REGKEY123', 'other fields as sent');
    const inProcess = e.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'new-ml')?.createRequest;
    assert.equal(inProcess?.custom_registry_access_secret_key, REGISTRY_SECRET, 'in-process code still sees what the client sent');
  });

  it('a redacted snapshot loads back and serves the same instances', async () => {
    const e = emulator();
    await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e) });
    const snapshot = (await adminCall(e, 'snapshot')).json();
    e.admin.reset();
    assert.equal((await adminCall(e, 'loadState', snapshot)).status, 200);
    const created = e.admin.snapshot().instances.find((i) => i.cloud_ml_name === 'new-ml');
    assert.ok(created, 'the created instance is back');
    assert.equal(created.createRequest.custom_registry_access_secret_key, REDACTED, 'the placeholder, as after a restart from the state file');
    assert.equal((await call(e, `/v1/cloud-ml/${created.cloud_ml_id}`)).json().cloud_ml_name, 'new-ml');
  });
});
