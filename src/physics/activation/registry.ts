// The activations by name: the built-ins of ACTIVATION_NAMES (closed forms of g where they exist, else tables
// with their 2-D quadrature chosen offline, which activations.test.ts checks) and user expressions 'expr:<σ(x)>',
// each built once and cached.
import { ActivationError, ExpressionError } from '../errors';
import { compileExpression } from '../expression/validate';
import { Memo } from '../numerics/cache';
import { erf } from '../numerics/normal';
import { ACTIVATION_NAMES } from '../types';
import { buildActivation, type Activation } from './build';
import type { GTable } from './gTable';
import { INV_SQRT_2PI, L_1D } from './quadrature';

const INV_2PI = 1 / (2 * Math.PI);

/** ReLU: g(x) = −1/(2π) − x²/(4π) + √(1−x²)/(2π) + x·arcsin(x)/(2π), g'(x) = (arcsin x − x)/(2π). */
function reluG(q: number): number {
  const x = q < 0 ? 0 : q > 1 ? 1 : q;
  return INV_2PI * (-1 - 0.5 * x * x + Math.sqrt(1 - x * x) + x * Math.asin(x));
}
function reluGPrime(q: number): number {
  const x = q < 0 ? 0 : q > 1 ? 1 : q;
  return INV_2PI * (Math.asin(x) - x);
}

/** ReLU's Hermite coefficients: μ0 = φ(0), μ1 = 1/2, μ_ℓ = φ(0) He_{ℓ−2}(0) for ℓ ≥ 2 (Stein twice, σ'' = δ). */
const RELU_MU = [1, 0.5 / INV_SQRT_2PI, 1, 0, -1, 0, 3].map((c) => c * INV_SQRT_2PI);

/** erf: E[erf(z) erf(z')] = (2/π) arcsin(2q/3), μ1 = 2/√(3π). */
function erfG(q: number): number {
  const x = q < 0 ? 0 : q > 1 ? 1 : q;
  return (2 / Math.PI) * Math.asin((2 * x) / 3) - (4 / (3 * Math.PI)) * x;
}
function erfGPrime(q: number): number {
  const x = q < 0 ? 0 : q > 1 ? 1 : q;
  return (4 / (3 * Math.PI)) * (1 / Math.sqrt(1 - (4 * x * x) / 9) - 1);
}

/** erf: μ_{2k+1} = (2/√π) E[e^{−z²} He_{2k}(z)] = (2/√(3π)) (−2/3)^k (2k − 1)!!, even ones vanish. */
const ERF_MU = [0, 1, 0, -2 / 3, 0, 4 / 3, 0].map((c) => (c * 2) / Math.sqrt(3 * Math.PI));

const clamp01 = (q: number): number => (q < 0 ? 0 : q > 1 ? 1 : q);
const LEAK = 0.01;
const LEAK_RELU = 1 - LEAK; // max(x, 0.01x) = 0.01x + 0.99 relu(x): μ_ℓ = 0.99 μ_ℓ(relu) for ℓ ≥ 2

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

type Builder = () => Activation;

