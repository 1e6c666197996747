import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReport, isClean, l10nReport, repoRoot, translationProblem, type L10nReport } from './l10nCatalog';

/**
 * Every string the code localizes has a fitting Korean entry and every Korean entry is still used; the same for
 * package.json's %keys%. A failure prints the whole list (`npm run l10n:check` prints the same).
 */
describe('l10n completeness', function () {
  // The extraction parses every source file with tree-sitter: seconds, not milliseconds, on a busy machine.
  this.timeout(180_000);
  const root = repoRoot();
  let report: L10nReport;

  before(async () => {
    report = await l10nReport(root);
  });

  it('finds the strings of the source (the extraction works at all)', () => {
    const found = Object.keys(report.missingKorean).length + Object.keys(readJson(join(root, 'l10n', 'bundle.l10n.ko.json'))).length;
    assert.ok(found > 100, `only ${found} strings: the extraction or the Korean bundle is broken`);
  });

  it('has a Korean entry for every string in src and no unused one', () => {
    const gaps = { ...report, staleEnglish: { missing: [], unused: [] }, undefinedNlsKeys: [], unusedNlsKeys: [], missingNlsKorean: {}, unusedNlsKorean: [], badNlsKorean: [] };
    assert.ok(isClean(gaps), `\n${formatReport(gaps)}\n(npm run l10n:check prints this list)`);
  });

  it('keeps l10n/bundle.l10n.json in step with src', () => {
    const { missing, unused } = report.staleEnglish;
    assert.deepEqual({ missing, unused }, { missing: [], unused: [] }, 'run `npm run l10n:export`');
  });

  it('defines every %key% of package.json in package.nls.json, and uses every key there', () => {
    assert.deepEqual({ undefined: report.undefinedNlsKeys, unused: report.unusedNlsKeys }, { undefined: [], unused: [] });
  });

  it('has a fitting Korean entry for every package.nls.json key and no unused one', () => {
    const gaps: L10nReport = {
      missingKorean: {},
      unusedKorean: [],
      staleEnglish: { missing: [], unused: [] },
      badKorean: [],
      undefinedNlsKeys: [],
      unusedNlsKeys: [],
      missingNlsKorean: report.missingNlsKorean,
      unusedNlsKorean: report.unusedNlsKorean,
      badNlsKorean: report.badNlsKorean,
    };
    assert.ok(isClean(gaps), `\n${formatReport(gaps)}`);
  });
});

describe('l10n translation checks', () => {
  it('accepts a translation that moves placeholders and icons', () => {
    assert.equal(translationProblem('$(check) Delete {0} from {1}', '$(check) {1}에서 {0} 삭제'), undefined);
    assert.equal(translationProblem('Enter {0} or less, at most {0}.', '{0} 이하로 입력하세요.'), undefined);
    assert.equal(translationProblem('Cloud ML {0}', 'Cloud ML {0}'), undefined);
  });

  it('refuses a lost or invented placeholder, a lost icon, a changed command link, English left as is', () => {
    assert.match(translationProblem('Delete {0} from {1}', '{0} 삭제') ?? '', /placeholders/);
    assert.match(translationProblem('Delete {0}', '{0} {1} 삭제') ?? '', /placeholders/);
    assert.match(translationProblem('$(add) Add tag…', '태그 추가…') ?? '', /codicons/);
    assert.match(translationProblem('[Connect](command:scpCloudMl.signIn)', '[연결](command:scpCloudMl.signOut)') ?? '', /command links/);
    assert.match(translationProblem('Show log', 'Show log') ?? '', /English/);
    assert.match(translationProblem('Retry', ' ') ?? '', /empty/);
  });
});

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
