import assert from 'node:assert/strict';
import { call, emulatorPerTest, idOf, instanceIdOf, validCreateBody } from './emulatorFixture';

/** The field names of CloudMLDetailResponse in the reference, exactly. */
const DETAIL_FIELDS = [
  'cloud_ml_id', 'cloud_ml_name', 'cloud_ml_state', 'cluster_id', 'cluster_name', 'cluster_permission', 'cluster_request_failed',
  'copilot_enabled', 'created_by', 'created_dt', 'custom_registry_access_key', 'custom_registry_host', 'description',
  'display_version', 'domain_name', 'endpoint_ip_address', 'endpoint_type', 'image_id', 'image_name', 'modified_by',
  'modified_dt', 'namespace_name', 'product_group_id', 'project_id', 'request_id', 'resource_limit_text',
  'resource_request_text', 'storage_class_name',
].sort();

function details(body: { errors: { detail: string }[] }): string[] {
  return body.errors.map((e) => e.detail);
}

describe('emulator Cloud ML read operations', () => {
  const emulator = emulatorPerTest();

  it('lists the four images with total_count', async () => {
    const res = await call(emulator(), '/v1/cloud-ml/images');
    assert.equal(res.status, 200);
    const body = res.json();
    assert.equal(body.total_count, 4);
    assert.equal(body.contents.length, 4);
    for (const image of body.contents) {
      assert.deepEqual(Object.keys(image).sort(), ['copilot_enabled', 'display_version', 'image_id', 'image_name', 'k8s_version']);
    }
    assert.equal(body.contents.filter((i: { copilot_enabled: boolean }) => i.copilot_enabled).length, 2);
  });

  it('check-duplication: true for a taken name or domain, false for a free one', async () => {
    const dup = async (query: string): Promise<unknown> => (await call(emulator(), `/v1/cloud-ml/check-duplication?${query}`)).json().result;
    assert.equal(await dup('name=ml-prod'), true);
    assert.equal(await dup('name=free-name'), false);
    assert.equal(await dup('domain_name=ml-prod.cloudml.example.com'), true);
    assert.equal(await dup('domain_name=free.example.com'), false);
  });

  for (const query of ['', '?name=a&domain_name=b', '?name=', '?name=a&name=b']) {
    it(`check-duplication answers 400 unless exactly one of name / domain_name is given ("${query}")`, async () => {
      const res = await call(emulator(), `/v1/cloud-ml/check-duplication${query}`);
      assert.equal(res.status, 400);
      assert.equal(res.json().errors.length, 1);
    });
  }

  it('estimate: per-cluster values as strings, the copilot block only with use_copilot=true', async () => {
    const e = emulator();
    const cluster = e.admin.snapshot().clusters.find((c) => c.name === 'ds-sandbox')!;
    const plain = (await call(e, `/v1/cloud-ml/clusters/${cluster.id}/estimate?use_copilot=false`)).json();
    assert.deepEqual(plain, {
      analytics: { cpu: String(cluster.estimate.analytics.cpu), gpu: String(cluster.estimate.analytics.gpu), memory: String(cluster.estimate.analytics.memory) },
      application: { cpu: String(cluster.estimate.application.cpu), memory: String(cluster.estimate.application.memory) },
      copilot: {},
    });
    const withCopilot = (await call(e, `/v1/cloud-ml/clusters/${cluster.id}/estimate?use_copilot=true`)).json();
    assert.deepEqual(withCopilot.copilot, { cpu: String(cluster.estimate.copilot.cpu), gpu: String(cluster.estimate.copilot.gpu), memory: String(cluster.estimate.copilot.memory) });
    assert.deepEqual((await call(e, `/v1/cloud-ml/clusters/${cluster.id}/estimate`)).json(), plain);
  });

  it('estimate: differs between clusters, 400 for a bad use_copilot, 404 for an unknown cluster', async () => {
    const e = emulator();
    const estimates = new Set<string>();
    for (const c of e.admin.snapshot().clusters) estimates.add((await call(e, `/v1/cloud-ml/clusters/${c.id}/estimate`)).text);
    assert.ok(estimates.size > 1);
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}/estimate?use_copilot=maybe`)).status, 400);
    assert.equal((await call(e, '/v1/cloud-ml/clusters/ffffffffffffffffffffffffffffffff/estimate')).status, 404);
  });

  it('check-releasable: releasable by default, then not with the configured exceptions, then releasable again', async () => {
    const e = emulator();
    const id = idOf(e, 'ml-prod-cluster');
    assert.deepEqual((await call(e, `/v1/cloud-ml/clusters/${id}/check-releasable`)).json(), { result: true, exceptions: [] });
    e.admin.setReleasable(id, ['Notebook servers are still running', 'A model is being served']);
    assert.deepEqual((await call(e, `/v1/cloud-ml/clusters/${id}/check-releasable`)).json(), {
      result: false,
      exceptions: ['Notebook servers are still running', 'A model is being served'],
    });
    assert.deepEqual((await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}/check-releasable`)).json().result, true, 'per cluster');
    e.admin.setReleasable(id, []);
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${id}/check-releasable`)).json().result, true);
    assert.equal((await call(e, '/v1/cloud-ml/clusters/ffffffffffffffffffffffffffffffff/check-releasable')).status, 404);
  });

  it('cluster product: the Cloud ML on a cluster in detail shape, an empty cloud_ml on a cluster without one', async () => {
    const e = emulator();
    const withOne = (await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ml-prod-cluster')}`)).json();
    assert.deepEqual(Object.keys(withOne.cloud_ml).sort(), DETAIL_FIELDS);
    assert.equal(withOne.cloud_ml.cloud_ml_name, 'ml-prod');
    assert.equal(withOne.cloud_ml_common.cluster_name, 'ml-prod-cluster');
    const without = (await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}`)).json();
    assert.deepEqual(without.cloud_ml, {});
    assert.equal(without.cloud_ml_common.cloud_ml_installed, false);
    assert.equal((await call(e, '/v1/cloud-ml/clusters/ffffffffffffffffffffffffffffffff')).status, 404);
  });

  it('show: the detail response with exactly the reference fields, never the registry secret', async () => {
    const e = emulator();
    const res = await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`);
    assert.equal(res.status, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), DETAIL_FIELDS);
    assert.equal(body.cloud_ml_state, 'DEPLOYED');
    assert.equal(body.cluster_name, 'ml-prod-cluster');
    assert.equal(body.copilot_enabled, true);
    assert.match(body.resource_request_text, /^analytics: cpu \d+, gpu \d+, memory \d+Gi; application: cpu \d+, memory \d+Gi; copilot: /);
    assert.ok(!/secret/i.test(res.text));
  });

  it('show: a missing instance is a 404 in the standard shape (not the gateway one)', async () => {
    const res = await call(emulator(), '/v1/cloud-ml/0123456789abcdef0123456789abcdef');
    assert.equal(res.status, 404);
    assert.equal(res.json().errors[0].code, 'NotFound');
    assert.equal(res.json().errors[0].request_id, res.headers['x-request-id']);
  });
});

