import { randomBytes } from 'node:crypto';

/**
 * The HTML shell of every panel and its Content Security Policy. Nothing from the API ever goes into this HTML:
 * the app receives data by message and inserts it as text. No vscode import (unit-tested in Node).
 */

/** A fresh, unguessable nonce (base64 of 18 random bytes: no quote, no space, nothing to escape). */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Scripts only by this render's nonce; styles, fonts and images only from the webview's own resource origin;
 * everything else (connect, frames, inline style/script, eval) refused.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

export interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(...)` of the app bundle, as a string. */
  scriptUri: string;
  /** Style sheets (codicons, the app's CSS), as webview URIs. */
  styleUris: readonly string[];
  /** The document title (not shown by VS Code; escaped anyway). */
  title: string;
  /** BCP 47 language of the UI (`vscode.env.language`). */
  language: string;
  /** The sentence the app shows instead of a view it refuses (never stuck on "loading"). */
  refusedText: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML text and double-quoted attribute values (the only contexts this file writes to). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The whole document: CSP meta first, style sheets, an empty root the app fills, one script by nonce. */
export function panelHtml(options: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  const styles = options.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeHtml(options.title)}</title>
  </head>
  <body>
    <main id="app" aria-busy="true" data-refused="${escapeHtml(options.refusedText)}"></main>
    <script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
  </body>
</html>
`;
}
