// Activation registry: σ, σ', Hermite coefficients μ_ℓ (unnormalised probabilists'), E σ², and the
// higher-order part g(q) = Σ_{ℓ≥3} μ_ℓ² q^ℓ/ℓ! with its derivative (mlp-shallow.md §2).
// g is computed exactly, never by truncating the series (a 15-term series misses 2 % of g(1) for tanh(2x)):
//   g(q)  = E[σ(z)σ(z')]   − μ0² − μ1² q − μ2² q²/2,   corr(z, z') = q,
//   g'(q) = E[σ'(z)σ'(z')] − μ1² − μ2² q               (Price's theorem).
// Without a closed form, g, g' and g'' are tabulated once on q = 1 − (1 − u)², u uniform (dense near q = 1,
// where g has (1−q)^{3/2}-type terms that are smooth in u), and g, g' are interpolated by quintic Hermite
// in u: a call is a square root, index arithmetic and a degree-5 Horner.

import { Memo } from './numerics/cache';
import { ActivationError, ExpressionError } from './errors';
import { compileExpression } from './expression';
import { erf, gaussHermitePairQuadrature, gaussPairQuadrature, gaussRule, type GaussRuleOptions, type PairQuadrature } from './numerics/gaussian';
import { ACTIVATION_NAMES } from './types';

export interface Activation {
  name: string; // 'relu' … or 'expr:<text>'
  label: string; // for the UI
  formula: string; // human-readable σ(x)
  sigma: (x: number) => number;
  dsigma: (x: number) => number; // σ'
  mu: number[]; // μ_0 … μ_6, μ_ℓ = E[σ(z) He_ℓ(z)]
  Esigma2: number; // E σ(z)²
  g1: number; // g(1) = E σ² − μ0² − μ1² − μ2²/2
  g: (q: number) => number; // q ∈ [0, 1], clamped outside
  gPrime: (q: number) => number; // g'(q)
  isQuadratic: boolean; // g ≡ 0: σ is a polynomial of degree ≤ 2
}

export interface BuildOptions {
  label?: string;
  formula?: string;
  /** out[0] = σ(x), out[1] = σ'(x) in one pass (faster tables). Default: calls sigma and dsigma. */
  evaluateInto?: (x: number, out: Float64Array) => void;
  /** Points where σ or σ' has a kink (panel edges of the quadrature). Default none. */
  breakpoints?: readonly number[];
  /** Closed forms of g and g'; when given, no table is built. */
  closedForm?: { g: (q: number) => number; gPrime: (q: number) => number };
  /** Exact μ_0 … μ_6 and E σ², replacing the quadrature values. */
  mu?: number[];
  Esigma2?: number;
  /** Smallest number of intervals of the table's u grid (a power of 2; doubled until accurate). */
  tableSize?: number;
  /** Unknown σ (user expressions): refine the quadrature until it converges, and reject σ it cannot handle. */
  verify?: boolean;
  /**
   * The 2-D quadrature of the table, chosen offline for built-ins (activations.test.ts checks it);
   * by default the cheapest one that matches a reference rule to 1e−11 is searched for.
   */
  pairQuadrature?: PairSpec;
}

const N_MU = 7; // μ_0 … μ_6
const L_1D = 12;
const L_2D = 10; // φ(10) ≈ 8e−23: ample for the 2-D sums, and 30 % fewer points than L = 12
const INV_SQRT_2PI = 0.3989422804014327;

interface Moments {
  mu: number[];
  Esigma2: number;
  Edsigma2: number; // E σ'²  (g'(1) = E σ'² − μ1² − μ2²)
  Edsigma: number; // E σ'   (= μ1 by Stein's lemma iff σ is continuous)
  Ezdsigma: number; // E z σ' (= μ2 likewise)
}

function moments(ev: (x: number, out: Float64Array) => void, opts: GaussRuleOptions): Moments {
  const { x, w } = gaussRule(opts);
  const out = new Float64Array(2);
  const mu = new Array<number>(N_MU).fill(0);
  let Esigma2 = 0;
  let Edsigma2 = 0;
  let Edsigma = 0;
  let Ezdsigma = 0;
  for (let i = 0; i < x.length; i++) {
    const z = x[i];
    ev(z, out);
    const s = out[0];
    const d = out[1];
    const ws = w[i] * s;
    // He_{ℓ+1} = z He_ℓ − ℓ He_{ℓ−1}
    let hPrev = 1;
    let h = z;
    mu[0] += ws;
    mu[1] += ws * z;
    for (let l = 1; l < N_MU - 1; l++) {
      const hNext = z * h - l * hPrev;
      hPrev = h;
      h = hNext;
      mu[l + 1] += ws * h;
    }
    Esigma2 += ws * s;
    Edsigma2 += w[i] * d * d;
    Edsigma += w[i] * d;
    Ezdsigma += w[i] * z * d;
  }
  return { mu, Esigma2, Edsigma2, Edsigma, Ezdsigma };
}

