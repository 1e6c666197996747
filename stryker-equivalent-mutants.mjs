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
  {
    file: 'src/scp/cliArguments.ts',
    code: "''",
    within: "argv[i] ?? ''",
    mutants: 'StringLiteral fallback of argv[i]',
    reason: 'i stays below argv.length, so argv[i] is never undefined and the fallback is never used',
  },
  {
    file: 'src/scp/cliArguments.ts',
    code: "''",
    within: "methodText = ''",
    mutants: 'StringLiteral default of methodText',
    reason: 'exactly three positional arguments were checked just before, so the defaults are never used',
  },
  {
    file: 'src/scp/cliArguments.ts',
    code: "''",
    within: "service = ''",
    mutants: 'StringLiteral default of service',
    reason: 'exactly three positional arguments were checked just before, so the defaults are never used',
  },
  {
    file: 'src/scp/cliArguments.ts',
    code: "''",
    within: "path = ''",
    mutants: 'StringLiteral default of path',
    reason: 'exactly three positional arguments were checked just before, so the defaults are never used',
  },
  {
    file: 'src/scp/cliArguments.ts',
    code: "'parse error'",
    mutants: 'StringLiteral fallback of the JSON error text',
    reason: 'JSON.parse only throws SyntaxError, an Error with a message, so the fallback is never used',
  },
  {
    file: 'src/scp/instanceState.ts',
    code: "''",
    within: "state ?? ''",
    mutants: "StringLiteral `state ?? ''` -> `state ?? \"Stryker was here!\"`",
    reason: 'any text that is not a known state or pattern classifies as unknown, the same as no state',
  },
  {
    file: 'src/scp/instanceState.ts',
    code: "''",
    within: "s === ''",
    mutants: "StringLiteral `s === ''` -> `s === \"Stryker was here!\"`",
    reason: 'the empty state is unknown by the later rules too; the early return is a shortcut',
  },
  {
    file: 'src/scp/cancellation.ts',
    code: '{ once: true }',
    mutants: 'ObjectLiteral and BooleanLiteral of the abort listener options (sleep and linkedAbortController)',
    reason: 'an AbortSignal fires "abort" at most once, so once: true only frees the listener earlier, which nothing can observe',
  },
  {
    file: 'src/scp/concurrencyLimiter.ts',
    code: '{ once: true }',
    mutants: 'ObjectLiteral and BooleanLiteral of the abort listener options',
    reason: 'an AbortSignal fires "abort" at most once, and start() removes the listener; once: true changes nothing observable',
  },
  {
    file: 'src/scp/schemaValidation.ts',
    code: "{ field: '', problem: 'invalid value' }",
    mutants: 'ObjectLiteral and StringLiterals of the fallback for a parse without issues',
    reason: 'a failed zod parse always has at least one issue, so the fallback is never used',
  },
  {
    file: 'src/scp/schemaValidation.ts',
    code: "'invalid value'",
    within: "problems[0] ?? 'invalid value'",
    mutants: 'StringLiteral fallbacks in the request-body refusal',
    reason: 'a failed zod parse always has at least one issue, so problems[0] is always defined',
  },
  {
    file: 'src/scp/schemaValidation.ts',
    code: 'first?.field',
    mutants: 'OptionalChaining `first?.field` -> `first.field` (twice)',
    reason: 'a failed zod parse always has at least one issue, so first is always defined',
  },
  {
    file: 'src/scp/schemaValidation.ts',
    code: '[]',
    within: 'secrets: readonly string[] = []',
    mutants: 'ArrayDeclaration default of secrets',
    reason: 'redacting an invented phrase that no problem text contains changes nothing',
  },
  {
    file: 'src/webview/resourceText.ts',
    code: "''",
    within: "match[1] ?? ''",
    mutants: 'StringLiteral fallback of a regular expression group',
    reason: 'the group is not optional, so after a match it is always a string and the fallback is never used',
  },
  {
    file: 'src/webview/resourceText.ts',
    code: "''",
    within: "match[2] ?? ''",
    mutants: 'StringLiteral fallbacks of a regular expression group (the unit, the items of a group)',
    reason: 'the group is not optional, so after a match it is always a string and the fallback is never used',
  },
  {
    file: 'src/webview/resourceText.ts',
    code: "''",
    within: "pair[1] ?? ''",
    mutants: 'StringLiteral fallback of a regular expression group',
    reason: 'the group is not optional, so after a match it is always a string and the fallback is never used',
  },
  {
    file: 'src/webview/resourceText.ts',
    code: "''",
    within: "pair[2] ?? ''",
    mutants: 'StringLiteral fallback of a regular expression group',
    reason: 'the group is not optional, so after a match it is always a string and the fallback is never used',
  },
  {
    file: 'src/webview/resourceText.ts',
    code: '{\n    return undefined;\n  }',
    within: 'catch {\n    return undefined;\n  }',
    mutants: 'BlockStatement of the JSON.parse catch',
    reason: 'without the return, parsed stays undefined and the next line returns undefined for it just the same',
  },
  {
    file: 'src/connection/strictJson.ts',
    code: 'first?.offset',
    mutants: 'OptionalChaining `first?.offset` -> `first.offset`',
    reason: 'with empty content refused, parseTree returns no root only together with an error, so first is always defined there',
  },
  {
    file: 'src/connection/strictJson.ts',
    code: 'true',
    within: 'createScanner(text, true)',
    mutants: 'BooleanLiteral ignoreTrivia `true` -> `false`',
    reason: 'the trivia tokens (blanks, line breaks, comments) are never braces or brackets, so the depth count is the same',
  },
  {
    file: 'src/explorer/sharedLoad.ts',
    code: '{ once: true }',
    mutants: 'ObjectLiteral and BooleanLiteral of the waiter\'s abort listener options',
    reason: 'an AbortSignal fires "abort" at most once, and a settled result removes the listener; once: true changes nothing observable',
  },
  {
    file: 'src/wizard/validation.ts',
    code: 'text.trim()',
    within: 'Number(text.trim())',
    mutants: 'MethodExpression `Number(text.trim())` -> `Number(text)`',
    reason: 'Number() itself ignores the same leading and trailing white space that trim() removes',
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
