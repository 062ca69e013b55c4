// Rectangular matrix denoising (arXiv 2510.24616, C27–C30; docs/physics/mlp-deep.md §7):
// channel Y = √x S + Z with S = U V/√k1, U ∈ R^{N×k1}, V ∈ R^{k1×d} iid N(0,1), Z iid N(0,1), N = η d, k1 = γ1 d.
// With M = max(N, d), N_s = min(N, d), c = N_s/M and ρ the eigenvalue density of Y Yᵀ/M:
//   mmse(x) = (1/x) [ 1 − (4π²c²/3) ∫ λ ρ³ dλ − (1 − c)² ∫ ρ/λ dλ ],   mmse(0) = 1, mmse'(0) = −1.
// The Stieltjes transform m(z) = ∫ρ/(λ − z) solves a degree-6 polynomial in m whose coefficients are cubics in z.
// The physical root is tracked by homotopy from far above the real axis (the root with the largest imaginary
// part is wrong in spectral gaps, where spurious roots have Im m > 0).

/** Shape of the rectangular channel (aspect ratios relative to d). */
export interface RectShape {
  eta: number; // N/d (rows: readout block of the second layer, η = γ2 P_v(v))
  gamma1: number; // k1/d (rank of S)
}

interface Ratios {
  c: number; // N_s/M ≤ 1
  q: number; // k1/N_s
  r1: number; // k1/M
}

function ratios({ eta, gamma1 }: RectShape): Ratios {
  const M = Math.max(eta, 1);
  const Ns = Math.min(eta, 1);
  return { c: Ns / M, q: gamma1 / Ns, r1: gamma1 / M };
}

/** The coefficients C_0 … C_6 of P(m) at real z (docs/physics/mlp-deep.md §7), as written there. */
function coefficientsAt(r: Ratios, x: number, z: number): number[] {
  const { c, q, r1 } = r;
  const c2 = c * c;
  const c3 = c2 * c;
  const q2 = q * q;
  const z2 = z * z;
  const z3 = z2 * z;
  const C6 = c3 * r1 * x * z3;
  const C5 = 3 * c2 * r1 * x * z2 * (c + z - 1);
  const C4 =
    c *
    z *
    (-c2 * q2 * z +
      3 * c2 * r1 * x -
      c * q * r1 * x * z -
      c * q * x * z +
      8 * c * r1 * x * z -
      6 * c * r1 * x +
      3 * r1 * x * z2 -
      6 * r1 * x * z +
      3 * r1 * x);
  const C3 =
    -2 * c3 * q2 * z +
    c3 * r1 * x -
    3 * c2 * q2 * z2 +
    2 * c2 * q2 * z -
    2 * c2 * q * r1 * x * z -
    2 * c2 * q * x * z +
    7 * c2 * r1 * x * z -
    3 * c2 * r1 * x -
    2 * c * q * r1 * x * z2 +
    2 * c * q * r1 * x * z -
    2 * c * q * x * z2 +
    2 * c * q * x * z +
    7 * c * r1 * x * z2 -
    10 * c * r1 * x * z +
    3 * c * r1 * x +
    r1 * x * z3 -
    3 * r1 * x * z2 +
    3 * r1 * x * z -
    r1 * x;
  const C2 =
    -c3 * q2 -
    5 * c2 * q2 * z +
    2 * c2 * q2 -
    c2 * q * r1 * x -
    c2 * q * x +
    2 * c2 * r1 * x +
    c * q2 * x * z -
    3 * c * q2 * z2 +
    4 * c * q2 * z -
    c * q2 -
    3 * c * q * r1 * x * z +
    2 * c * q * r1 * x -
    3 * c * q * x * z +
    2 * c * q * x +
    5 * c * r1 * x * z -
    4 * c * r1 * x -
    q * r1 * x * z2 +
    2 * q * r1 * x * z -
    q * r1 * x -
    q * x * z2 +
    2 * q * x * z -
    q * x +
    2 * r1 * x * z2 -
    4 * r1 * x * z +
    2 * r1 * x;
  const C1 =
    -2 * c2 * q2 +
    c * q2 * x -
    4 * c * q2 * z +
    3 * c * q2 -
    c * q * r1 * x -
    c * q * x +
    c * r1 * x +
    q2 * x * z -
    q2 * x -
    q2 * z2 +
    2 * q2 * z -
    q2 -
    q * r1 * x * z +
    q * r1 * x -
    q * x * z +
    q * x +
    r1 * x * z -
    r1 * x;
  const C0 = -q2 * (c + z - 1);
  return [C0, C1, C2, C3, C4, C5, C6];
}

