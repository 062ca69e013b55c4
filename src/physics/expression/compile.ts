// A parsed user activation (parse.ts) compiled to closures (no eval, no Function constructor): σ by plain value
// closures, σ' exactly by forward-mode dual numbers. Dual closures return the value and leave the derivative in
// `dv` (one shared slot: evaluation is synchronous and never re-entered).
import { erf } from '../numerics/normal';
import type { ExprNode } from './parse';

export type Fn = (x: number) => number;
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
export function collectSwitches(n: ExprNode, out: Fn[]): void {
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

/** σ and σ' of an expression: value closures, and the dual closure read out as σ', as a pair or in place. */
export interface CompiledTree {
  /** σ(x). */
  value: (x: number) => number;
  /** σ'(x), exact (forward-mode); at a kink, the one-sided slope the expression's branch picks. */
  derivative: (x: number) => number;
  /** [σ(x), σ'(x)] in one pass. */
  evaluate: (x: number) => [number, number];
  /** out[0] = σ(x), out[1] = σ'(x) in one pass, without allocation (for hot loops). */
  evaluateInto: (x: number, out: Float64Array) => void;
}

export function compileTree(tree: ExprNode): CompiledTree {
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
  return { value, derivative, evaluate, evaluateInto };
}
