// A user-typed activation σ(x), parsed (parse.ts), compiled with its exact derivative (compile.ts) and validated:
// σ and σ' finite on the quadrature range [−12, 12], σ not constant, and the points where σ may have a kink (the
// sign changes of the arguments of abs/relu/sign/max/min, located by bisection) for the quadrature's panel edges.
import { ExpressionError } from '../errors';
import { collectSwitches, compileTree, type CompiledTree, type Fn } from './compile';
import { parseExpression } from './parse';

export interface CompiledExpression extends CompiledTree {
  /** The expression as typed (trimmed). */
  text: string;
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
  const { value, derivative, evaluate, evaluateInto } = compileTree(tree);
  const switches: Fn[] = [];
  collectSwitches(tree, switches);

  let first = NaN;
  let varies = false;
  for (const x of SAMPLES) {
    const v = value(x);
    const d = derivative(x);
    if (!Number.isFinite(v))
      throw new ExpressionError(`σ(${fmt(x)}) = ${v} is not finite: σ must be finite on [−12, 12]`);
    if (!Number.isFinite(d))
      throw new ExpressionError(`σ'(${fmt(x)}) = ${d} is not finite: σ must be differentiable on [−12, 12]`);
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
