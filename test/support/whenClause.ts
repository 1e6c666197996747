/**
 * Evaluates the subset of VS Code's `when` clause syntax the extension's palette entries use: context keys,
 * `true` / `false`, `!`, `&&`, `||` (VS Code's precedence: `!` over `&&` over `||`), parentheses, and
 * `key == value` / `key != value` with a bare or quoted value. Anything else throws, so a clause outside the
 * subset fails the test instead of being guessed. VS Code has no API to ask whether a command shows in the palette.
 */
export type ContextValues = Readonly<Record<string, unknown>>;

type Token = { kind: 'op'; text: '!' | '&&' | '||' | '(' | ')' | '==' | '!=' } | { kind: 'word'; text: string };

function tokenize(clause: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(&&|\|\||==|!=|!|\(|\)|'[^']*'|[\w.:-]+)/y;
  let index = 0;
  while (index < clause.length) {
    if (/^\s*$/.test(clause.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(clause);
    if (!match?.[1]) throw new Error(`when clause outside the supported subset at ${index}: ${clause}`);
    const text = match[1];
    tokens.push(['&&', '||', '==', '!=', '!', '(', ')'].includes(text) ? { kind: 'op', text: text as '!' } : { kind: 'word', text });
    index = pattern.lastIndex;
  }
  return tokens;
}

/** The context keys a clause reads. */
export function contextKeysOf(clause: string): string[] {
  const tokens = tokenize(clause);
  return tokens
    .filter((token, i) => token.kind === 'word' && !['true', 'false'].includes(token.text) && !/^(==|!=)$/.test(tokens[i - 1]?.text ?? ''))
    .map((token) => token.text);
}

export function evaluateWhen(clause: string | undefined, context: ContextValues): boolean {
  if (clause === undefined || clause.trim() === '') return true;
  const tokens = tokenize(clause);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const take = (): Token => {
    const token = tokens[position++];
    if (!token) throw new Error(`when clause ends too early: ${clause}`);
    return token;
  };

  const or = (): boolean => {
    let value = and();
    while (peek()?.text === '||') {
      take();
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = (): boolean => {
    let value = unary();
    while (peek()?.text === '&&') {
      take();
      const right = unary();
      value = value && right;
    }
    return value;
  };
  const unary = (): boolean => {
    const token = take();
    if (token.text === '!') return !unary();
    if (token.text === '(') {
      const value = or();
      if (take().text !== ')') throw new Error(`unbalanced parentheses: ${clause}`);
      return value;
    }
    if (token.kind !== 'word') throw new Error(`unexpected "${token.text}" in: ${clause}`);
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    const next = peek()?.text;
    if (next === '==' || next === '!=') {
      take();
      const literal = take();
      if (literal.kind !== 'word') throw new Error(`expected a value after ${next} in: ${clause}`);
      const expected = literal.text.replace(/^'(.*)'$/, '$1');
      const equal = String(context[token.text]) === expected;
      return next === '==' ? equal : !equal;
    }
    return Boolean(context[token.text]);
  };

  const value = or();
  if (position !== tokens.length) throw new Error(`unexpected "${tokens[position]?.text ?? ''}" in: ${clause}`);
  return value;
}