describe('emulator Cloud ML create', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('creates on a RUNNING cluster without Cloud ML: 200 with ids, CREATING, the request kept exactly', async () => {
    const e = emulator();
    const body = validCreateBody(e, { product_group_id: 'pg-1', custom_registry_access_project_id: 'proj-1', custom_registry_access_region: 'kr-west1' });
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body });
    assert.equal(res.status, 200);
    const created = res.json();
    assert.deepEqual(Object.keys(created).sort(), ['project_id', 'request_id', 'resource_id']);
    assert.equal(created.request_id, res.headers['x-request-id']);
    assert.equal(created.project_id, e.admin.snapshot().projectId);

    const detail = (await call(e, `/v1/cloud-ml/${created.resource_id}`)).json();
    assert.equal(detail.cloud_ml_state, 'CREATING');
    assert.equal(detail.cloud_ml_name, 'new-ml');
    assert.equal(detail.cluster_name, 'ds-sandbox');
    assert.equal(detail.description, 'created by a test');
    assert.equal(detail.product_group_id, 'pg-1');
    assert.equal(detail.custom_registry_access_key, 'REGKEY123');
    assert.ok(!res.text.includes('registry-secret-value') && !JSON.stringify(detail).includes('registry-secret-value'));

    const kept = e.admin.snapshot().instances.find((i) => i.cloud_ml_id === created.resource_id);
    assert.deepEqual(kept?.createRequest, body);
    assert.equal((await call(e, '/v1/cloud-ml/check-duplication?name=new-ml')).json().result, true);
    assert.equal((await call(e, `/v1/cloud-ml/clusters/${idOf(e, 'ds-sandbox')}`)).json().cloud_ml.cloud_ml_id, created.resource_id);
  });

  it('creates with only the required fields (resources default, copilot off)', async () => {
    const e = emulator();
    const full = validCreateBody(e);
    const minimal = Object.fromEntries(
      ['cloud_ml_name', 'cluster_id', 'image_id', 'domain_name', 'endpoint_type', 'custom_registry_host', 'custom_registry_access_key', 'custom_registry_access_secret_key'].map((k) => [k, full[k]]),
    );
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: minimal });
    assert.equal(res.status, 200, res.text);
    const detail = (await call(e, `/v1/cloud-ml/${res.json().resource_id}`)).json();
    assert.equal(detail.copilot_enabled, false);
    assert.equal(detail.description, '');
  });

  it('answers 400 with one errors[] entry per bad field, naming each, and creates nothing', async () => {
    const e = emulator();
    const body = validCreateBody(e, { cloud_ml_name: 'Bad_Name', domain_name: 'x', endpoint_type: 'INTERNAL', analytics_resource: { cpu: -1, gpu: 'one', memory: 8 } });
    delete body.custom_registry_host;
    delete body.custom_registry_access_secret_key;
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body });
    assert.equal(res.status, 400);
    const fields = details(res.json()).map((d) => d.split(' ')[0]);
    assert.deepEqual(fields.sort(), [
      'analytics_resource.cpu', 'analytics_resource.gpu', 'cloud_ml_name', 'custom_registry_access_secret_key', 'custom_registry_host', 'domain_name', 'endpoint_type',
    ]);
    assert.ok(details(res.json()).includes('custom_registry_host is required'));
    assert.ok(res.json().errors.every((err: { code: string }) => err.code === 'InvalidParameter'));
    assert.equal(e.admin.snapshot().instances.length, 3);
  });

  it('answers 400 for a body that is not JSON, or not an object', async () => {
    const e = emulator();
    const notJson = await call(e, '/v1/cloud-ml', { method: 'POST', body: '{"cloud_ml_name": ' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.json().errors.length, 1);
    const array = await call(e, '/v1/cloud-ml', { method: 'POST', body: [] });
    assert.equal(array.status, 400);
    assert.deepEqual(details(array.json()), ['body must be an object']);
  });

  it('answers 400 for a taken name and a taken domain (one entry each)', async () => {
    const e = emulator();
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e, { cloud_ml_name: 'ml-prod', domain_name: 'recsys-ml.cloudml.example.com' }) });
    assert.equal(res.status, 400);
    assert.deepEqual(details(res.json()), ['cloud_ml_name is already taken (ml-prod)', 'domain_name is already taken (recsys-ml.cloudml.example.com)']);
  });

  for (const [cluster, why] of [
    ['ml-prod-cluster', /already has a Cloud ML/],
    ['vision-train', /is CREATING; Cloud ML needs a RUNNING cluster/],
    ['legacy-batch', /is ERROR; Cloud ML needs a RUNNING cluster/],
  ] as const) {
    it(`refuses to create on ${cluster} (${String(why)})`, async () => {
      const e = emulator();
      const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e, { cluster_id: idOf(e, cluster) }) });
      assert.equal(res.status, 400);
      assert.match(details(res.json())[0] ?? '', why);
    });
  }

  it('refuses an unknown cluster or image, and copilot with an image that cannot do it', async () => {
    const e = emulator();
    const plainImage = e.admin.snapshot().images.find((i) => !i.copilot_enabled)!;
    const res = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e, { cluster_id: 'nope', image_id: plainImage.image_id }) });
    assert.deepEqual(details(res.json()).map((d) => d.split(' ')[0]), ['cluster_id', 'use_copilot']);
    const unknownImage = await call(e, '/v1/cloud-ml', { method: 'POST', body: validCreateBody(e, { image_id: 'nope' }) });
    assert.deepEqual(details(unknownImage.json()).map((d) => d.split(' ')[0]), ['image_id']);
  });

  it('refuses resources above the cluster estimate, one entry per field', async () => {
    const e = emulator();
    const estimate = e.admin.snapshot().clusters.find((c) => c.name === 'ds-sandbox')!.estimate;
    const res = await call(e, '/v1/cloud-ml', {
      method: 'POST',
      body: validCreateBody(e, {
        analytics_resource: { cpu: estimate.analytics.cpu + 1, gpu: String(estimate.analytics.gpu), memory: estimate.analytics.memory },
        application_resource: { cpu: estimate.application.cpu, memory: estimate.application.memory + 1 },
        copilot: { cpu: estimate.copilot.cpu, gpu: String(estimate.copilot.gpu + 1), memory: estimate.copilot.memory },
      }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(details(res.json()), [
      `analytics_resource.cpu must be at most ${estimate.analytics.cpu} (the cluster estimate)`,
      `application_resource.memory must be at most ${estimate.application.memory} (the cluster estimate)`,
      `copilot.gpu must be at most ${estimate.copilot.gpu} (the cluster estimate)`,
    ]);
    const atTheLimit = await call(e, '/v1/cloud-ml', {
      method: 'POST',
      body: validCreateBody(e, { analytics_resource: { cpu: estimate.analytics.cpu, gpu: String(estimate.analytics.gpu), memory: estimate.analytics.memory } }),
    });
    assert.equal(atTheLimit.status, 200, atTheLimit.text);
  });
});

describe('emulator Cloud ML update and delete', () => {
  const emulator = emulatorPerTest({ deploySeconds: 60 });

  it('update: 202 with the detail, UPDATING, only the description changed', async () => {
    const e = emulator();
    const id = instanceIdOf(e, 'ml-prod');
    const before = (await call(e, `/v1/cloud-ml/${id}`)).json();
    const res = await call(e, `/v1/cloud-ml/${id}`, { method: 'PUT', body: { description: 'new words' } });
    assert.equal(res.status, 202);
    const after = res.json();
    assert.deepEqual(Object.keys(after).sort(), DETAIL_FIELDS);
    assert.equal(after.cloud_ml_state, 'UPDATING');
    assert.equal(after.description, 'new words');
    const unchanged = (o: Record<string, unknown>): Record<string, unknown> => {
      const { description: _d, cloud_ml_state: _s, modified_dt: _m, request_id: _r, ...rest } = o;
      return rest;
    };
    assert.deepEqual(unchanged(after), unchanged(before));
  });

  it('update: 400 per bad field, 404 for a missing instance', async () => {
    const e = emulator();
    const bad = await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`, { method: 'PUT', body: { description: 42 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(details(bad.json()), ['description must be a string']);
    assert.equal((await call(e, '/v1/cloud-ml/0123456789abcdef0123456789abcdef', { method: 'PUT', body: { description: 'x' } })).status, 404);
  });

  it('delete: 202 without a body, DELETING; 404 for a missing instance', async () => {
    const e = emulator();
    const id = instanceIdOf(e, 'recsys-ml');
    const res = await call(e, `/v1/cloud-ml/${id}`, { method: 'DELETE' });
    assert.equal(res.status, 202);
    assert.equal(res.text, '');
    assert.equal((await call(e, `/v1/cloud-ml/${id}`)).json().cloud_ml_state, 'DELETING');
    assert.equal((await call(e, '/v1/cloud-ml/0123456789abcdef0123456789abcdef', { method: 'DELETE' })).status, 404);
  });

  it('delete: refused with the exceptions while the cluster is not releasable', async () => {
    const e = emulator();
    e.admin.setReleasable(idOf(e, 'ml-prod-cluster'), ['A model is being served']);
    const res = await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`, { method: 'DELETE' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json().errors[0].detail, ['A model is being served']);
    assert.equal((await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`)).json().cloud_ml_state, 'DEPLOYED');
  });

  for (const [method, body] of [['PUT', { description: 'x' }], ['DELETE', undefined]] as const) {
    it(`${method} while transitional answers 400 saying an operation is in progress`, async () => {
      const e = emulator();
      const res = await call(e, `/v1/cloud-ml/${instanceIdOf(e, 'analytics-dev-ml')}`, { method, body });
      assert.equal(res.status, 400);
      assert.match(res.json().errors[0].detail, /is CREATING: an operation is in progress/);
      assert.equal(res.json().errors[0].code, 'OperationInProgress');
    });
  }
});

describe('emulator gateway 404', () => {
  const emulator = emulatorPerTest();

  for (const [method, path] of [['GET', '/v1/unknown'], ['GET', '/v2/clusters'], ['POST', '/v1/clusters'], ['PATCH', '/v1/cloud-ml/abc'], ['GET', '/']] as const) {
    it(`answers the gateway 404 shape for ${method} ${path}`, async () => {
      const res = await call(emulator(), path, { method });
      assert.equal(res.status, 404);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['error', 'path', 'requestId', 'status', 'timestamp']);
      assert.equal(body.status, 404);
      assert.equal(body.error, 'Not Found');
      assert.equal(body.path, path);
      assert.equal(body.requestId, res.headers['x-request-id']);
    });
  }
});

describe('emulator with Cloud ML disabled', () => {
  const emulator = emulatorPerTest({ cloudMlDisabled: true });

  it('answers the gateway 404 on every Cloud ML path and still serves SKE', async () => {
    const e = emulator();
    const id = idOf(e, 'ml-prod-cluster');
    for (const path of ['/v1/cloud-ml/images', `/v1/cloud-ml/clusters/${id}`, `/v1/cloud-ml/clusters/${id}/estimate`, '/v1/cloud-ml/check-duplication?name=x', `/v1/cloud-ml/${instanceIdOf(e, 'ml-prod')}`]) {
      const res = await call(e, path);
      assert.equal(res.status, 404, path);
      assert.equal(res.json().error, 'Not Found', path);
    }
    assert.equal((await call(e, '/v1/cloud-ml', { method: 'POST', body: {} })).json().error, 'Not Found');
    assert.equal((await call(e, '/v1/clusters')).status, 200);
  });

  it('is switched at run time by setCloudMlDisabled', async () => {
    const e = emulator();
    e.admin.setCloudMlDisabled(false);
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 200);
    e.admin.setCloudMlDisabled(true);
    assert.equal((await call(e, '/v1/cloud-ml/images')).status, 404);
  });
});
