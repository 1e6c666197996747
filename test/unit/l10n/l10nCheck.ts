import { formatReport, isClean, l10nReport } from './l10nCatalog';

/**
 * `npm run l10n:check`: prints every string that lacks a fitting Korean entry (as JSON lines to translate and
 * paste), every entry no longer used, and whether l10n/bundle.l10n.json needs `npm run l10n:export`. Exit 1 = work left.
 */
async function main(): Promise<void> {
  const report = await l10nReport();
  console.log(formatReport(report));
  process.exitCode = isClean(report) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