const BUILTINS: Record<string, Builder> = {
  relu: () =>
    buildActivation(
      'relu',
      (x) => (x > 0 ? x : 0),
      (x) => (x > 0 ? 1 : 0),
      {
        formula: 'max(x, 0)',
        breakpoints: [0],
        mu: RELU_MU,
        Esigma2: 0.5,
        closedForm: { g: reluG, gPrime: reluGPrime },
      },
    ),
  leakyrelu: () =>
    buildActivation(
      'leakyrelu',
      (x) => (x > 0 ? x : LEAK * x),
      (x) => (x > 0 ? 1 : LEAK),
      {
        formula: 'max(x, 0.01x)',
        breakpoints: [0],
        mu: RELU_MU.map((c, l) => (l === 1 ? LEAK + LEAK_RELU * c : LEAK_RELU * c)),
        Esigma2: 0.5 * (1 + LEAK * LEAK),
        closedForm: {
          g: (q) => LEAK_RELU * LEAK_RELU * reluG(q),
          gPrime: (q) => LEAK_RELU * LEAK_RELU * reluGPrime(q),
        },
      },
    ),
  elu: () =>
    buildActivation(
      'elu',
      (x) => (x > 0 ? x : Math.expm1(x)),
      (x) => (x > 0 ? 1 : Math.exp(x)),
      {
        formula: 'x for x > 0, eˣ − 1 otherwise',
        breakpoints: [0], // σ'' jumps at 0
        pairQuadrature: { kind: 'composite', opts: { panelWidth: 4, points: 14, tailTolerance: 1e-16 } },
        evaluateInto: (x, out) => {
          if (x > 0) {
            out[0] = x;
            out[1] = 1;
          } else {
            const e = Math.expm1(x);
            out[0] = e;
            out[1] = e + 1;
          }
        },
      },
    ),
  tanh: () => tanhActivation('tanh', 1),
  tanh2: () => tanhActivation('tanh2', 2),
  // Paper B's deep-network runs: tanh(2x) scaled to unit variance (arXiv 2510.24616). Same g table as tanh2, scaled.
  'tanh2-unit': () => {
    const base = getActivation('tanh2');
    const s = 1 / Math.sqrt(base.Esigma2);
    return buildActivation(
      'tanh2-unit',
      (x) => s * Math.tanh(2 * x),
      (x) => 2 * s * (1 - Math.tanh(2 * x) ** 2),
      {
        formula: 'tanh(2x)/√(E tanh²(2z))',
        mu: base.mu.map((m) => m * s),
        Esigma2: 1,
        closedForm: { g: (q) => base.g(q) * s * s, gPrime: (q) => base.gPrime(q) * s * s },
      },
    );
  },
  // The any-depth runs of arXiv 2510.24616: tanh(2x) without its linear part, unit variance (μ0 = μ1 = μ2 = 0,
  // E σ² = 1; docs/physics/mlp-any-depth.md). Same g table as tanh2: removing μ1 x leaves the ℓ ≥ 3 part alone.
  'tanh2-nolin': () => {
    const base = getActivation('tanh2');
    const m1 = base.mu[1];
    const s = 1 / Math.sqrt(base.Esigma2 - m1 * m1);
    return buildActivation(
      'tanh2-nolin',
      (x) => s * (Math.tanh(2 * x) - m1 * x),
      (x) => s * (2 * (1 - Math.tanh(2 * x) ** 2) - m1),
      {
        formula: '(tanh(2x) − μ1 x)/√(E tanh²(2z) − μ1²)',
        mu: base.mu.map((m, l) => (l === 1 ? 0 : m * s)),
        Esigma2: 1,
        closedForm: { g: (q) => base.g(q) * s * s, gPrime: (q) => base.gPrime(q) * s * s },
      },
    );
  },
  erf: () =>
    buildActivation('erf', erf, (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), {
      formula: 'erf(x)',
      mu: ERF_MU,
      Esigma2: (2 / Math.PI) * Math.asin(2 / 3),
      closedForm: { g: erfG, gPrime: erfGPrime },
    }),
  sigmoid: () =>
    buildActivation('sigmoid', sigmoid, (x) => sigmoid(x) * sigmoid(-x), {
      formula: '1/(1 + e⁻ˣ)',
      pairQuadrature: { kind: 'hermite', n: 48 }, // poles at ±iπ: far enough for Gauss–Hermite
      evaluateInto: (x, out) => {
        const s = sigmoid(x);
        out[0] = s;
        out[1] = s * (1 - s);
      },
    }),
  softplus: () =>
    buildActivation('softplus', (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), sigmoid, {
      formula: 'ln(1 + eˣ)',
      pairQuadrature: { kind: 'hermite', n: 48 }, // branch points at ±iπ
      evaluateInto: (x, out) => {
        const e = Math.exp(-Math.abs(x));
        out[0] = Math.max(x, 0) + Math.log1p(e);
        out[1] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      },
    }),
  linear: () =>
    polynomial(
      'linear',
      'x',
      (x) => x,
      () => 1,
      [0, 1, 0, 0, 0, 0, 0],
      1,
    ),
  h2: () =>
    // x²/√2 as in the papers (μ0 = 1/√2, μ2 = √2): the mean does not enter ε, but μ0 and E σ² are shown.
    polynomial(
      'h2',
      'x²/√2',
      (x) => x * x * Math.SQRT1_2,
      (x) => Math.SQRT2 * x,
      [Math.SQRT1_2, 0, Math.SQRT2, 0, 0, 0, 0],
      1.5,
    ),
  h3: () =>
    polynomial(
      'h3',
      '(x³ − 3x)/√6',
      (x) => (x * x * x - 3 * x) / Math.sqrt(6),
      (x) => (3 * x * x - 3) / Math.sqrt(6),
      [0, 0, 0, Math.sqrt(6), 0, 0, 0],
      1,
      { g: (q) => clamp01(q) ** 3, gPrime: (q) => 3 * clamp01(q) ** 2 }, // μ3²/3! = 1
    ),
  h23: () =>
    polynomial(
      'h23',
      '(x² − 1)/√2 + (x³ − 3x)/6',
      (x) => (x * x - 1) * Math.SQRT1_2 + (x * x * x - 3 * x) / 6,
      (x) => Math.SQRT2 * x + (x * x - 1) / 2,
      [0, 0, Math.SQRT2, 1, 0, 0, 0],
      1 + 1 / 6,
      { g: (q) => clamp01(q) ** 3 / 6, gPrime: (q) => clamp01(q) ** 2 / 2 }, // μ3 = 1
    ),
};