/**
 * The cubic-in-z coefficients of every C_j: A[4j + p] multiplies z^p. Obtained by interpolating the formulas
 * above at z = −1, 0, 1, 2 (each C_j is exactly a cubic in z), so that the formulas are written once.
 */
export function zCoefficients(shape: RectShape, x: number): Float64Array {
  const r = ratios(shape);
  const f = [-1, 0, 1, 2].map((z) => coefficientsAt(r, x, z));
  const A = new Float64Array(28);
  for (let j = 0; j < 7; j++) {
    const [fm, f0, f1, f2] = [f[0][j], f[1][j], f[2][j], f[3][j]];
    // Newton divided differences on −1, 0, 1, 2, expanded to monomials.
    const d1 = f0 - fm;
    const d2 = (f1 - 2 * f0 + fm) / 2;
    const d3 = (f2 - 3 * f1 + 3 * f0 - fm) / 6;
    // p(z) = fm + d1 (z+1) + d2 (z+1) z + d3 (z+1) z (z−1)
    A[4 * j] = fm + d1;
    A[4 * j + 1] = d1 + d2 - d3;
    A[4 * j + 2] = d2;
    A[4 * j + 3] = d3;
  }
  return A;
}

import { gaussLegendre } from '../numerics/gaussHermite';

// Complex scratch (no allocation in the inner loops).
const CR = new Float64Array(7);
const CI = new Float64Array(7);

/** Fills CR/CI with C_j(z) for complex z = zr + i zi. */
function coefficientsComplex(A: Float64Array, zr: number, zi: number): void {
  const z2r = zr * zr - zi * zi;
  const z2i = 2 * zr * zi;
  const z3r = z2r * zr - z2i * zi;
  const z3i = z2r * zi + z2i * zr;
  for (let j = 0; j < 7; j++) {
    const a0 = A[4 * j];
    const a1 = A[4 * j + 1];
    const a2 = A[4 * j + 2];
    const a3 = A[4 * j + 3];
    CR[j] = a0 + a1 * zr + a2 * z2r + a3 * z3r;
    CI[j] = a1 * zi + a2 * z2i + a3 * z3i;
  }
}

const root = { re: 0, im: 0 };

/** Newton on P(m) = 0 from (mr, mi) with the coefficients in CR/CI; result in `root`; false if no convergence. */
function newton(mr: number, mi: number, maxIt: number): boolean {
  for (let it = 0; it < maxIt; it++) {
    // Horner for P and P'.
    let pr = CR[6];
    let pi = CI[6];
    let dr = 0;
    let di = 0;
    for (let j = 5; j >= 0; j--) {
      const ndr = dr * mr - di * mi + pr;
      const ndi = dr * mi + di * mr + pi;
      dr = ndr;
      di = ndi;
      const npr = pr * mr - pi * mi + CR[j];
      const npi = pr * mi + pi * mr + CI[j];
      pr = npr;
      pi = npi;
    }
    const dd = dr * dr + di * di;
    if (!(dd > 0)) return false;
    const sr = (pr * dr + pi * di) / dd;
    const si = (pi * dr - pr * di) / dd;
    mr -= sr;
    mi -= si;
    if (Math.abs(sr) + Math.abs(si) <= 1e-13 * (Math.abs(mr) + Math.abs(mi))) {
      root.re = mr;
      root.im = mi;
      return Number.isFinite(mr) && Number.isFinite(mi);
    }
  }
  return false;
}

const Y_END = 1e-11;
const STEPS = 24;

