import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { renderEstimate } from '../../../media/webview/estimateRenderer';
import { buildEstimateView, type EstimateSnapshot } from '../../../src/webview/estimateView';
import type { EstimateWebviewMessage } from '../../../src/webview/webviewMessages';
import { estimate, estimateTexts } from './webviewFixtures';

function render(overrides: Partial<EstimateSnapshot> = {}) {
  const { window } = new JSDOM('<!DOCTYPE html><main id="app"></main>');
  const doc = window.document;
  const root = doc.getElementById('app')!;
  const sent: EstimateWebviewMessage[] = [];
  const snapshot: EstimateSnapshot = { state: { profileId: 'p', clusterId: 'c', useCopilot: false }, clusterName: 'cluster-a', estimate: estimate(), busy: false, ...overrides };
  renderEstimate(doc, root, buildEstimateView(snapshot, estimateTexts(), 1), (m) => sent.push(m));
  return { window, doc, root, sent };
}

describe('estimate renderer (jsdom)', () => {
  it('one row per group, one column per kind, values with units', () => {
    const { root } = render();
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    assert.deepEqual(rows, [
      ['[group.analytics]', '16', '2', '64 GiB'],
      ['[group.application]', '8', '[empty]', '32 GiB'],
    ]);
    assert.deepEqual(
      [...root.querySelectorAll('thead th')].map((th) => th.textContent),
      ['[groupColumn]', '[kind.cpu]', '[kind.gpu]', '[kind.memory]'],
    );
  });

  it('the copilot checkbox reflects the state and posts the toggle', () => {
    const { window, root, sent } = render({ state: { profileId: 'p', clusterId: 'c', useCopilot: false } });
    const box = root.querySelector<HTMLInputElement>('input#use-copilot');
    assert.ok(box);
    assert.equal(box.checked, false);
    assert.equal(root.querySelector('label[for="use-copilot"]')?.textContent, '[copilotToggle]');
    box.checked = true;
    box.dispatchEvent(new window.Event('change'));
    assert.deepEqual(sent, [{ type: 'setCopilot', useCopilot: true }]);
  });

  it('"Create Cloud ML here with…" posts createHere', () => {
    const { root, sent } = render({ state: { profileId: 'p', clusterId: 'c', useCopilot: false } });
    const create = root.querySelector<HTMLButtonElement>('button[data-action="createHere"]');
    assert.ok(create);
    assert.equal(create.textContent, '[createHere]');
    create.click();
    assert.deepEqual(sent, [{ type: 'createHere' }]);
  });

  it('hostile text in the estimate and the cluster name stays text', () => {
    const { doc, root } = render({ clusterName: '</script><script>alert(1)</script>', estimate: estimate({ analytics: { cpu: '<img src=x onerror=alert(1)>' } }) });
    assert.equal(doc.querySelectorAll('img, script').length, 0);
    assert.equal(root.querySelector('h1')?.textContent, 'Estimate: </script><script>alert(1)</script>');
    assert.equal(root.querySelector('tbody td')?.textContent, '<img src=x onerror=alert(1)>');
  });

  it('a failed read shows its sentence and keeps Refresh', () => {
    const { root, sent } = render({ estimate: undefined, error: 'SCP is limiting requests right now.' });
    assert.equal(root.querySelector('.notice-error')?.textContent, 'SCP is limiting requests right now.');
    assert.equal(root.querySelector('p.muted')?.textContent, '[noEstimate]');
    root.querySelector<HTMLButtonElement>('button[data-action="refresh"]')?.click();
    assert.deepEqual(sent, [{ type: 'refresh' }]);
  });
});
