/**
 * The longest text a panel shows of one value. SCP may send anything (a 250,000-character description): past
 * this, the value is cut and says so, so the view stays within the message limits and the page stays usable.
 */
export const MAX_SHOWN_CHARS = 10_000;

/** The text as it came when short enough, else its start, an ellipsis and `note(full length)`. */
export function shownText(text: string, note: (length: number) => string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  return `${text.slice(0, MAX_SHOWN_CHARS)}… ${note(text.length)}`;
}