/** dm/dz = −(∂P/∂z)/(∂P/∂m) at (m, z), for the Euler predictor; result in `root`. */
function slope(A: Float64Array, zr: number, zi: number, mr: number, mi: number): void {
  // ∂P/∂m from CR/CI (current z) and ∂P/∂z = Σ_j C_j'(z) m^j with C_j' = a1 + 2 a2 z + 3 a3 z².
  const z2r = zr * zr - zi * zi;
  const z2i = 2 * zr * zi;
  let pzr = 0;
  let pzi = 0;
  let pmr = 0;
  let pmi = 0;
  for (let j = 6; j >= 0; j--) {
    const dr = A[4 * j + 1] + 2 * A[4 * j + 2] * zr + 3 * A[4 * j + 3] * z2r;
    const di = 2 * A[4 * j + 2] * zi + 3 * A[4 * j + 3] * z2i;
    const npr = pzr * mr - pzi * mi + dr;
    const npi = pzr * mi + pzi * mr + di;
    pzr = npr;
    pzi = npi;
    if (j > 0) {
      const nmr = pmr * mr - pmi * mi + j * CR[j];
      const nmi = pmr * mi + pmi * mr + j * CI[j];
      pmr = nmr;
      pmi = nmi;
    }
  }
  const dd = pmr * pmr + pmi * pmi;
  root.re = -(pzr * pmr + pzi * pmi) / dd;
  root.im = -(pzi * pmr - pzr * pmi) / dd;
}

/**
 * m(λ + i0⁺) by homotopy: start at z = λ + iY0 on the root nearest −1/z, lower Im z geometrically with an
 * Euler predictor (dm/dz from the implicit function) and a Newton corrector; a step whose corrector moves
 * far from the prediction (a neighbouring root) is halved.
 */
export function stieltjesTracked(A: Float64Array, lambda: number, x: number): { re: number; im: number } {
  const y0 = 10 * (1 + lambda + x);
  const logRatio = Math.log(Y_END / y0);
  const den = lambda * lambda + y0 * y0;
  let mr = -lambda / den;
  let mi = y0 / den;
  coefficientsComplex(A, lambda, y0);
  if (newton(mr, mi, 40)) {
    mr = root.re;
    mi = root.im;
  }
  let y = y0;
  let s = 0; // progress in [0, 1] along log y
  let ds = 1 / STEPS;
  let guard = 0;
  while (s < 1 && guard++ < 2000) {
    const sNext = Math.min(1, s + ds);
    const yNext = y0 * Math.exp(logRatio * sNext);
    // Predictor at the current z (CR/CI hold its coefficients): dz = i (yNext − y).
    slope(A, lambda, y, mr, mi);
    const dy = yNext - y;
    const pr = mr - root.im * dy;
    const pi = mi + root.re * dy;
    const step = Math.hypot(pr - mr, pi - mi);
    coefficientsComplex(A, lambda, yNext);
    if (
      Number.isFinite(pr) &&
      newton(pr, pi, 10) &&
      Math.hypot(root.re - pr, root.im - pi) <= 0.2 * step + 1e-9 * (Math.abs(mr) + Math.abs(mi)) &&
      root.im > -1e-9
    ) {
      mr = root.re;
      mi = root.im;
      s = sNext;
      y = yNext;
      ds = Math.min(ds * 1.4, 1 / STEPS);
    } else {
      coefficientsComplex(A, lambda, y);
      ds *= 0.5;
      if (ds < 1e-7) break;
    }
  }
  return { re: mr, im: mi };
}

/**
 * m(λ + i0⁺) by continuation along λ (the fast path): Newton at z = λ + iY_END from a prediction extrapolated from
 * neighbouring nodes. Accepted only inside the support (Im m > 0) and when the corrector stays close to the
 * prediction compared with the last step and with Im m (the conjugate root lies 2 Im m away); otherwise the
 * homotopy from far above the axis decides. Both paths land on the same root: the test compares them.
 */
function stieltjesContinued(
  A: Float64Array,
  lambda: number,
  predRe: number,
  predIm: number,
  lastStep: number,
): { re: number; im: number } | null {
  if (!(lastStep > 0)) return null;
  coefficientsComplex(A, lambda, Y_END);
  if (!newton(predRe, predIm, 8)) return null;
  const d = Math.hypot(root.re - predRe, root.im - predIm);
  if (d > 0.25 * lastStep + 1e-12 * Math.hypot(root.re, root.im)) return null;
  if (predIm > 0) {
    if (!(root.im > 0) || d > 0.25 * root.im) return null;
  } else {
    if (Math.abs(root.im) > 1e-9 * (1 + Math.abs(root.re))) return null;
    // Outside the support the physical m(λ) = ∫ρ(t)/(t − λ)dt increases with λ; at a band edge it merges with a
    // partner root whose m decreases: refuse a real root that is not increasing.
    const mr = root.re;
    const mi = root.im;
    slope(A, lambda, Y_END, mr, mi);
    if (!(root.re > 0)) return null;
    return { re: mr, im: 0 };
  }
  return { re: root.re, im: root.im };
}

