// Tabulated rectangular denoising functions mmse_v, mmse_v', ι_v and the inverse of mmse_v for one (η, γ1)
// (docs/physics/mlp-deep.md §7, paper's C27–C30), and the scalar Gaussian channel used for fine readout bins (η < 0.02).
// Table: F(t) = (1 + x) mmse(x) on t = ln(1 + x); F(0) = 1, F'(0) = 0 (mmse(0) = 1, mmse'(0) = −1), so the
// cancelling bracket at x ≲ 0.05 is never evaluated; ∫mmse dx = ∫F dt, so ι is the spline's antiderivative.
// Beyond x_max the tail A/x continues the table (A = x_max mmse(x_max), → k1(N + d − k1)/(N d) or 1).

import { Memo } from '../numerics/cache';
import { clampedSpline, splineAt, splineIntegral, type CubicSpline } from '../numerics/spline';
import { rectMmseDirect, type RectShape, type Tracking } from './rectangularDensity';

export interface Denoiser {
  kind: 'rectangular' | 'scalar';
  eta: number;
  gamma1: number;
  buildMs: number;
  /** Rectangular tables: F = (1 + x)·mmse at the knots (what a table built elsewhere carries over, installDenoiser). */
  knots?: Float64Array;
  mmse(x: number): number;
  /** mmse'(x) (< 0) */
  mmsePrime(x: number): number;
  /** ι(x) = ½ ∫₀^x mmse (2ι' = mmse) */
  iota(x: number): number;
  /** x ≥ 0 with mmse(x) = y, y ∈ (0, 1]; Infinity for y ≤ 0 */
  inverse(y: number): number;
}

/** Fine readout bins: the rectangular channel is within O(η) of the scalar one, 1/(1 + x). */
export const SCALAR_ETA = 0.02;

export function scalarDenoiser(eta: number, gamma1: number): Denoiser {
  return {
    kind: 'scalar',
    eta,
    gamma1,
    buildMs: 0,
    mmse: (x) => 1 / (1 + x),
    mmsePrime: (x) => -1 / ((1 + x) * (1 + x)),
    iota: (x) => 0.5 * Math.log1p(x),
    inverse: (y) => (y <= 0 ? Infinity : y >= 1 ? 0 : 1 / y - 1),
  };
}

export interface DenoiserTableOptions {
  nodes?: number; // knots in t beyond t = 0
  xMin?: number; // smallest tabulated x (the bracket cancels below)
  xMax?: number;
  xScale?: number; // knots are uniform in ln(1 + x/xScale)
  /** 'homotopy' is the slow reference path (every density node tracked from far above the axis). */
  tracking?: Tracking;
}

const X_MIN = 0.05;
const X_MAX = 5000;
// 64 knots uniform in ln(1 + x/0.2): measured spline error ≤ 7e−7 (η = γ1 = 0.5) and ≤ 2e−5 for η = 2, γ1 = 0.3,
// whose mmse bends sharply near x ≈ 0.1 (48 knots in ln(1 + x/0.4) gave 2e−5 and 6e−4).
const NODES = 64;
const X_SCALE = 0.2;

/** The table's knots x_0 = 0 < x_1 < … < x_n = x_max: uniform in ln(1 + x/X_SCALE), dense where mmse bends (x ≲ 3). */
function knotXs(opts: DenoiserTableOptions): Float64Array {
  const n = opts.nodes ?? NODES;
  const xMax = opts.xMax ?? X_MAX;
  const xScale = opts.xScale ?? X_SCALE;
  const sMin = Math.log1p((opts.xMin ?? X_MIN) / xScale);
  const sMax = Math.log1p(xMax / xScale);
  const x = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) x[i] = i === n ? xMax : xScale * Math.expm1(sMin + ((sMax - sMin) * (i - 1)) / (n - 1));
  return x;
}

export function rectangularDenoiser(shape: RectShape, opts: DenoiserTableOptions = {}): Denoiser {
  const t0 = performance.now();
  const xs = knotXs(opts);
  const F = new Float64Array(xs.length);
  F[0] = 1;
  for (let i = 1; i < xs.length; i++) F[i] = (1 + xs[i]) * rectMmseDirect(shape, xs[i], opts.tracking);
  return tableOf(shape, xs, F, t0);
}

