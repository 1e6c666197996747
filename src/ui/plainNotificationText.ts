/**
 * VS Code renders `[text](https://…)`, `[text](command:…)` and `[text](file:…)` inside a notification (and a
 * progress notification's title) as a link, and a click on a command link runs the command. Messages here quote
 * text from SCP (names, descriptions, error details) and the user, so that syntax must never reach VS Code live:
 * an invisible zero-width space between "]" and "(" leaves the text as it reads and breaks the link.
 */
export function plainNotificationText(text: string): string {
  return text.replace(/\]\s*\(/g, (match) => `${match.slice(0, 1)}\u200B${match.slice(1)}`);
}
