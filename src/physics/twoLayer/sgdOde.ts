// Online spherical SGD on a single-index target with the information exponent ℓ (docs/physics/two-layer-lecture.md §4;
// Ben Arous–Gheissari–Jagannath arXiv 2003.10409): y = g(θ*·x), g = He_ℓ/√ℓ!, student σ = g, correlation loss,
// one fresh sample a step, w ← (w + (η/d) y σ'(u)(x − u w))/‖·‖. In t = samples/d, for d → ∞,
//   dm/dt = η (1 − m²) φ'(m) − (η²/2) m C(m),   φ(m) = Σ_k g_k μ_k(σ) m^k/k! = m^ℓ,
//   C(m) = E[y² σ'(u)²],   per-step variance (η/d)² D(m),  D(m) = E[y² σ'(u)² (s − m u)²],
// with s = θ*·x, u = w·x, corr(s, u) = m. For ℓ ≥ 3 the step is η = η0 d^{−(ℓ−2)/2}.
import { Memo } from '../numerics/cache';
import { TwoLayerParamError } from '../errors';
import { brent } from '../numerics/brent';
import { gaussHermite } from '../numerics/gaussHermite';
import { integrateToEvent } from './ode';
import { heKProfile, type HermiteProfile } from './profiles';

export interface EscapeParams {
  ell: number; // information exponent ℓ (target He_ℓ/√ℓ!)
  eta: number; // η for ℓ ≤ 2, η0 for ℓ ≥ 3
}

export const ESCAPE_LEVEL = 0.5;
const N_GH = 60; // exact for the polynomial integrands (degree ≤ 4ℓ + 2 ≤ 119)

export function validateEscape(p: EscapeParams, d?: number): void {
  if (!(Number.isInteger(p.ell) && p.ell >= 1 && p.ell <= 4))
    throw new TwoLayerParamError(`ℓ must be 1, 2, 3 or 4, got ${p.ell}`);
  if (!(p.eta > 0 && Number.isFinite(p.eta))) throw new TwoLayerParamError(`η must be > 0, got ${p.eta}`);
  if (d !== undefined && !(Number.isInteger(d) && d >= 4))
    throw new TwoLayerParamError(`d must be an integer ≥ 4, got ${d}`);
}

/** The actual step η at dimension d: η for ℓ ≤ 2, η0 d^{−(ℓ−2)/2} for ℓ ≥ 3. */
export function stepSize(p: EscapeParams, d: number): number {
  return p.ell <= 2 ? p.eta : p.eta * Math.pow(d, -(p.ell - 2) / 2);
}

export interface Moments {
  C: number;
  D: number;
}

/** C(m), D(m) by a 60×60 probabilists' Gauss–Hermite product rule, u = m s + √(1 − m²) z. */
export function sgdMoments(g: HermiteProfile, m: number): Moments {
  const { x, w } = gaussHermite(N_GH);
  const r = Math.sqrt(Math.max(0, 1 - m * m));
  let C = 0;
  let D = 0;
  for (let i = 0; i < x.length; i++) {
    const s = x[i];
    const y = g.f(s);
    const y2 = y * y;
    if (y2 === 0) continue;
    let c = 0;
    let dd = 0;
    for (let j = 0; j < x.length; j++) {
      const u = m * s + r * x[j];
      const ds = g.df(u);
      const v = w[j] * ds * ds;
      c += v;
      const e = s - m * u;
      dd += v * e * e;
    }
    C += w[i] * y2 * c;
    D += w[i] * y2 * dd;
  }
  return { C, D };
}

/** C(m) and D(m) on a uniform grid of m ∈ [−1, 1], linearly interpolated (for the SDE's many calls). */
export interface MomentTable {
  C(m: number): number;
  D(m: number): number;
}

const tables = new Memo<number, MomentTable>();
export function momentTable(ell: number, n = 2000): MomentTable {
  return tables.get(ell * 100000 + n, () => buildMomentTable(ell, n));
}

function buildMomentTable(ell: number, n: number): MomentTable {
  const g = heKProfile(ell);
  const Cs = new Float64Array(n + 1);
  const Ds = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const mo = sgdMoments(g, -1 + (2 * i) / n);
    Cs[i] = mo.C;
    Ds[i] = mo.D;
  }
  const at = (a: Float64Array, m: number): number => {
    const u = Math.min(n, Math.max(0, ((m + 1) * n) / 2));
    const k = Math.min(n - 1, Math.floor(u));
    const f = u - k;
    return a[k] + f * (a[k + 1] - a[k]);
  };
  return { C: (m: number) => at(Cs, m), D: (m: number) => at(Ds, m) };
}

