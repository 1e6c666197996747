/**
 * Pure, reusable checks for form fields. They return a problem code (never text) so the caller turns it
 * into a localized sentence; `withMessages` adapts a check into an input-box validator.
 * These are client-side hints: the server's 400 stays the authority.
 */

/** SKE's name rule, reused as the hint for Cloud ML names. */
export const RESOURCE_NAME_RULE = { minLength: 3, maxLength: 30, pattern: /^[a-z][a-z0-9-]*[a-z0-9]$/ } as const;
export const DOMAIN_NAME_RULE = { minLength: 3, maxLength: 50, pattern: /^[a-z0-9.-]+$/ } as const;

export type NameProblem = 'empty' | 'tooShort' | 'tooLong' | 'pattern';

export function checkResourceName(value: string): NameProblem | undefined {
  return checkLengthAndPattern(value, RESOURCE_NAME_RULE);
}

/** `pattern` here means a character other than lower-case letters, digits, '-' and '.'. */
export function checkDomainName(value: string): NameProblem | undefined {
  return checkLengthAndPattern(value, DOMAIN_NAME_RULE);
}

function checkLengthAndPattern(value: string, rule: { minLength: number; maxLength: number; pattern: RegExp }): NameProblem | undefined {
  if (value.length === 0) return 'empty';
  if (value.length < rule.minLength) return 'tooShort';
  if (value.length > rule.maxLength) return 'tooLong';
  return rule.pattern.test(value) ? undefined : 'pattern';
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** Whole numbers only (e.g. GPU count). */
  integer?: boolean;
}

export type NumberProblem =
  | { kind: 'empty' }
  | { kind: 'notANumber' }
  | { kind: 'notInteger' }
  | { kind: 'belowMin'; min: number }
  | { kind: 'aboveMax'; max: number };

/** Plain decimal notation only: "1e3", "0x10" and "Infinity" are refused although Number() takes them. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function checkNumber(text: string, range: NumberRange): NumberProblem | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: 'empty' };
  if (!DECIMAL.test(trimmed)) return { kind: 'notANumber' };
  const value = Number(trimmed);
  if (range.integer && !Number.isInteger(value)) return { kind: 'notInteger' };
  if (range.min !== undefined && value < range.min) return { kind: 'belowMin', min: range.min };
  if (range.max !== undefined && value > range.max) return { kind: 'aboveMax', max: range.max };
  return undefined;
}

/** The number of a text that passed checkNumber. */
export function parseNumber(text: string): number {
  return Number(text.trim());
}

export interface Tag {
  key: string;
  value: string;
}

export type TagProblem = 'empty' | 'noEquals' | 'emptyKey' | 'duplicateKey';

/** A tag is typed as `key=value` (the value may be empty); keys are unique. */
export function checkTag(text: string, existing: readonly Tag[]): TagProblem | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'empty';
  const equals = trimmed.indexOf('=');
  if (equals < 0) return 'noEquals';
  const key = trimmed.slice(0, equals).trim();
  if (key.length === 0) return 'emptyKey';
  return existing.some((tag) => tag.key === key) ? 'duplicateKey' : undefined;
}

/** The tag of a text that passed checkTag; only the first '=' separates, so values may contain '='. */
export function parseTag(text: string): Tag {
  const trimmed = text.trim();
  const equals = trimmed.indexOf('=');
  return { key: trimmed.slice(0, equals).trim(), value: trimmed.slice(equals + 1).trim() };
}

export function formatTag(tag: Tag): string {
  return `${tag.key}=${tag.value}`;
}

/** Turns a problem-code check into an input-box validator that returns a sentence or `undefined`. */
export function withMessages<P>(check: (value: string) => P | undefined, message: (problem: P) => string): (value: string) => string | undefined {
  return (value) => {
    const problem = check(value);
    return problem === undefined ? undefined : message(problem);
  };
}
