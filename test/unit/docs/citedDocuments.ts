import * as fs from 'node:fs';
import * as path from 'node:path';
import { headingTitles } from './markdownLinks';

/**
 * The documents that code comments cite (`docs/scp-api.md "Errors"`, `CONTRIBUTING.md`), so that a test can check
 * each one is in the repository: whoever picks the project up must be able to read what a comment points at.
 */

/** The comments of a source file: `//` and `/* … *\/` in code (strings skipped), `#` lines in shell and YAML. */
export function commentsOf(source: string, fileName: string): string[] {
  if (/\.(sh|ya?ml)$|(^|\/)run$/.test(fileName)) return source.split('\n').flatMap((line) => /(?:^|\s)#(.*)$/.exec(line)?.slice(1, 2) ?? []);
  const comments: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      comments.push(source.slice(i + 2, end === -1 ? undefined : end));
      i = end === -1 ? source.length : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      comments.push(source.slice(i + 2, end === -1 ? undefined : end));
      i = end === -1 ? source.length : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < source.length && source[i] !== c && !(c !== '`' && source[i] === '\n')) i += source[i] === '\\' ? 2 : 1;
      i++;
    } else {
      i++;
    }
  }
  return comments;
}

export interface Citation {
  /** As written: `docs/scp-api.md`, `README.md`. */
  document: string;
  /** The section named in quotes right after it, if any: `docs/scp-api.md "Errors"` -> `Errors`. */
  section?: string;
}

/** Every Markdown document a comment names, with the section when one follows in quotes. */
export function citationsIn(comment: string): Citation[] {
  const citations: Citation[] = [];
  for (const match of comment.matchAll(/((?:[\w.-]+\/)*[\w-][\w.-]*\.md)\b(?:\s*\(?"([^"]+)"\)?)?/g)) {
    citations.push({ document: match[1] ?? '', ...(match[2] ? { section: match[2] } : {}) });
  }
  return citations;
}

/**
 * What is wrong with a citation: the document is not in the repository (the path is taken from the top; only
 * readme.md and changelog.md, as vsce renames them in the .vsix, match without case), or it has no heading titled
 * as cited.
 */
export function citationProblem(citation: Citation, repoRoot: string): string | undefined {
  const renamedByVsce = /^(readme|changelog)\.md$/i.test(citation.document);
  const file = path.join(repoRoot, renamedByVsce ? citation.document.toUpperCase().replace(/\.MD$/, '.md') : citation.document);
  if (!fs.existsSync(file) || !fs.readdirSync(path.dirname(file)).includes(path.basename(file))) {
    return `${citation.document} is not in the repository`;
  }
  if (citation.section !== undefined && !headingTitles(fs.readFileSync(file, 'utf8')).has(citation.section)) {
    return `${citation.document} has no section "${citation.section}"`;
  }
  return undefined;
}

/** The files whose comments are checked: sources, tests, webview apps, build and lint configuration, CI. */
export function commentedFiles(repoRoot: string): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    const full = path.join(repoRoot, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isFile()) {
      files.push(relative);
      return;
    }
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'artifacts', 'screenshots', 'code-server'].includes(entry.name)) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.(ts|js|cjs|mjs|json|jsonc|css|sh|ya?ml)$/.test(entry.name) || child === path.join('.ci', 'run')) files.push(child);
    }
  };
  for (const root of ['src', 'test', 'media', '.ci', '.github', '.vscode', 'esbuild.js', '.dependency-cruiser.cjs', 'knip.jsonc', 'eslint.config.mjs']) walk(root);
  return files;
}