function momentVector(m: Moments): number[] {
  return [...m.mu, m.Esigma2, m.Edsigma2];
}

function maxRelDiff(a: number[], b: number[]): number {
  let scale = 1;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d / scale;
}

/** How the 2-D expectations are computed: composite Gauss–Legendre (kinks) or product Gauss–Hermite (smooth σ). */
export type PairSpec = { kind: 'composite'; opts: GaussRuleOptions } | { kind: 'hermite'; n: number };

interface PairPlan {
  spec: PairSpec;
  /** The integrands are invariant under (z, z') → (−z, −z'): sum over z ≥ 0 only. */
  half: boolean;
}

function pairQuadrature(q: number, plan: PairPlan): PairQuadrature {
  return plan.spec.kind === 'hermite'
    ? gaussHermitePairQuadrature(q, plan.spec.n, plan.half)
    : gaussPairQuadrature(q, plan.spec.opts, plan.half);
}

/**
 * E σ(z)σ(z'), E σ'(z)σ'(z') and E σ'(z)σ'(z') K for corr(z, z') = q < 1, in one sweep. With
 * z' = q z + s ξ, s = √(1−q²), K = zξ/s − q(ξ² − 1)/s² is ∂²φ₂/∂z∂z' / φ₂, so by parts the last one is
 * E σ''(z)σ''(z') = g''(q) + μ2² without σ'' (which is a δ for ReLU-like σ). Its cancellation costs
 * ~1e−16/s² ≈ 1e−12 at the table node nearest q = 1.
 */
function correlations(ev: (x: number, out: Float64Array) => void, q: number, plan: PairPlan): [number, number, number] {
  const pq = pairQuadrature(q, plan);
  const y = new Float64Array(pq.maxInner);
  const wy = new Float64Array(pq.maxInner);
  const xi = new Float64Array(pq.maxInner);
  const out = new Float64Array(2);
  const s = Math.sqrt((1 - q) * (1 + q));
  const a = 1 / s;
  const b = q / (s * s);
  let C = 0;
  let D = 0;
  let DD = 0;
  for (let i = 0; i < pq.z.length; i++) {
    const zi = pq.z[i];
    ev(zi, out);
    const s0 = out[0];
    const d0 = out[1];
    const n = pq.inner(i, y, wy, xi);
    let cs = 0;
    let cd = 0;
    let cdx = 0; // Σ w σ'(z') ξ
    let cdh = 0; // Σ w σ'(z') (ξ² − 1)
    for (let j = 0; j < n; j++) {
      ev(y[j], out);
      const w = wy[j];
      const x = xi[j];
      cs += w * out[0];
      const wd = w * out[1];
      cd += wd;
      cdx += wd * x;
      cdh += wd * (x * x - 1);
    }
    const wz = pq.wz[i];
    C += wz * s0 * cs;
    D += wz * d0 * cd;
    DD += wz * d0 * (a * zi * cdx - b * cdh);
  }
  return [C, D, s > 0 ? DD : NaN];
}

/**
 * Piecewise quintic Hermite on the uniform u grid (N intervals), in the local variable t = N u − k ∈ [0, 1],
 * from values, u-slopes and u-curvatures at the nodes: 6 coefficients per interval.
 */
function quinticHermite(f: Float64Array, d: Float64Array, c2: Float64Array): Float64Array {
  const N = f.length - 1;
  const h = 1 / N;
  const c = new Float64Array(6 * N);
  for (let k = 0; k < N; k++) {
    const df = f[k + 1] - f[k];
    const d0 = d[k] * h;
    const d1 = d[k + 1] * h;
    const s0 = c2[k] * h * h;
    const s1 = c2[k + 1] * h * h;
    const i = 6 * k;
    c[i] = f[k];
    c[i + 1] = d0;
    c[i + 2] = 0.5 * s0;
    c[i + 3] = 10 * df - 6 * d0 - 4 * d1 - 0.5 * (3 * s0 - s1);
    c[i + 4] = -15 * df + 8 * d0 + 7 * d1 + 0.5 * (3 * s0 - 2 * s1);
    c[i + 5] = 6 * df - 3 * d0 - 3 * d1 - 0.5 * (s0 - s1);
  }
  return c;
}

