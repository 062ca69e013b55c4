// Exact g(q) = E[σ(X)σ(Y)], corr(X, Y) = q, and its derivatives (Price's theorem: g⁽ʲ⁾ is the same with σ⁽ʲ⁾) of
// one layer of the any-depth MLP (arXiv 2510.24616; docs/physics/mlp-any-depth.md "Numerics"). With
// X = √q u + √(1−q) ξ, Y = √q u + √(1−q) ξ' (u, ξ, ξ' iid N(0, 1)): C_f(q) = E_u[(E_ξ f(√q u + √(1−q) ξ))²],
// both Gaussian means by the trapezoid rule on [−10, 10], h = 0.1. For σ analytic in a strip (tanh(2x): poles at
// ±iπ/4) the rule converges spectrally (error < 1e−13), also at q → 1 where the deep fixed points sit and where a
// truncated Hermite series is off by 3e−3. Tabulated once on q_k = 1 − (1 − k/N)² (dense near q = 1) with
// g, g', g'', g''' and interpolated by quintic Hermite: g from (g, g', g''), g' from (g', g'', g'''); g'' is the
// slope of the g' interpolant. (The spec's cubic Hermite needs ~2000 nodes for 1e−13; the quintic gets there on
// 129, which is what makes the table cheap.)

import { quinticHermiteCoefficients } from '../../numerics/quinticHermite';

/** out[0] = σ(x), out[1] = σ'(x), out[2] = σ''(x), out[3] = σ'''(x). */
export type Sigma4 = (x: number, out: Float64Array) => void;

/** g, g', g'' of one layer on q ∈ [0, 1] (clamped). */
export interface LayerG {
  g: (q: number) => number;
  gPrime: (q: number) => number;
  gSecond: (q: number) => number;
}

const TRAP_HALF_WIDTH = 10;
const TRAP_STEP = 0.1;

/** The trapezoid nodes and normalised Gaussian weights on [−10, 10]. */
function trapezoidRule(): { x: Float64Array; w: Float64Array } {
  const n = Math.round((2 * TRAP_HALF_WIDTH) / TRAP_STEP) + 1;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    x[i] = -TRAP_HALF_WIDTH + i * TRAP_STEP;
    w[i] = Math.exp(-0.5 * x[i] * x[i]);
    s += w[i];
  }
  for (let i = 0; i < n; i++) w[i] /= s; // the rule integrates 1 exactly: g(1) = E σ² to rounding
  return { x, w };
}

const RULE = trapezoidRule();

/**
 * [g, g', g'', g'''](q) = [C_σ, C_σ', C_σ'', C_σ'''](q) for q ∈ [0, 1]. `symmetric`: σ is odd or even, so each
 * inner mean squared is even in u and the outer sum runs over u ≥ 0 only (half the work).
 */
export function correlationsTrapezoid(sigma: Sigma4, q: number, symmetric: boolean): number[] {
  const { x, w } = RULE;
  const n = x.length;
  const mid = (n - 1) / 2;
  const a = Math.sqrt(q);
  const b = Math.sqrt(1 - q);
  const out = new Float64Array(4);
  const c = [0, 0, 0, 0];
  for (let i = symmetric ? mid : 0; i < n; i++) {
    const centre = a * x[i];
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    for (let j = 0; j < n; j++) {
      sigma(centre + b * x[j], out);
      const wj = w[j];
      m0 += wj * out[0];
      m1 += wj * out[1];
      m2 += wj * out[2];
      m3 += wj * out[3];
    }
    const wi = symmetric && i !== mid ? 2 * w[i] : w[i];
    c[0] += wi * m0 * m0;
    c[1] += wi * m1 * m1;
    c[2] += wi * m2 * m2;
    c[3] += wi * m3 * m3;
  }
  return c;
}

/** Gaussian moments by the same rule: μ0 = E σ, μ1 = E zσ, μ2 = E (z² − 1)σ, and E σ². */
export function momentsTrapezoid(sigma: Sigma4): { mu0: number; mu1: number; mu2: number; Esigma2: number } {
  const { x, w } = RULE;
  const out = new Float64Array(4);
  let mu0 = 0;
  let mu1 = 0;
  let mu2 = 0;
  let Esigma2 = 0;
  for (let i = 0; i < x.length; i++) {
    sigma(x[i], out);
    mu0 += w[i] * out[0];
    mu1 += w[i] * x[i] * out[0];
    mu2 += w[i] * (x[i] * x[i] - 1) * out[0];
    Esigma2 += w[i] * out[0] * out[0];
  }
  return { mu0, mu1, mu2, Esigma2 };
}

/** Table intervals: the quintic interpolants are accurate to ~1e−13 for tanh2-nolin (anyDepth.test.ts). */
export const G_TABLE_INTERVALS = 128;

/** Tabulates g … g''' of σ on N + 1 nodes and returns the interpolants. */
export function buildLayerG(sigma: Sigma4, symmetric: boolean, N = G_TABLE_INTERVALS): LayerG {
  const q = new Float64Array(N + 1);
  const C = [0, 1, 2, 3].map(() => new Float64Array(N + 1));
  for (let k = 0; k <= N; k++) {
    const w = 1 - k / N;
    q[k] = k === N ? 1 : 1 - w * w;
    const c = correlationsTrapezoid(sigma, q[k], symmetric);
    for (let j = 0; j < 4; j++) C[j][k] = c[j];
  }
  const width = (k: number) => q[k + 1] - q[k];
  const gc = quinticHermiteCoefficients(C[0], C[1], C[2], width);
  const gpc = quinticHermiteCoefficients(C[1], C[2], C[3], width);
  // Interval of q (clamped to [0, 1]): the grid inverts in closed form, no search.
  const interval = (x: number): number => {
    const k = Math.floor((1 - Math.sqrt(1 - x)) * N);
    return k < 0 ? 0 : k >= N ? N - 1 : k;
  };
  const clamp = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
  const value = (c: Float64Array, qq: number): number => {
    const x = clamp(qq);
    const k = interval(x);
    const t = (x - q[k]) / (q[k + 1] - q[k]);
    const i = 6 * k;
    return c[i] + t * (c[i + 1] + t * (c[i + 2] + t * (c[i + 3] + t * (c[i + 4] + t * c[i + 5]))));
  };
  const slope = (c: Float64Array, qq: number): number => {
    const x = clamp(qq);
    const k = interval(x);
    const h = q[k + 1] - q[k];
    const t = (x - q[k]) / h;
    const i = 6 * k;
    return (c[i + 1] + t * (2 * c[i + 2] + t * (3 * c[i + 3] + t * (4 * c[i + 4] + t * 5 * c[i + 5])))) / h;
  };
  return { g: (x) => value(gc, x), gPrime: (x) => value(gpc, x), gSecond: (x) => slope(gpc, x) };
}
