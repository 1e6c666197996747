import { until } from './until';

/** What a details or estimate panel offers for closing it cleanly. */
interface DrawingPanel {
  readonly lastView?: { revision: number } | undefined;
  readonly renderedView?: { revision: number } | undefined;
  readonly panel: { readonly visible: boolean };
  dispose(): void;
}

/**
 * Closes a panel once its webview has drawn the latest view (fonts included); a hidden one loads nothing and
 * closes at once. In code-server every webview shares one service worker: one closed while it still loads a
 * resource leaves a fetch that ends only after 30 s, and the next webview to open waits for it. Desktop VS Code
 * gives each webview its own origin and does not.
 */
export async function disposeWhenDrawn(panel: DrawingPanel, withinMs = 35_000): Promise<void> {
  if (!panel.panel.visible) {
    panel.dispose();
    return;
  }
  // Cleanup, not a check: a panel that never draws is closed anyway (the tests that look at drawing fail on it).
  await until('the panel to draw before it closes', () => panel.renderedView?.revision === panel.lastView?.revision, withinMs).catch((err: unknown) =>
    console.log(`closing a panel that did not draw: ${String(err)}`),
  );
  panel.dispose();
}
