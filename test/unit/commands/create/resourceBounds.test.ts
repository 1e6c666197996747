import * as assert from 'node:assert/strict';
import { chooseCluster, newCreateContext, type CreateCloudMlContext } from '../../../../src/commands/create/createCloudMlContext';
import { estimateUsesCopilot, fillResourceDefaults, resourceApplies, resourceLimit, resourceProblems } from '../../../../src/commands/create/resourceBounds';
import { estimateAmount, RESOURCE_FIELDS, type ResourceField } from '../../../../src/model/estimateAmounts';
import { checkNumber } from '../../../../src/wizard/validation';

const analyticsCpu: ResourceField = { group: 'analytics', kind: 'cpu' };
const analyticsGpu: ResourceField = { group: 'analytics', kind: 'gpu' };
const analyticsMemory: ResourceField = { group: 'analytics', kind: 'memory' };
const copilotCpu: ResourceField = { group: 'copilot', kind: 'cpu' };

/** As the client normalizes it: numbers where they read as numbers. */
const estimate = {
  analytics: { cpu: 12, gpu: 2, memory: 48 },
  application: { cpu: 6, memory: 24 },
  copilot: { cpu: 4, gpu: 1, memory: 16 },
};

function contextWithImage(copilotEnabled: boolean, useCopilot?: boolean): CreateCloudMlContext {
  const ctx = newCreateContext({ id: 'c1', name: 'ds-sandbox' });
  ctx.image = { id: 'i', name: 'img', copilotEnabled };
  ctx.useCopilot = useCopilot;
  return ctx;
}

