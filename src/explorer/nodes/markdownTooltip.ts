import * as vscode from 'vscode';
import { escapeMarkdown } from '../../ui/markdownText';

/** One tooltip row: a localized label and a value from the API (escaped here), skipped when absent. */
export type TooltipRow = [label: string, value: string | number | boolean | undefined];

/**
 * A Markdown tooltip of API text: never trusted (no command links), no HTML, no theme icons, every value
 * escaped, so a name like `[x](command:...)` is shown as text.
 */
export function markdownTooltip(title: string, rows: TooltipRow[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(title)}**\n\n`);
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    md.appendMarkdown(`${escapeMarkdown(label)}: ${escapeMarkdown(String(value))}  \n`);
  }
  return md;
}
