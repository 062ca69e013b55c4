// Tabulated matrix-denoising functions m_S(λ), m_S'(λ), mmse_S(λ), ι(λ) for one (γ, P_v) (docs/physics/mlp-shallow.md §4).
// They depend only on (γ, P_v), so one table serves every α, Δ and activation: the main lever for speed.
// Grid: λ(u) = c(eᵘ − 1) on uniform u (linear near 0, logarithmic for large λ); spline in u.
// Beyond λ_max the tail mmse_S = a/λ + b/λ² continues the table: λ·mmse_S(λ) → a (rank-deficiency limit), with a
// and b matching the spline's value and slope at λ_max (a tail C/λ alone made m_S' jump by 1 % there).
// Near Q → 1 the equations need m_S differences of size 1 − m_S ≪ 1: `gain` and `iotaDrop` take them from mmse
// directly, so they stay accurate where 1 − m_S is below float64 resolution of m_S (e.g. binary W at large α).

import { Superseded } from './errors';
import { gaussLegendre } from './numerics/gaussHermite';
import { splineEval, uniformSpline, type UniformSpline } from './numerics/spline';
import { mmseSDirect, type SpectralLaw } from './spectral';

const C = 0.05;
const LAMBDA_MAX_DEFAULT = 2e4;
const NODES = 420;

export interface SpectralTable {
  gamma: number;
  lambdaMax: number;
  buildMs: number;
  /** m_S at the nodes (a copy): everything else is rebuilt from them in well under a millisecond (TableOptions.nodeValues). */
  nodeValues(): Float64Array;
  /** m_S(λ) = 1 − mmse_S(λ) */
  mS(lambda: number): number;
  /** m_S'(λ) */
  mSPrime(lambda: number): number;
  /** m_S(λ) and m_S'(λ) in one spline evaluation (hot loops). */
  evalMS(lambda: number, out: { v: number; d: number }): void;
  mmse(lambda: number): number;
  /** ι(λ) = ¼ ∫₀^λ mmse_S(t) dt (I-MMSE) */
  iota(lambda: number): number;
  /** λ with m_S(λ) = y, y ∈ [0, 1]; Infinity at y = 1 */
  mSInverse(y: number): number;
  /** [m_S(τ + r) − m_S(τ)]/m_S'(τ) without cancellation (→ r as τ → ∞): the matrix term of Q̂. */
  gain(tau: number, r: number): number;
  /** ι(τ + r) − ι(τ) without cancellation (→ 0 as τ → ∞). */
  iotaDrop(tau: number, r: number): number;
}

export interface TableOptions {
  nodes?: number;
  lambdaMax?: number;
  /** Relative tolerance of the adaptive ∫ρ³ quadrature. */
  relTol?: number;
  /**
   * m_S at the nodes from an earlier build with the same law and options (SpectralTable.nodeValues): the costly
   * part (one mmseSDirect per node) is skipped and the table is the same to the last bit.
   */
  nodeValues?: Float64Array;
  /** Polled between node values (a build ahead of need, superseded by a real request): true throws Superseded. */
  shouldStop?: () => boolean;
}

/**
 * Where node values may be kept between processes (the CLI's cache on disk, src/platform/cli/tableCache.ts): physics
 * does no I/O itself, it only asks the store installed here under a key of the table's inputs (tableKey).
 */
export interface TableNodeStore {
  /** The values saved under `key`, or null. Values of the wrong length or out of [0, 1] are ignored. */
  load(key: string): Float64Array | null;
  save(key: string, values: Float64Array): void;
}

let nodeStore: TableNodeStore | null = null;

/** Installs (or, with null, removes) the node store every later buildSpectralTable consults. */
export function setTableNodeStore(store: TableNodeStore | null): void {
  nodeStore = store;
}

/** The inputs that fix a table's node values, as one string (floats print exactly in JSON). */
export function tableKey(law: SpectralLaw, opts: TableOptions = {}): string {
  const { nodes, lambdaMax, relTol } = resolved(opts);
  const atoms = law.continuous ? {} : { v: [...law.v], p: [...law.p] };
  return JSON.stringify({ a: law.a, continuous: law.continuous ?? null, ...atoms, nodes, lambdaMax, relTol, c: C });
}

