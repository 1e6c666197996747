import { isSensitiveKey } from '../scp/redact';

/**
 * A deep copy of API data without any property whose name says it is secret (secret, signature, password),
 * removed rather than masked: nothing secret, not even that such a field exists with a value, reaches a
 * webview. Cycles are cut.
 */
export function withoutSecrets<T>(value: T): T {
  return strip(value, new WeakSet<object>()) as T;
}

function strip(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => strip(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!isSensitiveKey(key)) copy[key] = strip(child, seen);
  }
  return copy;
}