function tanhActivation(name: 'tanh' | 'tanh2', a: number): Activation {
  return buildActivation(
    name,
    (x) => Math.tanh(a * x),
    (x) => a * (1 - Math.tanh(a * x) ** 2),
    {
      formula: a === 1 ? 'tanh(x)' : `tanh(${a}x)`,
      // Poles at ±iπ/(2a): tanh(2x) needs more points than tanh(x) (node errors ~1e−11 and ~1e−12).
      pairQuadrature: {
        kind: 'composite',
        opts:
          a === 1
            ? { panelWidth: 2, points: 14, tailTolerance: 1e-16 }
            : { panelWidth: 2, points: 16, tailTolerance: 1e-17 },
      },
      evaluateInto: (x, out) => {
        const t = Math.tanh(a * x);
        out[0] = t;
        out[1] = a * (1 - t * t);
      },
    },
  );
}

function polynomial(
  name: string,
  formula: string,
  sigma: (x: number) => number,
  dsigma: (x: number) => number,
  mu: number[],
  Esigma2: number,
  closedForm?: GTable,
): Activation {
  return buildActivation(name, sigma, dsigma, { formula, mu, Esigma2, closedForm });
}

const MAX_KINKS = 16;

/** Activation for a user expression in x (the text after 'expr:'). Throws ActivationError. */
export function activationFromExpression(text: string): Activation {
  const src = text.trim();
  let compiled;
  try {
    compiled = compileExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) throw new ActivationError(`bad expression '${src}': ${e.message}`);
    throw e;
  }
  const kinks = compiled.kinks(-L_1D, L_1D);
  if (kinks.length > MAX_KINKS) {
    throw new ActivationError(
      `bad expression '${src}': σ has ${kinks.length} kinks on [−12, 12]; at most ${MAX_KINKS} are supported`,
    );
  }
  return buildActivation(`expr:${src}`, compiled.value, compiled.derivative, {
    label: src,
    formula: src,
    evaluateInto: compiled.evaluateInto,
    breakpoints: kinks,
    verify: true,
  });
}

const activations = new Memo<string, Activation>();

/** The activation called `name` (a built-in of ACTIVATION_NAMES or 'expr:<expression in x>'), cached. */
export function getActivation(name: string): Activation {
  return activations.get(name, activationNamed);
}

function activationNamed(name: string): Activation {
  if (typeof name === 'string' && name.startsWith('expr:')) return activationFromExpression(name.slice(5));
  const build = typeof name === 'string' && Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (!build) {
    throw new ActivationError(
      `unknown activation '${String(name)}': use one of ${ACTIVATION_NAMES.join(', ')}, or expr:<expression in x> (e.g. expr:tanh(2x))`,
    );
  }
  return build();
}