function resolved(opts: TableOptions) {
  return { nodes: opts.nodes ?? NODES, lambdaMax: opts.lambdaMax ?? LAMBDA_MAX_DEFAULT, relTol: opts.relTol ?? 1e-11 };
}

/** Node values fit for a table of `nodes` nodes: the length, m_S(0) = 0, every value finite in [0, 1]. */
function validNodes(m: Float64Array, nodes: number): boolean {
  return m.length === nodes && m[0] === 0 && m.every((x) => x >= 0 && x <= 1);
}

/**
 * Continuous laws (`gauss`, `unif`, exact transforms: a Faddeeva function or logarithm per Newton step) get fewer
 * nodes: 200 to λ_max = 2000 and the tail keep m_S and mmse within 2e−7 of the direct values on λ ∈ [0, 10⁴]
 * (spectral.test.ts); the build costs 2–3 times the `ones` table's (bench/bench.ts, tableMsByLaw).
 */
export const COARSE_TABLE: TableOptions = { nodes: 200, lambdaMax: 2000, relTol: 1e-9 };

export function buildSpectralTable(law: SpectralLaw, opts: TableOptions = {}): SpectralTable {
  const t0 = performance.now();
  const { nodes, lambdaMax: LAMBDA_MAX, relTol } = resolved(opts);
  const uMax = Math.log(1 + LAMBDA_MAX / C);
  const h = uMax / (nodes - 1);
  const lam = (u: number) => C * Math.expm1(u);
  if (opts.nodeValues && !validNodes(opts.nodeValues, nodes))
    throw new RangeError(
      `nodeValues must be ${nodes} values in [0, 1] starting at 0 (from a table of the same options)`,
    );
  const key = nodeStore && !opts.nodeValues ? tableKey(law, opts) : '';
  const stored = nodeStore && key ? nodeStore.load(key) : null;
  let m: Float64Array;
  if (opts.nodeValues) m = Float64Array.from(opts.nodeValues);
  else if (stored && validNodes(stored, nodes)) m = Float64Array.from(stored);
  else {
    m = new Float64Array(nodes);
    for (let i = 1; i < nodes; i++) {
      if ((i & 15) === 0 && opts.shouldStop?.()) throw new Superseded('table build');
      m[i] = 1 - mmseSDirect(law, lam(i * h), relTol);
    }
    nodeStore?.save(key, Float64Array.from(m));
  }
  const sp: UniformSpline = uniformSpline(m, h);
  // Cumulative ∫₀^λ mmse dλ at nodes, 4-point Gauss–Legendre per interval on the spline.
  const { x: gx, w: gw } = gaussLegendre(4);
  const ev = { v: 0, d: 0 };
  const segInt = (ua: number, ub: number): number => {
    const half = 0.5 * (ub - ua);
    let s = 0;
    for (let k = 0; k < 4; k++) {
      const u = ua + half * (1 + gx[k]);
      splineEval(sp, u, ev);
      s += gw[k] * (1 - ev.v) * C * Math.exp(u);
    }
    return s * half;
  };
  const cum = new Float64Array(nodes);
  for (let i = 1; i < nodes; i++) cum[i] = cum[i - 1] + segInt((i - 1) * h, i * h);
  const mTop = m[nodes - 1];
  const uOf = (lambda: number) => Math.log1p(lambda / C);
  // Tail mmse = a/λ + b/λ²: value mmse0 and slope −slope0 of the spline at λ_max.
  splineEval(sp, uOf(LAMBDA_MAX), ev);
  const mmse0 = 1 - mTop;
  const slope0 = ev.d / (LAMBDA_MAX + C);
  const tailB = LAMBDA_MAX * LAMBDA_MAX * (slope0 * LAMBDA_MAX - mmse0);
  const tailA = 2 * mmse0 * LAMBDA_MAX - slope0 * LAMBDA_MAX * LAMBDA_MAX;
  const tailMmse = (lambda: number) => (tailA + tailB / lambda) / lambda;
  const tailSlope = (lambda: number) => (tailA + (2 * tailB) / lambda) / (lambda * lambda); // −mmse'
  const tailIota = (lambda: number) =>
    0.25 * (tailA * Math.log(lambda / LAMBDA_MAX) + tailB * (1 / LAMBDA_MAX - 1 / lambda));

  /** m_S and m_S' in one spline evaluation; the tail beyond λ_max. */
  const evalMS = (lambda: number, out: { v: number; d: number }): void => {
    if (lambda >= LAMBDA_MAX) {
      out.v = 1 - tailMmse(lambda);
      out.d = tailSlope(lambda);
      return;
    }
    const l = Math.max(lambda, 0);
    splineEval(sp, uOf(l), out);
    out.d /= l + C; // dλ/du = λ + c
    if (lambda <= 0) out.v = 0;
  };
  const one = { v: 0, d: 0 };
  const mS = (lambda: number): number => {
    evalMS(lambda, one);
    return one.v;
  };
  const mSPrime = (lambda: number): number => {
    evalMS(lambda, one);
    return one.d;
  };
  const iota = (lambda: number): number => {
    if (lambda <= 0) return 0;
    if (lambda >= LAMBDA_MAX) return 0.25 * cum[nodes - 1] + tailIota(lambda);
    const u = uOf(lambda);
    const i = Math.min(Math.floor(u / h), nodes - 2);
    return 0.25 * (cum[i] + segInt(i * h, u));
  };
  const mSInverse = (y: number): number => {
    if (y <= 0) return 0;
    if (y >= mTop) {
      if (y >= 1) return Infinity;
      const u = 1 - y; // a/λ + b/λ² = u, the root that continues a/u
      return (tailA + Math.sqrt(tailA * tailA + 4 * u * tailB)) / (2 * u);
    }
    // Binary search on node values (m_S is increasing), then Newton inside the interval.
    let lo = 0;
    let hi = nodes - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (m[mid] <= y) lo = mid;
      else hi = mid;
    }
    let u = lo * h + (h * (y - m[lo])) / (m[hi] - m[lo]);
    for (let it = 0; it < 30; it++) {
      splineEval(sp, u, ev);
      const step = (ev.v - y) / ev.d;
      u = Math.min(hi * h, Math.max(lo * h, u - step));
      if (Math.abs(step) < 1e-15 * (1 + u)) break;
    }
    return lam(u);
  };
  const mmseOf = (lambda: number): number => (lambda >= LAMBDA_MAX ? tailMmse(lambda) : 1 - mS(lambda));
  const gain = (tau: number, r: number): number => {
    if (r === 0) return 0; // r < 0 is allowed (off-shell finite differences)
    if (tau === Infinity) return r;
    if (tau >= LAMBDA_MAX) {
      // (mmse(τ) − mmse(τ + r))/(−mmse'(τ)) in closed form: a r/(τ(τ+r)) + b r(2τ+r)/(τ²(τ+r)²) over the slope.
      const t1 = tau + r;
      return ((tailA * r) / (tau * t1) + (tailB * r * (tau + t1)) / (tau * tau * t1 * t1)) / tailSlope(tau);
    }
    return (mmseOf(tau) - mmseOf(tau + r)) / mSPrime(tau);
  };
  const iotaDrop = (tau: number, r: number): number => {
    if (r === 0) return 0; // r < 0 is allowed (off-shell finite differences)
    if (tau === Infinity) return 0;
    if (tau >= LAMBDA_MAX) {
      const t1 = tau + r;
      return 0.25 * (tailA * Math.log1p(r / tau) + (tailB * r) / (tau * t1));
    }
    return iota(tau + r) - iota(tau);
  };
  return {
    gamma: law.a,
    lambdaMax: LAMBDA_MAX,
    buildMs: performance.now() - t0,
    nodeValues: () => Float64Array.from(m),
    mS,
    mSPrime,
    evalMS,
    mmse: mmseOf,
    iota,
    mSInverse,
    gain,
    iotaDrop,
  };
}
