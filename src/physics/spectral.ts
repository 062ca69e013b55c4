// Spectrum of Y = S_k + √t Z, S_k = Wᵀ diag(v) W / k (generalised Marchenko–Pastur) plus GOE noise, and the
// matrix-denoising MMSE from its density (HCIZ; arXiv 2408.03733, 2510.24616; docs/physics/mlp-shallow.md §4).
//
// Stieltjes g(x) = ∫ρ(y)/(y − x) dy solves x = R_S(−g) − t g − 1/g with R_S(s) = a E_v[v/(a − v s)], a = γ.
// Support edges are the real critical points of the inverse map x(g); inside the support we solve for the
// complex root with Newton, continuing along Gauss–Legendre nodes in θ (x = c − r cos θ), which makes the
// square-root edges of ρ smooth in θ so that ∫ρ³ converges spectrally.

import { gaussLegendre } from './numerics/gaussHermite';

/** A discrete readout law for the spectrum: atoms v with probabilities p, and a = γ. */
export interface SpectralLaw {
  a: number;
  v: Float64Array;
  p: Float64Array;
}

/** x(g) on the real axis. */
function xReal(law: SpectralLaw, t: number, g: number): number {
  const { a, v, p } = law;
  let s = 0;
  for (let j = 0; j < v.length; j++) s += (p[j] * v[j]) / (a + v[j] * g);
  return a * s - t * g - 1 / g;
}

/** x'(g) on the real axis. */
function dxReal(law: SpectralLaw, t: number, g: number): number {
  const { a, v, p } = law;
  let s = 0;
  for (let j = 0; j < v.length; j++) {
    const den = a + v[j] * g;
    s += (p[j] * v[j] * v[j]) / (den * den);
  }
  return -a * s - t + 1 / (g * g);
}

/** x''(g) on the real axis (independent of t: the noise term −t g is linear). */
function d2xReal(law: SpectralLaw, g: number): number {
  const { a, v, p } = law;
  let s = 0;
  for (let j = 0; j < v.length; j++) {
    const den = a + v[j] * g;
    s += (p[j] * v[j] * v[j] * v[j]) / (den * den * den);
  }
  return 2 * a * s - 2 / (g * g * g);
}

/** Newton's result: ok when converged; strict when to 1e−14 (not only the stalled-near-an-edge acceptance). */
const root = { re: 0, im: 0, ok: false, strict: false };

/** Newton on x(g) = x for complex g from (gr, gi); result in `root`. */
function newtonComplex(law: SpectralLaw, t: number, x: number, gr: number, gi: number): void {
  const { a, v, p } = law;
  const nv = v.length;
  root.ok = false;
  root.strict = false;
  for (let it = 0; it < 60; it++) {
    // F = a Σ p v/(a + v g) − t g − 1/g − x ; F' = −a Σ p v²/(a+vg)² − t + 1/g².
    let fr = 0;
    let fi = 0;
    let dr = 0;
    let di = 0;
    for (let j = 0; j < nv; j++) {
      const vj = v[j];
      const br = a + vj * gr;
      const bi = vj * gi;
      const inv = 1 / (br * br + bi * bi);
      const qr = br * inv; // 1/(a+vg) = conj(b)/|b|²
      const qi = -bi * inv;
      const c = p[j] * vj;
      fr += c * qr;
      fi += c * qi;
      const q2r = qr * qr - qi * qi;
      const q2i = 2 * qr * qi;
      dr += c * vj * q2r;
      di += c * vj * q2i;
    }
    const ginv = 1 / (gr * gr + gi * gi);
    const ir = gr * ginv; // 1/g
    const ii = -gi * ginv;
    const Fr = a * fr - t * gr - ir - x;
    const Fi = a * fi - t * gi - ii;
    const Dr = -a * dr - t + (ir * ir - ii * ii);
    const Di = -a * di + 2 * ir * ii;
    const dd = Dr * Dr + Di * Di;
    if (!(dd > 0)) return;
    const stepR = (Fr * Dr + Fi * Di) / dd;
    const stepI = (Fi * Dr - Fr * Di) / dd;
    gr -= stepR;
    gi -= stepI;
    const scale = Math.abs(gr) + Math.abs(gi);
    // Next to a band edge x'(g) → 0 (two roots merge), Newton turns linear and rounding stalls it above 1e−14:
    // after 20 steps a step of 1e−9 is accepted where the equation itself holds to 1e−12 of its terms' size. Such
    // a root may belong to another sheet, so only the multi-seed search (largest Im) takes it, not continuation.
    const step = Math.abs(stepR) + Math.abs(stepI);
    const stalled =
      it >= 20 &&
      step <= 1e-9 * scale &&
      Math.hypot(Fr, Fi) <= 1e-12 * (Math.abs(x) + Math.sqrt(ginv) + t * Math.hypot(gr, gi));
    if (step <= 1e-14 * scale || stalled) {
      root.re = gr;
      root.im = gi;
      root.ok = Number.isFinite(gr) && Number.isFinite(gi);
      root.strict = step <= 1e-14 * scale;
      return;
    }
  }
}