describe('commands: resource bounds from the cluster estimate', () => {
  it('takes the default and the upper bound from the estimate', () => {
    const limit = resourceLimit(estimate, analyticsCpu);
    assert.equal(limit.defaultValue, 12);
    assert.equal(limit.range.max, 12);
    assert.equal(checkNumber('12', limit.range), undefined);
    assert.deepEqual(checkNumber('13', limit.range), { kind: 'aboveMax', max: 12 });
    assert.deepEqual(checkNumber('0', limit.range), { kind: 'belowMin', min: 0.5 });
  });

  it('reads the estimate as SCP documents it: strings, empty strings, absent blocks', () => {
    const raw = { analytics: { cpu: '8', gpu: '', memory: '32.5' }, application: null };
    assert.equal(estimateAmount(raw, analyticsCpu), 8);
    assert.equal(estimateAmount(raw, analyticsMemory), 32.5);
    assert.equal(estimateAmount(raw, analyticsGpu), undefined);
    assert.equal(estimateAmount(raw, { group: 'application', kind: 'cpu' }), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: '16Gi' } }, analyticsCpu), undefined);
    assert.equal(estimateAmount(undefined, analyticsCpu), undefined);
  });

  it('states no bound when the estimate has none, and defaults GPUs to none', () => {
    const limit = resourceLimit({}, analyticsCpu);
    assert.equal(limit.range.max, undefined);
    assert.equal(limit.defaultValue, undefined);
    assert.equal(checkNumber('1000', limit.range), undefined);
    const gpu = resourceLimit({ analytics: { gpu: '' } }, analyticsGpu);
    assert.equal(gpu.defaultValue, 0);
    assert.equal(gpu.range.integer, true);
    assert.deepEqual(checkNumber('1.5', resourceLimit(estimate, analyticsGpu).range), { kind: 'notInteger' });
  });

  it('asks copilot resources only when copilot is requested for a copilot image', () => {
    assert.equal(resourceApplies(contextWithImage(false, true), copilotCpu), false);
    assert.equal(resourceApplies(contextWithImage(true, false), copilotCpu), false);
    assert.equal(resourceApplies(contextWithImage(true, true), copilotCpu), true);
    assert.equal(resourceApplies(contextWithImage(false), analyticsCpu), true);
  });

  it('finds answers above the estimate, with the bound', () => {
    const ctx = contextWithImage(false);
    fillResourceDefaults(ctx, () => estimate);
    assert.deepEqual(resourceProblems(ctx, () => estimate), []);
    ctx.analytics.memory = 64;
    assert.deepEqual(resourceProblems(ctx, () => estimate), [{ field: analyticsMemory, kind: 'aboveEstimate', value: 64, max: 48 }]);
  });

  it('checks copilot resources against the copilot estimate and the others against the copilot-inclusive one', () => {
    const smaller = { ...estimate, analytics: { cpu: 6, gpu: 1, memory: 24 } };
    const lookups: boolean[] = [];
    const estimateOf = (useCopilot: boolean): unknown => {
      lookups.push(useCopilot);
      return useCopilot ? smaller : estimate;
    };
    const ctx = contextWithImage(true, true);
    ctx.analytics = { cpu: 12, gpu: 2, memory: 48 };
    ctx.application = { cpu: 6, memory: 24 };
    ctx.copilot = { cpu: 4, gpu: 1, memory: 16 };
    const problems = resourceProblems(ctx, estimateOf);
    assert.deepEqual(
      problems.map((p) => `${p.field.group}.${p.field.kind}`),
      ['analytics.cpu', 'analytics.gpu', 'analytics.memory'],
    );
    assert.ok(lookups.every((useCopilot) => useCopilot));
  });

  it('drops the resource answers when the cluster changes, and fills the new defaults', () => {
    const ctx = contextWithImage(false);
    fillResourceDefaults(ctx, () => estimate);
    chooseCluster(ctx, { id: 'c1', name: 'ds-sandbox' });
    assert.equal(ctx.analytics.cpu, 12, 'the same cluster keeps the answers');
    chooseCluster(ctx, { id: 'c2', name: 'other' });
    assert.deepEqual(ctx.analytics, {});
    assert.deepEqual(
      resourceProblems(ctx, () => estimate).map((p) => p.kind),
      RESOURCE_FIELDS.filter((f) => f.group !== 'copilot').map(() => 'missing'),
    );
    const other = { analytics: { cpu: 4, gpu: 0, memory: 16 }, application: { cpu: 2, memory: 8 } };
    fillResourceDefaults(ctx, () => other);
    assert.deepEqual(ctx.analytics, { cpu: 4, gpu: 0, memory: 16 });
    assert.deepEqual(ctx.application, { cpu: 2, memory: 8 });
  });

  it('checks copilot fields, and every field once copilot is requested, against the copilot-inclusive estimate', () => {
    assert.equal(estimateUsesCopilot(contextWithImage(false), copilotCpu), true);
    assert.equal(estimateUsesCopilot(contextWithImage(false), analyticsCpu), false);
    assert.equal(estimateUsesCopilot(contextWithImage(true, false), analyticsCpu), false);
    assert.equal(estimateUsesCopilot(contextWithImage(true, true), analyticsCpu), true);
  });

  it('reads a decimal estimate with several digits, and states no max key without an amount', () => {
    assert.equal(estimateAmount({ analytics: { cpu: '2.25' } }, analyticsCpu), 2.25);
    assert.deepEqual(resourceLimit({}, analyticsCpu).range, { min: 0.5 });
    assert.deepEqual(resourceLimit({ analytics: { cpu: '2.25' } }, analyticsCpu).range, { min: 0.5, max: 2.25 });
  });

  it('fills only the unanswered fields that apply, leaving answers alone', () => {
    const ctx = contextWithImage(false);
    ctx.analytics.cpu = 3;
    ctx.application.memory = 0;
    fillResourceDefaults(ctx, () => estimate);
    assert.deepEqual(ctx.analytics, { cpu: 3, gpu: 2, memory: 48 });
    assert.deepEqual(ctx.application, { cpu: 6, memory: 0 });
    assert.deepEqual(ctx.copilot, {}, 'copilot is not requested: nothing filled');
  });
});