/**
 * The density at increasing (or decreasing) λ along one sweep: continuation from the last two nodes (linear
 * extrapolation in the node index, which is smooth in θ for the band rule), the homotopy where it is refused.
 */
class DensitySweep {
  private pr = NaN; // the root at the last node (coordinate pt)
  private pi = NaN;
  private pt = NaN;
  private qr = NaN; // the node before
  private qi = NaN;
  private qt = NaN;
  homotopies = 0;
  constructor(
    private readonly A: Float64Array,
    private readonly x: number,
    private readonly fast: boolean,
  ) {}
  reset(): void {
    this.pr = this.pi = this.pt = this.qr = this.qi = this.qt = NaN;
  }
  /** ρ(λ); t is the coordinate the root is smooth in (θ of the band rule, or λ itself), for the extrapolation. */
  rho(lambda: number, t = lambda): number {
    let m: { re: number; im: number } | null = null;
    if (this.fast && Number.isFinite(this.qr)) {
      const k = (t - this.pt) / (this.pt - this.qt);
      const er = this.pr + k * (this.pr - this.qr);
      const ei = this.pi + k * (this.pi - this.qi);
      m = stieltjesContinued(this.A, lambda, er, ei, Math.abs(k) * Math.hypot(this.pr - this.qr, this.pi - this.qi));
    }
    if (!m) {
      m = stieltjesTracked(this.A, lambda, this.x);
      this.homotopies++;
    }
    // Inside the support continue the complex root, outside it the real one (a real start stays real under
    // Newton, so it cannot wander onto the spurious complex roots of the gaps); a change of regime restarts.
    const im = m.im > 1e-9 * (1 + Math.abs(m.re)) ? m.im : 0;
    if (Number.isFinite(this.pr) && im > 0 !== this.pi > 0) this.reset();
    this.qr = this.pr;
    this.qi = this.pi;
    this.qt = this.pt;
    this.pr = m.re;
    this.pi = im;
    this.pt = t;
    return (this.fast ? im : Math.max(0, m.im)) / Math.PI;
  }
}

/** Upper end of the spectrum of Y Yᵀ/M with a safety margin (docs/physics/mlp-deep.md §7). */
export function lambdaMaxOf(shape: RectShape, x: number): number {
  const { c, q, r1 } = ratios(shape);
  const s = Math.sqrt(x / q) * (1 + Math.sqrt(r1)) * (1 + Math.sqrt(q)) + 1 + Math.sqrt(c);
  return 1.2 * s * s + 2;
}

export interface RectIntegrals {
  /** ∫ λ ρ³ dλ */
  lrho3: number;
  /** ∫ ρ/λ dλ */
  rhoOverL: number;
  /** ∫ ρ dλ (should be 1) */
  mass: number;
  /** the bracket 1 − (4π²c²/3)∫λρ³ − (1−c)²∫ρ/λ, = x·mmse(x) */
  bracket: number;
}

/** Integrals of the density on λ = λ_max u² (trapezoid in u, n intervals). */
export function rectIntegrals(shape: RectShape, x: number, n = 6000): RectIntegrals {
  const { c } = ratios(shape);
  const A = zCoefficients(shape, x);
  const lmax = lambdaMaxOf(shape, x);
  let lrho3 = 0;
  let rhoOverL = 0;
  let mass = 0;
  for (let i = 1; i <= n; i++) {
    const u = i / n;
    const lambda = lmax * u * u;
    const rho = Math.max(0, stieltjesTracked(A, lambda, x).im) / Math.PI;
    const w = (i === n ? 0.5 : 1) * 2 * lmax * u; // dλ/du; the u = 0 end contributes 0 (ρ/λ · u ~ ρ/u, ρ(0) = 0 for c < 1)
    lrho3 += w * lambda * rho * rho * rho;
    rhoOverL += (w * rho) / lambda;
    mass += w * rho;
  }
  const h = 1 / n;
  lrho3 *= h;
  rhoOverL *= h;
  mass *= h;
  const bracket = 1 - ((4 * Math.PI * Math.PI * c * c) / 3) * lrho3 - (1 - c) * (1 - c) * rhoOverL;
  return { lrho3, rhoOverL, mass, bracket };
}

