import * as assert from 'node:assert/strict';
import { newCreateContext, type CreateCloudMlContext } from '../../../../src/commands/create/createCloudMlContext';
import { resourceLimit, resourceProblems } from '../../../../src/commands/create/resourceBounds';
import { estimateAmount, type ResourceField } from '../../../../src/model/estimateAmounts';

const analyticsCpu: ResourceField = { group: 'analytics', kind: 'cpu' };
const analyticsGpu: ResourceField = { group: 'analytics', kind: 'gpu' };
const analyticsMemory: ResourceField = { group: 'analytics', kind: 'memory' };

/** A plain image (no copilot): analytics and application resources apply. */
function answered(analytics: CreateCloudMlContext['analytics']): CreateCloudMlContext {
  const ctx = newCreateContext({ id: 'c1', name: 'ds-sandbox' });
  ctx.image = { id: 'i', name: 'img', copilotEnabled: false };
  ctx.analytics = analytics;
  ctx.application = { cpu: 1, memory: 2 };
  return ctx;
}

const noGpus = { analytics: { cpu: 8, gpu: 0, memory: 32 }, application: { cpu: 4, memory: 16 } };

describe('commands: resource problems at the bounds', () => {
  it('refuses 1 GPU when the estimate offers none (a bound of zero is a bound)', () => {
    const problems = resourceProblems(answered({ cpu: 2, gpu: 1, memory: 4 }), () => noGpus);
    assert.deepEqual(problems, [{ field: analyticsGpu, kind: 'aboveEstimate', value: 1, max: 0 }]);
  });

  it('accepts 0 GPUs against an estimate of 0, and a value equal to the bound', () => {
    assert.deepEqual(resourceProblems(answered({ cpu: 8, gpu: 0, memory: 32 }), () => noGpus), []);
  });

  it('refuses a value just above the bound and one below the minimum, with the numbers', () => {
    assert.deepEqual(resourceProblems(answered({ cpu: 8.5, gpu: 0, memory: 32 }), () => noGpus), [
      { field: analyticsCpu, kind: 'aboveEstimate', value: 8.5, max: 8 },
    ]);
    assert.deepEqual(resourceProblems(answered({ cpu: 0.4, gpu: 0, memory: 0.5 }), () => noGpus), [
      { field: analyticsCpu, kind: 'belowMinimum', value: 0.4, min: 0.5 },
      { field: analyticsMemory, kind: 'belowMinimum', value: 0.5, min: 1 },
    ]);
    assert.deepEqual(resourceProblems(answered({ cpu: 0.5, gpu: 0, memory: 1 }), () => noGpus), [], 'the minimum itself is fine');
  });

  it('checks only the minimum when the estimate states no bound', () => {
    assert.deepEqual(resourceProblems(answered({ cpu: 1000, gpu: 7, memory: 4096 }), () => ({})), []);
    assert.deepEqual(resourceProblems(answered({ cpu: 0.25, gpu: 0, memory: 1 }), () => ({})), [
      { field: analyticsCpu, kind: 'belowMinimum', value: 0.25, min: 0.5 },
    ]);
  });

  it('offers the estimate as the default only when it is a usable answer', () => {
    assert.equal(resourceLimit({ analytics: { cpu: 0.25 } }, analyticsCpu).defaultValue, undefined, 'below the minimum');
    assert.equal(resourceLimit({ analytics: { cpu: 0.5 } }, analyticsCpu).defaultValue, 0.5, 'equal to the minimum');
    assert.equal(resourceLimit({ analytics: { gpu: 1.5 } }, analyticsGpu).defaultValue, 0, 'GPUs are whole cards');
    assert.equal(resourceLimit({ analytics: { gpu: 0 } }, analyticsGpu).defaultValue, 0);
    assert.equal(resourceLimit({ analytics: { gpu: 3 } }, analyticsGpu).defaultValue, 3);
    assert.deepEqual(resourceLimit({ analytics: { gpu: 0 } }, analyticsGpu).range, { min: 0, integer: true, max: 0 });
  });

  it('reads numbers loosely but not partly: infinite, signed or unit-suffixed values state no bound', () => {
    assert.equal(estimateAmount({ analytics: { cpu: Number.POSITIVE_INFINITY } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: Number.NaN } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: ' 4 ' } }, analyticsCpu), 4);
    assert.equal(estimateAmount({ analytics: { cpu: '4.' } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: 'x4' } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: '-4' } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: { cpu: true } }, analyticsCpu), undefined);
    assert.equal(estimateAmount({ analytics: 'cpu' }, analyticsCpu), undefined);
    assert.equal(estimateAmount(null, analyticsCpu), undefined);
  });
});
