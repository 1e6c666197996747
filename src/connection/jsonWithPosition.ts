/**
 * JSON.parse, but a syntax error comes back as a line and column. V8's own messages give a position only for some
 * errors (and the wording differs between Node versions), so the position comes from a small scanner of our own.
 * No vscode import: the profile importer and its unit tests use it.
 */

export type JsonParseOutcome =
  | { ok: true; value: unknown }
  /** `line` and `column` are 1-based; `found` is the offending character, `undefined` at the end of the text. */
  | { ok: false; line: number; column: number; found: string | undefined };

export function parseJsonWithPosition(text: string): JsonParseOutcome {
  // Editors on Windows like to save a byte-order mark; JSON.parse refuses it.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch {
    const offset = firstSyntaxErrorOffset(source);
    const { line, column } = lineAndColumn(source, offset);
    return { ok: false, line, column, found: offset < source.length ? source[offset] : undefined };
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Thrown inside the scanner to unwind to its top; never leaves this file. */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

/** The offset of the first character that makes `text` invalid JSON (text.length when it ends too early). */
function firstSyntaxErrorOffset(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw new SyntaxAt(at);
  };
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (char: string): void => {
    if (text[i] !== char) fail(i);
    i++;
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[i] ?? '')) fail(i);
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };

  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail(i);
      const char = text[i];
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(Math.min(i + k, text.length));
          i += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
          i += 2;
        } else {
          fail(Math.min(i + 1, text.length));
        }
        continue;
      }
      if (char.charCodeAt(0) < 0x20) fail(i);
      i++;
    }
  };

  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };

  const literal = (word: string): void => {
    for (const char of word) expect(char);
  };

  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') object();
    else if (char === '[') array();
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || /[0-9]/.test(char ?? '')) number();
    else fail(i);
  };

  const object = (): void => {
    expect('{');
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      string();
      skipSpace();
      expect(':');
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect('}');
      return;
    }
  };

  const array = (): void => {
    expect('[');
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']');
      return;
    }
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail(i);
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    throw error;
  }
  // JSON.parse refused what the scanner accepts: should not happen; point at the end rather than nowhere.
  return text.length;
}
