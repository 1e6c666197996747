import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { renderDetails } from '../../../media/webview/detailsRenderer';
import { element } from '../../../media/webview/domBuilder';
import { buildDetailsView, type DetailsSnapshot } from '../../../src/webview/detailsView';
import type { DetailsWebviewMessage } from '../../../src/webview/webviewMessages';
import { detail, detailsTexts, estimate, snapshot } from './webviewFixtures';

const IMG_ATTACK = '<img src=x onerror=alert(1)>';
const SCRIPT_ATTACK = '</script><script>alert(1)</script>';

interface Page {
  doc: Document;
  root: HTMLElement;
  sent: DetailsWebviewMessage[];
  render(overrides: Partial<DetailsSnapshot>, revision?: number): void;
}

function page(): Page {
  const dom = new JSDOM('<!DOCTYPE html><html><body><main id="app"></main></body></html>');
  const doc = dom.window.document;
  const root = doc.getElementById('app')!;
  const sent: DetailsWebviewMessage[] = [];
  return {
    doc,
    root,
    sent,
    render(overrides, revision = 1) {
      renderDetails(doc, root, buildDetailsView(snapshot(overrides), detailsTexts(), revision), (m) => sent.push(m));
    },
  };
}

function buttonOf(root: HTMLElement, action: string): HTMLButtonElement {
  const found = root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  assert.ok(found, `no ${action} button`);
  return found;
}

