import * as assert from 'node:assert/strict';
import { compareResources } from '../../../src/webview/resourceComparison';
import { estimate } from './webviewFixtures';

describe('resource comparison', () => {
  it('puts estimate, request and limit of each kind on one scale', () => {
    const groups = compareResources(estimate(), { analytics: { cpu: 4, memory: 16 } }, { analytics: { cpu: 8, memory: 80 } });
    const analytics = groups.find((g) => g.group === 'analytics');
    assert.deepEqual(analytics?.rows.find((r) => r.kind === 'cpu'), {
      kind: 'cpu',
      unit: '',
      estimate: 16,
      request: 4,
      limit: 8,
      estimatePercent: 100,
      requestPercent: 25,
      limitPercent: 50,
      overEstimate: false,
    });
    // The limit is the largest here, so it sets the scale.
    const memory = analytics?.rows.find((r) => r.kind === 'memory');
    assert.equal(memory?.unit, 'GiB');
    assert.equal(memory?.limitPercent, 100);
    assert.equal(memory?.estimatePercent, 80);
    assert.equal(memory?.requestPercent, 20);
  });

  it('flags a request above the estimate', () => {
    const [analytics] = compareResources(estimate(), { analytics: { cpu: 20 } });
    const cpu = analytics?.rows.find((r) => r.kind === 'cpu');
    assert.equal(cpu?.overEstimate, true);
    assert.equal(cpu?.requestPercent, 100);
    assert.equal(cpu?.estimatePercent, 80);
  });

  it('leaves out the copilot group when neither the estimate nor the request has copilot values', () => {
    assert.deepEqual(
      compareResources(estimate()).map((g) => g.group),
      ['analytics', 'application'],
    );
    assert.deepEqual(
      compareResources(estimate(), { copilot: { cpu: 1 } }).map((g) => g.group),
      ['analytics', 'application', 'copilot'],
    );
  });

  it('application has no GPU row', () => {
    const application = compareResources(estimate({ application: { cpu: '8', gpu: '4', memory: '32' } })).find((g) => g.group === 'application');
    assert.deepEqual(
      application?.rows.map((r) => r.kind),
      ['cpu', 'memory'],
    );
  });

  it('keeps an estimate that is not a number as text, without a bar position', () => {
    const [analytics] = compareResources(estimate({ analytics: { cpu: '16', gpu: 'A100', memory: '64Gi' } }), { analytics: { gpu: 1 } });
    const gpu = analytics?.rows.find((r) => r.kind === 'gpu');
    assert.equal(gpu?.estimateText, 'A100');
    assert.equal(gpu?.estimate, undefined);
    assert.equal(gpu?.requestPercent, 100);
    assert.equal(analytics?.rows.find((r) => r.kind === 'memory')?.estimate, 64);
  });

  it('shows requests alone when the estimate is unknown', () => {
    const groups = compareResources(undefined, { application: { cpu: 2 } });
    assert.deepEqual(groups, [{ group: 'application', rows: [{ kind: 'cpu', unit: '', request: 2, requestPercent: 100, overEstimate: false }] }]);
    assert.deepEqual(compareResources(undefined), []);
  });

  it('shows a limit alone, with nothing else known about the row', () => {
    assert.deepEqual(compareResources(undefined, undefined, { analytics: { cpu: 8 } }), [
      { group: 'analytics', rows: [{ kind: 'cpu', unit: '', limit: 8, limitPercent: 100, overEstimate: false }] },
    ]);
  });

  it('does not flag a request equal to the estimate', () => {
    const [analytics] = compareResources(estimate(), { analytics: { cpu: 16 } });
    assert.equal(analytics?.rows.find((r) => r.kind === 'cpu')?.overEstimate, false);
  });

  it('draws no bar when every amount of a row is zero', () => {
    const [analytics] = compareResources(estimate({ analytics: { gpu: '0' } }), { analytics: { gpu: 0 } });
    assert.deepEqual(analytics?.rows, [{ kind: 'gpu', unit: '', estimate: 0, request: 0, overEstimate: false }]);
  });

  it('treats a blank estimate value or a null group as unknown', () => {
    const groups = compareResources(estimate({ analytics: { cpu: '  ', gpu: '', memory: '8' }, application: null }));
    assert.deepEqual(groups, [{ group: 'analytics', rows: [{ kind: 'memory', unit: 'GiB', estimate: 8, estimatePercent: 100, overEstimate: false }] }]);
  });
});
