import { z } from 'zod';

/** Which requests a fault hits. */
export interface FaultTarget {
  /** How many of the next matching requests (default 1); -1 or Infinity = every one until clearFaults(). */
  count?: number;
  /** A substring of the request path (query included), or a RegExp source tested against it. */
  path?: string;
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
export type FaultKind = Fault['kind'];

const target = {
  count: z.union([z.literal(-1), z.number().int().positive()]).optional(),
  path: z.string().min(1).optional(),
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
  if (parsed.success) return { ok: true, fault: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (field ${issue.path.map(String).join('.')})` : '';
  return { ok: false, message: `Not a valid fault${where}: ${issue?.message ?? 'unknown problem'}.` };
}
