import * as z from 'zod/mini';

/**
 * The typed message protocol between the panel hosts (extension) and the webview apps, in both directions.
 * zod/mini keeps the webview bundles small; the extension validates what it receives AND what it posts, the
 * apps validate what they receive. Anything that does not match is dropped and logged, never half-used.
 * No vscode import: the webview apps and the unit tests load this file too.
 */

export const STATE_TONES = ['transitional', 'healthy', 'failed', 'unknown'] as const;
export type StateTone = (typeof STATE_TONES)[number];

export const NOTICE_TONES = ['info', 'error', 'deleted'] as const;

export const RESOURCE_GROUPS = ['analytics', 'application', 'copilot'] as const;
export type ResourceGroup = (typeof RESOURCE_GROUPS)[number];

export const RESOURCE_KINDS = ['cpu', 'gpu', 'memory'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Every sentence the details app shows that is not API data; localized by the extension. */
export const DETAILS_LABEL_KEYS = [
  'refresh',
  'updateDescription',
  'delete',
  'copyEndpoint',
  'createLikeThis',
  'transitionalHint',
  'fieldsHeading',
  'clusterHeading',
  'resourcesHeading',
  'requested',
  'limit',
  'estimate',
  'overEstimate',
  'noResources',
  'unparsedRequest',
  'unparsedLimit',
  'loading',
  'empty',
  ...RESOURCE_GROUPS.map((g) => `group.${g}` as const),
  ...RESOURCE_KINDS.map((k) => `kind.${k}` as const),
] as const;
export type DetailsLabelKey = (typeof DETAILS_LABEL_KEYS)[number];

/** Every sentence the estimate app shows that is not API data. */
export const ESTIMATE_LABEL_KEYS = [
  'refresh',
  'createHere',
  'copilotToggle',
  'estimateHeading',
  'groupColumn',
  'noEstimate',
  'loading',
  'empty',
  ...RESOURCE_GROUPS.map((g) => `group.${g}` as const),
  ...RESOURCE_KINDS.map((k) => `kind.${k}` as const),
] as const;
export type EstimateLabelKey = (typeof ESTIMATE_LABEL_KEYS)[number];

const id = z.string().check(z.minLength(1), z.maxLength(512));
const text = z.string().check(z.maxLength(200_000));
const revision = z.int().check(z.nonnegative());
const percent = z.number().check(z.gte(0), z.lte(100));

/** What a details panel persists for a reload: ids only, so a restored panel always re-fetches. */
export const detailsPanelStateSchema = z.strictObject({ profileId: id, cloudMlId: id, clusterId: id });
export type DetailsPanelState = z.infer<typeof detailsPanelStateSchema>;

/** What an estimate panel persists for a reload. */
export const estimatePanelStateSchema = z.strictObject({ profileId: id, clusterId: id, useCopilot: z.boolean() });
export type EstimatePanelState = z.infer<typeof estimatePanelStateSchema>;

const noticeSchema = z.strictObject({ tone: z.enum(NOTICE_TONES), text });
export type Notice = z.infer<typeof noticeSchema>;

const fieldSchema = z.strictObject({ key: text, label: text, value: text });
export type FieldView = z.infer<typeof fieldSchema>;

/** One resource kind of one group: the estimate against what the instance requests (positions on one scale). */
const resourceRowSchema = z.strictObject({
  kind: z.enum(RESOURCE_KINDS),
  unit: z.string().check(z.maxLength(16)),
  estimate: z.optional(z.number()),
  /** The estimate as it came when it is not a number (e.g. a GPU model). */
  estimateText: z.optional(text),
  request: z.optional(z.number()),
  limit: z.optional(z.number()),
  estimatePercent: z.optional(percent),
  requestPercent: z.optional(percent),
  limitPercent: z.optional(percent),
  overEstimate: z.boolean(),
});
export type ResourceRowView = z.infer<typeof resourceRowSchema>;

const resourceGroupSchema = z.strictObject({ group: z.enum(RESOURCE_GROUPS), rows: z.array(resourceRowSchema) });
export type ResourceGroupView = z.infer<typeof resourceGroupSchema>;

/** A resource text that could not be read as amounts: shown as it came. */
const rawResourceTextSchema = z.strictObject({ which: z.enum(['request', 'limit']), text });

const badgeSchema = z.strictObject({ text, tone: z.enum(STATE_TONES) });

export const detailsViewSchema = z.strictObject({
  revision,
  state: detailsPanelStateSchema,
  title: text,
  badge: z.optional(badgeSchema),
  notice: z.optional(noticeSchema),
  busy: z.boolean(),
  fields: z.array(fieldSchema),
  cluster: z.array(fieldSchema),
  clusterNotice: z.optional(text),
  resources: z.array(resourceGroupSchema),
  rawResourceTexts: z.array(rawResourceTextSchema),
  resourcesNotice: z.optional(text),
  actions: z.strictObject({ refresh: z.boolean(), updateDescription: z.boolean(), delete: z.boolean(), copyEndpoint: z.boolean() }),
  labels: z.record(z.enum(DETAILS_LABEL_KEYS), text),
});
export type DetailsView = z.infer<typeof detailsViewSchema>;

export const estimateViewSchema = z.strictObject({
  revision,
  state: estimatePanelStateSchema,
  title: text,
  notice: z.optional(noticeSchema),
  busy: z.boolean(),
  groups: z.array(resourceGroupSchema),
  labels: z.record(z.enum(ESTIMATE_LABEL_KEYS), text),
});
export type EstimateView = z.infer<typeof estimateViewSchema>;

// ---------- extension -> webview ----------

export const detailsHostMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('details'), view: detailsViewSchema })]);
export type DetailsHostMessage = z.infer<typeof detailsHostMessageSchema>;

