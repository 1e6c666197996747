import type { DetailsView, DetailsWebviewMessage } from '../../src/webview/webviewMessages';
import { element, replaceChildren } from './domBuilder';
import { busyIndicator, button, fieldGrid, focusedAction, header, notice, restoreFocus, section, stateBadge, toolbar } from './panelParts';
import { resourceGroups } from './resourceBars';

export type SendDetailsMessage = (message: DetailsWebviewMessage) => void;

/**
 * Draws a whole details view into `root`: header with the state badge, the buttons (which only post messages:
 * the extension runs the same commands as the palette), a notice (deleted / failed to load), the resources, every
 * field, and the cluster. Every API string goes in as text. Focus stays on the button it was on.
 */
export function renderDetails(doc: Document, root: HTMLElement, view: DetailsView, send: SendDetailsMessage): void {
  const focused = focusedAction(doc);
  const labels = view.labels;
  const unsettledHint = view.notice?.tone === 'deleted' ? undefined : labels.transitionalHint;
  const buttons = [
    button(doc, { action: 'refresh', label: labels.refresh, icon: 'refresh', enabled: view.actions.refresh, onClick: () => send({ type: 'refresh' }) }),
    button(doc, {
      action: 'updateDescription',
      label: labels.updateDescription,
      icon: 'edit',
      enabled: view.actions.updateDescription,
      disabledHint: unsettledHint,
      secondary: true,
      onClick: () => send({ type: 'updateDescription' }),
    }),
    button(doc, {
      action: 'delete',
      label: labels.delete,
      icon: 'trash',
      enabled: view.actions.delete,
      disabledHint: unsettledHint,
      secondary: true,
      onClick: () => send({ type: 'delete' }),
    }),
    button(doc, { action: 'copyEndpoint', label: labels.copyEndpoint, icon: 'copy', enabled: view.actions.copyEndpoint, secondary: true, onClick: () => send({ type: 'copyEndpoint' }) }),
    button(doc, { action: 'createLikeThis', label: labels.createLikeThis, icon: 'copy', enabled: view.notice?.tone !== 'deleted', secondary: true, onClick: () => send({ type: 'createLikeThis' }) }),
  ];

  const resources = section(doc, 'resources', labels.resourcesHeading, [
    view.resourcesNotice ? notice(doc, { tone: 'error', text: view.resourcesNotice }) : undefined,
    view.resources.length > 0 ? resourceGroups(doc, view.resources, labels) : undefined,
    ...view.rawResourceTexts.map((raw) =>
      element(doc, 'p', {
        className: 'raw-resource-text',
        children: [element(doc, 'span', { className: 'field-label', text: raw.which === 'request' ? labels.unparsedRequest : labels.unparsedLimit }), element(doc, 'code', { text: raw.text })],
      }),
    ),
    view.resources.length === 0 && view.rawResourceTexts.length === 0 && !view.resourcesNotice && !view.busy
      ? element(doc, 'p', { className: 'muted', text: labels.noResources })
      : undefined,
  ]);

  replaceChildren(root, [
    header(doc, view.title, [view.badge ? stateBadge(doc, view.badge.text, view.badge.tone) : undefined, view.busy ? busyIndicator(doc, labels.loading) : undefined]),
    toolbar(doc, view.title, buttons),
    view.notice ? notice(doc, view.notice) : undefined,
    resources,
    view.fields.length > 0 ? section(doc, 'fields', labels.fieldsHeading, [fieldGrid(doc, view.fields, labels.empty)]) : undefined,
    view.cluster.length > 0 || view.clusterNotice
      ? section(doc, 'cluster', labels.clusterHeading, [
          view.clusterNotice ? notice(doc, { tone: 'error', text: view.clusterNotice }) : undefined,
          view.cluster.length > 0 ? fieldGrid(doc, view.cluster, labels.empty) : undefined,
        ])
      : undefined,
  ]);
  root.setAttribute('aria-busy', String(view.busy));
  root.dataset.revision = String(view.revision);
  restoreFocus(root, focused);
}
