import * as assert from 'node:assert/strict';
import { lineAndColumn, MAX_JSON_DEPTH, parseStrictJson } from '../../../src/connection/strictJson';

/** The error part of an outcome, failing the test when the text parsed. */
function failure(text: string): { problem: string; line: number; column: number; found?: string | undefined } {
  const outcome = parseStrictJson(text);
  if (outcome.ok) assert.fail(`expected ${JSON.stringify(text)} to be refused`);
  return outcome.problem === 'syntax'
    ? { problem: outcome.problem, line: outcome.line, column: outcome.column, found: outcome.found }
    : { problem: outcome.problem, line: outcome.line, column: outcome.column };
}

describe('parseStrictJson', () => {
  it('parses valid JSON like JSON.parse, objects without a prototype', () => {
    const outcome = parseStrictJson('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "toString": 1, "__proto__": {"polluted": true}}');
    assert.ok(outcome.ok);
    const value = outcome.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), null);
    assert.deepEqual(value.a, [1, -2500, true, null, 'xé\n']);
    assert.equal(Object.getOwnPropertyDescriptor(value, 'toString')?.value, 1);
    assert.deepEqual(Object.keys(value), ['a', 'toString', '__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });

  it('accepts a UTF-8 byte-order mark, and keeps the last of a repeated key', () => {
    const outcome = parseStrictJson('\uFEFF{"a":1, "a":2}');
    assert.ok(outcome.ok);
    assert.equal((outcome.value as Record<string, unknown>).a, 2);
  });

  it('points at a missing comma between two properties', () => {
    const text = '{\n  "auth-url": "https://iam.e.samsungsdscloud.com/v1"\n  "default-region": "kr-west1"\n}';
    assert.deepEqual(failure(text), { problem: 'syntax', line: 3, column: 3, found: '"' });
  });

  it('points at a trailing comma and an unquoted word', () => {
    assert.deepEqual(failure('{"a": 1,\n}'), { problem: 'syntax', line: 2, column: 1, found: '}' });
    assert.deepEqual(failure('{"a": 1, "b": x}'), { problem: 'syntax', line: 1, column: 15, found: 'x' });
  });

  it('reports the end of the text when it stops early, or is empty', () => {
    assert.deepEqual(failure('{"a":\n'), { problem: 'syntax', line: 2, column: 1, found: undefined });
    assert.deepEqual(failure(''), { problem: 'syntax', line: 1, column: 1, found: undefined });
  });

  it('refuses text after the value, a raw newline inside a string and a bad escape', () => {
    assert.deepEqual(failure('{"a":1} x'), { problem: 'syntax', line: 1, column: 9, found: 'x' });
    assert.equal(failure('{"a":"b\nc"}').line, 1);
    assert.equal(failure('{"a":"\\q"}').problem, 'syntax');
  });

  it('refuses single quotes and comments, which JSON does not allow', () => {
    assert.deepEqual(failure("{'a': 1}"), { problem: 'syntax', line: 1, column: 2, found: "'" });
    assert.deepEqual(failure('{\n  // note\n  "a": 1\n}'), { problem: 'syntax', line: 2, column: 3, found: '/' });
  });

  it('never quotes more than one character: after a missing colon comes a key value', () => {
    assert.deepEqual(failure('{"secret-key" "VALUE-THAT-IS-SECRET"}').found, '"');
  });

  it('refuses deep nesting before parsing, where 6,000 `[` used to overflow the stack', () => {
    assert.deepEqual(failure('['.repeat(6000)), { problem: 'tooDeep', line: 1, column: MAX_JSON_DEPTH + 1 });
    assert.deepEqual(failure(`{"a":\n${'{"b":'.repeat(200)}1${'}'.repeat(201)}`).problem, 'tooDeep');
    assert.ok(parseStrictJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).ok);
  });

  it('counts the depth down again at every closing bracket or brace, never below zero', () => {
    // Thousands of levels in sequence, never more than two at once.
    const many = (item: string): string => Array.from({ length: 100 }, () => item).join(',');
    assert.ok(parseStrictJson(`[${many('{}')},${many('[]')}]`).ok);
    assert.ok(parseStrictJson(`[${many('[{}]')}]`).ok);
    // Back at one level after `[[]`, so the 64th `[` after it opens level 65, at column 67.
    assert.deepEqual(failure(`[[]${'['.repeat(MAX_JSON_DEPTH)}`), { problem: 'tooDeep', line: 1, column: MAX_JSON_DEPTH + 3 });
    // A stray closing bracket does not buy extra levels.
    assert.deepEqual(failure(`]]${'['.repeat(MAX_JSON_DEPTH + 1)}`), { problem: 'tooDeep', line: 1, column: MAX_JSON_DEPTH + 3 });
  });

  it('counts lines and columns from 1', () => {
    assert.deepEqual(lineAndColumn('ab\ncd', 2), { line: 1, column: 3 }, 'the newline itself ends line 1');

    assert.deepEqual(lineAndColumn('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
  });
});