export const estimateHostMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('estimate'), view: estimateViewSchema })]);
export type EstimateHostMessage = z.infer<typeof estimateHostMessageSchema>;

// ---------- webview -> extension ----------

/** The app started (or was re-created after being hidden): the host answers with the latest view. */
const ready = z.strictObject({ type: z.literal('ready') });
const refresh = z.strictObject({ type: z.literal('refresh') });
/** The app drew the view of this revision (lets the host and the tests know what the user sees). */
const rendered = z.strictObject({ type: z.literal('rendered'), revision });
/** The app refused a message from the host; the host logs why. */
const dropped = z.strictObject({ type: z.literal('dropped'), reason: z.string().check(z.maxLength(500)) });

export const detailsWebviewMessageSchema = z.discriminatedUnion('type', [
  ready,
  refresh,
  rendered,
  dropped,
  z.strictObject({ type: z.literal('updateDescription') }),
  z.strictObject({ type: z.literal('delete') }),
  z.strictObject({ type: z.literal('copyEndpoint') }),
  /** "Create Cloud ML Like This…": the create form prefilled from this instance. */
  z.strictObject({ type: z.literal('createLikeThis') }),
]);
export type DetailsWebviewMessage = z.infer<typeof detailsWebviewMessageSchema>;

export const estimateWebviewMessageSchema = z.discriminatedUnion('type', [
  ready,
  refresh,
  rendered,
  dropped,
  z.strictObject({ type: z.literal('setCopilot'), useCopilot: z.boolean() }),
  /** "Create Cloud ML here with…": the host asks what the workload needs and checks this cluster. */
  z.strictObject({ type: z.literal('createHere') }),
]);
export type EstimateWebviewMessage = z.infer<typeof estimateWebviewMessageSchema>;

/** A short, content-free reason for a refused message (for the log: types and paths, never the values). */
export function describeRejection(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.code}`);
  return issues.join('; ') + (error.issues.length > 3 ? `; +${error.issues.length - 3} more` : '');
}

/** The `type` of a raw message when it has a readable one, for the log. */
export function messageTypeOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string') {
    return JSON.stringify((raw as { type: string }).type.slice(0, 40));
  }
  return Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw;
}
