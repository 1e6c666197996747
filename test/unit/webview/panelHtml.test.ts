import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, escapeHtml, panelHtml } from '../../../src/webview/panelHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function html(nonce = createNonce(), title = 'Cloud ML'): string {
  return panelHtml({
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/detailsApp.js`,
    styleUris: [`${CSP_SOURCE}/ext/dist/webview/codicon.css`, `${CSP_SOURCE}/ext/dist/webview/detailsApp.css`],
    title,
    language: 'en',
    refusedText: 'Could not show "this" <view>.',
  });
}

describe('panel HTML and CSP', () => {
  it('the CSP refuses everything but scripts by nonce and styles/fonts/images from the webview origin', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'abc'),
      `default-src 'none'; script-src 'nonce-abc'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; img-src ${CSP_SOURCE}`,
    );
    assert.doesNotMatch(contentSecurityPolicy(CSP_SOURCE, 'abc'), /unsafe-inline|unsafe-eval|\*/);
  });

  it('nonces are fresh and need no escaping', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
  });

  it('the document carries the CSP with its nonce, and every script tag uses that nonce', () => {
    const nonce = createNonce();
    const page = html(nonce);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
    assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, nonce));
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attributes] of scripts) assert.match(attributes ?? '', new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}"`));
    // No inline script body, no inline style, no event handler attribute.
    assert.doesNotMatch(page, /<script\b[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(page, /<style\b|\sstyle=/i);
    assert.doesNotMatch(page, /\son[a-z]+\s*=/i);
  });

  it('every render has its own nonce', () => {
    const nonceOf = (page: string): string | undefined => /script-src 'nonce-([^']+)'/.exec(page)?.[1];
    assert.notEqual(nonceOf(html()), nonceOf(html()));
  });

  it('a hostile title is escaped, not markup', () => {
    const page = html(createNonce(), '</title><script>alert(1)</script>');
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.match(page, /&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('escapeHtml covers text and double-quoted attribute contexts', () => {
    assert.equal(escapeHtml(`<a href="x">&</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
