import type { FieldView, Notice, StateTone } from '../../src/webview/webviewMessages';
import { codicon, element } from './domBuilder';

/** Pieces both apps draw the same way: header, buttons, notices, field grids. */

const TONE_ICONS: Record<StateTone, string> = { transitional: 'sync', healthy: 'pass', failed: 'error', unknown: 'question' };
const NOTICE_ICONS: Record<Notice['tone'], string> = { info: 'info', error: 'error', deleted: 'trash' };

/** The state badge: icon, colour AND the state's text (colour is never the only carrier). */
export function stateBadge(doc: Document, text: string, tone: StateTone): HTMLElement {
  const icon = codicon(doc, TONE_ICONS[tone], tone === 'transitional' ? 'codicon-modifier-spin' : '');
  return element(doc, 'span', {
    className: `badge badge-${tone}`,
    attrs: { role: 'status', 'data-tone': tone },
    children: [icon, element(doc, 'span', { className: 'badge-text', text })],
  });
}

export function header(doc: Document, title: string, extras: readonly (Node | undefined)[]): HTMLElement {
  return element(doc, 'header', { className: 'panel-header', children: [element(doc, 'h1', { className: 'panel-title', text: title }), ...extras] });
}

export function busyIndicator(doc: Document, text: string): HTMLElement {
  return element(doc, 'span', { className: 'busy', children: [codicon(doc, 'loading', 'codicon-modifier-spin'), element(doc, 'span', { text })] });
}

export interface ButtonSpec {
  action: string;
  label: string;
  icon: string;
  enabled: boolean;
  /** Why it is disabled (shown as a tooltip), when it is. */
  disabledHint?: string;
  secondary?: boolean;
  onClick: () => void;
}

/** A real <button> (focusable, Enter/Space work) wired with addEventListener, never an inline handler. */
export function button(doc: Document, spec: ButtonSpec): HTMLButtonElement {
  const node = element(doc, 'button', {
    className: spec.secondary ? 'secondary' : '',
    attrs: { type: 'button', 'data-action': spec.action },
    children: [codicon(doc, spec.icon), element(doc, 'span', { text: spec.label })],
  });
  node.disabled = !spec.enabled;
  if (!spec.enabled && spec.disabledHint) node.title = spec.disabledHint;
  node.addEventListener('click', () => {
    if (!node.disabled) spec.onClick();
  });
  return node;
}

export function toolbar(doc: Document, label: string, children: readonly Node[]): HTMLElement {
  return element(doc, 'div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': label }, children });
}

export function notice(doc: Document, value: Notice): HTMLElement {
  return element(doc, 'div', {
    className: `notice notice-${value.tone}`,
    attrs: { role: value.tone === 'info' ? 'status' : 'alert' },
    children: [codicon(doc, NOTICE_ICONS[value.tone]), element(doc, 'span', { className: 'notice-text', text: value.text })],
  });
}

/** A labelled section with a heading screen readers announce. */
export function section(doc: Document, id: string, heading: string, children: readonly (Node | undefined)[]): HTMLElement {
  const headingId = `${id}-heading`;
  return element(doc, 'section', {
    className: `panel-section section-${id}`,
    attrs: { 'aria-labelledby': headingId },
    children: [element(doc, 'h2', { text: heading, attrs: { id: headingId } }), ...children],
  });
}

/** Fields as a definition-list grid: friendly label (API name as tooltip and subtitle), value as text. */
export function fieldGrid(doc: Document, fields: readonly FieldView[], emptyValue: string): HTMLElement {
  const grid = element(doc, 'dl', { className: 'field-grid' });
  for (const field of fields) {
    const label = element(doc, 'dt', { attrs: { title: field.key }, children: [element(doc, 'span', { className: 'field-label', text: field.label })] });
    if (field.label !== field.key) label.appendChild(element(doc, 'span', { className: 'field-key', text: field.key }));
    const value = element(doc, 'dd', { className: field.value === '' ? 'field-value empty' : 'field-value', text: field.value === '' ? emptyValue : field.value });
    grid.append(label, value);
  }
  return grid;
}

/** The data-action of the focused button, so a redraw can give focus back to the same button. */
export function focusedAction(doc: Document): string | undefined {
  const active = doc.activeElement;
  const window = doc.defaultView;
  return window && active instanceof window.HTMLElement ? active.dataset.action : undefined;
}

export function restoreFocus(root: HTMLElement, action: string | undefined): void {
  if (!action) return;
  const target = Array.from(root.querySelectorAll<HTMLElement>('[data-action]')).find((node) => node.dataset.action === action);
  if (target && !(target as HTMLButtonElement).disabled) target.focus();
}
