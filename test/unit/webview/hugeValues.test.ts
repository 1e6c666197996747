import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { showRefused } from '../../../media/webview/hostBridge';
import { renderDetails } from '../../../media/webview/detailsRenderer';
import { buildDetailsView, refusedDetailsView } from '../../../src/webview/detailsView';
import { panelHtml } from '../../../src/webview/panelHtml';
import { parseResourceText } from '../../../src/webview/resourceText';
import { MAX_SHOWN_CHARS } from '../../../src/webview/shownText';
import { detailsHostMessageSchema } from '../../../src/webview/webviewMessages';
import { detail, detailsTexts, estimate, snapshot } from './webviewFixtures';

const HUGE_NUMBER = '9'.repeat(400);

describe('webview: huge or odd values never leave a panel on "loading"', () => {
  it('a 250,000-character description is shown cut, saying how long it is, and the view is one the protocol carries', () => {
    const description = 'x'.repeat(250_000);
    const view = buildDetailsView(snapshot({ detail: detail({ description, cloud_ml_name: 'n'.repeat(20_000) }) }), detailsTexts(), 1);
    assert.ok(detailsHostMessageSchema.safeParse({ type: 'details', view }).success, 'the view passes the message schema');
    const shown = view.fields.find((field) => field.key === 'description')?.value ?? '';
    assert.ok(shown.startsWith('x'.repeat(MAX_SHOWN_CHARS)));
    assert.ok(shown.endsWith('… (250000 in all)'), shown.slice(-40));
    assert.ok(view.title.length < 20_000);
  });

  it('a 400-digit number is no amount: resource texts with it are shown as text, an estimate value as text', () => {
    assert.equal(parseResourceText(`analytics: cpu ${HUGE_NUMBER}, memory 16Gi`)?.analytics?.cpu, undefined);
    assert.equal(parseResourceText(`analytics: cpu 2, memory ${HUGE_NUMBER}Gi`)?.analytics?.memory, undefined);
    const view = buildDetailsView(
      snapshot({
        detail: detail({ resource_request_text: `analytics: cpu ${HUGE_NUMBER}`, resource_limit_text: `analytics: memory 1e308Ti` }),
        estimate: estimate({ analytics: { cpu: HUGE_NUMBER, gpu: '1', memory: '64' }, application: { cpu: '8', memory: '32' }, copilot: {} }),
      }),
      detailsTexts(),
      1,
    );
    assert.ok(detailsHostMessageSchema.safeParse({ type: 'details', view }).success, 'the view passes the message schema');
    assert.deepEqual(view.rawResourceTexts.map((raw) => raw.which), ['request', 'limit']);
    const cpu = view.resources.find((group) => group.group === 'analytics')?.rows.find((row) => row.kind === 'cpu');
    assert.equal(cpu?.estimate, undefined);
    assert.equal(cpu?.estimateText, HUGE_NUMBER);
  });

  it('a refused view is replaced by its header and one error sentence (extension side)', () => {
    const view = buildDetailsView(snapshot({ detail: detail() }), detailsTexts(), 3);
    const broken = { ...view, fields: [{ key: 'k', label: 'l', value: 'v'.repeat(300_000) }] };
    assert.equal(detailsHostMessageSchema.safeParse({ type: 'details', view: broken }).success, false);
    const refused = refusedDetailsView(broken, 'This view could not be shown.');
    assert.ok(detailsHostMessageSchema.safeParse({ type: 'details', view: refused }).success);
    const dom = new JSDOM('<!DOCTYPE html><main id="app"></main>');
    const root = dom.window.document.getElementById('app')!;
    renderDetails(dom.window.document, root, refused, () => undefined);
    assert.match(root.textContent ?? '', /This view could not be shown\./);
    assert.equal(root.getAttribute('aria-busy'), 'false');
  });

  it('a view the app refuses is replaced by the sentence the page carries (app side)', () => {
    const html = panelHtml({ cspSource: 'x', nonce: 'n', scriptUri: 'x/app.js', styleUris: [], title: 't', language: 'en', refusedText: 'Not shown: "odd" <values>.' });
    const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/, ''));
    const doc = dom.window.document;
    const root = doc.getElementById('app')!;
    assert.equal(root.getAttribute('aria-busy'), 'true');
    showRefused(doc, root);
    assert.equal(root.textContent?.trim(), 'Not shown: "odd" <values>.');
    assert.equal(root.getAttribute('aria-busy'), 'false');
    assert.equal(root.querySelector('img'), null);
  });
});
