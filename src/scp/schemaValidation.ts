import type { z } from 'zod';
import { schemaViolationError, type FailedRequest } from './errorMapping';
import { redactText } from './redact';
import { ScpError } from './scpError';
import { collectSkippedItems } from './tolerantItems';

/** One schema problem, ready to show: `clusters[3].status` and `expected string, received number`. */
export interface SchemaProblem {
  field: string;
  problem: string;
}

/** `["clusters", 3, "status"]` -> `clusters[3].status`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Every issue of a failed parse, as field + plain problem text (zod's "Invalid input: " prefix dropped). */
export function schemaProblems(error: z.ZodError): SchemaProblem[] {
  return error.issues.map((issue) => ({
    field: formatFieldPath(issue.path),
    problem: issue.message.replace(/^Invalid input:\s*/i, '') || 'invalid value',
  }));
}

/** A response item dropped as malformed (see tolerantItems): `clusters[3]` and `id: too small`. */
export interface SkippedItem {
  where: string;
  problem: string;
}

/**
 * Parses a response body; a violation becomes ScpError 'malformed' naming the first field at fault. Items the
 * schema drops as malformed go to `onSkipped`, their problems redacted.
 */
export function parseResponseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  request: ParseContext | (() => ParseContext),
  onSkipped?: (items: SkippedItem[]) => void,
): T {
  // The context (a redacted URL, the secrets) is only needed when something is reported: a function defers it.
  const context = (): ParseContext => (typeof request === 'function' ? request() : request);
  const { result, skipped } = collectSkippedItems(() => schema.safeParse(body));
  if (!result.success) {
    const first = schemaProblems(result.error)[0] ?? { field: '', problem: 'invalid value' };
    throw schemaViolationError(context(), first.field, first.problem);
  }
  if (skipped.length > 0 && onSkipped) {
    const secrets = context().secrets ?? [];
    onSkipped(
      skipped.map(({ where, error }) => {
        const first = schemaProblems(error)[0] ?? { field: '', problem: 'invalid value' };
        return { where, problem: redactText(first.field === '' ? first.problem : `${first.field}: ${first.problem}`, secrets) };
      }),
    );
  }
  return result.data;
}

/** What a response parse reports failures with. */
type ParseContext = FailedRequest & { status?: number; requestIds?: string[] };

/**
 * Checks what the client is about to send; a violation becomes ScpError 'badInput' listing every bad
 * field, so nothing reaches SCP. The problems never quote the values (registry secrets live here).
 */
export function parseRequestBody<T>(schema: z.ZodType<T>, body: unknown, operation: 'create' | 'update', secrets: readonly string[] = []): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = schemaProblems(result.error).map((p) => redactText(p.field === '' ? p.problem : `${p.field}: ${p.problem}`, secrets));
  const first = schemaProblems(result.error)[0];
  throw new ScpError({
    kind: 'badInput',
    message: `The ${operation} request is not valid (${problems[0] ?? 'invalid value'}); correct it and try again.`,
    reason: { code: 'invalidRequestBody', operation, problem: problems[0] ?? 'invalid value' },
    details: problems,
    field: first?.field === '' ? undefined : first?.field,
  });
}
