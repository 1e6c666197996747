import type { ApiResponse } from './apiResponse';
import { standardError, standardErrors } from './apiResponse';
import type { FieldProblem } from './cloudMlRequestSchemas';

/** 400 with one errors[] entry per bad field; each detail starts with the field name. */
export function invalidParameters(problems: readonly FieldProblem[], requestId: string): ApiResponse {
  return standardErrors(
    400,
    problems.map((p) => ({ code: 'InvalidParameter', title: 'Bad Request', detail: `${p.field} ${p.message}` })),
    requestId,
  );
}

/** Parses a JSON request body (`ok: false` = not JSON: the caller answers `bodyNotJson`). */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function bodyNotJson(requestId: string): ApiResponse {
  return standardError(400, 'InvalidParameter', 'Bad Request', 'body must be a JSON object.', requestId);
}
