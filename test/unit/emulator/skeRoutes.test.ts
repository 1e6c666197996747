import assert from 'node:assert/strict';
import { call, emulatorPerTest, idOf } from './emulatorFixture';

describe('emulator SKE clusters', () => {
  const emulator = emulatorPerTest();

  it('lists the seeded clusters newest first with the total count and links', async () => {
    const res = await call(emulator(), '/v1/clusters');
    assert.equal(res.status, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['clusters', 'count', 'links']);
    assert.equal(body.count, 6);
    assert.deepEqual(body.links, []);
    assert.equal(body.clusters[0].name, 'ml-prod-cluster');
    const dates = body.clusters.map((c: { created_at: string }) => c.created_at);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.deepEqual(Object.keys(body.clusters[0]).sort(), [
      'account_id', 'created_at', 'id', 'kubernetes_version', 'modified_at', 'name', 'node_count', 'status', 'subnet_id',
    ]);
  });

  it('pages with a 0-based page and a size, count staying the total', async () => {
    const first = (await call(emulator(), '/v1/clusters?page=0&size=4')).json();
    const second = (await call(emulator(), '/v1/clusters?page=1&size=4')).json();
    const third = (await call(emulator(), '/v1/clusters?page=2&size=4')).json();
    assert.equal(first.clusters.length, 4);
    assert.equal(second.clusters.length, 2);
    assert.equal(third.clusters.length, 0);
    assert.equal(second.count, 6);
    const names = [...first.clusters, ...second.clusters].map((c: { name: string }) => c.name);
    assert.equal(new Set(names).size, 6);
  });

  it('sorts by name ascending or descending', async () => {
    const asc = (await call(emulator(), '/v1/clusters?sort=name:asc')).json().clusters.map((c: { name: string }) => c.name);
    assert.deepEqual(asc, [...asc].sort());
    const desc = (await call(emulator(), '/v1/clusters?sort=name%3Adesc')).json().clusters.map((c: { name: string }) => c.name);
    assert.deepEqual(desc, [...asc].reverse());
  });

  it('filters by name substring and by repeated status (case-insensitive), count following the filter', async () => {
    const byName = (await call(emulator(), '/v1/clusters?name=SAND')).json();
    assert.deepEqual(byName.clusters.map((c: { name: string }) => c.name), ['ds-sandbox']);
    assert.equal(byName.count, 1);
    const byStatus = (await call(emulator(), '/v1/clusters?status=creating&status=ERROR&sort=name:asc')).json();
    assert.deepEqual(byStatus.clusters.map((c: { name: string }) => c.name), ['legacy-batch', 'vision-train']);
    assert.equal(byStatus.count, 2);
  });

  it('answers 400 with one detail per bad query parameter', async () => {
    const res = await call(emulator(), '/v1/clusters?page=-1&size=abc&sort=bogus');
    assert.equal(res.status, 400);
    const details = res.json().errors.map((e: { detail: string }) => e.detail);
    assert.equal(details.length, 3);
    assert.ok(details.some((d: string) => d.startsWith('page ')));
    assert.ok(details.some((d: string) => d.startsWith('size ')));
    assert.ok(details.some((d: string) => d.startsWith('sort ')));
  });

  it('shows one cluster with the extra fields', async () => {
    const id = idOf(emulator(), 'ds-sandbox');
    const res = await call(emulator(), `/v1/clusters/${id}`);
    assert.equal(res.status, 200);
    const { cluster } = res.json();
    assert.equal(cluster.id, id);
    assert.equal(cluster.name, 'ds-sandbox');
    for (const field of ['cluster_namespace', 'max_node_count', 'public_endpoint_url', 'private_endpoint_url', 'created_by', 'modified_by']) {
      assert.ok(field in cluster, field);
    }
    assert.deepEqual(Object.keys(cluster.vpc).sort(), ['id', 'name']);
    assert.deepEqual(Object.keys(cluster.subnet).sort(), ['id', 'name']);
  });

  it('answers 404 in the standard shape for an unknown cluster', async () => {
    const res = await call(emulator(), '/v1/clusters/0123456789abcdef0123456789abcdef');
    assert.equal(res.status, 404);
    const [error] = res.json().errors;
    assert.equal(error.code, 'NotFound');
    for (const field of ['code', 'title', 'detail', 'status', 'request_id', 'global_request_id', 'links', 'related_resources', 'response']) {
      assert.ok(field in error, field);
    }
  });
});

describe('emulator SKE clusters at scale', () => {
  const emulator = emulatorPerTest({ clusters: 120 });

  it('pages 120 generated clusters by 50: 50, 50, 20', async () => {
    const sizes: number[] = [];
    const names = new Set<string>();
    for (let page = 0; page < 3; page++) {
      const body = (await call(emulator(), `/v1/clusters?page=${page}&size=50`)).json();
      assert.equal(body.count, 120);
      sizes.push(body.clusters.length);
      for (const c of body.clusters) names.add(c.name);
    }
    assert.deepEqual(sizes, [50, 50, 20]);
    assert.equal(names.size, 120);
  });
});
