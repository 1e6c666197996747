import { z } from 'zod';

/**
 * The emulator's validation of Cloud ML request bodies and query strings. The reference documents the field
 * names and types only; the patterns and lengths below are the emulator's plausible choice (the SKE naming rule
 * for names), kept here so that they are easy to change.
 */

export const CLOUD_ML_NAME_PATTERN = /^[a-z][a-z0-9-]*[a-z0-9]$/;
export const CLOUD_ML_NAME_LENGTH = { min: 3, max: 30 } as const;
export const DOMAIN_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
export const DOMAIN_NAME_LENGTH = { min: 3, max: 50 } as const;
export const ENDPOINT_TYPES = ['PRIVATE', 'PUBLIC'] as const;
export const DESCRIPTION_MAX_LENGTH = 500;
export const TAGS_MAX = 20;

const requiredText = z.string().trim().min(1, 'must not be empty');

const cloudMlName = z
  .string()
  .min(CLOUD_ML_NAME_LENGTH.min, `must be ${CLOUD_ML_NAME_LENGTH.min}-${CLOUD_ML_NAME_LENGTH.max} characters`)
  .max(CLOUD_ML_NAME_LENGTH.max, `must be ${CLOUD_ML_NAME_LENGTH.min}-${CLOUD_ML_NAME_LENGTH.max} characters`)
  .regex(CLOUD_ML_NAME_PATTERN, 'must start with a lower-case letter and hold only lower-case letters, digits and "-"');

const domainName = z
  .string()
  .min(DOMAIN_NAME_LENGTH.min, `must be ${DOMAIN_NAME_LENGTH.min}-${DOMAIN_NAME_LENGTH.max} characters`)
  .max(DOMAIN_NAME_LENGTH.max, `must be ${DOMAIN_NAME_LENGTH.min}-${DOMAIN_NAME_LENGTH.max} characters`)
  .regex(DOMAIN_NAME_PATTERN, 'must hold only lower-case letters, digits, "-" and "."');

const endpointType = z
  .string()
  .refine((value) => (ENDPOINT_TYPES as readonly string[]).includes(value.toUpperCase()), `must be one of ${ENDPOINT_TYPES.join(', ')}`);

const amount = z.number().positive('must be greater than 0');
/** The reference types gpu as a string ("" = none). */
const gpuText = z.string().regex(/^\d*$/, 'must be a whole number written as a string, e.g. "1"');

export const analyticsResourceSchema = z.object({ cpu: amount, gpu: gpuText.optional(), memory: amount });
export const applicationResourceSchema = z.object({ cpu: amount, memory: amount });
export const copilotResourceSchema = z.object({ cpu: amount, gpu: gpuText.optional(), memory: amount });

export const cloudMlCreateRequestSchema = z.object({
  cloud_ml_name: cloudMlName,
  cluster_id: requiredText,
  image_id: requiredText,
  domain_name: domainName,
  endpoint_type: endpointType,
  custom_registry_host: requiredText,
  custom_registry_access_key: requiredText,
  custom_registry_access_secret_key: requiredText,
  description: z.string().max(DESCRIPTION_MAX_LENGTH, `must be at most ${DESCRIPTION_MAX_LENGTH} characters`).optional(),
  product_group_id: z.string().optional(),
  custom_registry_access_project_id: z.string().optional(),
  custom_registry_access_region: z.string().optional(),
  use_copilot: z.boolean().optional(),
  analytics_resource: analyticsResourceSchema.optional(),
  application_resource: applicationResourceSchema.optional(),
  copilot: copilotResourceSchema.optional(),
  tags: z.array(z.object({ key: requiredText, value: z.string() })).max(TAGS_MAX, `must hold at most ${TAGS_MAX} tags`).optional(),
});
export type CloudMlCreateRequest = z.infer<typeof cloudMlCreateRequestSchema>;

export const cloudMlUpdateRequestSchema = z.object({
  description: z.string().max(DESCRIPTION_MAX_LENGTH, `must be at most ${DESCRIPTION_MAX_LENGTH} characters`),
});

/** SKE list query: page is 0-based; `status` may repeat. */
export const clusterListQuerySchema = z.object({
  page: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(0),
  size: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(1000, 'must be at most 1000').default(20),
  sort: z
    .string()
    .regex(/^(name|created_at|modified_at|status):(asc|desc)$/, 'must be <field>:<asc|desc> with field name, created_at, modified_at or status')
    .default('created_at:desc'),
  name: z.string().optional(),
  status: z.array(z.string()).default([]),
});

export const estimateQuerySchema = z.object({
  use_copilot: z
    .enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value?.toLowerCase() === 'true'),
});

/** One message per bad field, in the order zod found them ("cloud_ml_name is required"). */
export interface FieldProblem {
  field: string;
  message: string;
}

export function parseWithFieldProblems<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(input, { error: friendlyIssueMessage });
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    const field = fieldPath(issue.path);
    if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
  }
  return { ok: false, problems };
}

function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || 'body';
}

/** Zod's default type messages name JS types; these read as API rules. Custom messages above win. */
function friendlyIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  const expected = String(issue.expected);
  return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}
