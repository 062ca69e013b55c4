// σ and σ' as TensorFlow.js ops (float32), for the built-in activations and for user expressions (compiled
// from the same syntax tree as the float64 engine's parser, differentiated in forward mode on tensors).
// The gradients of the simulations are written out by hand (src/sim/shallowTf.ts): tfjs-core's autodiff
// registry is not loaded in Node without the umbrella package, and the explicit backward pass is the faster
// one anyway. The float64 σ of src/physics/activations.ts stays the reference (tests compare the two).

import * as tf from '@tensorflow/tfjs-core';
import { getActivation } from '../physics/activations';
import { parseExpression, type ExprNode } from '../physics/expression/parse';

/** σ(h) and σ'(h), elementwise. */
export type TfSigma = (h: tf.Tensor) => { s: tf.Tensor; ds: tf.Tensor };

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT6 = 1 / Math.sqrt(6);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * tanh(c·h) = 2 sigmoid(2c·h) − 1: tfjs-wasm's Tanh calls libm's tanh number by number (3.4 ms on a 20×6400
 * matrix, the L = 1 gradient's Hᵀ at d = 40), its Sigmoid took 0.21 ms (measured); absolute error ≈ 1.6e−7.
 */
const tanhOf = (h: tf.Tensor, c = 1) => tf.sub(tf.mul(tf.sigmoid(tf.mul(h, 2 * c)), 2), 1);

const BUILTIN: Record<string, TfSigma> = {
  relu: (h) => ({ s: tf.relu(h), ds: tf.step(h) }),
  leakyrelu: (h) => ({ s: tf.leakyRelu(h, 0.01), ds: tf.step(h, 0.01) }), // max(x, 0.01x), as activations.ts
  elu: (h) => ({ s: tf.elu(h), ds: tf.minimum(tf.exp(h), 1) }),
  tanh: (h) => {
    const t = tanhOf(h);
    return { s: t, ds: tf.sub(1, tf.square(t)) };
  },
  tanh2: (h) => {
    const t = tanhOf(h, 2);
    return { s: t, ds: tf.mul(tf.sub(1, tf.square(t)), 2) };
  },
  // tanh(2x)/√(E tanh²(2z)): the unit-variance scale comes from the float64 engine (arXiv 2510.24616's deep runs).
  'tanh2-unit': (h) => {
    const scale = 1 / Math.sqrt(getActivation('tanh2').Esigma2);
    const t = tanhOf(h, 2);
    return { s: tf.mul(t, scale), ds: tf.mul(tf.sub(1, tf.square(t)), 2 * scale) };
  },
  // (tanh(2x) − μ1 x)/√(E tanh²(2z) − μ1²), the any-depth runs' σ (μ0 = μ1 = μ2 = 0, E σ² = 1): μ1 and the scale
  // from the float64 engine (μ1 = 0.7294775314861, scale 1/0.3211288920572).
  'tanh2-nolin': (h) => {
    const base = getActivation('tanh2');
    const m1 = base.mu[1];
    const scale = 1 / Math.sqrt(base.Esigma2 - m1 * m1);
    const t = tanhOf(h, 2);
    return {
      s: tf.mul(tf.sub(t, tf.mul(h, m1)), scale),
      ds: tf.mul(tf.sub(tf.mul(tf.sub(1, tf.square(t)), 2), m1), scale),
    };
  },
  erf: (h) => ({ s: tf.erf(h), ds: tf.mul(tf.exp(tf.neg(tf.square(h))), TWO_OVER_SQRT_PI) }),
  sigmoid: (h) => {
    const s = tf.sigmoid(h);
    return { s, ds: tf.mul(s, tf.sub(1, s)) };
  },
  softplus: (h) => ({ s: tf.softplus(h), ds: tf.sigmoid(h) }),
  linear: (h) => ({ s: h, ds: tf.onesLike(h) }),
  h2: (h) => ({ s: tf.mul(tf.square(h), SQRT1_2), ds: tf.mul(h, Math.SQRT2) }), // x²/√2
  h3: (h) => {
    const h2 = tf.square(h);
    // (x³ − 3x)/√6, σ' = (3x² − 3)/√6
    return { s: tf.mul(tf.mul(tf.sub(h2, 3), h), INV_SQRT6), ds: tf.mul(tf.sub(h2, 1), 3 * INV_SQRT6) };
  },
  h23: (h) => {
    const h2 = tf.square(h);
    // (x² − 1)/√2 + (x³ − 3x)/6, σ' = √2 x + (x² − 1)/2
    return {
      s: tf.add(tf.mul(tf.sub(h2, 1), SQRT1_2), tf.div(tf.mul(tf.sub(h2, 3), h), 6)),
      ds: tf.add(tf.mul(h, Math.SQRT2), tf.mul(tf.sub(h2, 1), 0.5)),
    };
  },
};

type Dual = { v: tf.Tensor; d: tf.Tensor };
type DualFn = (h: tf.Tensor) => Dual;

/** Chain rule for a unary function with derivative fp(a) (a tensor function of the argument's value). */
function unary(arg: DualFn, f: (a: tf.Tensor) => tf.Tensor, fp: (a: tf.Tensor, fa: tf.Tensor) => tf.Tensor): DualFn {
  return (h) => {
    const a = arg(h);
    const fa = f(a.v);
    return { v: fa, d: tf.mul(fp(a.v, fa), a.d) };
  };
}

function compileDual(node: ExprNode): DualFn {
  switch (node.type) {
    case 'num': {
      const c = node.value;
      return (h) => ({ v: tf.fill(h.shape, c), d: tf.zerosLike(h) });
    }
    case 'x':
      return (h) => ({ v: h, d: tf.onesLike(h) });
    case 'neg': {
      const a = compileDual(node.arg);
      return (h) => {
        const r = a(h);
        return { v: tf.neg(r.v), d: tf.neg(r.d) };
      };
    }
    case 'bin': {
      const l = compileDual(node.left);
      const r = compileDual(node.right);
      switch (node.op) {
        case '+':
          return (h) => {
            const a = l(h),
              b = r(h);
            return { v: tf.add(a.v, b.v), d: tf.add(a.d, b.d) };
          };
        case '-':
          return (h) => {
            const a = l(h),
              b = r(h);
            return { v: tf.sub(a.v, b.v), d: tf.sub(a.d, b.d) };
          };
        case '*':
          return (h) => {
            const a = l(h),
              b = r(h);
            return { v: tf.mul(a.v, b.v), d: tf.add(tf.mul(a.d, b.v), tf.mul(a.v, b.d)) };
          };
        case '/':
          return (h) => {
            const a = l(h),
              b = r(h);
            return { v: tf.div(a.v, b.v), d: tf.div(tf.sub(tf.mul(a.d, b.v), tf.mul(a.v, b.d)), tf.square(b.v)) };
          };
        case '^':
          return powDual(l, r, node.right);
      }
      break;
    }
    case 'call': {
      const args = node.args.map(compileDual);
      const a = args[0];
      switch (node.name) {
        case 'abs':
          return unary(a, tf.abs, (x) => tf.sign(x));
        case 'exp':
          return unary(a, tf.exp, (_x, fx) => fx);
        case 'log':
        case 'ln':
          return unary(a, tf.log, (x) => tf.reciprocal(x));
        case 'sqrt':
          return unary(a, tf.sqrt, (_x, fx) => tf.div(0.5, fx));
        case 'sin':
          return unary(a, tf.sin, (x) => tf.cos(x));
        case 'cos':
          return unary(a, tf.cos, (x) => tf.neg(tf.sin(x)));
        case 'tan':
          return unary(a, tf.tan, (_x, fx) => tf.add(1, tf.square(fx)));
        case 'tanh':
          return unary(
            a,
            (x) => tanhOf(x),
            (_x, fx) => tf.sub(1, tf.square(fx)),
          );
        case 'sinh':
          return unary(a, tf.sinh, (x) => tf.cosh(x));
        case 'cosh':
          return unary(a, tf.cosh, (x) => tf.sinh(x));
        case 'atan':
          return unary(a, tf.atan, (x) => tf.reciprocal(tf.add(1, tf.square(x))));
        case 'erf':
          return unary(a, tf.erf, (x) => tf.mul(tf.exp(tf.neg(tf.square(x))), TWO_OVER_SQRT_PI));
        case 'relu':
          return unary(a, tf.relu, (x) => tf.step(x));
        case 'sigmoid':
          return unary(a, tf.sigmoid, (_x, fx) => tf.mul(fx, tf.sub(1, fx)));
        case 'softplus':
          return unary(a, tf.softplus, (x) => tf.sigmoid(x));
        case 'sign':
          return unary(a, tf.sign, (x) => tf.zerosLike(x));
        case 'max':
        case 'min': {
          const b = args[1];
          const isMax = node.name === 'max';
          return (h) => {
            const x = a(h),
              y = b(h);
            const pick = isMax ? tf.greaterEqual(x.v, y.v) : tf.lessEqual(x.v, y.v);
            return { v: tf.where(pick, x.v, y.v), d: tf.where(pick, x.d, y.d) };
          };
        }
        case 'pow':
          return powDual(a, args[1], node.args[1]);
      }
      throw new Error(`function ${node.name} has no TensorFlow.js form`);
    }
  }
  throw new Error('unreachable expression node');
}

/** a^b: integer exponents by products (tf.pow is NaN at negative bases), otherwise exp/log. */
function powDual(l: DualFn, r: DualFn, exponent: ExprNode): DualFn {
  if (exponent.type === 'num' && Number.isInteger(exponent.value) && exponent.value >= 0 && exponent.value <= 12) {
    const p = exponent.value;
    return (h) => {
      const a = l(h);
      if (p === 0) return { v: tf.onesLike(a.v), d: tf.zerosLike(a.v) };
      let prev: tf.Tensor = tf.onesLike(a.v); // a^(p−1)
      for (let i = 1; i < p; i++) prev = tf.mul(prev, a.v);
      return { v: tf.mul(prev, a.v), d: tf.mul(tf.mul(prev, p), a.d) };
    };
  }
  return (h) => {
    const a = l(h),
      b = r(h);
    const v = tf.pow(a.v, b.v);
    // d(a^b) = a^b (b' ln a + b a'/a)
    return { v, d: tf.mul(v, tf.add(tf.mul(b.d, tf.log(a.v)), tf.div(tf.mul(b.v, a.d), a.v))) };
  };
}

/** σ and σ' as tfjs ops for an activation name of ACTIVATION_NAMES or 'expr:<expression in x>'. */
export function tfSigma(name: string): TfSigma {
  if (name.startsWith('expr:')) {
    const f = compileDual(parseExpression(name.slice(5).trim()));
    return (h) => {
      const r = f(h);
      return { s: r.v, ds: r.d };
    };
  }
  const f = BUILTIN[name];
  if (!f) throw new Error(`activation '${name}' has no TensorFlow.js form`);
  return f;
}
