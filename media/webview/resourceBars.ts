import type { DetailsLabelKey, ResourceGroupView, ResourceRowView } from '../../src/webview/webviewMessages';
import { element, formatAmount } from './domBuilder';

type Labels = Readonly<Record<DetailsLabelKey, string>>;

/**
 * The estimate of the cluster drawn against what the instance requests: per row a track scaled to the largest
 * of estimate / request / limit, the estimate as a shaded region, the request as a filled bar (error colour when
 * it exceeds the estimate), the limit as a marker. The numbers are always written out next to the bar, so
 * nothing depends on seeing colour or shape. Widths are set through CSSOM (no inline style attribute: CSP).
 */
export function resourceGroups(doc: Document, groups: readonly ResourceGroupView[], labels: Labels): HTMLElement {
  const container = element(doc, 'div', { className: 'resource-groups' });
  for (const group of groups) {
    const box = element(doc, 'div', { className: `resource-group group-${group.group}` });
    box.appendChild(element(doc, 'h3', { text: labels[`group.${group.group}`] }));
    for (const row of group.rows) box.appendChild(resourceRow(doc, row, labels));
    container.appendChild(box);
  }
  return container;
}

function amountText(value: number, unit: string): string {
  return unit ? `${formatAmount(value)} ${unit}` : formatAmount(value);
}

/** "requested 4 · limit 8 · estimate 16" in the UI language. */
export function rowSummary(row: ResourceRowView, labels: Labels): string {
  const parts: string[] = [];
  if (row.request !== undefined) parts.push(`${labels.requested} ${amountText(row.request, row.unit)}`);
  if (row.limit !== undefined) parts.push(`${labels.limit} ${amountText(row.limit, row.unit)}`);
  if (row.estimate !== undefined) parts.push(`${labels.estimate} ${amountText(row.estimate, row.unit)}`);
  else if (row.estimateText !== undefined) parts.push(`${labels.estimate} ${row.estimateText}`);
  if (row.overEstimate) parts.push(labels.overEstimate);
  return parts.join(' · ');
}

function resourceRow(doc: Document, row: ResourceRowView, labels: Labels): HTMLElement {
  const kind = labels[`kind.${row.kind}`];
  const summary = rowSummary(row, labels);
  const track = element(doc, 'div', { className: 'bar-track', attrs: { role: 'img', 'aria-label': `${kind}: ${summary}` } });
  const layer = (className: string, percent: number | undefined, property: 'width' | 'left'): void => {
    if (percent === undefined) return;
    const part = element(doc, 'div', { className, attrs: { 'aria-hidden': 'true' } });
    part.style[property] = `${percent}%`;
    track.appendChild(part);
  };
  layer('bar-estimate', row.estimatePercent, 'width');
  layer(row.overEstimate ? 'bar-request over' : 'bar-request', row.requestPercent, 'width');
  layer('bar-limit', row.limitPercent, 'left');
  return element(doc, 'div', {
    className: row.overEstimate ? 'resource-row over' : 'resource-row',
    attrs: { 'data-kind': row.kind },
    children: [element(doc, 'span', { className: 'resource-kind', text: kind }), track, element(doc, 'span', { className: 'resource-summary', text: summary })],
  });
}
