// Spectrum of Y = S_k + √t Z, S_k = Wᵀ diag(v) W / k (generalised Marchenko–Pastur) plus GOE noise, and the
// matrix-denoising MMSE from its density (HCIZ; arXiv 2408.03733, 2510.24616; docs/physics/mlp-shallow.md §4).
//
// Stieltjes g(x) = ∫ρ(y)/(y − x) dy solves x = R_S(−g) − t g − 1/g with R_S(s) = a E_v[v/(a − v s)], a = γ.
// Support edges are the real critical points of the inverse map x(g); inside the support we solve for the
// complex root with Newton, continuing along Gauss–Legendre nodes in θ (x = c − r cos θ), which makes the
// square-root edges of ρ smooth in θ so that ∫ρ³ converges spectrally.
//
// The readout law enters only through the mixing sums S1(g) = E_v[v/(a + v g)] and S2(g) = E_v[v²/(a + v g)²]
// (`mix`). Discrete laws sum over their atoms; the continuous laws use their exact Stieltjes transforms
// G(z) = E_v[1/(z − v)] at z = a/g (symmetric v: S1 = (1 − zG)/g): the Faddeeva function for N(0, 1), a difference
// of logarithms for U[−√3, √3]. For small |g/a| both switch to the moment series (no cancellation in 1 − zG).

import { gaussLegendre } from './numerics/gaussHermite';
import { normalStieltjesBelow, type Complex } from './numerics/faddeeva';

/** A discrete readout law for the spectrum: atoms v with probabilities p, and a = γ. */
export interface AtomicSpectralLaw {
  a: number;
  v: Float64Array;
  p: Float64Array;
  continuous?: undefined;
}

/** A continuous readout law with E v² = 1, treated exactly: N(0, 1) (`gauss`) or U[−√3, √3] (`unif`). */
export interface ContinuousSpectralLaw {
  a: number;
  continuous: 'gauss' | 'unif';
}

export type SpectralLaw = AtomicSpectralLaw | ContinuousSpectralLaw;

/** Mixing sums at complex g: S1 = E[v/(a + vg)], S2 = E[v²/(a + vg)²] (x(g) = a S1 − tg − 1/g, x' = −a S2 − t + 1/g²). */
interface Mix {
  s1r: number;
  s1i: number;
  s2r: number;
  s2i: number;
}

const SQRT3 = Math.sqrt(3);
/** Even moments E v^{2m+2}, m = 0, 1, …, for the series at small |g/a|. */
const MOMENTS = {
  gauss: Float64Array.from({ length: 40 }, (_, m) => {
    let d = 1; // (2m + 1)!!
    for (let j = 3; j <= 2 * m + 1; j += 2) d *= j;
    return d;
  }),
  unif: Float64Array.from({ length: 80 }, (_, m) => 3 ** (m + 1) / (2 * m + 3)),
};
/** |g/a| below which the moment series is used: an asymptotic series for gauss (smallest term ~1e−40 here), convergent with ratio 3|g/a|² ≤ 1/4 for unif. */
const SERIES_RADIUS = { gauss: 0.1, unif: 0.5 / SQRT3 };

const gz: Complex = { re: 0, im: 0 };