interface Edge {
  x: number;
  g: number;
  d2: number; // x''(g) at the edge
}

/** All real critical points of x(g): candidate support edges. */
function criticalPoints(law: SpectralLaw, t: number): Edge[] {
  const poles = [0];
  for (let j = 0; j < law.v.length; j++) if (law.v[j] !== 0) poles.push(-law.a / law.v[j]);
  poles.sort((u, w) => u - w);
  const uniq: number[] = [];
  for (const q of poles) if (!uniq.length || q - uniq[uniq.length - 1] > 1e-13) uniq.push(q);
  const edges: Edge[] = [];
  // Dense scans for few atoms; many-atom laws (discretised continuous P_v) have many narrow inter-pole intervals,
  // where a gap missed by a coarser scan only merges two bands whose density vanishes between them.
  const N = law.v.length > 4 ? 24 : 160;
  const scan = (gAt: (s: number) => number) => {
    let gPrev = gAt(0);
    let dPrev = dxReal(law, t, gPrev);
    for (let i = 1; i <= N; i++) {
      const g = gAt(i / N);
      const d = dxReal(law, t, g);
      if (Number.isFinite(d) && Number.isFinite(dPrev) && d > 0 !== dPrev > 0) {
        // Bisection to full precision.
        let lo = gPrev;
        let hi = g;
        const sLo = dPrev > 0;
        for (let k = 0; k < 200 && Math.abs(hi - lo) > 1e-15 * (Math.abs(lo) + Math.abs(hi)); k++) {
          const mid = 0.5 * (lo + hi);
          if (dxReal(law, t, mid) > 0 === sLo) lo = mid;
          else hi = mid;
        }
        const gr = 0.5 * (lo + hi);
        edges.push({ x: xReal(law, t, gr), g: gr, d2: d2xReal(law, gr) });
      }
      gPrev = g;
      dPrev = d;
    }
  };
  const eps = 1e-9;
  // Semi-infinite ends: log-spaced distance from the extreme poles.
  const lo = uniq[0];
  const hi = uniq[uniq.length - 1];
  scan((s) => lo - Math.pow(10, 8 - 17 * s) * (1 + Math.abs(lo))); // from far left to lo⁻
  scan((s) => hi + Math.pow(10, -9 + 17 * s) * (1 + Math.abs(hi)));
  for (let k = 0; k + 1 < uniq.length; k++) {
    const L = uniq[k];
    const R = uniq[k + 1];
    const w = R - L;
    scan((s) => L + w * (eps + (1 - 2 * eps) * 0.5 * (1 - Math.cos(Math.PI * s))));
  }
  return edges;
}

/** Multi-seed search for the root with the largest imaginary part at x; returns it in `root`. */
function bestRoot(law: SpectralLaw, t: number, x: number, seeds: Array<[number, number]>): void {
  let bestRe = 0;
  let bestIm = -Infinity;
  for (const [sr, si] of seeds) {
    newtonComplex(law, t, x, sr, si);
    if (!root.ok) continue;
    let im = root.im;
    const re = root.re;
    if (im < 0) im = -im; // roots come in conjugate pairs for real x
    if (im > bestIm) {
      bestIm = im;
      bestRe = re;
    }
  }
  root.re = bestRe;
  root.im = bestIm;
  root.ok = bestIm > -Infinity;
}

function edgeSeeds(edges: Edge[], x: number): Array<[number, number]> {
  const seeds: Array<[number, number]> = [];
  for (const e of edges) {
    const dy = Math.sqrt(Math.abs((2 * (x - e.x)) / e.d2));
    if (Number.isFinite(dy) && dy > 0) seeds.push([e.g, dy]);
  }
  for (const s of [0.1, 1, 10]) seeds.push([0, s], [-s, s], [s, s]);
  return seeds;
}