describe('details renderer (jsdom)', () => {
  it('renders hostile API text as text: no element, no handler, no script is created', () => {
    const p = page();
    p.render({ detail: detail({ cloud_ml_name: SCRIPT_ATTACK, description: IMG_ATTACK, [IMG_ATTACK]: SCRIPT_ATTACK }), name: SCRIPT_ATTACK });

    assert.equal(p.doc.querySelectorAll('img').length, 0);
    assert.equal(p.doc.querySelectorAll('script').length, 0);
    assert.equal(p.doc.querySelectorAll('[onerror]').length, 0);
    assert.equal(p.root.querySelector('h1')?.textContent, SCRIPT_ATTACK);
    const values = [...p.root.querySelectorAll('dd')].map((dd) => dd.textContent);
    assert.ok(values.includes(IMG_ATTACK));
    const labels = [...p.root.querySelectorAll('dt')].map((dt) => dt.textContent);
    assert.ok(labels.includes(IMG_ATTACK), 'an unknown field name is shown as text too');
    // Serialized and parsed again, it is still text (in attributes the quotes hold it): the same DOM comes back.
    assert.match(p.root.innerHTML, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const reparsed = new JSDOM(`<!DOCTYPE html><main>${p.root.innerHTML}</main>`).window.document;
    assert.equal(reparsed.querySelectorAll('img, script, [onerror]').length, 0);
    assert.equal(reparsed.querySelector('h1')?.textContent, SCRIPT_ATTACK);
  });

  it('shows the name, the state badge with its text and tone, and every field', () => {
    const p = page();
    p.render({ detail: detail({ extra_field: 'kept' }) });
    const badge = p.root.querySelector('.badge');
    assert.equal(badge?.textContent, 'DEPLOYED');
    assert.equal(badge?.getAttribute('data-tone'), 'healthy');
    assert.ok(badge?.classList.contains('badge-healthy'));
    assert.ok(badge?.querySelector('.codicon-pass'), 'an icon, not colour alone');
    const field = [...p.root.querySelectorAll('dt')].find((dt) => dt.textContent === 'extra_field');
    assert.equal(field?.nextElementSibling?.textContent, 'kept');
  });

  it('a transitional badge spins and says the state', () => {
    const p = page();
    p.render({ detail: detail({ cloud_ml_state: 'CREATING' }) });
    assert.equal(p.root.querySelector('.badge')?.textContent, 'CREATING');
    assert.ok(p.root.querySelector('.badge .codicon-sync.codicon-modifier-spin'));
  });

  it('buttons are real buttons that post their message, and disabled ones post nothing', () => {
    const p = page();
    p.render({ detail: detail() });
    for (const action of ['refresh', 'updateDescription', 'delete', 'copyEndpoint']) buttonOf(p.root, action).click();
    assert.deepEqual(
      p.sent.map((m) => m.type),
      ['refresh', 'updateDescription', 'delete', 'copyEndpoint'],
    );
    for (const node of p.root.querySelectorAll('button')) assert.equal(node.getAttribute('type'), 'button');

    p.sent.length = 0;
    p.render({ detail: detail({ cloud_ml_state: 'UPDATING' }) }, 2);
    assert.equal(buttonOf(p.root, 'delete').disabled, true);
    assert.equal(buttonOf(p.root, 'delete').title, '[transitionalHint]');
    buttonOf(p.root, 'delete').click();
    buttonOf(p.root, 'updateDescription').click();
    assert.deepEqual(p.sent, []);
  });

  it('a deleted instance: the notice says so and every button is disabled', () => {
    const p = page();
    p.render({ detail: detail(), deleted: true });
    const notice = p.root.querySelector('.notice-deleted');
    assert.equal(notice?.textContent, 'my-ml was deleted.');
    assert.equal(notice?.getAttribute('role'), 'alert');
    for (const node of p.root.querySelectorAll('button')) assert.equal(node.disabled, true, node.dataset.action);
  });

  it('keeps keyboard focus on the same button across a redraw', () => {
    const p = page();
    p.render({ detail: detail({ cloud_ml_state: 'CREATING' }) });
    buttonOf(p.root, 'refresh').focus();
    p.render({ detail: detail({ cloud_ml_state: 'DEPLOYED' }) }, 2);
    assert.equal((p.doc.activeElement as HTMLElement | null)?.dataset.action, 'refresh');
  });

  it('draws the estimate as bars with the request filled, the limit marked and the numbers written out', () => {
    const p = page();
    p.render({ detail: detail(), estimate: estimate() });
    const cpu = p.root.querySelector('.group-analytics .resource-row[data-kind="cpu"]');
    assert.ok(cpu);
    assert.equal(cpu.querySelector<HTMLElement>('.bar-request')?.style.width, '25%');
    assert.equal(cpu.querySelector<HTMLElement>('.bar-estimate')?.style.width, '100%');
    assert.equal(cpu.querySelector<HTMLElement>('.bar-limit')?.style.left, '50%');
    assert.equal(cpu.querySelector('.resource-summary')?.textContent, '[requested] 4 · [limit] 8 · [estimate] 16');
    assert.equal(cpu.querySelector('.bar-track')?.getAttribute('aria-label'), '[kind.cpu]: [requested] 4 · [limit] 8 · [estimate] 16');
    const memory = p.root.querySelector('.group-analytics .resource-row[data-kind="memory"] .resource-summary');
    assert.equal(memory?.textContent, '[requested] 16 GiB · [limit] 32 GiB · [estimate] 64 GiB');
    // No style attribute written as markup (CSP has no unsafe-inline): widths go through CSSOM.
    assert.equal(p.root.querySelector('.bar-request')?.getAttribute('style'), 'width: 25%;');
  });

  it('shows an unreadable resource text as text', () => {
    const p = page();
    p.render({ detail: detail({ resource_request_text: IMG_ATTACK, resource_limit_text: '' }) });
    const raw = p.root.querySelector('.raw-resource-text code');
    assert.equal(raw?.textContent, IMG_ATTACK);
    assert.equal(p.doc.querySelectorAll('img').length, 0);
  });

  it('the element builder refuses event handler attributes', () => {
    const { window } = new JSDOM('');
    assert.throws(() => element(window.document, 'div', { attrs: { onclick: 'alert(1)' } }), /event handler/);
    assert.throws(() => element(window.document, 'div', { attrs: { OnError: 'alert(1)' } }), /event handler/);
  });
});
