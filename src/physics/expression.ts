// Safe parser for user-typed activations σ(x): a small recursive-descent grammar compiled to closures
// (no eval, no Function constructor). The derivative comes from forward-mode dual numbers, so σ' is exact.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary | <implicit '*' after a number: 2x, 3(x+1)>)*
//   unary   := ('-' | '+') unary | power          so −x^2 = −(x²)
//   power   := primary ('^' unary)?               right-associative: 2^3^2 = 2^9
//   primary := number | 'x' | 'pi' | 'e' | name '(' sum (',' sum)* ')' | '(' sum ')'

import { ExpressionError } from './errors';
import { erf } from './numerics/gaussian';

export const MAX_EXPRESSION_LENGTH = 200;


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
  abs: 1, exp: 1, log: 1, ln: 1, sqrt: 1, sin: 1, cos: 1, tan: 1, tanh: 1, sinh: 1, cosh: 1, atan: 1, erf: 1,
  relu: 1, sigmoid: 1, softplus: 1, sign: 1, max: 2, min: 2, pow: 2,
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
    if (t.kind !== 'end') this.fail(t, t.kind === 'rparen' ? ' (no matching \'(\')' : '');
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
        if (Object.hasOwn(FUNCTIONS, name)) throw new ExpressionError(`'${t.text}' at ${t.pos} is a function: write ${t.text}(…)`, t.pos);
        throw new ExpressionError(`unknown variable '${t.text}' at ${t.pos} (the variable is x)`, t.pos);
      }
      const arity = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined; // own keys only: no 'constructor'
      if (arity === undefined) {
        if (name === 'x' || Object.hasOwn(CONSTANTS, name)) {
          throw new ExpressionError(`'${t.text}' at ${t.pos} is not a function (write ${t.text}*(…) for a product)`, t.pos);
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

// ---------------------------------------------------------------------------------------------
// Compilation. Value closures are plain; dual closures return the value and leave the derivative
// in `dv` (one shared slot: evaluation is synchronous and never re-entered).

type Fn = (x: number) => number;
let dv = 0;

const TWO_OVER_SQRT_PI = 1.1283791670955126;

function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}
function softplus(a: number): number {
  return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))); // stable for large |a|
}

function isConstant(n: ExprNode): boolean {
  switch (n.type) {
    case 'num':
      return true;
    case 'x':
      return false;
    case 'neg':
      return isConstant(n.arg);
    case 'bin':
      return isConstant(n.left) && isConstant(n.right);
    case 'call':
      return n.args.every(isConstant);
  }
}

/** Unary functions: value and derivative with respect to the argument. */
const UNARY: Record<string, [Fn, (a: number, fa: number) => number]> = {
  abs: [Math.abs, (a) => (a > 0 ? 1 : a < 0 ? -1 : 0)],
  exp: [Math.exp, (_a, fa) => fa],
  log: [Math.log, (a) => 1 / a],
  ln: [Math.log, (a) => 1 / a],
  sqrt: [Math.sqrt, (_a, fa) => 0.5 / fa],
  sin: [Math.sin, (a) => Math.cos(a)],
  cos: [Math.cos, (a) => -Math.sin(a)],
  tan: [Math.tan, (_a, fa) => 1 + fa * fa],
  tanh: [Math.tanh, (_a, fa) => 1 - fa * fa],
  sinh: [Math.sinh, (a) => Math.cosh(a)],
  cosh: [Math.cosh, (a) => Math.sinh(a)],
  atan: [Math.atan, (a) => 1 / (1 + a * a)],
  erf: [erf, (a) => TWO_OVER_SQRT_PI * Math.exp(-a * a)],
  relu: [(a) => (a > 0 ? a : 0), (a) => (a > 0 ? 1 : 0)], // σ'(0) := 0 (a null set)
  sigmoid: [sigmoid, (_a, fa) => fa * (1 - fa)],
  softplus: [softplus, (a) => sigmoid(a)],
  sign: [Math.sign, () => 0],
};

/** Functions with a kink or jump where their (switch) argument changes sign. */
const NONSMOOTH = new Set(['abs', 'relu', 'sign', 'max', 'min']);

function compileValue(n: ExprNode): Fn {
  if (n.type !== 'num' && isConstant(n)) {
    const c = buildValue(n)(0); // fold constant sub-trees once
    return () => c;
  }
  return buildValue(n);
}

