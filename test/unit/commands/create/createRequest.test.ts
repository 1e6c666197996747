import * as assert from 'node:assert/strict';
import { newCreateContext, type CreateCloudMlContext } from '../../../../src/commands/create/createCloudMlContext';
import { buildCreateRequest } from '../../../../src/commands/create/createRequest';
import { cloudMlCreateRequestSchema } from '../../../../src/scp/cloudMlSchemas';
import { isScpError } from '../../../../src/scp/scpError';
import { checkTag, parseTag } from '../../../../src/wizard/validation';

/** A form filled the way the wizard fills it. */
function filledContext(overrides: Partial<CreateCloudMlContext> = {}): CreateCloudMlContext {
  return {
    ...newCreateContext({ id: 'c1', name: 'ds-sandbox' }),
    name: 'ml-team',
    domainName: 'ml-team.example.com',
    image: { id: 'img-1', name: 'Cloud ML', displayVersion: '1.5.0', k8sVersion: 'v1.28', copilotEnabled: false },
    endpointType: 'PRIVATE',
    analytics: { cpu: 8, gpu: 1, memory: 32 },
    application: { cpu: 4, memory: 16 },
    registry: { host: 'registry.example.com', accessKey: 'REGKEY', secretKey: 'REG-SECRET-123' },
    ...overrides,
  };
}

describe('commands: create request building', () => {
  it('maps every answer to its CloudMLRequest field, gpu as a string', () => {
    const request = buildCreateRequest(filledContext());
    assert.deepEqual(request, {
      cloud_ml_name: 'ml-team',
      cluster_id: 'c1',
      image_id: 'img-1',
      domain_name: 'ml-team.example.com',
      endpoint_type: 'PRIVATE',
      custom_registry_host: 'registry.example.com',
      custom_registry_access_key: 'REGKEY',
      custom_registry_access_secret_key: 'REG-SECRET-123',
      use_copilot: false,
      analytics_resource: { cpu: 8, gpu: '1', memory: 32 },
      application_resource: { cpu: 4, memory: 16 },
    });
    // What we send passes the client's own strict request schema.
    assert.ok(cloudMlCreateRequestSchema.safeParse(request).success);
  });

  it('omits empty optional fields instead of sending ""', () => {
    const request = buildCreateRequest(filledContext({ description: '  ', registry: { host: 'h', accessKey: 'k', secretKey: 's', projectId: '', region: ' ' } }));
    for (const key of ['description', 'custom_registry_access_project_id', 'custom_registry_access_region', 'tags', 'copilot']) {
      assert.ok(!(key in request), `${key} should be omitted`);
    }
  });

  it('sends the optional fields that were given', () => {
    const request = buildCreateRequest(
      filledContext({
        description: 'Team notebooks',
        registry: { host: 'h', accessKey: 'k', secretKey: 's', projectId: 'proj-1', region: 'kr-west1' },
        tags: [parseTag('team=ml'), parseTag('env = prod=blue')],
      }),
    );
    assert.equal(request.description, 'Team notebooks');
    assert.equal(request.custom_registry_access_project_id, 'proj-1');
    assert.equal(request.custom_registry_access_region, 'kr-west1');
    assert.deepEqual(request.tags, [
      { key: 'team', value: 'ml' },
      { key: 'env', value: 'prod=blue' },
    ]);
  });

  it('sends copilot resources only when the image supports copilot and the user chose it', () => {
    const copilotImage = { id: 'img-c', name: 'Cloud ML with Copilot', copilotEnabled: true };
    const chosen = buildCreateRequest(filledContext({ image: copilotImage, useCopilot: true, copilot: { cpu: 4, gpu: 1, memory: 16 } }));
    assert.equal(chosen.use_copilot, true);
    assert.deepEqual(chosen.copilot, { cpu: 4, gpu: '1', memory: 16 });

    const declined = buildCreateRequest(filledContext({ image: copilotImage, useCopilot: false, copilot: { cpu: 4, gpu: 1, memory: 16 } }));
    assert.equal(declined.use_copilot, false);
    assert.ok(!('copilot' in declined));

    // A copilot answer left over from an earlier image does not leak into a request for a plain image.
    const plainImage = buildCreateRequest(filledContext({ useCopilot: true, copilot: { cpu: 4, gpu: 1, memory: 16 } }));
    assert.equal(plainImage.use_copilot, false);
    assert.ok(!('copilot' in plainImage));
  });

  it('refuses an unfinished form with a typed error naming the field', () => {
    assert.throws(
      () => buildCreateRequest(filledContext({ registry: { host: 'h', accessKey: 'k' } })),
      (error: unknown) => isScpError(error) && error.kind === 'badInput' && error.field === 'custom_registry_access_secret_key',
    );
    assert.throws(
      () => buildCreateRequest(filledContext({ application: { cpu: 1 } })),
      (error: unknown) => isScpError(error) && error.field === 'application_resource.memory',
    );
  });

  it('parses tags as key=value with the key unique', () => {
    assert.equal(checkTag('team=ml', []), undefined);
    assert.equal(checkTag('team', []), 'noEquals');
    assert.equal(checkTag('=ml', []), 'emptyKey');
    assert.equal(checkTag('team=other', [{ key: 'team', value: 'ml' }]), 'duplicateKey');
    assert.deepEqual(parseTag(' owner = a=b '), { key: 'owner', value: 'a=b' });
    assert.deepEqual(parseTag('empty='), { key: 'empty', value: '' });
  });
});
