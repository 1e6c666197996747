import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * Where things are in VS Code 1.100's web workbench (code-server), found by what a person sees: labels, texts
 * and aria-labels (the selectors of docs/test-layers.md "The code-server host"). No test seam.
 */

/** Status-bar items are `<publisher>.<name>.<item id>`; the ids are those of src/connection and src/deployments. */
export const ACCOUNT_STATUS_ITEM = 'scp-tools.scp-cloud-ml.scpCloudMl.account';
export const DEPLOYMENTS_STATUS_ITEM = 'scp-tools.scp-cloud-ml.scpCloudMl.deployments';

const attr = (value: string): string => JSON.stringify(value);

export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.activitybar .action-item [aria-label=${attr(title)}]`).first();
}

/** A button of the view's welcome content (the links of `viewsWelcome` render as buttons). */
export function welcomeButton(page: Page, text: string): Locator {
  return page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: text });
}

/** Tree rows of the side bar whose aria-label (label + description) starts with `start`. */
export function treeRow(page: Page, start: string): Locator {
  return page.locator(`.part.sidebar .monaco-list-row[aria-label^=${attr(start)}]`);
}

/** The aria-label of every tree row in the side bar, top to bottom. */
export function treeRowLabels(page: Page): Promise<string[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((row) => (row.getAttribute('aria-label') ?? '').trim()));
}

/** Waits until the side bar's tree shows exactly `expected` (aria-labels, top to bottom); fails showing what it has. */
export async function waitForTreeRows(page: Page, expected: readonly string[], timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => {
        const rows = Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row'));
        const labels = rows.map((row) => (row.getAttribute('aria-label') ?? '').trim());
        return JSON.stringify(labels) === JSON.stringify(want);
      },
      expected,
      { timeout },
    );
  } catch (error) {
    throw new Error(`The tree did not show ${JSON.stringify(expected)}; it shows ${JSON.stringify(await treeRowLabels(page))}. (${String(error)})`);
  }
}

export function contextMenuItem(page: Page, text: string): Locator {
  return page.locator('.context-view .monaco-menu .action-item', { hasText: text });
}

/**
 * Right-clicks `target` and clicks the menu item `text`. VS Code's menu ignores a click that comes right after
 * it opened (so the right-click's own release cannot pick an item), so a click that left the menu open is
 * repeated, a few times at most.
 */
export async function runFromContextMenu(page: Page, target: Locator, text: string): Promise<void> {
  await target.click({ button: 'right' });
  const item = contextMenuItem(page, text);
  await item.waitFor();
  const menu = page.locator('.context-view .monaco-menu');
  for (let attempt = 1; ; attempt++) {
    await item.click();
    try {
      await menu.waitFor({ state: 'hidden', timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw new Error(`The context menu stayed open after ${attempt} clicks on "${text}". (${String(error)})`);
    }
  }
}

export function notificationToast(page: Page, text: string): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text });
}

export function notificationButton(toast: Locator, text: string): Locator {
  return toast.locator('.monaco-button', { hasText: text });
}

/** The status-bar item `id`; with `text`, only while the text it shows holds `text`. */
export function statusBarItem(page: Page, id: string, text?: string): Locator {
  const item = page.locator(`.part.statusbar [id=${attr(id)}]`);
  return text === undefined ? item : item.filter({ hasText: text });
}

/** The content of the active webview panel (VS Code nests it in two frames). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Drags the sash between the side bar and the editor so the side bar is `width` pixels wide (tree labels and
 * descriptions fit in the screenshots); fails when the drag did not take.
 */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) throw new Error('The side bar is not visible.');
  const edge = sideBar.x + sideBar.width;
  const sashes = await page.locator('.monaco-sash.vertical').all();
  for (const sash of sashes) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 4 || box.height < sideBar.height / 2) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(sideBar.x + width, y, { steps: 5 });
    await page.mouse.up();
    const resized = await page.locator('.part.sidebar').boundingBox();
    if (resized && Math.abs(resized.width - width) <= 8) return;
    throw new Error(`Dragging the side bar's sash left it ${String(resized?.width)} px wide instead of ${width}.`);
  }
  throw new Error("Found no sash at the side bar's right edge.");
}
