import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';

/**
 * Compares what the code asks to be localized with what the bundles hold: the strings `vscode.l10n.t` gets in
 * src (extracted by @vscode/l10n-dev, the same function `npm run l10n:export` uses) against l10n/bundle.l10n.json
 * and l10n/bundle.l10n.ko.json, and the %keys% of package.json against package.nls.json and package.nls.ko.json.
 * Shared by the unit tests and `npm run l10n:check`, so both report the same list.
 */

export interface EntryProblem {
  key: string;
  english: string;
  korean: string;
  problem: string;
}

export interface L10nReport {
  /** Strings in src with no Korean entry: key -> English message. */
  missingKorean: Record<string, string>;
  /** Korean entries whose string no longer appears in src. */
  unusedKorean: string[];
  /** Strings in src missing from l10n/bundle.l10n.json, and entries of it no longer used (run l10n:export). */
  staleEnglish: { missing: string[]; unused: string[] };
  /** Korean entries that drop or add {0} placeholders, $(codicons) or command links, or are left in English. */
  badKorean: EntryProblem[];
  /** %key% used in package.json with no package.nls.json entry. */
  undefinedNlsKeys: string[];
  /** package.nls.json keys package.json does not use. */
  unusedNlsKeys: string[];
  /** package.nls.json keys with no Korean entry: key -> English text. */
  missingNlsKorean: Record<string, string>;
  /** package.nls.ko.json keys that package.nls.json does not have. */
  unusedNlsKorean: string[];
  badNlsKorean: EntryProblem[];
}

/** The folder holding this repository's package.json (tests run from dist/test/..., the check from anywhere). */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'scp-cloud-ml') return dir;
    if (dirname(dir) === dir) throw new Error(`no scp-cloud-ml package.json above ${from}`);
  }
}

/** Every string `vscode.l10n.t` gets in src, as key -> English message (a commented call's key is "message/comment"). */
export async function extractSourceStrings(root: string): Promise<Record<string, string>> {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|js|jsx)$/.test(file))
    .sort()
    .map((file) => ({ extension: extname(file), contents: readFileSync(join(root, 'src', file), 'utf8') }));
  return messagesOf(await getL10nJson(files));
}

export function readBundle(path: string): Record<string, string> {
  return existsSync(path) ? messagesOf(JSON.parse(readFileSync(path, 'utf8')) as l10nJsonFormat) : {};
}

function messagesOf(bundle: l10nJsonFormat): Record<string, string> {
  return Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

/** The %key% references of package.json (in any string value). */
export function packageJsonNlsKeys(root: string): string[] {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const match = /^%([^%\s]+)%$/.exec(value);
      if (match?.[1]) keys.add(match[1]);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return [...keys].sort();
}

/** Why a translation does not fit its English text, or undefined when it does. */
export function translationProblem(english: string, korean: string): string | undefined {
  if (korean.trim() === '') return 'is empty';
  const pairs: Array<[string, (text: string) => string[]]> = [
    ['placeholders', placeholders],
    ['codicons', codicons],
    ['command links', commandLinks],
  ];
  for (const [what, of] of pairs) {
    const expected = of(english);
    const actual = of(korean);
    if (expected.join('|') !== actual.join('|')) return `${what} differ: English has [${expected.join(', ')}], Korean has [${actual.join(', ')}]`;
  }
  if (korean === english && hasEnglishWords(english)) return 'is still the English text';
  return undefined;
}

/** The distinct {n} placeholders, sorted ({0} twice counts once: the order may change in Korean, the set may not). */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

/** Every $(icon) with repeats, sorted (Korean word order may move an icon, not drop or add one). */
export function codicons(text: string): string[] {
  return (text.match(/\$\([a-z0-9~-]+\)/g) ?? []).sort();
}

/** The targets of Markdown links such as [Connect](command:scpCloudMl.signIn). */
export function commandLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').sort();
}

/** Names that stay in Latin letters in Korean too; what is left after removing them must not be English words. */
const KEPT_IN_LATIN = /Samsung Cloud Platform(?: for Government| Enterprise)?|Cloud ML|SCP|SKE|Kubernetes|Copilot|CPU|GPU|VPC|ID|HTTP|JSON|URL/gi;

function hasEnglishWords(text: string): boolean {
  const rest = text.replace(/\{\d+\}|\$\([^)]*\)/g, ' ').replace(KEPT_IN_LATIN, ' ');
  return /[A-Za-z]{3,}/.test(rest);
}

