/**
 * What the .vsix may hold: only what the installed extension reads (issue 9, "Packaging"). Entry names are as
 * vsce writes them: everything under `extension/`, plus its two manifest files at the root. vsce renames a few
 * files (LICENSE -> LICENSE.txt, README.md -> readme.md, CHANGELOG.md -> changelog.md), so those compare without
 * case and with an optional extension.
 */

/** docs/benchmark.md "Budgets": the .vsix is at most 1 MB. */
export const VSIX_MAX_BYTES = 1024 * 1024;

const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/dist\/(extension|scpRuntime|emulatorRuntime)\.js$/,
  /^extension\/dist\/webview\/[\w.-]+\.(js|css|ttf)$/,
  /^extension\/media\/[\w.-]+\.(svg|png)$/,
  // The README's screenshots: VS Code shows the README of an installed .vsix from the package itself.
  /^extension\/media\/readme\/[\w.-]+\.png$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/,
];

/** Entries the package must not hold (sources, tests, source maps, node_modules, emulator state, screenshots...). */
export function unexpectedVsixEntries(names: readonly string[]): string[] {
  return names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
}

/** Required entries (as vsix entry names) that `names` lacks; README/CHANGELOG/LICENSE match vsce's renaming. */
export function missingVsixEntries(names: readonly string[], required: readonly string[]): string[] {
  const present = new Set(names.map(comparable));
  return required.filter((name) => !present.has(comparable(name)));
}

function comparable(name: string): string {
  const match = /^extension\/(readme|changelog|license)(\.md|\.txt)?$/i.exec(name);
  return match ? `extension/${match[1].toLowerCase()}` : name;
}
