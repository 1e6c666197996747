import * as assert from 'node:assert/strict';
import {
  checkReleasableResponseSchema,
  cloudMlCreateRequestSchema,
  cloudMlDetailSchema,
  clusterEstimateSchema,
  clusterProductResponseSchema,
  imagesResponseSchema,
} from '../../../src/scp/cloudMlSchemas';
import { formatFieldPath, parseRequestBody, parseResponseBody, type SkippedItem } from '../../../src/scp/schemaValidation';
import { ScpError } from '../../../src/scp/scpError';
import { skeClusterListResponseSchema } from '../../../src/scp/skeSchemas';

const request = { method: 'GET', url: 'http://127.0.0.1:1/v1/clusters', path: '/v1/clusters' };

function cluster(i: number, status: unknown = 'RUNNING'): Record<string, unknown> {
  return { id: `c${i}`, name: `cluster-${i}`, status, kubernetes_version: 'v1.29.8', node_count: 3 };
}

describe('scp schemas', () => {
  it('keeps unknown fields and accepts unknown states', () => {
    const body = { clusters: [{ ...cluster(0, 'HIBERNATING'), brand_new_field: { x: 1 } }], count: 1, links: [], extra: true };
    const parsed = parseResponseBody(skeClusterListResponseSchema, body, request);
    assert.equal(parsed.clusters[0]?.status, 'HIBERNATING');
    assert.deepEqual(parsed.clusters[0]?.brand_new_field, { x: 1 });
    assert.equal(parsed.extra, true);
  });

  it('accepts a null count and numbers written as strings', () => {
    const parsed = parseResponseBody(skeClusterListResponseSchema, { clusters: [{ ...cluster(0), node_count: '7' }], count: null }, request);
    assert.equal(parsed.count, null);
    assert.equal(parsed.clusters[0]?.node_count, 7);
  });

  it('names the field at fault in a malformed error', () => {
    const clusters = [cluster(0), cluster(1)];
    assert.throws(
      () => parseResponseBody(skeClusterListResponseSchema, { clusters, count: 'many' }, request),
      (error: unknown) => {
        assert.ok(error instanceof ScpError);
        assert.equal(error.kind, 'malformed');
        assert.equal(error.field, 'count');
        assert.match(error.message, /\(count: expected a number\)/);
        return true;
      },
    );
    assert.throws(
      () => parseResponseBody(skeClusterListResponseSchema, { clusters: [cluster(0, 42)], count: 1 }, request),
      (error: unknown) => error instanceof ScpError && error.field === 'clusters[0].status' && /clusters\[0\]\.status: expected string/.test(error.message),
    );
    assert.equal(formatFieldPath(['a', 0, 'b', 12]), 'a[0].b[12]');
  });

  it('normalizes estimate values to numbers where they read as numbers', () => {
    const estimate = clusterEstimateSchema.parse({
      analytics: { cpu: '8', gpu: 'A100', memory: 32 },
      application: { cpu: '', memory: '16.5' },
      copilot: {},
      future: 'kept',
    });
    assert.deepEqual(estimate.analytics, { cpu: 8, gpu: 'A100', memory: 32 });
    assert.deepEqual(estimate.application, { cpu: undefined, memory: 16.5 });
    assert.deepEqual(estimate.copilot, {});
    assert.equal(estimate.future, 'kept');
  });

  it('reads image and detail booleans written as strings', () => {
    const images = imagesResponseSchema.parse({ contents: [{ image_id: 'i1', copilot_enabled: 'true' }, { image_id: 'i2', copilot_enabled: '' }], total_count: '2' });
    assert.deepEqual(
      images.contents.map((i) => i.copilot_enabled),
      [true, false],
    );
    assert.equal(images.total_count, 2);
  });

  it('treats an empty cloud_ml as "no Cloud ML" and parses a present one', () => {
    assert.equal(clusterProductResponseSchema.parse({ cloud_ml: {}, cloud_ml_common: {} }).cloud_ml, undefined);
    assert.equal(clusterProductResponseSchema.parse({}).cloud_ml, undefined);
    assert.equal(clusterProductResponseSchema.parse({ cloud_ml: null }).cloud_ml, undefined);
    const present = clusterProductResponseSchema.parse({ cloud_ml: { cloud_ml_id: 'm1', cloud_ml_name: 'ml', cloud_ml_state: 'DEPLOYED' } });
    assert.equal(present.cloud_ml?.cloud_ml_state, 'DEPLOYED');
  });

  it('reads a cloud_ml block without an id as null ("one this client cannot read"), reported, the rest kept', () => {
    const skipped: SkippedItem[] = [];
    const body = { cloud_ml: { cloud_ml_name: 'ml', cloud_ml_state: 'DEPLOYED' }, cloud_ml_common: { a: 1 } };
    const parsed = parseResponseBody(clusterProductResponseSchema, body, request, (items) => skipped.push(...items));
    assert.equal(parsed.cloud_ml, null);
    assert.deepEqual(parsed.cloud_ml_common, { a: 1 });
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]?.where, 'cloud_ml');
    assert.match(skipped[0]?.problem ?? '', /^cloud_ml_id: /);
  });

  it('drops a malformed cluster or image and reports it; the others and the sent count stay', () => {
    const skipped: SkippedItem[] = [];
    const onSkipped = (items: SkippedItem[]): void => void skipped.push(...items);
    const clusters = [cluster(0), { ...cluster(1), id: '' }, cluster(2), cluster(3, 42)];
    const list = parseResponseBody(skeClusterListResponseSchema, { clusters, count: 4 }, request, onSkipped);
    assert.deepEqual(
      list.clusters.map((c) => c.id),
      ['c0', 'c2'],
    );
    assert.equal(list.received, 4, 'paging counts what SCP sent');
    const images = parseResponseBody(imagesResponseSchema, { contents: [{ image_id: 'i1' }, { image_id: '' }, { image_name: 'no id' }] }, request, onSkipped);
    assert.deepEqual(
      images.contents.map((i) => i.image_id),
      ['i1'],
    );
    assert.deepEqual(
      skipped.map((s) => s.where),
      ['clusters[1]', 'clusters[3]', 'contents[1]', 'contents[2]'],
    );
    assert.match(skipped[1]?.problem ?? '', /^status: expected string/);
  });

  it('fails a list whose every item is malformed: that is not one bad entry but an unreadable answer', () => {
    assert.throws(
      () => parseResponseBody(imagesResponseSchema, { contents: [{ image_id: '' }, { image_id: '' }] }, request),
      (error: unknown) => error instanceof ScpError && error.kind === 'malformed' && error.field === 'contents[0].image_id',
    );
    assert.deepEqual(parseResponseBody(imagesResponseSchema, { contents: [] }, request).contents, []);
  });

  it('redacts a reported item problem', () => {
    const skipped: SkippedItem[] = [];
    const body = { contents: [{ image_id: 'i1' }, { image_id: 'i2', image_name: 12345678901 }] };
    // The problem names the field, not the value; with a secret in the field path it is masked too.
    parseResponseBody(imagesResponseSchema, body, { ...request, secrets: ['image_name'] }, (items) => skipped.push(...items));
    assert.equal(skipped[0]?.problem.includes('image_name'), false, skipped[0]?.problem);
  });

  it('masks secret-named fields of a detail response (the UI shows every field)', () => {
    const detail = cloudMlDetailSchema.parse({ cloud_ml_id: 'm', cloud_ml_name: 'n', custom_registry_access_secret_key: 'leak', custom_registry_access_key: 'AK' });
    assert.equal(detail.custom_registry_access_secret_key, '***');
    assert.equal(detail.custom_registry_access_key, 'AK');
  });

  it('turns releasable exceptions into text lines', () => {
    const parsed = checkReleasableResponseSchema.parse({ result: 'false', exceptions: ['in use', { message: 'pods running' }, { code: 7 }] });
    assert.equal(parsed.result, false);
    assert.deepEqual(parsed.exceptions, ['in use', 'pods running', '{"code":7}']);
  });

  it('refuses an invalid create request before sending, listing fields and never quoting the secret', () => {
    const body = {
      cloud_ml_name: '',
      cluster_id: 'c',
      image_id: 'i',
      domain_name: 'd',
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'h',
      custom_registry_access_key: 'k',
      custom_registry_access_secret_key: 'top-secret-value',
      analytics_resource: { cpu: -1, memory: 4 },
      typo_field: 1,
    };
    assert.throws(
      () => parseRequestBody(cloudMlCreateRequestSchema, body, 'create', ['top-secret-value']),
      (error: unknown) => {
        assert.ok(error instanceof ScpError);
        assert.equal(error.kind, 'badInput');
        assert.equal(error.field, 'cloud_ml_name');
        const all = error.message + error.details.join('|');
        assert.match(all, /cloud_ml_name: must not be empty/);
        assert.match(all, /analytics_resource\.cpu/);
        assert.match(all, /typo_field/);
        assert.ok(!all.includes('top-secret-value'));
        assert.deepEqual(error.reason, { code: 'invalidRequestBody', operation: 'create', problem: error.details[0] }, 'a reason the UI can word');
        assert.ok(!JSON.stringify(error.reason).includes('top-secret-value'));
        return true;
      },
    );
  });
});