/** g(x + i0⁺) at a point x inside the support (the root with the largest imaginary part). */
export function stieltjesAt(law: SpectralLaw, t: number, x: number): { re: number; im: number } {
  bestRoot(law, t, x, edgeSeeds([], x));
  return { re: root.re, im: root.im };
}

export interface SpectralDensity {
  /** Support intervals [left, right]. */
  intervals: Array<[number, number]>;
  /** ∫ρ(x)³ dx */
  rho3: number;
  /** ∫ρ dx (should be 1; a check of the root tracking). */
  mass: number;
}

const IM_TOL = 1e-10;
const PANEL_NODES = 10;
const MAX_DEPTH = 14;

/** Root at x continuing from (sr, si); falls back to a multi-seed search. Returns ρ(x) and leaves the root in `root`. */
function rhoAt(law: SpectralLaw, t: number, x: number, sr: number, si: number, eL: Edge, eR: Edge): number {
  if (Number.isFinite(sr)) {
    newtonComplex(law, t, x, sr, si);
    if (root.ok && root.strict && root.im > 0) return root.im / Math.PI;
  }
  const seeds = edgeSeeds([eL, eR], x);
  if (Number.isFinite(sr)) seeds.unshift([sr, Math.abs(si)]);
  bestRoot(law, t, x, seeds);
  return root.ok && root.im > 0 ? root.im / Math.PI : 0;
}

interface Panel {
  i3: number; // ∫ρ³ over the panel
  i1: number; // ∫ρ
  firstR: number; // root at the first node (seed for the left half)
  firstI: number;
  midR: number; // root at the node nearest the midpoint (seed for the right half)
  midI: number;
}

/** Gauss–Legendre on θ ∈ [θa, θb], x = c − r cos θ. */
function panel(
  law: SpectralLaw,
  t: number,
  c: number,
  r: number,
  ta: number,
  tb: number,
  sr: number,
  si: number,
  eL: Edge,
  eR: Edge,
): Panel {
  const { x: u, w } = gaussLegendre(PANEL_NODES);
  const half = 0.5 * (tb - ta);
  const out: Panel = { i3: 0, i1: 0, firstR: NaN, firstI: NaN, midR: NaN, midI: NaN };
  for (let i = 0; i < PANEL_NODES; i++) {
    const theta = ta + half * (1 + u[i]);
    const x = c - r * Math.cos(theta);
    const rho = rhoAt(law, t, x, sr, si, eL, eR);
    if (rho > 0) {
      sr = root.re;
      si = root.im;
    }
    if (i === 0) {
      out.firstR = sr;
      out.firstI = si;
    }
    if (i === PANEL_NODES / 2) {
      out.midR = sr;
      out.midI = si;
    }
    const jac = half * w[i] * r * Math.sin(theta);
    out.i3 += jac * rho * rho * rho;
    out.i1 += jac * rho;
  }
  return out;
}

export interface SpectralDensity {
  /** Support intervals [left, right]. */
  intervals: Array<[number, number]>;
  /** ∫ρ(x)³ dx */
  rho3: number;
  /** ∫ρ dx (should be 1; a check of the root tracking). */
  mass: number;
}