/** Evaluate a piecewise quintic at q ∈ [0, 1] (clamped): u = 1 − √(1 − q), index arithmetic, no search. */
function quinticEvaluator(c: Float64Array): (q: number) => number {
  const N = c.length / 6;
  return (q: number): number => {
    const qc = q < 0 ? 0 : q > 1 ? 1 : q;
    let t = (1 - Math.sqrt(1 - qc)) * N;
    let k = Math.floor(t);
    if (k >= N) k = N - 1;
    t -= k;
    const i = 6 * k;
    return c[i] + t * (c[i + 1] + t * (c[i + 2] + t * (c[i + 3] + t * (c[i + 4] + t * c[i + 5]))));
  };
}

interface GTable {
  g: (q: number) => number;
  gPrime: (q: number) => number;
  size?: number; // intervals of the u grid
}

/** How an activation's g was obtained (for tests and benchmarks). */
export interface ActivationDiagnostics {
  source: 'quadratic' | 'closed form' | 'table';
  tableSize: number; // intervals of the u grid (0 without a table)
  quadrature: string; // the 2-D rule of the table
  buildMs: number; // time to build the activation
}
const diagnostics = new WeakMap<Activation, ActivationDiagnostics>();

export function activationDiagnostics(act: Activation): ActivationDiagnostics | undefined {
  return diagnostics.get(act);
}

/** Node values on the u grid: g, g', g'' at q_k = 1 − (1 − k/N)². */
interface TableNodes {
  G: Float64Array;
  GP: Float64Array;
  GPP: Float64Array;
}

/** Quintic coefficients of g and g' in u from the node values (see buildTable for the end conditions). */
function tableCoefficients(nodes: TableNodes, mu3: number, slopeJumpTerm: number): { gc: Float64Array; gpc: Float64Array } {
  const { G, GP, GPP } = nodes;
  const N = G.length - 1;
  // Derivatives in u (w = 1 − u, dq/du = 2w): g_u = 2w g', g_uu = 4w² g'' − 2g', (g')_u = 2w g''.
  // At u = 1, w² g'' → 0 even where g'' = ∞, but 2w g'' → Σ_c J_c² φ(c)/√π over the jumps J_c of σ'
  // (E σ''σ'' ≈ Σ J_c² φ₂(c, c; q) with φ₂(c, c; q) ~ e^{−c²/2}/(2π√(1−q²))): 1/(π√2) for ReLU, 0 for smooth σ'.
  const gu = new Float64Array(N + 1);
  const guu = new Float64Array(N + 1);
  const gpu = new Float64Array(N + 1);
  for (let k = 0; k < N; k++) {
    const w = 1 - k / N;
    gu[k] = 2 * w * GP[k];
    guu[k] = 4 * w * w * GPP[k] - 2 * GP[k];
    gpu[k] = 2 * w * GPP[k];
  }
  gu[N] = 0;
  guu[N] = -2 * GP[N];
  gpu[N] = slopeJumpTerm;
  // (g')_uu by 5-point differences of the smooth (g')_u; it enters the quintic scaled by h², so its
  // O(h⁴) error is harmless. At u = 0 it is exact: 4 g'''(0) = 4 μ3².
  const gpuu = new Float64Array(N + 1);
  for (let k = 1; k <= N; k++) gpuu[k] = fivePointDerivative(gpu, k, N) * N;
  gpuu[0] = 4 * mu3 * mu3;
  return { gc: quinticHermite(G, gu, guu), gpc: quinticHermite(GP, gpu, gpuu) };
}

/** Piecewise quintic at u ∈ [0, 1]. */
function quinticAt(c: Float64Array, u: number): number {
  const N = c.length / 6;
  let t = u * N;
  let k = Math.floor(t);
  if (k >= N) k = N - 1;
  t -= k;
  const i = 6 * k;
  return c[i] + t * (c[i + 1] + t * (c[i + 2] + t * (c[i + 3] + t * (c[i + 4] + t * c[i + 5]))));
}