/** ρ(λ) = Im m(λ + i0⁺)/π. */
function densityAt(A: Float64Array, lambda: number, x: number): number {
  return Math.max(0, stieltjesTracked(A, lambda, x).im) / Math.PI;
}

const SCAN = 300; // coarse scan of the support (on λ = λ_max u²)
const BAND_POINTS = 96; // Gauss–Legendre points in θ per band

/**
 * How the density is evaluated: 'homotopy' tracks every node from far above the axis (the reference path);
 * 'continuation' continues the root from node to node along λ and falls back to the homotopy where the
 * continuation is refused (about 10× fewer operations, same root).
 */
export type Tracking = 'homotopy' | 'continuation';

/**
 * The bands of the support: runs of the coarse scan where ρ > 1e−6 max ρ, each edge refined by bisection.
 * An edge is located to ~(Im z)^{2/3} ≈ 1e−7: the mass left out there is O(δ^{3/2}), negligible.
 */
export function supportBands(
  A: Float64Array,
  x: number,
  lmax: number,
  tracking: Tracking = 'continuation',
): Array<[number, number]> {
  // λ_max u² resolves the signal bulk; the noise bulk (edges (1 ± √c)² ≤ 4 for small x) can sit far below the
  // first of those points when x is large, so a second scan 8u² covers [0, 8] at the same resolution.
  const pts: number[] = [];
  for (let i = 1; i <= SCAN; i++) pts.push(lmax * (i / SCAN) * (i / SCAN));
  const low = Math.min(8, lmax);
  for (let i = 1; i <= SCAN / 3; i++) pts.push(low * ((3 * i) / SCAN) * ((3 * i) / SCAN));
  pts.sort((a, b) => a - b);
  const lam: number[] = [];
  for (const l of pts) if (!lam.length || l > lam[lam.length - 1] * (1 + 1e-12)) lam.push(l);
  const n = lam.length;
  const rho = new Float64Array(n);
  let top = 0;
  // Inside the support where the density per unit log λ, ρ(λ)(λ + 0.1), exceeds 1e−7 of its maximum: a bulk at
  // λ ~ 10⁴ has a density 10⁴ times lower than the noise bulk near 1 and must not fall below the threshold.
  const sweep = new DensitySweep(A, x, tracking === 'continuation');
  for (let i = 0; i < n; i++) {
    rho[i] = sweep.rho(lam[i]) * (lam[i] + 0.1);
    top = Math.max(top, rho[i]);
  }
  const dens = (l: number) => densityAt(A, l, x) * (l + 0.1);
  const thr = 1e-7 * top;
  if (tracking === 'continuation') {
    // A scan point continued as "outside" just before the support starts is checked by the homotopy, walking back
    // until one is confirmed outside (continuation towards an edge may keep a real root a little too long).
    for (let i = n - 1; i > 0; i--) {
      if (!(rho[i] > thr) || rho[i - 1] > thr) continue;
      for (let j = i - 1; j >= 0; j--) {
        rho[j] = dens(lam[j]);
        if (!(rho[j] > thr)) break;
      }
    }
  }
  const inside = (l: number) => dens(l) > thr;
  const edge = (lo: number, hi: number, insideAtHi: boolean): number => {
    for (let k = 0; k < 36 && hi - lo > 1e-11 * hi; k++) {
      const mid = 0.5 * (lo + hi);
      if (inside(mid) === insideAtHi) hi = mid;
      else lo = mid;
    }
    return 0.5 * (lo + hi);
  };
  const bands: Array<[number, number]> = [];
  let start: number | null = rho[0] > thr ? (inside(1e-3 * lam[0]) ? 0 : edge(0, lam[0], true)) : null; // from λ = 0: hard edge (c = 1)
  for (let i = 1; i < n; i++) {
    const was = rho[i - 1] > thr;
    const is = rho[i] > thr;
    if (!was && is) start = edge(lam[i - 1], lam[i], true);
    if (was && !is && start !== null) {
      bands.push([start, edge(lam[i - 1], lam[i], false)]);
      start = null;
    }
  }
  if (start !== null) bands.push([start, lmax]);
  return bands;
}

