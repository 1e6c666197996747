import * as assert from 'node:assert/strict';
import { newCreateContext, type CreateCloudMlContext } from '../../../../src/commands/create/createCloudMlContext';
import { buildCreateRequest } from '../../../../src/commands/create/createRequest';
import { isScpError } from '../../../../src/scp/scpError';

/** A form filled the way the wizard fills it, with a copilot image and copilot chosen. */
function filledContext(): CreateCloudMlContext {
  return {
    ...newCreateContext({ id: 'c1', name: 'ds-sandbox' }),
    name: 'ml-team',
    domainName: 'ml-team.example.com',
    image: { id: 'img-c', name: 'Cloud ML with Copilot', copilotEnabled: true },
    useCopilot: true,
    endpointType: 'PUBLIC',
    analytics: { cpu: 8, gpu: 1, memory: 32 },
    application: { cpu: 4, memory: 16 },
    copilot: { cpu: 2, gpu: 1, memory: 8 },
    registry: { host: 'registry.example.com', accessKey: 'REGKEY', secretKey: 'REG-SECRET-123' },
  };
}

/** Each answer the request needs, how to leave it out, and the field the refusal names. */
const REQUIRED: [string, (ctx: CreateCloudMlContext) => void][] = [
  ['cloud_ml_name', (ctx) => (ctx.name = '')],
  ['cluster_id', (ctx) => (ctx.cluster = undefined)],
  ['image_id', (ctx) => (ctx.image = undefined)],
  ['domain_name', (ctx) => (ctx.domainName = undefined)],
  ['endpoint_type', (ctx) => (ctx.endpointType = undefined)],
  ['custom_registry_host', (ctx) => (ctx.registry.host = '')],
  ['custom_registry_access_key', (ctx) => (ctx.registry.accessKey = undefined)],
  ['custom_registry_access_secret_key', (ctx) => (ctx.registry.secretKey = '')],
  ['analytics_resource.cpu', (ctx) => (ctx.analytics.cpu = undefined)],
  ['analytics_resource.memory', (ctx) => (ctx.analytics.memory = undefined)],
  ['application_resource.cpu', (ctx) => (ctx.application.cpu = undefined)],
  ['application_resource.memory', (ctx) => (ctx.application.memory = undefined)],
  ['copilot.cpu', (ctx) => (ctx.copilot.cpu = undefined)],
  ['copilot.memory', (ctx) => (ctx.copilot.memory = undefined)],
];

describe('commands: create request, field by field', () => {
  for (const [field, leaveOut] of REQUIRED) {
    it(`refuses a form without ${field}, naming it in one sentence`, () => {
      const ctx = filledContext();
      leaveOut(ctx);
      assert.throws(
        () => buildCreateRequest(ctx),
        (error: unknown) => {
          assert.ok(isScpError(error), String(error));
          assert.equal(error.kind, 'badInput');
          assert.equal(error.field, field);
          assert.equal(error.message, `The create form has no value for ${field}. Run Create Cloud ML again.`);
          return true;
        },
      );
    });
  }

  it('sends no GPU as "0", and zero resources as the numbers they are', () => {
    const ctx = filledContext();
    ctx.analytics = { cpu: 0.5, memory: 1 };
    ctx.copilot = { cpu: 1, gpu: 0, memory: 2 };
    const request = buildCreateRequest(ctx);
    assert.deepEqual(request.analytics_resource, { cpu: 0.5, gpu: '0', memory: 1 });
    assert.deepEqual(request.copilot, { cpu: 1, gpu: '0', memory: 2 });
    assert.deepEqual(request.application_resource, { cpu: 4, memory: 16 });
    assert.equal(request.endpoint_type, 'PUBLIC');
    assert.equal(request.use_copilot, true);
  });

  it('trims the optional texts it sends', () => {
    const ctx = filledContext();
    ctx.description = '  Team notebooks  ';
    ctx.registry = { ...ctx.registry, projectId: ' proj-1 ', region: '\tkr-west1 ' };
    const request = buildCreateRequest(ctx);
    assert.equal(request.description, 'Team notebooks');
    assert.equal(request.custom_registry_access_project_id, 'proj-1');
    assert.equal(request.custom_registry_access_region, 'kr-west1');
  });

  it('sends tags as plain key/value pairs, and no tags key for none', () => {
    const ctx = filledContext();
    ctx.tags = [{ key: 'team', value: '' }];
    assert.deepEqual(buildCreateRequest(ctx).tags, [{ key: 'team', value: '' }]);
    ctx.tags = [];
    assert.ok(!('tags' in buildCreateRequest(ctx)));
  });
});