/** The denoiser of the knot values F (the costly part: each knot is a spectral computation). */
function tableOf(shape: RectShape, xs: Float64Array, F: Float64Array, t0: number): Denoiser {
  const n = xs.length - 1;
  const xMax = xs[n];
  const tMax = Math.log1p(xMax);
  const t = xs.map(Math.log1p);
  const sp: CubicSpline = clampedSpline(t, F, 0);
  const tail = xMax * (F[n] / (1 + xMax)); // x·mmse at x_max
  const iotaMax = 0.5 * splineIntegral(sp, tMax);
  const ev = { v: 0, d: 0 };
  const mmse = (x: number): number => {
    if (x <= 0) return 1;
    if (x >= xMax) return tail / x;
    splineAt(sp, Math.log1p(x), ev);
    return ev.v / (1 + x);
  };
  const mmsePrime = (x: number): number => {
    if (x >= xMax) return -tail / (x * x);
    const xc = Math.max(x, 0);
    splineAt(sp, Math.log1p(xc), ev);
    return (ev.d - ev.v) / ((1 + xc) * (1 + xc)); // d/dx [F/(1+x)] with dt/dx = 1/(1+x)
  };
  const iota = (x: number): number => {
    if (x <= 0) return 0;
    if (x >= xMax) return iotaMax + 0.5 * tail * Math.log(x / xMax);
    return 0.5 * splineIntegral(sp, Math.log1p(x));
  };
  const yMax = tail / xMax;
  let lastX = NaN; // the previous answer: the saddle-point iteration asks for slowly moving y
  const inverse = (y: number): number => {
    if (y >= 1) return 0;
    if (y <= 0) return Infinity;
    if (y <= yMax) return tail / y;
    // mmse is decreasing: Newton from the previous answer (or the scalar channel's), safeguarded by bisection.
    let lo = 0;
    let hi = xMax;
    let x = lastX > 0 && lastX < xMax ? lastX : Math.min(xMax, Math.max(0, 1 / y - 1));
    for (let it = 0; it < 100; it++) {
      const f = mmse(x) - y;
      if (f > 0) lo = x;
      else hi = x;
      const d = mmsePrime(x);
      let next = x - f / d;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - x) <= 1e-14 * (1 + x)) return (lastX = next);
      x = next;
    }
    return (lastX = x);
  };
  return {
    kind: 'rectangular',
    eta: shape.eta,
    gamma1: shape.gamma1,
    buildMs: performance.now() - t0,
    knots: F,
    mmse,
    mmsePrime,
    iota,
    inverse,
  };
}

const denoisers = new Memo<string, Denoiser>();

/** The denoiser of a readout block of relative size η (rows N = η d) against rank k1 = γ1 d, cached. */
const denoiserKey = (eta: number, gamma1: number) => `${eta.toPrecision(12)}|${gamma1.toPrecision(12)}`;

export function getDenoiser(eta: number, gamma1: number): Denoiser {
  if (eta < SCALAR_ETA) return scalarDenoiser(eta, gamma1);
  return denoisers.get(denoiserKey(eta, gamma1), () => rectangularDenoiser({ eta, gamma1 }));
}

/** Whether getDenoiser(η, γ1) has nothing to build (a scalar channel, or a table in the cache). */
export function hasDenoiser(eta: number, gamma1: number): boolean {
  return eta < SCALAR_ETA || denoisers.has(denoiserKey(eta, gamma1));
}

/**
 * Caches the table of (η, γ1) from knot values computed elsewhere (a spare worker building the next slider step's
 * tables): the same spline, so the same numbers, as building it here.
 */
export function installDenoiser(eta: number, gamma1: number, knots: ArrayLike<number>): void {
  if (hasDenoiser(eta, gamma1)) return;
  const xs = knotXs({});
  if (knots.length !== xs.length || knots[0] !== 1 || !Array.from(knots).every(Number.isFinite))
    throw new Error(`a denoiser table needs ${xs.length} finite knot values starting at 1, got ${knots.length}`);
  const t0 = performance.now();
  denoisers.get(denoiserKey(eta, gamma1), () => tableOf({ eta, gamma1 }, xs, Float64Array.from(knots), t0));
}
