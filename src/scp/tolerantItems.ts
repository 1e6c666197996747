import { z } from 'zod';

/**
 * Response items read one by one: a malformed item (a cluster or image with an empty id, a Cloud ML block
 * without an id) is dropped and reported instead of failing the whole body, so one bad entry from SCP costs
 * one entry, not the list. What was dropped is collected while `collectSkippedItems` runs a parse (zod parses
 * synchronously), and the client logs it; a schema used outside that drops silently.
 */

/** One dropped item, as zod saw it. `where` is e.g. `clusters[3]` or `cloud_ml`. */
export interface RawSkippedItem {
  where: string;
  error: z.ZodError;
}

let collector: RawSkippedItem[] | undefined;

/** Runs a synchronous parse and returns what it dropped along with its result. */
export function collectSkippedItems<R>(parse: () => R): { result: R; skipped: RawSkippedItem[] } {
  const outer = collector;
  const skipped: RawSkippedItem[] = [];
  collector = skipped;
  try {
    return { result: parse(), skipped };
  } finally {
    collector = outer;
  }
}

/**
 * An array of `item`s in which malformed ones are dropped. When every item of a non-empty array is malformed,
 * the body itself is not what this client reads: the parse fails, naming the first item's field.
 */
export function tolerantArray<T extends z.ZodType>(item: T, name: string) {
  return z.array(z.unknown()).transform((values, ctx): z.output<T>[] => {
    const kept: z.output<T>[] = [];
    const dropped: RawSkippedItem[] = [];
    values.forEach((value, index) => {
      const parsed = item.safeParse(value);
      if (parsed.success) kept.push(parsed.data);
      else dropped.push({ where: `${name}[${index}]`, error: parsed.error });
    });
    const first = dropped[0];
    if (first !== undefined && kept.length === 0) {
      const issue = first.error.issues[0];
      ctx.addIssue({ code: 'custom', message: issue?.message ?? 'invalid value', path: [0, ...(issue?.path ?? [])] });
      return z.NEVER;
    }
    collector?.push(...dropped);
    return kept;
  });
}

/**
 * One object that may be malformed: read by `item`, or `null` when it was dropped (and reported), so a caller
 * can tell "SCP sent one we cannot read" from "SCP sent none" (undefined, left to the surrounding schema).
 */
export function tolerantObject<T extends z.ZodType>(item: T, name: string) {
  return z.unknown().transform((value): z.output<T> | null => {
    const parsed = item.safeParse(value);
    if (parsed.success) return parsed.data;
    collector?.push({ where: name, error: parsed.error });
    return null;
  });
}
