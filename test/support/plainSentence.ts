/**
 * What the user may be shown for a failure: one line of plain text that reads as a sentence with a next step,
 * never a stack trace, an exception name or an internal dump. Returns the problem, or undefined when it is fine.
 */
export function plainSentenceProblem(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return 'nothing was shown';
  if (text !== text.trim()) return 'it has leading or trailing blanks';
  if (/[\r\n]/.test(text)) return 'it spans several lines';
  if (text.length > 300) return `it is ${text.length} characters long`;
  if (/\b[A-Z]?[a-z]*Error:/.test(text)) return 'it shows an exception name ("Error:")';
  if (/\bat \S+ \(|\bat \S+:\d+:\d+|\.(?:js|ts):\d+/.test(text)) return 'it holds a stack frame';
  if (/\[object \w+\]|\bundefined\b|\bnull\b|\bNaN\b/.test(text)) return 'it holds an internal value (undefined, null, [object …])';
  if (!/^[A-Z"'“(]/.test(text)) return 'it does not start like a sentence';
  if (!/[.!?…)"”]$/.test(text)) return 'it does not end like a sentence';
  return undefined;
}
