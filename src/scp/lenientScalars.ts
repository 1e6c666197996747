import { z } from 'zod';

/**
 * Scalar schemas for values SCP documents loosely: the OpenAPI examples write numbers and booleans as
 * strings (`"cpu": ""`, `"copilot_enabled": ""`), so responses accept both spellings.
 */

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*$/i;

/** A number SCP may omit, send as null or as an empty string: `number | undefined`. */
export const optionalNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx): number | undefined => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (typeof v === 'number') return v;
    if (NUMERIC.test(v)) return Number(v);
    ctx.addIssue({ code: 'custom', message: 'expected a number' });
    return z.NEVER;
  });

/**
 * A resource quantity: a number when it reads as one ("4" -> 4), the text otherwise ("A100", "16Gi", a 400-digit numeral),
 * undefined when empty or absent.
 */
export const quantity = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v): number | string | undefined => {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'number') return v;
    if (v.trim() === '') return undefined;
    // A numeral too large for a number (400 digits reads as Infinity) stays text.
    return NUMERIC.test(v) && Number.isFinite(Number(v)) ? Number(v) : v;
  });

const TRUE_WORDS = new Set(['true', 'y', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'n', 'no', '0']);

/** A boolean, or "true"/"false" (also Y/N, yes/no, 1/0), read as a boolean. */
export const lenientBoolean = z.union([z.boolean(), z.string(), z.number()]).transform((v, ctx): boolean => {
  if (typeof v === 'boolean') return v;
  const word = String(v).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  ctx.addIssue({ code: 'custom', message: 'expected a boolean' });
  return z.NEVER;
});

/** An optional boolean flag: also absent when null or an empty string (the reference's placeholder). */
export const optionalBoolean = z
  .union([z.boolean(), z.string(), z.number()])
  .nullish()
  .transform((v, ctx): boolean | undefined => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    const parsed = lenientBoolean.safeParse(v);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'expected a boolean' });
    return z.NEVER;
  });

/** A string that SCP may omit or send as null; read as `string | undefined`. */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
