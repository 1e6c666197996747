import * as assert from 'node:assert/strict';
import { ClusterEstimates } from '../../../../src/commands/create/clusterEstimates';
import type { ClusterEstimate } from '../../../../src/scp/cloudMlSchemas';
import { ScpError } from '../../../../src/scp/scpError';

function estimateWithCpu(cpu: number): ClusterEstimate {
  return { analytics: { cpu, gpu: 0, memory: cpu * 4 }, application: undefined, copilot: undefined };
}

describe('commands: cluster estimates of one create form', () => {
  it('joins concurrent reads and keeps the result per cluster and copilot choice', async () => {
    const calls: string[] = [];
    const estimates = new ClusterEstimates((clusterId, useCopilot) => {
      calls.push(`${clusterId}/${String(useCopilot)}`);
      return Promise.resolve(estimateWithCpu(useCopilot ? 2 : 8));
    });
    estimates.prefetch('c1', false);
    const [a, b] = await Promise.all([estimates.get('c1', false), estimates.get('c1', false)]);
    assert.equal(a, b);
    assert.equal((await estimates.get('c1', true)).analytics?.cpu, 2);
    assert.equal(estimates.cached('c1', false)?.analytics?.cpu, 8);
    assert.equal(estimates.cached('c2', false), undefined);
    assert.deepEqual(calls, ['c1/false', 'c1/true']);
  });

  it('does not keep a failure: the next read asks again', async () => {
    let attempt = 0;
    const estimates = new ClusterEstimates(() => {
      attempt++;
      return attempt === 1 ? Promise.reject(new ScpError({ kind: 'server', message: 'boom', status: 500 })) : Promise.resolve(estimateWithCpu(4));
    });
    // A failed prefetch is not an unhandled rejection; it surfaces on get.
    estimates.prefetch('c1', false);
    await assert.rejects(estimates.get('c1', false), (error: unknown) => error instanceof ScpError && error.kind === 'server');
    assert.equal(estimates.cached('c1', false), undefined);
    assert.equal((await estimates.get('c1', false)).analytics?.cpu, 4);
    assert.equal(attempt, 2);
  });
});