const TABLE_START = 32; // intervals of the first u grid; doubled until the error estimate passes
const TABLE_MAX = 512;
const TABLE_TOL = 1e-9; // estimated |error| of g and g' (the brief asks ≤ 1e−8)

/**
 * Tabulate g, g', g'' on q_k = 1 − (1 − k/N)² and interpolate g and g' by quintic Hermite in u.
 * Error control: the table on the even nodes is checked against the computed odd nodes; the full table
 * is ≥ 32× more accurate (quintic, h⁵ or better), else N doubles (reusing the nodes already computed).
 */
function buildTable(
  name: string,
  ev: (x: number, out: Float64Array) => void,
  mu: number[],
  g1: number,
  gPrime1: number,
  slopeJumpTerm: number,
  plan: PairPlan,
  minSize = TABLE_START,
): GTable {
  const [m0, m1, m2] = mu;
  const a0 = m0 * m0;
  const a1 = m1 * m1;
  const a2 = m2 * m2;
  const compute = (nodes: TableNodes, k: number, N: number): void => {
    const w = 1 - k / N;
    const q = 1 - w * w;
    const [C, D, DD] = correlations(ev, q, plan);
    nodes.G[k] = C - a0 - a1 * q - 0.5 * a2 * q * q;
    nodes.GP[k] = D - a1 - a2 * q;
    nodes.GPP[k] = DD - a2;
  };
  let N = minSize;
  let nodes: TableNodes = { G: new Float64Array(N + 1), GP: new Float64Array(N + 1), GPP: new Float64Array(N + 1) };
  // Exact ends: g(0) = g'(0) = g''(0) = 0 since the series starts at ℓ = 3; g(1), g'(1) from 1-D moments.
  nodes.G[N] = g1;
  nodes.GP[N] = gPrime1;
  for (let k = 1; k < N; k++) compute(nodes, k, N);
  for (;;) {
    const half: TableNodes = {
      G: nodes.G.filter((_, k) => k % 2 === 0),
      GP: nodes.GP.filter((_, k) => k % 2 === 0),
      GPP: nodes.GPP.filter((_, k) => k % 2 === 0),
    };
    const { gc, gpc } = tableCoefficients(half, mu[3], slopeJumpTerm);
    let err = 0;
    for (let k = 1; k < N; k += 2) {
      const u = k / N;
      err = Math.max(err, Math.abs(quinticAt(gc, u) - nodes.G[k]), Math.abs(quinticAt(gpc, u) - nodes.GP[k]));
    }
    if (err <= 32 * TABLE_TOL) break;
    if (N >= TABLE_MAX) {
      if (err <= 32 * 1e-8) break; // still within the 1e−8 asked for
      throw new ActivationError(`${name}: g(q) varies too fast near q = 1 to be tabulated (σ is too steep)`);
    }
    const finer: TableNodes = { G: new Float64Array(2 * N + 1), GP: new Float64Array(2 * N + 1), GPP: new Float64Array(2 * N + 1) };
    for (let k = 0; k <= N; k++) {
      finer.G[2 * k] = nodes.G[k];
      finer.GP[2 * k] = nodes.GP[k];
      finer.GPP[2 * k] = nodes.GPP[k];
    }
    N *= 2;
    nodes = finer;
    for (let k = 1; k < N; k += 2) compute(nodes, k, N);
  }
  const { gc, gpc } = tableCoefficients(nodes, mu[3], slopeJumpTerm);
  return { g: quinticEvaluator(gc), gPrime: quinticEvaluator(gpc), size: N };
}

/**
 * d f/dk at integer position k from the interpolating quartic through the 5 consecutive nodes of
 * 0 … last nearest to k (central inside, one-sided or extrapolated at the ends); unit spacing.
 */
function fivePointDerivative(f: Float64Array, k: number, last: number): number {
  const lo = Math.max(0, Math.min(k - 2, last - 4));
  let d = 0;
  for (let j = lo; j < lo + 5; j++) {
    // L_j'(k) = Σ_{i≠j} Π_{m≠i,j} (k − m) / Π_{m≠j} (j − m)
    let denom = 1;
    for (let m = lo; m < lo + 5; m++) if (m !== j) denom *= j - m;
    let num = 0;
    for (let i = lo; i < lo + 5; i++) {
      if (i === j) continue;
      let p = 1;
      for (let m = lo; m < lo + 5; m++) if (m !== i && m !== j) p *= k - m;
      num += p;
    }
    d += (f[j] * num) / denom;
  }
  return d;
}

