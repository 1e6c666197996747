// Equivalent mutants of `npm run test:mutation`: code changes that no test can observe because the program behaves
// the same. Each entry names the file, the exact source text of the smallest expression whose mutants are all
// equivalent (`code`; `within`, when given, is the text of an enclosing expression that tells apart two places with
// the same code), the mutants meant and why. Stryker reports them as "Ignored" with that reason (the HTML report
// shows it), and they count neither for nor against the score. Entries match source text, not line numbers, so
// they survive edits elsewhere in the file; an entry whose text no longer occurs simply stops matching.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @type {{ file: string; code: string; within?: string; mutants: string; reason: string }[]} */
export const EQUIVALENT_MUTANTS = [
  {
    file: 'src/scp/retryPolicy.ts',
    code: 'value.trim()',
    within: "value.trim() === ''",
    mutants: "MethodExpression `value.trim() === ''` -> `value === ''`",
    reason: 'blank text then reaches the trimmed-text checks, which also answer undefined for it',
  },
  {
    file: 'src/scp/retryPolicy.ts',
    code: "''",
    within: "value.trim() === ''",
    mutants: "StringLiteral `''` -> `\"Stryker was here!\"`",
    reason: 'blank text then reaches the trimmed-text checks, which also answer undefined for it',
  },
];

const ROOT = process.cwd().replaceAll('\\', '/');

function relativeFile(path) {
  const name = String(path.hub?.file?.opts?.filename ?? '').replaceAll('\\', '/');
  return name.startsWith(`${ROOT}/`) ? name.slice(ROOT.length + 1) : name;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent-mutants', {
    shouldIgnore(path) {
      const { start, end } = path.node;
      if (typeof start !== 'number' || typeof end !== 'number') return undefined;
      const file = relativeFile(path);
      const entry = EQUIVALENT_MUTANTS.find(
        (e) =>
          e.file === file &&
          e.code.length === end - start &&
          path.getSource() === e.code &&
          (e.within === undefined || path.findParent((parent) => parent.getSource() === e.within) !== null),
      );
      return entry ? `Equivalent: ${entry.reason}` : undefined;
    },
  }),
];