export async function l10nReport(root: string = repoRoot()): Promise<L10nReport> {
  const source = await extractSourceStrings(root);
  const english = readBundle(join(root, 'l10n', 'bundle.l10n.json'));
  const korean = readBundle(join(root, 'l10n', 'bundle.l10n.ko.json'));
  const nls = readBundle(join(root, 'package.nls.json'));
  const nlsKorean = readBundle(join(root, 'package.nls.ko.json'));
  const used = packageJsonNlsKeys(root);

  return {
    missingKorean: pick(source, Object.keys(source).filter((key) => !(key in korean))),
    unusedKorean: Object.keys(korean).filter((key) => !(key in source)),
    staleEnglish: {
      missing: Object.keys(source).filter((key) => !(key in english)),
      unused: Object.keys(english).filter((key) => !(key in source)),
    },
    badKorean: problems(source, korean),
    undefinedNlsKeys: used.filter((key) => !(key in nls)),
    unusedNlsKeys: Object.keys(nls).filter((key) => !used.includes(key)),
    missingNlsKorean: pick(nls, Object.keys(nls).filter((key) => !(key in nlsKorean))),
    unusedNlsKorean: Object.keys(nlsKorean).filter((key) => !(key in nls)),
    badNlsKorean: problems(nls, nlsKorean),
  };
}

function pick(from: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, from[key] ?? key]));
}

function problems(english: Record<string, string>, korean: Record<string, string>): EntryProblem[] {
  const found: EntryProblem[] = [];
  for (const [key, text] of Object.entries(korean)) {
    const source = english[key];
    if (source === undefined) continue;
    const problem = translationProblem(source, text);
    if (problem) found.push({ key, english: source, korean: text, problem });
  }
  return found;
}

export function isClean(report: L10nReport): boolean {
  return (
    Object.keys(report.missingKorean).length === 0 &&
    report.unusedKorean.length === 0 &&
    report.staleEnglish.missing.length === 0 &&
    report.staleEnglish.unused.length === 0 &&
    report.badKorean.length === 0 &&
    report.undefinedNlsKeys.length === 0 &&
    report.unusedNlsKeys.length === 0 &&
    Object.keys(report.missingNlsKorean).length === 0 &&
    report.unusedNlsKorean.length === 0 &&
    report.badNlsKorean.length === 0
  );
}

/** What to fix, as text a person can act on: missing entries come as JSON lines ready to translate and paste. */
export function formatReport(report: L10nReport): string {
  const out: string[] = [];
  const section = (title: string, lines: string[]): void => {
    if (lines.length > 0) out.push(`${title} (${lines.length}):`, ...lines.map((line) => `  ${line}`), '');
  };
  const asJsonLines = (entries: Record<string, string>): string[] =>
    Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const asProblems = (entries: EntryProblem[]): string[] => entries.map((e) => `${JSON.stringify(e.key)} -> ${JSON.stringify(e.korean)}: ${e.problem}`);

  section('Missing in l10n/bundle.l10n.ko.json (translate the values, then paste)', asJsonLines(report.missingKorean));
  section('No longer used, remove from l10n/bundle.l10n.ko.json', report.unusedKorean.map((key) => JSON.stringify(key)));
  section('Korean entries that do not fit their English text (l10n/bundle.l10n.ko.json)', asProblems(report.badKorean));
  section('l10n/bundle.l10n.json is out of date, run `npm run l10n:export`; new strings', report.staleEnglish.missing.map((key) => JSON.stringify(key)));
  section('l10n/bundle.l10n.json is out of date, run `npm run l10n:export`; strings gone from src', report.staleEnglish.unused.map((key) => JSON.stringify(key)));
  section('Used as %key% in package.json but missing in package.nls.json', report.undefinedNlsKeys);
  section('In package.nls.json but not used by package.json', report.unusedNlsKeys);
  section('Missing in package.nls.ko.json (translate the values, then paste)', asJsonLines(report.missingNlsKorean));
  section('No longer in package.nls.json, remove from package.nls.ko.json', report.unusedNlsKorean);
  section('Korean entries that do not fit their English text (package.nls.ko.json)', asProblems(report.badNlsKorean));
  return out.length === 0 ? 'Localization is complete: every string has a fitting Korean entry.' : out.join('\n');
}
