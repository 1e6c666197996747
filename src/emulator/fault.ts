import { z } from 'zod';

/** Which requests a fault hits. */
export interface FaultTarget {
  /** How many of the next matching requests (default 1); -1 or Infinity = every one until clearFaults(). */
  count?: number;
  /**
   * A plain path, never a pattern: it matches a request whose path (query left out) is the same, or lies below it
   * at a segment boundary. '/v1/cloud-ml' matches '/v1/cloud-ml' and '/v1/cloud-ml/images' but not
   * '/v1/cloud-mlx'; '/v1/cloud-ml/' (trailing slash) matches only paths below it. Regex characters are refused:
   * the admin API is reachable by anything on loopback, and a pattern from it could stall the process.
   */
  path?: string;
  /** With path: match only that very path, not the paths below it. */
  exact?: boolean;
  /** The HTTP method (any case). */
  method?: string;
}

/**
 * What a fault does. Most answer instead of the API (the request changes nothing). `malformedJson` and
 * `truncatedBody` corrupt the real answer AFTER the request ran (a mutation did happen), as a broken proxy
 * would; `applyThenFail` runs the request and answers a failure anyway; `latency` delays the answer and then
 * lets the request run normally (it combines with one other fault).
 */
export type FaultEffect =
  | { kind: 'status'; status: 500 | 502 | 503 | 429 }
  | { kind: 'firewall417' }
  | { kind: 'gateway401' }
  | { kind: 'gateway404' }
  | { kind: 'malformedJson' }
  | { kind: 'truncatedBody' }
  | { kind: 'connectionReset' }
  | { kind: 'hang' }
  | { kind: 'latency'; ms: number }
  | { kind: 'applyThenFail'; status: 500 | 502 | 503 };

export type Fault = FaultEffect & FaultTarget;

/** Characters of RegExp syntax, a query or a fragment: none belongs in a plain request path. */
const NOT_IN_A_PLAIN_PATH = /[\\^$*+?()[\]{}|#\s]/;

const faultPath = z
  .string()
  .max(2048)
  .refine((path) => path.startsWith('/'), { message: 'path must start with "/" (a request path such as /v1/cloud-ml)' })
  .refine((path) => !NOT_IN_A_PLAIN_PATH.test(path), {
    message: 'path is a plain path matched as itself or a prefix of whole segments, not a RegExp or a query: leave out \\ ^ $ * + ? ( ) [ ] { } | # and spaces',
  });

const target = {
  count: z.union([z.literal(-1), z.number().int().positive()]).optional(),
  path: faultPath.optional(),
  exact: z.boolean().optional(),
  method: z.string().min(1).optional(),
};

/** Validates a fault given over the admin HTTP API or in-process (Infinity must be written -1 first). */
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]), ...target }).strict(),
  z.object({ kind: z.literal('firewall417'), ...target }).strict(),
  z.object({ kind: z.literal('gateway401'), ...target }).strict(),
  z.object({ kind: z.literal('gateway404'), ...target }).strict(),
  z.object({ kind: z.literal('malformedJson'), ...target }).strict(),
  z.object({ kind: z.literal('truncatedBody'), ...target }).strict(),
  z.object({ kind: z.literal('connectionReset'), ...target }).strict(),
  z.object({ kind: z.literal('hang'), ...target }).strict(),
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000), ...target }).strict(),
  z.object({ kind: z.literal('applyThenFail'), status: z.union([z.literal(500), z.literal(502), z.literal(503)]), ...target }).strict(),
]);

/** Parses a fault, returning one plain sentence when it is not one. */
export function parseFault(input: unknown): { ok: true; fault: Fault } | { ok: false; message: string } {
  const normalized =
    input !== null && typeof input === 'object' && (input as { count?: unknown }).count === Infinity ? { ...input, count: -1 } : input;
  const parsed = faultSchema.safeParse(normalized);
  if (parsed.success) {
    if (parsed.data.exact && parsed.data.path === undefined) return { ok: false, message: 'Not a valid fault (field exact): exact needs a path.' };
    return { ok: true, fault: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (field ${issue.path.map(String).join('.')})` : '';
  return { ok: false, message: `Not a valid fault${where}: ${issue?.message ?? 'unknown problem'}.` };
}

/** Whether a request path (no query) is the fault's target (see FaultTarget.path); no path = every request. */
export function matchesFaultPath(target: FaultTarget, pathname: string): boolean {
  const path = target.path;
  if (path === undefined || pathname === path) return true;
  if (target.exact) return false;
  return pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}
