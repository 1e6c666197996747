import { ScpError } from './scpError';

/** A query value as callers give it: arrays repeat the key; undefined leaves the key out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/**
 * encodeURIComponent plus ! ' ( ) *: RFC 3986 unreserved characters only. The stricter set matters
 * because the WHATWG URL parser (used by Node's http layer) percent-encodes `'` in a query, which
 * would make the wire URL differ from the signed one.
 */
export function encodeStrict(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** One path segment, encoded once. '', '.' and '..' are refused: the URL parser would fold them away. */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new ScpError({ kind: 'badInput', message: `"${value}" is not a valid id; pick the item again from the list.`, reason: { code: 'invalidId', value } });
  }
  return encodeStrict(value);
}

/** `k=v&k2=v2` with every key and value encoded exactly once, in the caller's key order. */
export function buildQueryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values: readonly string[] = Array.isArray(value) ? (value as readonly string[]) : [String(value)];
    for (const item of values) pairs.push(`${encodeStrict(key)}=${encodeStrict(item)}`);
  }
  return pairs.join('&');
}

/**
 * The full request URL, built once: the string that is signed and the string that is sent. Refuses a
 * URL that Node's URL parser would rewrite (it would be sent differently from how it was signed).
 */
export function buildRequestUrl(baseUrl: string, path: string, query?: Query): string {
  if (!path.startsWith('/')) {
    throw new ScpError({ kind: 'badInput', message: `The API path "${path}" must start with "/"; write it like /v1/clusters.` });
  }
  if (/[?#]/.test(path)) {
    throw new ScpError({ kind: 'badInput', message: `The API path "${path}" must not contain "?" or "#"; pass query parameters separately.` });
  }
  const queryString = buildQueryString(query);
  const url = baseUrl + path + (queryString === '' ? '' : '?' + queryString);
  const parsed = new URL(url);
  if (parsed.origin + parsed.pathname + parsed.search !== url) {
    throw new ScpError({
      kind: 'badInput',
      message: `The API path "${path}" holds characters that would change on the wire; encode each path segment once.`,
    });
  }
  return url;
}
