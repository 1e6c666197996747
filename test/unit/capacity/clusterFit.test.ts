import * as assert from 'node:assert/strict';
import { compareFits, fitOfEstimate, type EstimateFit, type WorkloadRequest } from '../../../src/capacity/clusterFit';

/** As SCP writes it (strings), and as the client may normalize it (numbers). */
const asStrings = { analytics: { cpu: '16', gpu: '4', memory: '64' }, application: { cpu: '8', memory: '32' }, copilot: {} };
const withCopilot = { analytics: { cpu: 16, gpu: 4, memory: 64 }, application: { cpu: 8, memory: 32 }, copilot: { cpu: 4, gpu: 1, memory: 16 } };

function request(overrides: Partial<WorkloadRequest> = {}): WorkloadRequest {
  return { cpu: 4, gpu: 2, memory: 16, useCopilot: false, ...overrides };
}

function fits(fit: EstimateFit): Extract<EstimateFit, { kind: 'fits' }> {
  if (fit.kind !== 'fits') assert.fail(`expected a fit: ${JSON.stringify(fit)}`);
  return fit;
}

describe('cluster fit', () => {
  it('gives the headroom after the request and scores the scarcest requested resource', () => {
    const fit = fits(fitOfEstimate(asStrings, request()));
    assert.deepEqual(fit.headroom, { cpu: 12, gpu: 2, memory: 48 });
    assert.deepEqual(fit.estimate, { cpu: 16, gpu: 4, memory: 64 });
    // GPU is the scarcest: 2 of 4 left.
    assert.equal(fit.score, 0.5);
  });

  it('names every shortage with what is needed and what is free', () => {
    const fit = fitOfEstimate(asStrings, request({ gpu: 5, memory: 80 }));
    assert.deepEqual(fit, {
      kind: 'short',
      shortages: [
        { kind: 'gpu', needed: 5, free: 4 },
        { kind: 'memory', needed: 80, free: 64 },
      ],
    });
  });

  it('an exact fit fits with no room left; an estimate without a value bounds nothing', () => {
    assert.equal(fits(fitOfEstimate(asStrings, request({ cpu: 16, gpu: 4, memory: 64 }))).score, 0);
    const noGpu = fits(fitOfEstimate({ analytics: { cpu: 8, memory: 32 } }, request({ gpu: 3 })));
    assert.equal(noGpu.headroom.gpu, undefined);
  });

  it('copilot needs copilot capacity in the estimate', () => {
    assert.deepEqual(fitOfEstimate(asStrings, request({ useCopilot: true })), { kind: 'noCopilot' });
    fits(fitOfEstimate(withCopilot, request({ useCopilot: true })));
  });

  it('ranks more room first, then more GPUs left', () => {
    const roomy = fits(fitOfEstimate({ analytics: { cpu: 32, gpu: 8, memory: 128 } }, request()));
    const tight = fits(fitOfEstimate({ analytics: { cpu: 8, gpu: 2, memory: 32 } }, request()));
    const sameShareMoreGpu = fits(fitOfEstimate({ analytics: { cpu: 64, gpu: 16, memory: 256 } }, request({ gpu: 4 })));
    assert.ok(compareFits(roomy, tight) < 0);
    assert.ok(compareFits(tight, roomy) > 0);
    assert.deepEqual([tight, roomy].sort(compareFits), [roomy, tight]);
    assert.ok(compareFits(sameShareMoreGpu, roomy) < 0, 'the same share left, more GPUs left wins');
  });
});