function mixContinuous(law: ContinuousSpectralLaw, gr: number, gi: number, out: Mix): void {
  const a = law.a;
  const kind = law.continuous;
  const ur = gr / a;
  const ui = gi / a;
  if (Math.hypot(ur, ui) < SERIES_RADIUS[kind]) {
    // S1 = −(1/a) Σ μ_{2m+2} u^{2m+1}, S2 = (1/a²) Σ (2m+1) μ_{2m+2} u^{2m}, u = g/a.
    const mu = MOMENTS[kind];
    const u2r = ur * ur - ui * ui;
    const u2i = 2 * ur * ui;
    let pr = 1; // u^{2m}
    let pi = 0;
    let ar = 0;
    let ai = 0;
    let br = 0;
    let bi = 0;
    for (let m = 0; m < mu.length; m++) {
      const c = mu[m];
      ar += c * pr;
      ai += c * pi;
      br += (2 * m + 1) * c * pr;
      bi += (2 * m + 1) * c * pi;
      if (c * Math.hypot(pr, pi) * (2 * m + 1) < 1e-17 * Math.hypot(br, bi)) break;
      const t = pr * u2r - pi * u2i;
      pi = pr * u2i + pi * u2r;
      pr = t;
    }
    out.s1r = -(ar * ur - ai * ui) / a;
    out.s1i = -(ar * ui + ai * ur) / a;
    out.s2r = br / (a * a);
    out.s2i = bi / (a * a);
    return;
  }
  // z = a/g, G(z) = E[1/(z − v)] = E[1/(z + v)] (v symmetric).
  const ginv = 1 / (gr * gr + gi * gi);
  const ir = gr * ginv; // 1/g
  const ii = -gi * ginv;
  const zr = a * ir;
  const zi = a * ii;
  let Gr: number;
  let Gi: number;
  if (kind === 'gauss') {
    // The physical root has Im g > 0, i.e. Im z < 0; continued analytically across, so Newton converges at soft edges.
    normalStieltjesBelow(zr, zi, gz);
    Gr = gz.re;
    Gi = gz.im;
  } else {
    // G = ln((z + √3)/(z − √3))/(2√3), principal branch (its cut is the support [−√3, √3] of v).
    const nr = zr + SQRT3;
    const dr = zr - SQRT3;
    const den = dr * dr + zi * zi;
    const qr = (nr * dr + zi * zi) / den;
    const qi = (zi * dr - nr * zi) / den;
    Gr = (0.5 * Math.log(qr * qr + qi * qi)) / (2 * SQRT3);
    Gi = Math.atan2(qi, qr) / (2 * SQRT3);
  }
  // R = 1 − zG; S1 = R/g.
  const Rr = 1 - (zr * Gr - zi * Gi);
  const Ri = -(zr * Gi + zi * Gr);
  out.s1r = Rr * ir - Ri * ii;
  out.s1i = Rr * ii + Ri * ir;
  // E[v²/(z + v)²] = 1 − 2zG + z² E[1/(z + v)²]; gauss (Stein, G' = 1 − zG): (2 − z²)R − 1; unif: 1/(z² − 3).
  const z2r = zr * zr - zi * zi;
  const z2i = 2 * zr * zi;
  let er: number;
  let ei: number;
  if (kind === 'gauss') {
    er = (2 - z2r) * Rr + z2i * Ri - 1;
    ei = (2 - z2r) * Ri - z2i * Rr;
  } else {
    const wr = z2r - 3;
    const wi = z2i;
    const wd = wr * wr + wi * wi;
    // z²/(z² − 3)
    const fr = (z2r * wr + z2i * wi) / wd;
    const fi = (z2i * wr - z2r * wi) / wd;
    er = 2 * Rr - 1 + fr;
    ei = 2 * Ri + fi;
  }
  const i2r = ir * ir - ii * ii;
  const i2i = 2 * ir * ii;
  out.s2r = er * i2r - ei * i2i;
  out.s2i = er * i2i + ei * i2r;
}

/** S1, S2 at complex g for any law. */
function mix(law: SpectralLaw, gr: number, gi: number, out: Mix): void {
  if (law.continuous) {
    mixContinuous(law, gr, gi, out);
    return;
  }
  const { a, v, p } = law;
  let s1r = 0;
  let s1i = 0;
  let s2r = 0;
  let s2i = 0;
  for (let j = 0; j < v.length; j++) {
    const vj = v[j];
    const br = a + vj * gr;
    const bi = vj * gi;
    const inv = 1 / (br * br + bi * bi);
    const qr = br * inv; // 1/(a+vg) = conj(b)/|b|²
    const qi = -bi * inv;
    const c = p[j] * vj;
    s1r += c * qr;
    s1i += c * qi;
    s2r += c * vj * (qr * qr - qi * qi);
    s2i += c * vj * 2 * qr * qi;
  }
  out.s1r = s1r;
  out.s1i = s1i;
  out.s2r = s2r;
  out.s2i = s2i;
}

const mx: Mix = { s1r: 0, s1i: 0, s2r: 0, s2i: 0 };

/** x(g) on the real axis. */
function xReal(law: SpectralLaw, t: number, g: number): number {
  mix(law, g, 0, mx);
  return law.a * mx.s1r - t * g - 1 / g;
}

/** x'(g) on the real axis. */
function dxReal(law: SpectralLaw, t: number, g: number): number {
  mix(law, g, 0, mx);
  return -law.a * mx.s2r - t + 1 / (g * g);
}

