import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A small Markdown reader for the repository's own documents: headings (as GitHub turns them into anchors) and the
 * relative links and images, with code blocks and code spans left out (what they show is not a link).
 */

export interface MarkdownLink {
  /** As written, e.g. `docs/scp-api.md#errors` or `media/readme/tree.png`. */
  target: string;
  image: boolean;
  line: number;
}

/** The text with fenced code blocks blanked (lines kept, so line numbers stay right) and code spans removed. */
function withoutCode(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** Every inline link and image (`[text](target)`, `![alt](target)`) and reference definition (`[x]: target`). */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutCode(markdown).forEach((text, index) => {
    for (const match of text.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[2] ?? '', image: match[1] === '!', line: index + 1 });
    }
    const reference = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(text);
    if (reference) links.push({ target: reference[1] ?? '', image: false, line: index + 1 });
  });
  return links;
}

/** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = headingText(heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** A heading's text as shown: links become their text, code-span backticks go. */
export function headingText(source: string): string {
  return source.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '').trim();
}

/** The headings of a document, as shown (for comments that cite a section by its title). */
export function headingTitles(markdown: string): Set<string> {
  const titles = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) titles.add(headingText(heading[1] ?? ''));
  }
  return titles;
}

/**
 * The relative links of `file` (absolute path) that do not resolve inside `repoRoot`: a missing file, a path that
 * leaves the repository, or an anchor that no heading of the target has. One sentence each, naming file and line.
 */
export function brokenRelativeLinks(file: string, repoRoot: string): string[] {
  const problems: string[] = [];
  const where = (line: number): string => `${path.relative(repoRoot, file)}:${line}`;
  for (const link of markdownLinks(fs.readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('//')) continue; // https:, mailto:, ...
    const [rawPath = '', anchor] = link.target.split('#', 2);
    const target = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
    if (path.relative(repoRoot, target).startsWith('..')) {
      problems.push(`${where(link.line)}: ${link.target} leaves the repository`);
      continue;
    }
    if (!fs.existsSync(target)) {
      problems.push(`${where(link.line)}: ${link.target} does not exist`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && target.endsWith('.md') && !headingAnchors(fs.readFileSync(target, 'utf8')).has(anchor)) {
      problems.push(`${where(link.line)}: ${link.target} names no heading of ${path.relative(repoRoot, target)}`);
    }
  }
  return problems;
}