const QUAD_1D: GaussRuleOptions = { L: L_1D, panelWidth: 1, points: 20 };
const QUAD_2D: GaussRuleOptions = { L: L_2D, panelWidth: 2, points: 20, tailTolerance: 1e-18 };
const HERMITE_ORDERS = [24, 32, 48, 64, 96, 128];
// Wide panels suit σ whose pieces are entire (ReLU-like, ELU); narrow ones σ with complex poles.
const COMPOSITE_CANDIDATES: GaussRuleOptions[] = [
  { panelWidth: 4, points: 12, tailTolerance: 1e-16 },
  { panelWidth: 4, points: 14, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 12, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 14, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 16, tailTolerance: 1e-17 },
];
const TEST_Q = [0.8, 0.9999, 0.3, 0.99]; // the first two reject most candidates

/**
 * Build an activation from σ and σ'. μ_ℓ, E σ², g(1) by composite Gauss–Legendre quadrature (edges at
 * the breakpoints); g and g' from closed forms when given, else from a table built once here.
 */
export function buildActivation(
  name: string,
  sigma: (x: number) => number,
  dsigma: (x: number) => number,
  opts: BuildOptions = {},
): Activation {
  const startMs = performance.now();
  const ev =
    opts.evaluateInto ??
    ((x: number, out: Float64Array): void => {
      out[0] = sigma(x);
      out[1] = dsigma(x);
    });
  const breakpoints = opts.breakpoints ?? [];
  let quad1: GaussRuleOptions = { ...QUAD_1D, breakpoints };
  const quad2: GaussRuleOptions = { ...QUAD_2D, breakpoints };
  let m = moments(ev, quad1);

  if (opts.verify) {
    // Halve the panels until the moments agree to 1e−11: steep σ (tanh(10x)) need finer panels, and σ
    // with a non-integrable singularity never converge.
    let converged = false;
    for (let level = 0; level < 4 && !converged; level++) {
      const finer = { ...quad1, panelWidth: (quad1.panelWidth as number) / 2 };
      const mf = moments(ev, finer);
      converged = maxRelDiff(momentVector(m), momentVector(mf)) < 1e-11;
      if (!converged) {
        quad1 = finer;
        m = mf;
      }
    }
    if (!converged) throw new ActivationError(`${name}: E σ(z)² or E σ'(z)² does not converge (σ is singular or too steep)`);
    // E σ² must be captured on [−12, 12]: reject σ growing like e^{c x²}.
    let tail = 0;
    for (const x of [-12, -11, 11, 12]) tail = Math.max(tail, (sigma(x) ** 2 + dsigma(x) ** 2) * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
    if (!(tail <= 1e-12 * (m.Esigma2 + m.Edsigma2))) {
      throw new ActivationError(`${name}: σ grows too fast for E σ(z)² to be computed (σ(z)² φ(z) is not small at |z| = 12)`);
    }
    // Stein: E z σ = E σ' and E He2 σ = E z σ' hold iff σ has no jumps; Price's theorem (g') needs that.
    const scale = Math.max(1, Math.sqrt(m.Esigma2), Math.sqrt(m.Edsigma2));
    if (Math.abs(m.mu[1] - m.Edsigma) > 1e-8 * scale || Math.abs(m.mu[2] - m.Ezdsigma) > 1e-8 * scale) {
      throw new ActivationError(`${name}: σ must be continuous (it jumps); g'(q) = E[σ'(z)σ'(z')] − μ1² − μ2²q needs a continuous σ`);
    }
  }

  const mu = opts.mu ?? m.mu;
  const Esigma2 = opts.Esigma2 ?? m.Esigma2;
  const g1 = Esigma2 - mu[0] ** 2 - mu[1] ** 2 - 0.5 * mu[2] ** 2;
  const gPrime1 = m.Edsigma2 - mu[1] ** 2 - mu[2] ** 2;
  // g(1) = Σ_{ℓ≥3} μ_ℓ²/ℓ! ≥ 0 vanishes only if all μ_ℓ (ℓ ≥ 3) do: σ is a polynomial of degree ≤ 2.
  const isQuadratic = Math.abs(g1) < 1e-12 * Math.max(1, Esigma2);

  let g: (q: number) => number;
  let gPrime: (q: number) => number;
  let info: Omit<ActivationDiagnostics, 'buildMs'> = { source: 'quadratic', tableSize: 0, quadrature: '' };
  if (isQuadratic) {
    g = () => 0;
    gPrime = () => 0;
  } else if (opts.closedForm) {
    ({ g, gPrime } = opts.closedForm);
    info = { source: 'closed form', tableSize: 0, quadrature: '' };
  } else {
    const table = tableIntegrand(sigma, ev, mu);
    const half = table.symmetric && symmetricSet(breakpoints);
    let plan: PairPlan = { spec: { kind: 'composite', opts: quad2 }, half };
    if (opts.pairQuadrature) {
      const spec = opts.pairQuadrature;
      plan = { spec: spec.kind === 'composite' ? { kind: 'composite', opts: { ...quad2, ...spec.opts } } : spec, half };
    } else {
      if (opts.verify) plan = verifiedPlan(name, table.ev, plan);
      plan = cheapestPlan(table.ev, plan, breakpoints.length === 0);
    }
    // Jumps of σ' at the breakpoints fix the slope of g' in u at q = 1 (see buildTable).
    let slopeJumpTerm = 0;
    for (const c of breakpoints) {
      const eps = 1e-7 * (1 + Math.abs(c));
      const jump = dsigma(c + eps) - dsigma(c - eps);
      slopeJumpTerm += (jump * jump * INV_SQRT_2PI * Math.exp(-0.5 * c * c)) / Math.sqrt(Math.PI);
    }
    const t = buildTable(name, table.ev, table.mu, g1, gPrime1, slopeJumpTerm, plan, opts.tableSize);
    ({ g, gPrime } = t);
    const spec = plan.spec;
    const rule =
      spec.kind === 'hermite'
        ? `Gauss–Hermite ${spec.n}²`
        : `Gauss–Legendre panels ${spec.opts.panelWidth} × ${spec.opts.points} pts on [−${spec.opts.L}, ${spec.opts.L}]`;
    info = { source: 'table', tableSize: t.size ?? 0, quadrature: rule + (plan.half ? ', folded' : '') };
  }
  const act: Activation = {
    name,
    label: opts.label ?? name,
    formula: opts.formula ?? name,
    sigma,
    dsigma,
    mu: mu.slice(),
    Esigma2,
    g1: isQuadratic ? 0 : g1,
    g,
    gPrime,
    isQuadratic,
  };
  diagnostics.set(act, { ...info, buildMs: performance.now() - startMs });
  return act;
}

function symmetricSet(points: readonly number[]): boolean {
  return points.every((c) => points.some((d) => Math.abs(c + d) < 1e-12));
}

/**
 * g is unchanged by σ → σ − a − b x (only μ0, μ1 move). If that makes σ odd or even, σ(z)σ(z') and
 * σ'(z)σ'(z') are invariant under (z, z') → (−z, −z') and the tables need half the work.
 */
function tableIntegrand(
  sigma: (x: number) => number,
  ev: (x: number, out: Float64Array) => void,
  mu: number[],
): { ev: (x: number, out: Float64Array) => void; mu: number[]; symmetric: boolean } {
  const s0 = sigma(0);
  const b = 0.5 * (sigma(1) - sigma(-1));
  let odd = true; // σ − σ(0) odd
  let even = true; // σ − b x even
  for (let i = 1; i <= 120; i++) {
    const x = i / 10 + 0.0037;
    const sp = sigma(x);
    const sm = sigma(-x);
    const tol = 1e-13 * (1 + Math.abs(sp) + Math.abs(sm));
    if (Math.abs(sp + sm - 2 * s0) > tol) odd = false;
    if (Math.abs(sp - sm - 2 * b * x) > tol) even = false;
  }
  if (!odd && !even) return { ev, mu, symmetric: false };
  const a = odd ? s0 : 0;
  const slope = odd ? 0 : b;
  if (a === 0 && slope === 0) return { ev, mu, symmetric: true };
  const shifted = (x: number, out: Float64Array): void => {
    ev(x, out);
    out[0] -= a + slope * x;
    out[1] -= slope;
  };
  return { ev: shifted, mu: [mu[0] - a, mu[1] - slope, ...mu.slice(2)], symmetric: true };
}

/**
 * Largest relative difference of E σσ' and E σ'σ' to the reference values at the test correlations (stops
 * once above tol). The g'' sum is left out: its 1/s² cancellation (~1e−11 at q = 0.9999) is harmless in
 * the table, where it only enters multiplied by w ~ s.
 */
function planDiff(ev: (x: number, out: Float64Array) => void, a: PairPlan, reference: number[][], tol = Infinity): number {
  let diff = 0;
  for (let i = 0; i < TEST_Q.length && diff < tol; i++) {
    diff = Math.max(diff, maxRelDiff(correlations(ev, TEST_Q[i], a).slice(0, 2), reference[i].slice(0, 2)));
  }
  return diff;
}

function planValues(ev: (x: number, out: Float64Array) => void, plan: PairPlan): number[][] {
  return TEST_Q.map((q) => correlations(ev, q, plan));
}

/** Rough cost of a plan: evaluations of σ at one correlation near 1 (where kinks cost most). */
function planCost(plan: PairPlan): number {
  const pq = pairQuadrature(0.99, plan);
  return pq.z.length * pq.maxInner;
}

/**
 * The cheapest plan that reproduces the reference plan to 1e−11 at the test correlations (table nodes need
 * no more: the interpolation aims at 1e−9): product
 * Gauss–Hermite for σ analytic in a wide strip (sigmoid, softplus), fewer Gauss–Legendre points for σ
 * whose pieces are entire (ReLU-like, ELU), the reference itself for σ with poles near the axis (tanh(2x)).
 */
function cheapestPlan(ev: (x: number, out: Float64Array) => void, reference: PairPlan, smooth: boolean): PairPlan {
  if (reference.spec.kind !== 'composite') return reference;
  const base = reference.spec.opts;
  const candidates: PairPlan[] = [
    ...(smooth ? HERMITE_ORDERS.map((n): PairPlan => ({ spec: { kind: 'hermite', n }, half: reference.half })) : []),
    ...COMPOSITE_CANDIDATES.map((c): PairPlan => ({ spec: { kind: 'composite', opts: { ...base, ...c } }, half: reference.half })),
  ];
  const referenceCost = planCost(reference);
  const ranked = candidates
    .map((plan) => ({ plan, cost: planCost(plan) }))
    .filter((c) => c.cost < 0.8 * referenceCost)
    .sort((a, b) => a.cost - b.cost);
  let values: number[][] | undefined;
  for (const { plan } of ranked) {
    values ??= planValues(ev, reference);
    if (planDiff(ev, plan, values, 1e-11) < 1e-11) return plan;
  }
  return reference;
}

/** Unknown σ: halve the panels until the 2-D expectations agree with a finer, wider rule to 1e−11. */
function verifiedPlan(name: string, ev: (x: number, out: Float64Array) => void, plan: PairPlan): PairPlan {
  let current = plan;
  for (let level = 0; level < 3; level++) {
    if (current.spec.kind !== 'composite') return current;
    const o = current.spec.opts;
    const finer: PairPlan = { ...current, spec: { kind: 'composite', opts: { ...o, panelWidth: (o.panelWidth as number) / 2, L: L_1D } } };
    if (planDiff(ev, current, planValues(ev, finer)) < 1e-11) return current;
    current = { ...current, spec: { kind: 'composite', opts: { ...o, panelWidth: (o.panelWidth as number) / 2 } } };
  }
  throw new ActivationError(`${name}: E[σ(z)σ(z')] does not converge: σ varies too fast (features narrower than ~0.3, like tanh(10x), are not supported)`);
}

// ---------------------------------------------------------------------------------------------
// Built-ins

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
    buildActivation('relu', (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0), {
      label: 'ReLU',
      formula: 'max(x, 0)',
      breakpoints: [0],
      mu: RELU_MU,
      Esigma2: 0.5,
      closedForm: { g: reluG, gPrime: reluGPrime },
    }),
  leakyrelu: () =>
    buildActivation('leakyrelu', (x) => (x > 0 ? x : LEAK * x), (x) => (x > 0 ? 1 : LEAK), {
      label: 'leaky ReLU',
      formula: 'max(x, 0.01x)',
      breakpoints: [0],
      mu: RELU_MU.map((c, l) => (l === 1 ? LEAK + LEAK_RELU * c : LEAK_RELU * c)),
      Esigma2: 0.5 * (1 + LEAK * LEAK),
      closedForm: {
        g: (q) => LEAK_RELU * LEAK_RELU * reluG(q),
        gPrime: (q) => LEAK_RELU * LEAK_RELU * reluGPrime(q),
      },
    }),
  elu: () =>
    buildActivation('elu', (x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x)), {
      label: 'ELU',
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
    }),
  tanh: () => tanhActivation('tanh', 1),
  tanh2: () => tanhActivation('tanh2', 2),
  // Paper B's deep-network runs: tanh(2x) scaled to unit variance (arXiv 2510.24616). Same g table as tanh2, scaled.
  'tanh2-unit': () => {
    const base = getActivation('tanh2');
    const s = 1 / Math.sqrt(base.Esigma2);
    return buildActivation('tanh2-unit', (x) => s * Math.tanh(2 * x), (x) => 2 * s * (1 - Math.tanh(2 * x) ** 2), {
      label: 'tanh(2x), unit variance',
      formula: 'tanh(2x)/√(E tanh²(2z))',
      mu: base.mu.map((m) => m * s),
      Esigma2: 1,
      closedForm: { g: (q) => base.g(q) * s * s, gPrime: (q) => base.gPrime(q) * s * s },
    });
  },
  erf: () =>
    buildActivation('erf', erf, (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), {
      label: 'erf',
      formula: 'erf(x)',
      mu: ERF_MU,
      Esigma2: (2 / Math.PI) * Math.asin(2 / 3),
      closedForm: { g: erfG, gPrime: erfGPrime },
    }),
  sigmoid: () =>
    buildActivation('sigmoid', sigmoid, (x) => sigmoid(x) * sigmoid(-x), {
      label: 'sigmoid',
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
      label: 'softplus',
      formula: 'ln(1 + eˣ)',
      pairQuadrature: { kind: 'hermite', n: 48 }, // branch points at ±iπ
      evaluateInto: (x, out) => {
        const e = Math.exp(-Math.abs(x));
        out[0] = Math.max(x, 0) + Math.log1p(e);
        out[1] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      },
    }),
  linear: () => polynomial('linear', 'linear', 'x', (x) => x, () => 1, [0, 1, 0, 0, 0, 0, 0], 1),
  h2: () =>
    // x²/√2 as in the papers (μ0 = 1/√2, μ2 = √2): the mean does not enter ε, but μ0 and E σ² are shown.
    polynomial('h2', 'x²/√2', 'x²/√2', (x) => x * x * Math.SQRT1_2, (x) => Math.SQRT2 * x, [Math.SQRT1_2, 0, Math.SQRT2, 0, 0, 0, 0], 1.5),
  h3: () =>
    polynomial(
      'h3',
      'He₃/√6',
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
      'He₂/√2 + He₃/6',
      '(x² − 1)/√2 + (x³ − 3x)/6',
      (x) => (x * x - 1) * Math.SQRT1_2 + (x * x * x - 3 * x) / 6,
      (x) => Math.SQRT2 * x + (x * x - 1) / 2,
      [0, 0, Math.SQRT2, 1, 0, 0, 0],
      1 + 1 / 6,
      { g: (q) => clamp01(q) ** 3 / 6, gPrime: (q) => clamp01(q) ** 2 / 2 }, // μ3 = 1
    ),
};

