/** A JSON object (not null, not an array): what a parsed body or a thrown value is checked to be before reading its keys. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
