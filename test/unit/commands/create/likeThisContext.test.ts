import * as assert from 'node:assert/strict';
import { likeThisStart } from '../../../../src/commands/create/likeThisContext';
import type { CloudMlDetail, CloudMlImage } from '../../../../src/scp/cloudMlSchemas';

const IMAGES: CloudMlImage[] = [
  { image_id: 'img-plain', image_name: 'Cloud ML', display_version: '1.5.0', k8s_version: 'v1.28', copilot_enabled: false },
  { image_id: 'img-copilot', image_name: 'Cloud ML with Copilot', display_version: '1.6.1', k8s_version: 'v1.29', copilot_enabled: true },
];

function detail(overrides: Record<string, unknown> = {}): CloudMlDetail {
  return {
    cloud_ml_id: 'id-1',
    cloud_ml_name: 'ml-prod',
    cloud_ml_state: 'DEPLOYED',
    image_id: 'img-copilot',
    endpoint_type: 'public',
    custom_registry_host: 'registry.example.com',
    custom_registry_access_key: 'REGKEY01',
    description: 'Production notebooks',
    copilot_enabled: true,
    domain_name: 'ml-prod.example.com',
    resource_request_text: 'analytics: cpu 12, gpu 1, memory 48Gi; application: cpu 6, memory 24Gi; copilot: cpu 4, gpu 1, memory 16Gi',
    ...overrides,
  } as CloudMlDetail;
}

describe('create like this: what is copied', () => {
  it('copies image, endpoint type, registry host and key, description, copilot and the requested resources; never name, domain, cluster or secret', () => {
    const { ctx, copied } = likeThisStart(detail(), IMAGES);
    assert.equal(ctx.image?.id, 'img-copilot');
    assert.equal(ctx.endpointType, 'PUBLIC');
    assert.deepEqual(ctx.registry, { host: 'registry.example.com', accessKey: 'REGKEY01' });
    assert.equal(ctx.description, 'Production notebooks');
    assert.equal(ctx.useCopilot, true);
    assert.deepEqual(ctx.analytics, { cpu: 12, gpu: 1, memory: 48 });
    assert.deepEqual(ctx.application, { cpu: 6, memory: 24 });
    assert.deepEqual(ctx.copilot, { cpu: 4, gpu: 1, memory: 16 });
    assert.equal(ctx.name, undefined);
    assert.equal(ctx.domainName, undefined);
    assert.equal(ctx.cluster, undefined);
    assert.ok(!('secretKey' in ctx.registry));
    assert.equal(copied.get('analytics.cpu'), 'request');
    assert.equal(copied.get('image'), 'details');
    assert.ok(!copied.has('tags') && !copied.has('name') && !copied.has('registry.secretKey'));
  });

  it('copies tags only when the details carry them as key/value pairs', () => {
    assert.deepEqual(likeThisStart(detail({ tags: [{ key: 'team', value: 'ml' }] }), IMAGES).ctx.tags, [{ key: 'team', value: 'ml' }]);
    assert.ok(!likeThisStart(detail({ tags: 'team=ml' }), IMAGES).copied.has('tags'));
  });

  it('leaves to the form what does not read: an unknown image, an unreadable request text, an odd endpoint type', () => {
    const { ctx, copied } = likeThisStart(detail({ image_id: 'gone', resource_request_text: 'lots', endpoint_type: 'INTERNAL' }), IMAGES);
    assert.equal(ctx.image, undefined);
    assert.equal(ctx.endpointType, undefined);
    assert.equal(ctx.useCopilot, undefined, 'copilot follows the image');
    assert.deepEqual(ctx.analytics, {});
    assert.ok(!copied.has('image') && !copied.has('analytics.cpu') && !copied.has('useCopilot'));
  });
});
