import type { EstimateView, EstimateWebviewMessage, ResourceKind } from '../../src/webview/webviewMessages';
import { RESOURCE_KINDS } from '../../src/webview/webviewMessages';
import { element, formatAmount, replaceChildren } from './domBuilder';
import { busyIndicator, button, focusedAction, header, notice, restoreFocus, section, toolbar } from './panelParts';

export type SendEstimateMessage = (message: EstimateWebviewMessage) => void;

/**
 * Draws a cluster's estimate: one table row per group (analytics, application, copilot), one column per kind,
 * and a copilot checkbox that asks the extension to query again with use_copilot.
 */
export function renderEstimate(doc: Document, root: HTMLElement, view: EstimateView, send: SendEstimateMessage): void {
  const focused = focusedAction(doc);
  const labels = view.labels;

  const checkbox = element(doc, 'input', { attrs: { type: 'checkbox', id: 'use-copilot', 'data-action': 'setCopilot' } });
  checkbox.checked = view.state.useCopilot;
  checkbox.addEventListener('change', () => send({ type: 'setCopilot', useCopilot: checkbox.checked }));
  const toggle = element(doc, 'span', {
    className: 'toggle',
    children: [checkbox, element(doc, 'label', { text: labels.copilotToggle, attrs: { for: 'use-copilot' } })],
  });
  const refresh = button(doc, { action: 'refresh', label: labels.refresh, icon: 'refresh', enabled: true, onClick: () => send({ type: 'refresh' }) });
  const createHere = button(doc, { action: 'createHere', label: labels.createHere, icon: 'add', enabled: true, secondary: true, onClick: () => send({ type: 'createHere' }) });

  const kinds = RESOURCE_KINDS.filter((kind) => view.groups.some((group) => group.rows.some((row) => row.kind === kind)));
  const table =
    view.groups.length === 0
      ? element(doc, 'p', { className: 'muted', text: view.busy ? labels.loading : labels.noEstimate })
      : element(doc, 'table', {
          className: 'estimate-table',
          children: [
            element(doc, 'thead', {
              children: [element(doc, 'tr', { children: [headCell(doc, labels.groupColumn), ...kinds.map((kind) => headCell(doc, labels[`kind.${kind}`]))] })],
            }),
            element(doc, 'tbody', {
              children: view.groups.map((group) =>
                element(doc, 'tr', {
                  attrs: { 'data-group': group.group },
                  children: [
                    element(doc, 'th', { text: labels[`group.${group.group}`], attrs: { scope: 'row' } }),
                    ...kinds.map((kind) => element(doc, 'td', { text: cellText(group.rows.find((row) => row.kind === kind), labels.empty) })),
                  ],
                }),
              ),
            }),
          ],
        });

  replaceChildren(root, [
    header(doc, view.title, [view.busy ? busyIndicator(doc, labels.loading) : undefined]),
    toolbar(doc, view.title, [refresh, createHere, toggle]),
    view.notice ? notice(doc, view.notice) : undefined,
    section(doc, 'estimate', labels.estimateHeading, [table]),
  ]);
  root.setAttribute('aria-busy', String(view.busy));
  root.dataset.revision = String(view.revision);
  restoreFocus(root, focused);
}

function headCell(doc: Document, text: string): HTMLTableCellElement {
  return element(doc, 'th', { text, attrs: { scope: 'col' } });
}

function cellText(row: { kind: ResourceKind; unit: string; estimate?: number; estimateText?: string } | undefined, empty: string): string {
  if (row?.estimate !== undefined) return row.unit ? `${formatAmount(row.estimate)} ${row.unit}` : formatAmount(row.estimate);
  return row?.estimateText ?? empty;
}
