// Safe parser for user-typed activations σ(x): a small recursive-descent grammar to a syntax tree (compiled to
// closures by compile.ts, validated by validate.ts).
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary | <implicit '*' after a number: 2x, 3(x+1)>)*
//   unary   := ('-' | '+') unary | power          so −x^2 = −(x²)
//   power   := primary ('^' unary)?               right-associative: 2^3^2 = 2^9
//   primary := number | 'x' | 'pi' | 'e' | name '(' sum (',' sum)* ')' | '(' sum ')'

import { ExpressionError } from '../errors';

// Long enough for a truncated Hermite series typed out (15 terms with 17-digit coefficients ≈ 450 characters,
// e.g. the authors' truncated tanh(2x) and ELU of arXiv 2510.24616), short enough for a URL.
export const MAX_EXPRESSION_LENGTH = 1000;

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'num' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  value: number; // for 'num'
  pos: number; // 1-based
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z_0-9]*/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const pos = i + 1;
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', text: num[0], value: Number(num[0]), pos });
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      tokens.push({ kind: 'ident', text: id[0], value: 0, pos });
      i += id[0].length;
      continue;
    }
    if (rest.startsWith('**')) {
      tokens.push({ kind: 'op', text: '^', value: 0, pos });
      i += 2;
      continue;
    }
    // Typographic forms that people paste from labels: − × · π.
    const op = ch === '−' ? '-' : ch === '×' || ch === '·' ? '*' : ch;
    if ('+-*/^'.includes(op)) tokens.push({ kind: 'op', text: op, value: 0, pos });
    else if (ch === 'π') tokens.push({ kind: 'ident', text: 'pi', value: 0, pos });
    else if (ch === '(') tokens.push({ kind: 'lparen', text: ch, value: 0, pos });
    else if (ch === ')') tokens.push({ kind: 'rparen', text: ch, value: 0, pos });
    else if (ch === ',') tokens.push({ kind: 'comma', text: ch, value: 0, pos });
    else throw new ExpressionError(`unexpected character '${ch}' at ${pos}`, pos);
    i++;
  }
  tokens.push({ kind: 'end', text: '', value: 0, pos: src.length + 1 });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Syntax tree

export type ExprNode =
  | { type: 'num'; value: number }
  | { type: 'x' }
  | { type: 'neg'; arg: ExprNode }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: ExprNode; right: ExprNode }
  | { type: 'call'; name: string; args: ExprNode[] };

/** Functions and their arities. */
const FUNCTIONS: Record<string, number> = {
  abs: 1,
  exp: 1,
  log: 1,
  ln: 1,
  sqrt: 1,
  sin: 1,
  cos: 1,
  tan: 1,
  tanh: 1,
  sinh: 1,
  cosh: 1,
  atan: 1,
  erf: 1,
  relu: 1,
  sigmoid: 1,
  softplus: 1,
  sign: 1,
  max: 2,
  min: 2,
  pow: 2,
};
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTIONS);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private fail(t: Token, hint = ''): never {
    const what = t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${t.text}' at ${t.pos}`;
    throw new ExpressionError(what + hint, t.pos);
  }

  parse(): ExprNode {
    if (this.peek().kind === 'end') throw new ExpressionError('empty expression');
    const node = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') this.fail(t, t.kind === 'rparen' ? " (no matching '(')" : '');
    return node;
  }

  private sum(): ExprNode {
    let left = this.product();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '+' || t.text === '-')) {
        this.next();
        left = { type: 'bin', op: t.text, left, right: this.product() };
      } else return left;
    }
  }

  private product(): ExprNode {
    let lastWasNumber = this.peek().kind === 'num';
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '*' || t.text === '/')) {
        this.next();
        lastWasNumber = this.peek().kind === 'num';
        left = { type: 'bin', op: t.text, left, right: this.unary() };
      } else if (lastWasNumber && (t.kind === 'ident' || t.kind === 'lparen')) {
        // Implicit product after a number literal: 2x, 0.5(x+1), 3tanh(x).
        lastWasNumber = false;
        left = { type: 'bin', op: '*', left, right: this.unary() };
      } else return left;
    }
  }

  private unary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const arg = this.unary();
      return t.text === '-' ? { type: 'neg', arg } : arg;
    }
    return this.power();
  }

  private power(): ExprNode {
    const base = this.primary();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '^') {
      this.next();
      return { type: 'bin', op: '^', left: base, right: this.unary() };
    }
    return base;
  }

  private primary(): ExprNode {
    const t = this.next();
    if (t.kind === 'num') {
      if (!Number.isFinite(t.value)) throw new ExpressionError(`number '${t.text}' at ${t.pos} is too large`, t.pos);
      return { type: 'num', value: t.value };
    }
    if (t.kind === 'lparen') {
      const inner = this.sum();
      const close = this.next();
      if (close.kind !== 'rparen') this.fail(close, ` (expected ')' to close '(' at ${t.pos})`);
      return inner;
    }
    if (t.kind === 'ident') {
      const name = t.text.toLowerCase(); // names are case-insensitive: Tanh, PI, X
      const isCall = this.peek().kind === 'lparen';
      if (!isCall) {
        if (name === 'x') return { type: 'x' };
        if (Object.hasOwn(CONSTANTS, name)) return { type: 'num', value: CONSTANTS[name] };
        if (Object.hasOwn(FUNCTIONS, name))
          throw new ExpressionError(`'${t.text}' at ${t.pos} is a function: write ${t.text}(…)`, t.pos);
        throw new ExpressionError(`unknown variable '${t.text}' at ${t.pos} (the variable is x)`, t.pos);
      }
      const arity = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined; // own keys only: no 'constructor'
      if (arity === undefined) {
        if (name === 'x' || Object.hasOwn(CONSTANTS, name)) {
          throw new ExpressionError(
            `'${t.text}' at ${t.pos} is not a function (write ${t.text}*(…) for a product)`,
            t.pos,
          );
        }
        throw new ExpressionError(`unknown function '${t.text}' at ${t.pos}`, t.pos);
      }
      this.next(); // '('
      const args: ExprNode[] = [this.sum()];
      while (this.peek().kind === 'comma') {
        this.next();
        args.push(this.sum());
      }
      const close = this.next();
      if (close.kind !== 'rparen') this.fail(close, ` (expected ')' to close ${t.text}( at ${t.pos})`);
      if (args.length !== arity) {
        throw new ExpressionError(
          `'${t.text}' at ${t.pos} takes ${arity} argument${arity > 1 ? 's' : ''}, got ${args.length}`,
          t.pos,
        );
      }
      return { type: 'call', name, args };
    }
    return this.fail(t);
  }
}

/** Parse to a syntax tree; throws ExpressionError. */
export function parseExpression(text: string): ExprNode {
  if (typeof text !== 'string') throw new ExpressionError('expression must be a string');
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression too long (${text.length} characters; at most ${MAX_EXPRESSION_LENGTH})`);
  }
  return new Parser(tokenize(text)).parse();
}