function buildValue(n: ExprNode): Fn {
  if (n.type === 'num') {
    const c = n.value;
    return () => c;
  }
  if (n.type === 'x') return (x) => x;
  if (n.type === 'neg') {
    const a = compileValue(n.arg);
    return (x) => -a(x);
  }
  if (n.type === 'bin') {
    const a = compileValue(n.left);
    const b = compileValue(n.right);
    if (n.op === '+') return (x) => a(x) + b(x);
    if (n.op === '-') return (x) => a(x) - b(x);
    if (n.op === '*') return (x) => a(x) * b(x);
    if (n.op === '/') return (x) => a(x) / b(x);
    return (x) => Math.pow(a(x), b(x));
  }
  if (n.args.length === 2) {
    const a = compileValue(n.args[0]);
    const b = compileValue(n.args[1]);
    if (n.name === 'max') return (x) => Math.max(a(x), b(x));
    if (n.name === 'min') return (x) => Math.min(a(x), b(x));
    return (x) => Math.pow(a(x), b(x));
  }
  const a = compileValue(n.args[0]);
  const f = UNARY[n.name][0];
  return (x) => f(a(x));
}

/** d/dx of a^b: constant exponents take the power rule (valid for negative bases). */
function compilePow(left: ExprNode, right: ExprNode): Fn {
  const a = compileDual(left);
  if (isConstant(right)) {
    const c = compileValue(right)(0);
    return (x) => {
      const av = a(x);
      const da = dv;
      dv = c === 0 ? 0 : c * Math.pow(av, c - 1) * da;
      return Math.pow(av, c);
    };
  }
  const b = compileDual(right);
  return (x) => {
    const av = a(x);
    const da = dv;
    const bv = b(x);
    const db = dv;
    const v = Math.pow(av, bv);
    dv = v * (db * Math.log(av) + (bv * da) / av);
    return v;
  };
}

function compileDual(n: ExprNode): Fn {
  if (isConstant(n)) {
    const c = compileValue(n)(0);
    return () => {
      dv = 0;
      return c;
    };
  }
  if (n.type === 'x' || n.type === 'num') {
    return (x) => {
      dv = 1;
      return x;
    };
  }
  if (n.type === 'neg') {
    const a = compileDual(n.arg);
    return (x) => {
      const v = -a(x);
      dv = -dv;
      return v;
    };
  }
  if (n.type === 'bin') {
    if (n.op === '^') return compilePow(n.left, n.right);
    const a = compileDual(n.left);
    const b = compileDual(n.right);
    if (n.op === '+') {
      return (x) => {
        const av = a(x);
        const da = dv;
        const bv = b(x);
        dv += da;
        return av + bv;
      };
    }
    if (n.op === '-') {
      return (x) => {
        const av = a(x);
        const da = dv;
        const bv = b(x);
        dv = da - dv;
        return av - bv;
      };
    }
    if (n.op === '*') {
      return (x) => {
        const av = a(x);
        const da = dv;
        const bv = b(x);
        dv = da * bv + av * dv;
        return av * bv;
      };
    }
    return (x) => {
      const av = a(x);
      const da = dv;
      const bv = b(x);
      dv = (da * bv - av * dv) / (bv * bv);
      return av / bv;
    };
  }
  if (n.name === 'pow') return compilePow(n.args[0], n.args[1]);
  if (n.args.length === 2) {
    const a = compileDual(n.args[0]);
    const b = compileDual(n.args[1]);
    const isMax = n.name === 'max';
    return (x) => {
      const av = a(x);
      const da = dv;
      const bv = b(x);
      // On a tie take the second argument's slope: relu-like max(x, 0) gets σ'(0) = 0.
      if (isMax ? av > bv : av < bv) {
        dv = da;
        return av;
      }
      return bv;
    };
  }
  const a = compileDual(n.args[0]);
  const [f, df] = UNARY[n.name];
  return (x) => {
    const av = a(x);
    const da = dv;
    const fv = f(av);
    dv = da === 0 ? 0 : df(av, fv) * da; // 0·∞ from a flat argument stays 0
    return fv;
  };
}

