import { createScanner, parseTree, type Node, type ParseError, type SyntaxKind } from 'jsonc-parser';

/**
 * Strict JSON for files a user hands us (the profile importer): jsonc-parser with comments, trailing commas and
 * empty content refused, a syntax error given as line and column, and nesting capped before parsing (jsonc-parser
 * recurses, so thousands of `[` would overflow the stack). Objects come back without a prototype, so keys such as
 * `toString`, `constructor` or `__proto__` are plain keys. No vscode import.
 */

/** Far more than a profile file needs (three levels: file, `profiles`, entry). */
export const MAX_JSON_DEPTH = 64;

export type StrictJsonOutcome =
  | { ok: true; value: unknown }
  /** `line` and `column` are 1-based; `found` is the first character of the offending token, `undefined` at the end of the text. */
  | { ok: false; problem: 'syntax'; line: number; column: number; found: string | undefined }
  /** Nested deeper than MAX_JSON_DEPTH at `line`, `column`. */
  | { ok: false; problem: 'tooDeep'; line: number; column: number };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

export function parseStrictJson(text: string): StrictJsonOutcome {
  // Editors on Windows like to save a byte-order mark.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const deep = offsetPastDepth(source, MAX_JSON_DEPTH);
  if (deep !== undefined) return { ok: false, problem: 'tooDeep', ...lineAndColumn(source, deep) };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, STRICT);
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const offset = first?.offset ?? source.length;
    // One character, never the token: the token after a missing colon would be a key's value.
    const found = offset < source.length ? source[offset] : undefined;
    return { ok: false, problem: 'syntax', ...lineAndColumn(source, offset), found };
  }
  return { ok: true, value: valueOf(root) };
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

/** jsonc-parser's SyntaxKind values (a const enum its types declare, which isolated modules cannot read). */
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const EOF = 17 as SyntaxKind;

/** The offset of the first `{` or `[` that opens level `maxDepth + 1`, found by the (iterative) scanner. */
function offsetPastDepth(text: string, maxDepth: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The value of a parsed node; objects without a prototype, a repeated key keeps its last value (as JSON.parse). */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key !== undefined && value !== undefined) out[String(key.value)] = valueOf(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value as unknown;
  }
}
