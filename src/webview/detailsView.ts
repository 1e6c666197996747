import { instanceEndpoint } from '../model/commandTargets';
import type { CloudMlDetail, ClusterEstimate } from '../scp/cloudMlSchemas';
import { classifyState } from '../scp/instanceState';
import type { SkeClusterDetail } from '../scp/skeSchemas';
import { compareResources } from './resourceComparison';
import { isPlainRecord, recordFieldText } from './recordFieldText';
import { parseResourceText } from './resourceText';
import { withoutSecrets } from './secretStripping';
import { shownText } from './shownText';
import type { DetailsLabelKey, DetailsPanelState, DetailsView, FieldView, Notice } from './webviewMessages';

/** Everything a details panel knows at one moment (the host keeps it; the view is derived from it). */
export interface DetailsSnapshot {
  state: DetailsPanelState;
  /** The name known before the detail arrives (from the command target). */
  name: string;
  /** The state known before the detail arrives. */
  knownState?: string;
  detail?: CloudMlDetail;
  cluster?: SkeClusterDetail;
  /** One sentence: why the cluster could not be read. */
  clusterError?: string;
  estimate?: ClusterEstimate;
  /** One sentence: why the estimate could not be read. */
  estimateError?: string;
  /** One sentence: why the instance could not be read. */
  error?: string;
  deleted: boolean;
  busy: boolean;
}

/** The localized words of the details view (built with vscode.l10n by detailsTexts.ts). */
export interface DetailsTexts {
  labels: Record<DetailsLabelKey, string>;
  /** Friendly names of known detail fields; unknown fields show their API name. */
  fieldLabels: Readonly<Record<string, string>>;
  /** Friendly names of known SKE cluster fields. */
  clusterLabels: Readonly<Record<string, string>>;
  deletedBadge: string;
  deletedNotice: (name: string) => string;
  /** Appended to a value cut to MAX_SHOWN_CHARS: "(250000 characters in all)". */
  shortened: (length: number) => string;
}

/**
 * The view the details app draws: header, every field of the detail (unknown ones too, secrets removed), the
 * cluster, the estimate against the requested resources, and which buttons work now. Pure: unit-tested in Node.
 */
export function buildDetailsView(snapshot: DetailsSnapshot, texts: DetailsTexts, revision: number): DetailsView {
  const detail = snapshot.detail ? withoutSecrets(snapshot.detail) : undefined;
  const cluster = snapshot.cluster ? withoutSecrets(snapshot.cluster) : undefined;
  const name = detail?.cloud_ml_name || snapshot.name;
  const state = detail?.cloud_ml_state ?? snapshot.knownState;
  const settled = detail !== undefined && classifyState(detail.cloud_ml_state) !== 'transitional';
  const live = !snapshot.deleted;

  const request = parseResourceText(detail?.resource_request_text);
  const limit = parseResourceText(detail?.resource_limit_text);
  const rawResourceTexts: DetailsView['rawResourceTexts'] = [];
  if (!request && detail?.resource_request_text?.trim()) rawResourceTexts.push({ which: 'request', text: detail.resource_request_text });
  if (!limit && detail?.resource_limit_text?.trim()) rawResourceTexts.push({ which: 'limit', text: detail.resource_limit_text });

  const shown = (text: string): string => shownText(text, texts.shortened);
  const shownFields = (fields: FieldView[]): FieldView[] => fields.map((field) => ({ ...field, label: shown(field.label), value: shown(field.value) }));
  const view: DetailsView = {
    revision,
    state: { ...snapshot.state },
    title: shown(name),
    busy: snapshot.busy,
    // A deleted instance's last detail still says DELETING: its State field says what the badge says.
    fields: detail ? shownFields(fieldsOf(snapshot.deleted ? { ...detail, cloud_ml_state: texts.deletedBadge } : detail, texts.fieldLabels)) : [],
    cluster: cluster ? shownFields(fieldsOf(cluster, texts.clusterLabels)) : [],
    resources: compareResources(snapshot.estimate, request, limit),
    rawResourceTexts: rawResourceTexts.map((raw) => ({ ...raw, text: shown(raw.text) })),
    actions: {
      // Stays enabled while loading: disabling the focused button would throw keyboard focus away.
      refresh: live,
      updateDescription: live && settled,
      delete: live && settled,
      copyEndpoint: live && detail !== undefined && instanceEndpoint(detail) !== undefined,
    },
    labels: { ...texts.labels },
  };
  if (snapshot.deleted) view.badge = { text: texts.deletedBadge, tone: 'unknown' };
  else if (state) view.badge = { text: shown(state), tone: classifyState(state) };
  const notice = noticeOf(snapshot, texts, name);
  if (notice) view.notice = notice;
  if (snapshot.clusterError) view.clusterNotice = snapshot.clusterError;
  if (snapshot.estimateError) view.resourcesNotice = snapshot.estimateError;
  return view;
}

function noticeOf(snapshot: DetailsSnapshot, texts: DetailsTexts, name: string): Notice | undefined {
  if (snapshot.deleted) return { tone: 'deleted', text: texts.deletedNotice(name) };
  if (snapshot.error) return { tone: 'error', text: snapshot.error };
  return undefined;
}

/** Every property as one labelled line of text, in the order the API sent them. */
export function fieldsOf(record: object, labels: Readonly<Record<string, string>>): FieldView[] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, label: labels[key] ?? key, value: fieldText(value) }));
}

/** A field's value as display text: strings as they came, objects as their `key: value` lines, arrays as compact JSON. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isPlainRecord(value)) return recordFieldText(value);
  return JSON.stringify(value) ?? '';
}

/** The view emptied down to its header and one error sentence, for a view the protocol refused. */
export function refusedDetailsView(view: DetailsView, sentence: string): DetailsView {
  return {
    revision: view.revision,
    state: view.state,
    title: view.title.slice(0, 200),
    busy: false,
    notice: { tone: 'error', text: sentence },
    fields: [],
    cluster: [],
    resources: [],
    rawResourceTexts: [],
    actions: { refresh: true, updateDescription: false, delete: false, copyEndpoint: false },
    labels: view.labels,
  };
}
