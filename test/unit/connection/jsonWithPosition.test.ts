import * as assert from 'node:assert/strict';
import { lineAndColumn, parseJsonWithPosition } from '../../../src/connection/jsonWithPosition';

/** The error part of an outcome, failing the test when the text parsed. */
function failure(text: string): { line: number; column: number; found: string | undefined } {
  const outcome = parseJsonWithPosition(text);
  if (outcome.ok) assert.fail(`expected ${JSON.stringify(text)} to be refused`);
  return { line: outcome.line, column: outcome.column, found: outcome.found };
}

describe('parseJsonWithPosition', () => {
  it('parses valid JSON like JSON.parse', () => {
    assert.deepEqual(parseJsonWithPosition('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"]}'), {
      ok: true,
      value: { a: [1, -2500, true, null, 'xé\n'] },
    });
  });

  it('accepts a UTF-8 byte-order mark', () => {
    assert.deepEqual(parseJsonWithPosition('\uFEFF{"a":1}'), { ok: true, value: { a: 1 } });
  });

  it('points at a missing comma between two properties (where V8 gives no position on some versions)', () => {
    const text = '{\n  "auth-url": "https://iam.e.samsungsdscloud.com/v1"\n  "default-region": "kr-west1"\n}';
    assert.deepEqual(failure(text), { line: 3, column: 3, found: '"' });
  });

  it('points at a trailing comma', () => {
    assert.deepEqual(failure('{"a": 1,\n}'), { line: 2, column: 1, found: '}' });
  });

  it('points at an unquoted word', () => {
    assert.deepEqual(failure('{"a": 1, "b": x}'), { line: 1, column: 15, found: 'x' });
  });

  it('reports the end of the text when it stops early', () => {
    assert.deepEqual(failure('{"a":\n'), { line: 2, column: 1, found: undefined });
    assert.deepEqual(failure(''), { line: 1, column: 1, found: undefined });
  });

  it('refuses text after the value, a raw newline inside a string and a bad escape', () => {
    assert.deepEqual(failure('{"a":1} x'), { line: 1, column: 9, found: 'x' });
    assert.deepEqual(failure('{"a":"b\nc"}'), { line: 1, column: 8, found: '\n' });
    assert.deepEqual(failure('{"a":"\\q"}'), { line: 1, column: 8, found: 'q' });
  });

  it('refuses single quotes and comments, which JSON does not allow', () => {
    assert.deepEqual(failure("{'a': 1}"), { line: 1, column: 2, found: "'" });
    assert.deepEqual(failure('{\n  // note\n  "a": 1\n}'), { line: 2, column: 3, found: '/' });
  });

  it('counts lines and columns from 1', () => {
    assert.deepEqual(lineAndColumn('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
  });
});
