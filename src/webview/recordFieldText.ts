/**
 * An object field (cluster_permission, vpc...) as its content: one `key: value` line per property, nested values as
 * compact JSON. An empty object is no content at all (the panel shows its "empty" mark, not `{}`).
 */
export function recordFieldText(record: Readonly<Record<string, unknown>>): string {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : (JSON.stringify(value) ?? '')}`)
    .join('\n');
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