/** x''(g) on the real axis (independent of t: the noise term −t g is linear); central difference for continuous laws (only seeds use it). */
function d2xReal(law: SpectralLaw, g: number): number {
  if (law.continuous) {
    const h = 1e-6 * Math.abs(g);
    return (dxReal(law, 0, g + h) - dxReal(law, 0, g - h)) / (2 * h);
  }
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
  const a = law.a;
  root.ok = false;
  root.strict = false;
  for (let it = 0; it < 60; it++) {
    // F = a S1 − t g − 1/g − x ; F' = −a S2 − t + 1/g².
    mix(law, gr, gi, mx);
    const ginv = 1 / (gr * gr + gi * gi);
    const ir = gr * ginv; // 1/g
    const ii = -gi * ginv;
    const Fr = a * mx.s1r - t * gr - ir - x;
    const Fi = a * mx.s1i - t * gi - ii;
    const Dr = -a * mx.s2r - t + (ir * ir - ii * ii);
    const Di = -a * mx.s2i + 2 * ir * ii;
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
  gi?: number; // Im g at an end of a range that is not an edge (N(0, 1) readouts): a seed for the root there
}

/**
 * All real critical points of x(g): candidate support edges. x(g) is real-analytic between its singular points:
 * 0 and the poles −a/v of the atoms (and beyond the extreme ones); for U[−√3, √3] only on (−a/√3, a/√3), the
 * rest of the real g-axis being the cut of its logarithm. Not for N(0, 1), whose cut is the whole real axis.
 */
function criticalPoints(law: SpectralLaw, t: number): Edge[] {
  const poles = [0];
  const atoms = law.continuous ? null : law.v;
  if (atoms) {
    for (let j = 0; j < atoms.length; j++) if (atoms[j] !== 0) poles.push(-law.a / atoms[j]);
  } else poles.push(-law.a / SQRT3, law.a / SQRT3);
  poles.sort((u, w) => u - w);
  const uniq: number[] = [];
  for (const q of poles) if (!uniq.length || q - uniq[uniq.length - 1] > 1e-13) uniq.push(q);
  const edges: Edge[] = [];
  // Dense scans for few atoms; many-atom laws (discretised continuous P_v) have many narrow inter-pole intervals,
  // where a gap missed by a coarser scan only merges two bands whose density vanishes between them.
  const N = atoms && atoms.length > 4 ? 24 : 160;
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
  if (atoms) {
    scan((s) => lo - Math.pow(10, 8 - 17 * s) * (1 + Math.abs(lo))); // from far left to lo⁻
    scan((s) => hi + Math.pow(10, -9 + 17 * s) * (1 + Math.abs(hi)));
  }
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
    // Roots come in conjugate pairs for real x, except for `gauss`, whose G is continued across the real axis.
    if (im < 0) im = law.continuous === 'gauss' ? -Infinity : -im;
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
    if (e.gi !== undefined) seeds.push([e.g, e.gi]);
    const dy = Math.sqrt(Math.abs((2 * (x - e.x)) / e.d2));
    if (Number.isFinite(dy) && dy > 0) seeds.push([e.g, dy]);
  }
  for (const s of [0.1, 1, 10]) seeds.push([0, s], [-s, s], [s, s]);
  return seeds;
}

/** g(x + i0⁺) at a point x inside the support (the root with the largest imaginary part). */
export function stieltjesAt(law: SpectralLaw, t: number, x: number): { re: number; im: number } {
  const seeds = edgeSeeds([], x);
  // N(0, 1) readouts: in the far tails the root is near the real axis, close to its expansion g ≈ −1/x.
  if (law.continuous === 'gauss' && x !== 0) seeds.push([-1 / x, 1e-9 / Math.abs(x)]);
  bestRoot(law, t, x, seeds);
  return { re: root.re, im: root.im };
}

