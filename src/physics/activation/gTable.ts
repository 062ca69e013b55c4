// The higher-order part g(q) = Σ_{ℓ≥3} μ_ℓ² q^ℓ/ℓ! of an activation without a closed form, and g'(q) (arXiv
// 2510.24616; docs/physics/mlp-shallow.md §2), computed exactly, never by truncating the series (a 15-term series misses 2 % of
// g(1) for tanh(2x)):
//   g(q)  = E[σ(z)σ(z')]   − μ0² − μ1² q − μ2² q²/2,   corr(z, z') = q,
//   g'(q) = E[σ'(z)σ'(z')] − μ1² − μ2² q               (Price's theorem).
// g, g' and g'' are tabulated once on q = 1 − (1 − u)², u uniform (dense near q = 1, where g has (1−q)^{3/2}-type
// terms that are smooth in u), and g, g' are interpolated by quintic Hermite in u: a call is a square root, index
// arithmetic and a degree-5 Horner.
import { ActivationError } from '../errors';
import { quinticHermiteCoefficients } from '../numerics/quinticHermite';
import { correlations, type PairPlan } from './quadrature';

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

export interface GTable {
  g: (q: number) => number;
  gPrime: (q: number) => number;
  size?: number; // intervals of the u grid
}

/** Node values on the u grid: g, g', g'' at q_k = 1 − (1 − k/N)². */
interface TableNodes {
  G: Float64Array;
  GP: Float64Array;
  GPP: Float64Array;
}

/** Quintic coefficients of g and g' in u from the node values (see buildTable for the end conditions). */
function tableCoefficients(
  nodes: TableNodes,
  mu3: number,
  slopeJumpTerm: number,
): { gc: Float64Array; gpc: Float64Array } {
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
  const unitStep = () => 1 / N; // the uniform u grid
  return {
    gc: quinticHermiteCoefficients(G, gu, guu, unitStep),
    gpc: quinticHermiteCoefficients(GP, gpu, gpuu, unitStep),
  };
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
export function buildTable(
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
    const finer: TableNodes = {
      G: new Float64Array(2 * N + 1),
      GP: new Float64Array(2 * N + 1),
      GPP: new Float64Array(2 * N + 1),
    };
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