/** Density of S_k + √t Z: support, ∫ρ³ and total mass, by adaptive Gauss–Legendre in θ on each support interval. */
export function spectralDensity(law: SpectralLaw, t: number, relTol = 1e-11): SpectralDensity {
  const crit = criticalPoints(law, t).sort((e1, e2) => e1.x - e2.x);
  // Classify the gaps between consecutive candidate edges by a root test at the midpoint.
  const inside: boolean[] = [];
  for (let k = 0; k + 1 < crit.length; k++) {
    const xm = 0.5 * (crit[k].x + crit[k + 1].x);
    if (crit[k + 1].x - crit[k].x < 1e-14 * (1 + Math.abs(xm))) {
      inside.push(false);
      continue;
    }
    bestRoot(law, t, xm, edgeSeeds([crit[k], crit[k + 1]], xm));
    inside.push(root.ok && root.im > IM_TOL * (1 + Math.abs(root.re)));
  }
  const comps: Array<[Edge, Edge]> = [];
  for (let k = 0; k < inside.length; k++) {
    if (!inside[k]) continue;
    if (comps.length && comps[comps.length - 1][1] === crit[k]) comps[comps.length - 1][1] = crit[k + 1];
    else comps.push([crit[k], crit[k + 1]]);
  }
  let rho3 = 0;
  let mass = 0;
  const intervals: Array<[number, number]> = [];
  for (const [eL, eR] of comps) {
    const c = 0.5 * (eL.x + eR.x);
    const r = 0.5 * (eR.x - eL.x);
    intervals.push([eL.x, eR.x]);
    // Coarse pass sets the absolute tolerance; then each coarse panel is refined until its halves agree.
    const P = 8;
    const coarse: Panel[] = [];
    let sr = NaN;
    let si = NaN;
    let scale3 = 0;
    for (let k = 0; k < P; k++) {
      const pn = panel(law, t, c, r, (k * Math.PI) / P, ((k + 1) * Math.PI) / P, sr, si, eL, eR);
      coarse.push(pn);
      scale3 += pn.i3;
      sr = pn.midR;
      si = pn.midI;
    }
    const tol3 = relTol * scale3;
    const tol1 = relTol;
    const refine = (ta: number, tb: number, whole: Panel, depth: number): void => {
      const tm = 0.5 * (ta + tb);
      const left = panel(law, t, c, r, ta, tm, whole.firstR, whole.firstI, eL, eR);
      const right = panel(law, t, c, r, tm, tb, whole.midR, whole.midI, eL, eR);
      const err3 = Math.abs(left.i3 + right.i3 - whole.i3);
      const err1 = Math.abs(left.i1 + right.i1 - whole.i1);
      if ((err3 <= tol3 && err1 <= tol1) || depth >= MAX_DEPTH) {
        rho3 += left.i3 + right.i3;
        mass += left.i1 + right.i1;
        return;
      }
      refine(ta, tm, left, depth + 1);
      refine(tm, tb, right, depth + 1);
    };
    for (let k = 0; k < P; k++) refine((k * Math.PI) / P, ((k + 1) * Math.PI) / P, coarse[k], 1);
  }
  return { intervals, rho3, mass };
}

/**
 * Below this λ the direct form's two terms (each ≈ a t = 1/λ) cancel to about mmse_S, so its quadrature error
 * (≈ 1e−11/λ) swamps m_S = 1 − mmse_S ≈ λ: the small-λ series takes over (its λ³ term ≲ 3e−11 here).
 */
export const SERIES_LAMBDA = 1e-4;

/**
 * m_S(λ) = 1 − mmse_S(λ) for small λ: κ2²λ − (κ2³ − κ3²)λ² + O(λ³), with κ_n = E[vⁿ] a^{1−n/2} the free cumulants of
 * S⁰ = √a S_k (R-transform of S_k: a E_v[v/(a − v s)]; κ2 = E v² = 1 for the project's laws). Written for m_S
 * itself, since 1 − mmse_S rounds to 0 below λ ≈ 1e−16. The λ² coefficient is checked against the direct form in
 * spectral.test.ts (docs/physics/mlp-shallow.md §4).
 */
export function mSSmall(law: SpectralLaw, lambda: number): number {
  let v2 = 0;
  let v3 = 0;
  for (let j = 0; j < law.v.length; j++) {
    v2 += law.p[j] * law.v[j] ** 2;
    v3 += law.p[j] * law.v[j] ** 3;
  }
  const k3sq = (v3 * v3) / law.a;
  return v2 * v2 * lambda - (v2 * v2 * v2 - k3sq) * lambda * lambda;
}

/** m_S(λ) = 1 − mmse_S(λ), accurate down to λ → 0 (the series below SERIES_LAMBDA). */
export function mSDirect(law: SpectralLaw, lambda: number, relTol = 1e-11): number {
  return lambda > 0 && lambda < SERIES_LAMBDA ? mSSmall(law, lambda) : 1 - mmseSDirect(law, lambda, relTol);
}

/** mmse_S(λ) per d for the channel √λ S⁰ + Z, S⁰ = √a S_k: a[t − (4π²/3) t² ∫ρ_t³], t = 1/(aλ) (docs/physics/mlp-shallow.md §4). */
export function mmseSDirect(law: SpectralLaw, lambda: number, relTol = 1e-11): number {
  if (lambda <= 0) return 1;
  if (lambda < SERIES_LAMBDA) return 1 - mSSmall(law, lambda);
  const t = 1 / (law.a * lambda);
  const { rho3 } = spectralDensity(law, t, relTol);
  return law.a * (t - ((4 * Math.PI * Math.PI) / 3) * t * t * rho3);
}