export interface SpectralDensity {
  /** Support intervals [left, right]; for N(0, 1) readouts (density > 0 on all of ℝ) the range where ρ > RHO_TAIL. */
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
    // `unif` has one root in the upper half-plane and its conjugate: landing on the conjugate is as good.
    if (law.continuous === 'unif' && root.im < 0) root.im = -root.im;
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

/**
 * N(0, 1) readouts: ρ_t > 0 on all of ℝ with tails as fast as the normal law's, and even (v ↦ −v), so the range is
 * [−X, X] with X the first point (marching out from 0 by continuation, steps σ/8, σ² = 1/a + t the variance of
 * ρ_t) where ρ < RHO_TAIL: the neglected ∫ρ³ and ∫ρ are below 1e−30 and ~1e−13.
 */
const RHO_TAIL = 1e-13;

/** g(0) of a symmetric law (imaginary, ρ even) into `root`; seed: a semicircle of the same variance σ², g(0) = i/σ. */
function centreRoot(law: SpectralLaw, t: number): void {
  const sigma = Math.sqrt(1 / law.a + t);
  newtonComplex(law, t, 0, 0, 1 / sigma);
  if (!(root.ok && root.im > 0)) bestRoot(law, t, 0, [[0, 1 / sigma], ...edgeSeeds([], 0)]);
}

function gaussianRange(law: SpectralLaw, t: number): [Edge, Edge] {
  const sigma = Math.sqrt(1 / law.a + t);
  centreRoot(law, t);
  let gr = root.re;
  let gi = root.im;
  let x = 0;
  let step = sigma / 8;
  for (let k = 0; k < 4000 && step > 1e-9 * sigma; k++) {
    newtonComplex(law, t, x + step, gr, gi);
    // Continuation: a failed step or a jump of g (another root) halves the step.
    if (!root.ok || root.im < 0 || Math.hypot(root.re - gr, root.im - gi) > 0.25 * Math.hypot(gr, gi)) {
      step /= 2;
      continue;
    }
    x += step;
    gr = root.re;
    gi = root.im;
    if (gi / Math.PI < RHO_TAIL) break;
    step = Math.min(2 * step, sigma / 8);
  }
  // ρ_t is even, g(−x) = −ḡ(x).
  return [
    { x: -x, g: -gr, d2: NaN, gi },
    { x, g: gr, d2: NaN, gi },
  ];
}

/** Support components [left edge, right edge] from the real critical points of x(g). */
function supportComponents(law: SpectralLaw, t: number): Array<[Edge, Edge]> {
  if (law.continuous === 'gauss') return [gaussianRange(law, t)];
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
  return comps;
}

/**
 * Coarse panels in θ on a component (x = c − r cos θ): 8 equal ones. Continuous laws (symmetric: the half x ≥ 0)
 * also break at x = 2^j √t: their zero eigenvalues (mass 1 − γ) sit inside the one band as a spike of width ~4√t
 * at x = 0, which equal panels would step over at small t.
 */
function coarseBreaks(t: number, c: number, r: number, symmetric: boolean): number[] {
  if (!symmetric) return Array.from({ length: 9 }, (_, k) => (k * Math.PI) / 8);
  const th = Array.from({ length: 5 }, (_, k) => (Math.PI * (4 + k)) / 8);
  for (let s = Math.sqrt(t); s < r; s *= 2) th.push(Math.acos((c - s) / r));
  th.sort((p, q) => p - q);
  return th.filter((v, i) => i === 0 || v - th[i - 1] > 1e-12);
}

/** Density of S_k + √t Z: support, ∫ρ³ and total mass, by adaptive Gauss–Legendre in θ on each support interval. */
export function spectralDensity(law: SpectralLaw, t: number, relTol = 1e-11): SpectralDensity {
  let rho3 = 0;
  let mass = 0;
  const intervals: Array<[number, number]> = [];
  const comps = supportComponents(law, t);
  // Continuous laws: one band, symmetric about 0 (v ↦ −v), integrated over x ≥ 0 and doubled.
  const symmetric = !!law.continuous && comps.length === 1;
  for (const [eL, eR] of comps) {
    const c = 0.5 * (eL.x + eR.x);
    const r = 0.5 * (eR.x - eL.x);
    intervals.push([eL.x, eR.x]);
    // Coarse pass sets the absolute tolerance; then each coarse panel is refined until its halves agree.
    const th = coarseBreaks(t, c, r, symmetric);
    const coarse: Panel[] = [];
    let sr = NaN;
    let si = NaN;
    if (symmetric) {
      centreRoot(law, t); // the half-range starts at x = 0
      sr = root.re;
      si = root.im;
    }
    let scale3 = 0;
    for (let k = 0; k + 1 < th.length; k++) {
      const pn = panel(law, t, c, r, th[k], th[k + 1], sr, si, eL, eR);
      coarse.push(pn);
      scale3 += pn.i3;
      sr = pn.midR;
      si = pn.midI;
    }
    const tol3 = relTol * scale3;
    const half = symmetric ? 2 : 1;
    const tol1 = relTol / half;
    const refine = (ta: number, tb: number, whole: Panel, depth: number): void => {
      const tm = 0.5 * (ta + tb);
      const left = panel(law, t, c, r, ta, tm, whole.firstR, whole.firstI, eL, eR);
      const right = panel(law, t, c, r, tm, tb, whole.midR, whole.midI, eL, eR);
      const err3 = Math.abs(left.i3 + right.i3 - whole.i3);
      const err1 = Math.abs(left.i1 + right.i1 - whole.i1);
      if ((err3 <= tol3 && err1 <= tol1) || depth >= MAX_DEPTH) {
        rho3 += half * (left.i3 + right.i3);
        mass += half * (left.i1 + right.i1);
        return;
      }
      refine(ta, tm, left, depth + 1);
      refine(tm, tb, right, depth + 1);
    };
    for (let k = 0; k + 1 < th.length; k++) refine(th[k], th[k + 1], coarse[k], 1);
  }
  return { intervals, rho3, mass };
}

/**
 * Below this λ the direct form's two terms (each ≈ a t = 1/λ) cancel to about mmse_S, so its quadrature error
 * (≈ 1e−11/λ) swamps m_S = 1 − mmse_S ≈ λ: the small-λ series takes over (its λ³ term ≲ 3e−11 here).
 */
export const SERIES_LAMBDA = 1e-4;
/**
 * The exact Gaussian law's density has no edge, and the direct form's quadrature at t = 1/λ loses about 2e−6 at
 * λ = 3e−4 (measured against the series, whose λ³ term is ≈ 37λ³ ≤ 4e−8 at 1e−3): the series takes over earlier.
 */
const SERIES_LAMBDA_GAUSS = 1e-3;
/** Where m_S switches from the direct form to its small-λ series for this law. */
export const seriesLambda = (law: SpectralLaw): number =>
  law.continuous === 'gauss' ? SERIES_LAMBDA_GAUSS : SERIES_LAMBDA;

/**
 * m_S(λ) = 1 − mmse_S(λ) for small λ: κ2²λ − (κ2³ − κ3²)λ² + O(λ³), with κ_n = E[vⁿ] a^{1−n/2} the free cumulants of
 * S⁰ = √a S_k (R-transform of S_k: a E_v[v/(a − v s)]; κ2 = E v² = 1 for the project's laws). Written for m_S
 * itself, since 1 − mmse_S rounds to 0 below λ ≈ 1e−16. The λ² coefficient is checked against the direct form in
 * spectral.test.ts (docs/physics/mlp-shallow.md §4).
 */
export function mSSmall(law: SpectralLaw, lambda: number): number {
  // Both continuous laws (gauss, unif) are symmetric with E v² = 1.
  let v2 = law.continuous ? 1 : 0;
  let v3 = 0;
  if (!law.continuous)
    for (let j = 0; j < law.v.length; j++) {
      v2 += law.p[j] * law.v[j] ** 2;
      v3 += law.p[j] * law.v[j] ** 3;
    }
  const k3sq = (v3 * v3) / law.a;
  return v2 * v2 * lambda - (v2 * v2 * v2 - k3sq) * lambda * lambda;
}

/** m_S(λ) = 1 − mmse_S(λ), accurate down to λ → 0 (the series below seriesLambda(law)). */
export function mSDirect(law: SpectralLaw, lambda: number, relTol = 1e-11): number {
  return lambda > 0 && lambda < seriesLambda(law) ? mSSmall(law, lambda) : 1 - mmseSDirect(law, lambda, relTol);
}

/** mmse_S(λ) per d for the channel √λ S⁰ + Z, S⁰ = √a S_k: a[t − (4π²/3) t² ∫ρ_t³], t = 1/(aλ) (docs/physics/mlp-shallow.md §4). */
export function mmseSDirect(law: SpectralLaw, lambda: number, relTol = 1e-11): number {
  if (lambda <= 0) return 1;
  if (lambda < seriesLambda(law)) return 1 - mSSmall(law, lambda);
  const t = 1 / (law.a * lambda);
  const { rho3 } = spectralDensity(law, t, relTol);
  return law.a * (t - ((4 * Math.PI * Math.PI) / 3) * t * t * rho3);
}