/** dm/dt of the ODE (exact C(m)); φ'(m) = ℓ m^{ℓ−1}. */
export function overlapDrift(ell: number, eta: number, C: (m: number) => number): (m: number) => number {
  return (m) => eta * (1 - m * m) * ell * Math.pow(m, ell - 1) - 0.5 * eta * eta * m * C(m);
}

export interface EscapeResult {
  ell: number;
  d: number;
  eta: number; // as given (η0 for ℓ ≥ 3)
  stepEta: number; // the η used at this d
  samplesODE: number; // T = t d at |m| = 0.5, Infinity if never
  tEscape: number; // in t = samples/d
  /** m(t) reaches |m| = 0.5 (false: it settles below, at mStationary). */
  escapes: boolean;
  /** lim m(t), t → ∞, from m0 = 1/√d: the stable zero of the drift it runs into (above 0.5 iff it escapes). */
  mStationary: number;
  converged: boolean;
  /** m(t) on the solver's steps (t = samples/d). */
  t: number[];
  m: number[];
}

/** Escape from m0 = 1/√d to |m| = 0.5 by the ODE; with `continueFactor` > 1, m(t) goes on to that multiple of the escape time. */
export function escapeODE(p: EscapeParams, d: number, continueFactor = 1): EscapeResult {
  validateEscape(p, d);
  const g = heKProfile(p.ell);
  const eta = stepSize(p, d);
  const drift = overlapDrift(p.ell, eta, (m) => sgdMoments(g, m).C);
  const m0 = 1 / Math.sqrt(d);
  // Generous horizon: 1000× the small-m time scale.
  const tMax = (1000 * Math.max(1, Math.pow(d, Math.max(0, p.ell - 2))) * (1 + Math.log(d))) / Math.max(eta, 1e-12);
  // m(t) runs monotonically to m*: it escapes iff |m*| passes the level; if not, it is followed only until it is
  // within 1e−6 of m* (not to tMax, thousands of slow steps with nothing to see).
  const mStationary = stationaryOverlap(drift, m0);
  const escapes = Math.abs(mStationary) > ESCAPE_LEVEL;
  const event = escapes ? (m: number) => Math.abs(m) - ESCAPE_LEVEL : (m: number) => 1e-6 - Math.abs(m - mStationary);
  const r = integrateToEvent(drift, m0, event, tMax);
  if (!escapes) r.tEvent = Infinity;
  if (continueFactor > 1 && Number.isFinite(r.tEvent)) {
    const more = integrateToEvent(drift, r.y[r.y.length - 1], () => -1, (continueFactor - 1) * r.tEvent);
    for (let i = 1; i < more.t.length; i++) {
      r.t.push(r.tEvent + more.t[i]);
      r.y.push(more.y[i]);
    }
  }
  return {
    ell: p.ell,
    d,
    eta: p.eta,
    stepEta: eta,
    samplesODE: r.tEvent * d,
    tEscape: r.tEvent,
    escapes,
    mStationary,
    converged: r.converged,
    t: r.t,
    m: r.y,
  };
}

/**
 * The limit of m(t) from m0 under dm/dt = drift(m) (drift(−m) = −drift(m) or drift > 0 near 0): the first zero of
 * the drift met going up from m0 (drift(m0) > 0) or down (drift(m0) < 0; for ℓ ≥ 2 drift(0) = 0, so at worst 0).
 * Zeros are bracketed on a grid of 400 cells, then Brent. ℓ = 2: C(m) = 2 + 8m², so m*² = (2 − η)/(2 + 4η).
 */
export function stationaryOverlap(drift: (m: number) => number, m0: number): number {
  const up = drift(m0) > 0;
  const end = up ? 1 : 0;
  const n = 400;
  let a = m0;
  let fa = drift(a);
  for (let i = 1; i <= n; i++) {
    const b = m0 + ((end - m0) * i) / n;
    const fb = drift(b);
    if (fb === 0) return b;
    if (fa * fb < 0) return brent(drift, Math.min(a, b), Math.max(a, b), 1e-13).x;
    a = b;
    fa = fb;
  }
  return end;
}