function tanhActivation(name: string, a: number): Activation {
  return buildActivation(name, (x) => Math.tanh(a * x), (x) => a * (1 - Math.tanh(a * x) ** 2), {
    label: a === 1 ? 'tanh' : `tanh(${a}x)`,
    formula: a === 1 ? 'tanh(x)' : `tanh(${a}x)`,
    // Poles at ±iπ/(2a): tanh(2x) needs more points than tanh(x) (node errors ~1e−11 and ~1e−12).
    pairQuadrature: {
      kind: 'composite',
      opts: a === 1 ? { panelWidth: 2, points: 14, tailTolerance: 1e-16 } : { panelWidth: 2, points: 16, tailTolerance: 1e-17 },
    },
    evaluateInto: (x, out) => {
      const t = Math.tanh(a * x);
      out[0] = t;
      out[1] = a * (1 - t * t);
    },
  });
}

function polynomial(
  name: string,
  label: string,
  formula: string,
  sigma: (x: number) => number,
  dsigma: (x: number) => number,
  mu: number[],
  Esigma2: number,
  closedForm?: GTable,
): Activation {
  return buildActivation(name, sigma, dsigma, { label, formula, mu, Esigma2, closedForm });
}

// ---------------------------------------------------------------------------------------------
// User expressions and the registry

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
    throw new ActivationError(`bad expression '${src}': σ has ${kinks.length} kinks on [−12, 12]; at most ${MAX_KINKS} are supported`);
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
