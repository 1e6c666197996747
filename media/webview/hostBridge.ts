import { describeRejection } from '../../src/webview/webviewMessages';
import { notice } from './panelParts';

/** The API VS Code injects into a webview (once per page). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What an app's incoming schema must offer (a zod/mini schema does). */
interface MessageSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeRejection>[0] };
}

/** Messages every app may send, whatever its own ones are. */
type CommonMessage = { type: 'ready' } | { type: 'rendered'; revision: number } | { type: 'dropped'; reason: string };

export interface AppDefinition<In extends { view: { revision: number; state: unknown } }, Out> {
  schema: MessageSchema<In>;
  render(doc: Document, root: HTMLElement, message: In, send: (message: Out) => void): void;
}

/**
 * Runs a panel app: validates every message from the extension (a malformed one is not drawn; the extension is
 * told why, and logs it), draws the valid ones, remembers only the ids for a reload (setState), acknowledges each
 * drawn revision (fonts included), and says "ready" once listening so the extension (re)sends the latest view.
 */
export function runApp<In extends { view: { revision: number; state: unknown } }, Out>(app: AppDefinition<In, Out>): void {
  const vscode = acquireVsCodeApi();
  const send = (message: Out | CommonMessage): void => vscode.postMessage(message);
  const root = document.getElementById('app');
  if (!root) return;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = app.schema.safeParse(event.data);
    if (!parsed.success) {
      send({ type: 'dropped', reason: describeRejection(parsed.error).slice(0, 500) });
      showRefused(document, root);
      return;
    }
    vscode.setState(parsed.data.view.state);
    app.render(document, root, parsed.data, send);
    // Acknowledged once on screen with its icon font: reading the layout starts the font's load, fonts.ready
    // waits for it. (In code-server, a webview opened while another still loads a resource can stall 30 s.)
    const revision = parsed.data.view.revision;
    void root.offsetHeight;
    void document.fonts.ready.then(() => send({ type: 'rendered', revision }));
  });
  send({ type: 'ready' });
}

/** A view that cannot be drawn: the sentence the extension put in the page, instead of "loading" for ever. */
export function showRefused(doc: Document, root: HTMLElement): void {
  root.replaceChildren(notice(doc, { tone: 'error', text: root.dataset.refused ?? '' }));
  root.setAttribute('aria-busy', 'false');
}
