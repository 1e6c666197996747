/**
 * Escapes text from a server, a profile or the user for a MarkdownString (which is never trusted): every
 * Markdown and HTML special character gets a backslash and line breaks become spaces, so `[x](command:...)`
 * stays text. ":", "/" and "@" are escaped too, so a URL, `www.` host or e-mail address is not turned into a
 * clickable link by the renderer's autolinking.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>&~"'=:$/@]/g, (ch) => `\\${ch}`);
}