/**
 * ∫ρ, ∫λρ³, ∫ρ/λ over [a, b] with λ = a + (b − a)(1 − cos θ)/2 and Gauss–Legendre in θ. With continuation the
 * nodes are swept outwards from the middle of the band (where the root is far from its conjugate) to both edges.
 */
function bandSums(
  A: Float64Array,
  x: number,
  a: number,
  b: number,
  points: number,
  tracking: Tracking,
): [number, number, number] {
  const { x: gx, w: gw } = gaussLegendre(points);
  const half = 0.5 * (b - a);
  let mass = 0;
  let lrho3 = 0;
  let rhoOverL = 0;
  const sweep = new DensitySweep(A, x, tracking === 'continuation');
  const mid = points >> 1;
  const order: number[] = [];
  for (let k = mid; k < points; k++) order.push(k);
  order.push(-1); // restart from the middle towards the lower edge
  for (let k = mid - 1; k >= 0; k--) order.push(k);
  for (const k of order) {
    if (k < 0) {
      sweep.reset();
      continue;
    }
    const th = 0.5 * Math.PI * (1 + gx[k]);
    const lambda = a + half * (1 - Math.cos(th));
    const w = 0.5 * Math.PI * gw[k] * half * Math.sin(th); // dλ = half sin θ dθ
    const rho = sweep.rho(lambda, th);
    mass += w * rho;
    lrho3 += w * lambda * rho * rho * rho;
    if (lambda > 0) rhoOverL += (w * rho) / lambda;
  }
  return [mass, lrho3, rhoOverL];
}

/**
 * Integrals of the density band by band, λ = a + (b − a)(1 − cos θ)/2 with Gauss–Legendre in θ: the square-root
 * edges become smooth in θ, so a few hundred evaluations replace thousands on a uniform grid. A band whose
 * mass changes between 48 and `points` nodes (a gap the scan missed, a hard edge) is halved, up to 4 times.
 */
export function rectIntegralsBands(
  shape: RectShape,
  x: number,
  points = BAND_POINTS,
  tracking: Tracking = 'continuation',
): RectIntegrals {
  const { c } = ratios(shape);
  const A = zCoefficients(shape, x);
  const lmax = lambdaMaxOf(shape, x);
  const total = [0, 0, 0];
  const integrate = (a: number, b: number, depth: number): void => {
    const fine = bandSums(A, x, a, b, points, tracking);
    if (depth < 4) {
      const coarse = bandSums(A, x, a, b, points >> 1, tracking);
      if (Math.abs(fine[0] - coarse[0]) > 1e-9) {
        const mid = 0.5 * (a + b);
        integrate(a, mid, depth + 1);
        integrate(mid, b, depth + 1);
        return;
      }
    }
    for (let i = 0; i < 3; i++) total[i] += fine[i];
  };
  for (const [a, b] of supportBands(A, x, lmax, tracking)) integrate(a, b, 0);
  const [mass, lrho3, rhoOverL] = total;
  const bracket = 1 - ((4 * Math.PI * Math.PI * c * c) / 3) * lrho3 - (1 - c) * (1 - c) * rhoOverL;
  return { lrho3, rhoOverL, mass, bracket };
}

/** mmse of the rectangular channel at SNR x > 0 by direct integration of the density. */
export function rectMmseDirect(shape: RectShape, x: number, tracking: Tracking = 'continuation'): number {
  return rectIntegralsBands(shape, x, BAND_POINTS, tracking).bracket / x;
}

/** x·mmse(x) as x → ∞: k1(N + d − k1)/(N d) if k1 < N_s (rank-deficient S), 1 at full rank. */
export function rectTailConstant({ eta, gamma1 }: RectShape): number {
  return gamma1 < Math.min(eta, 1) ? (gamma1 * (eta + 1 - gamma1)) / eta : 1;
}