/** Switch functions of the non-smooth nodes: σ can only have a kink or jump where one changes sign. */
function collectSwitches(n: ExprNode, out: Fn[]): void {
  if (n.type === 'neg') collectSwitches(n.arg, out);
  else if (n.type === 'bin') {
    collectSwitches(n.left, out);
    collectSwitches(n.right, out);
  } else if (n.type === 'call') {
    n.args.forEach((a) => collectSwitches(a, out));
    if (NONSMOOTH.has(n.name) && !isConstant(n)) {
      if (n.args.length === 2) {
        const a = compileValue(n.args[0]);
        const b = compileValue(n.args[1]);
        out.push((x) => a(x) - b(x));
      } else out.push(compileValue(n.args[0]));
    }
  }
}

export interface CompiledExpression {
  /** The expression as typed (trimmed). */
  text: string;
  /** σ(x). */
  value: (x: number) => number;
  /** σ'(x), exact (forward-mode); at a kink, the one-sided slope the expression's branch picks. */
  derivative: (x: number) => number;
  /** [σ(x), σ'(x)] in one pass. */
  evaluate: (x: number) => [number, number];
  /** out[0] = σ(x), out[1] = σ'(x) in one pass, without allocation (for hot loops). */
  evaluateInto: (x: number, out: Float64Array) => void;
  /** Points in [lo, hi] where σ may have a kink or jump (sign changes of abs/relu/sign/max/min arguments). */
  kinks: (lo: number, hi: number) => number[];
  /** Whether σ uses a non-smooth function at all. */
  nonSmooth: boolean;
}

/** Sample points for validation: a grid over the quadrature range [−12, 12] plus a few awkward values, nearest 0 first. */
const SAMPLES: number[] = (() => {
  const xs: number[] = [];
  for (let i = -240; i <= 240; i++) xs.push(i / 20 + 0.0123);
  xs.push(0, 1, -1, 0.5, -0.5, 12, -12);
  return xs.sort((a, b) => Math.abs(a) - Math.abs(b)); // report the failure nearest 0
})();

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/**
 * Parse, compile and validate an activation typed by a user. Throws ExpressionError when the text
 * does not parse, σ or σ' is not finite somewhere on [−12, 12], or σ does not depend on x.
 */
export function compileExpression(text: string): CompiledExpression {
  const src = typeof text === 'string' ? text.trim() : text;
  const tree = parseExpression(src);
  const value = compileValue(tree);
  const dual = compileDual(tree);
  const derivative = (x: number): number => {
    dual(x);
    return dv;
  };
  const evaluate = (x: number): [number, number] => {
    const v = dual(x);
    return [v, dv];
  };
  const evaluateInto = (x: number, out: Float64Array): void => {
    out[0] = dual(x);
    out[1] = dv;
  };
  const switches: Fn[] = [];
  collectSwitches(tree, switches);

  let first = NaN;
  let varies = false;
  for (const x of SAMPLES) {
    const v = value(x);
    const d = derivative(x);
    if (!Number.isFinite(v)) throw new ExpressionError(`σ(${fmt(x)}) = ${v} is not finite: σ must be finite on [−12, 12]`);
    if (!Number.isFinite(d)) throw new ExpressionError(`σ'(${fmt(x)}) = ${d} is not finite: σ must be differentiable on [−12, 12]`);
    if (first !== first) first = v;
    else if (v !== first) varies = true;
    if (d !== 0) varies = true;
  }
  if (!varies) throw new ExpressionError(`σ(x) = ${fmt(first)} is constant: it must depend on x`);

  const kinks = (lo: number, hi: number): number[] => {
    const found: number[] = [];
    const n = 4800;
    for (const s of switches) {
      let xa = lo;
      let fa = s(xa);
      if (fa === 0) found.push(xa);
      for (let i = 1; i <= n; i++) {
        const xb = lo + ((hi - lo) * i) / n;
        const fb = s(xb);
        if (fb === 0) found.push(xb);
        else if (fa * fb < 0) {
          let a = xa;
          let b = xb;
          let sa = fa;
          for (let it = 0; it < 80 && b - a > 1e-15 * Math.max(1, Math.abs(a)); it++) {
            const m = 0.5 * (a + b);
            const sm = s(m);
            if (sm === 0) {
              a = b = m;
              break;
            }
            if (sa * sm < 0) b = m;
            else {
              a = m;
              sa = sm;
            }
          }
          found.push(0.5 * (a + b));
        }
        xa = xb;
        fa = fb;
      }
    }
    found.sort((a, b) => a - b);
    return found.filter((v, i) => i === 0 || v - found[i - 1] > 1e-12);
  };

  return { text: src, value, derivative, evaluate, evaluateInto, kinks, nonSmooth: switches.length > 0 };
}
