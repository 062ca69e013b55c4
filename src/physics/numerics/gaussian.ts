// Gaussian expectations of possibly non-smooth functions, error function and normal law.
// Composite Gauss–Legendre panels with edges at the kinks integrate piecewise-smooth functions to ~1e−13.

import { Memo } from './cache';
import { gaussHermite, gaussLegendre, type QuadratureRule } from './gaussHermite';

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

// ---------------------------------------------------------------------------------------------
// erf / erfc: W. J. Cody, "Rational Chebyshev approximations for the error function",
// Math. Comp. 23 (1969) 631–637 (netlib specfun CALERF), relative error ≲ 1e−16 (erfc to 1e−15).
const A = [3.1611237438705656, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.635138197400131, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
const P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.587491615298378e-4, 0.016315387137302097];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
const INV_SQRT_PI = 0.5641895835477563; // 1/√π

/** erfc(y) for y > 0.46875, without cancellation (Cody's two outer ranges). */
function erfcLarge(y: number): number {
  let r: number;
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    r = (num + C[7]) / (den + D[7]);
  } else {
    if (y >= 26.6) return 0; // erfc underflows
    const ysq = 1 / (y * y);
    let num = P[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * ysq;
      den = (den + Q[i]) * ysq;
    }
    r = (ysq * (num + P[4])) / (den + Q[4]);
    r = (INV_SQRT_PI - r) / y;
  }
  // e^{−y²} split as e^{−t²}·e^{−(y−t)(y+t)}, t = y rounded to 1/16, to keep full relative precision.
  const t = Math.trunc(y * 16) / 16;
  return Math.exp(-t * t) * Math.exp(-(y - t) * (y + t)) * r;
}

/** Small-argument erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const ysq = x * x;
  let num = A[4] * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * ysq;
    den = (den + B[i]) * ysq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  if (!(y === y)) return NaN;
  const r = 0.5 - erfcLarge(y) + 0.5;
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  if (!(y === y)) return NaN;
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}

/** Φ(x) = P(z ≤ x), accurate in relative terms in the lower tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

// ---------------------------------------------------------------------------------------------
// Composite Gauss–Legendre rules for E over N(0,1).

export interface GaussRuleOptions {
  /** Points where the integrand has a kink or jump (in it or its derivative); panel edges are put there. Default [0]. */
  breakpoints?: readonly number[];
  /** Truncation: the integral runs over [−L, L]. Default 12 (φ(12) ≈ 2e−32). */
  L?: number;
  /** Width of the regular panels (edges at multiples of it, so 0 is always an edge). Default 1. */
  panelWidth?: number;
  /** Gauss–Legendre points in a panel of full Gaussian mass; tail panels get fewer. Default 20. */
  points?: number;
  /**
   * Absolute error aimed at in a panel, relative to the panel's Gaussian mass: tail panels get fewer points.
   * Default 1e−21, which leaves room for f growing like z⁶ (Hermite coefficients up to ℓ = 6).
   */
  tailTolerance?: number;
}

interface ResolvedOptions {
  breakpoints: readonly number[];
  L: number;
  panelWidth: number;
  points: number;
  tailTolerance: number;
}

const DEFAULTS: ResolvedOptions = { breakpoints: [0], L: 12, panelWidth: 1, points: 20, tailTolerance: 1e-21 };

function resolve(opts: GaussRuleOptions = {}): ResolvedOptions {
  const r: ResolvedOptions = {
    breakpoints: opts.breakpoints ?? DEFAULTS.breakpoints,
    L: opts.L ?? DEFAULTS.L,
    panelWidth: opts.panelWidth ?? DEFAULTS.panelWidth,
    points: opts.points ?? DEFAULTS.points,
    tailTolerance: opts.tailTolerance ?? DEFAULTS.tailTolerance,
  };
  if (!(r.L > 0) || !(r.panelWidth > 0) || !Number.isInteger(r.points) || r.points < 2 || !(r.tailTolerance > 0)) {
    throw new RangeError(`gaussian rule: bad options L=${r.L}, panelWidth=${r.panelWidth}, points=${r.points}`);
  }
  return r;
}

/**
 * Points for a panel [a, b]: fewer where the Gaussian mass is tiny, since a panel's absolute error scales
 * with its mass; `full` points give ~16 digits relative to the mass.
 */
function panelPoints(a: number, b: number, full: number, tol: number): number {
  const mass = a >= 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  const digits = Math.log10(Math.max(mass, 1e-300) / tol);
  return Math.min(full, Math.max(4, Math.ceil((full * digits) / 16)));
}

/** Sorted, deduplicated panel edges on [−L, L]: multiples of panelWidth plus the extra points inside. */
function panelEdges(L: number, width: number, extra: readonly number[]): number[] {
  const edges: number[] = [];
  const k = Math.ceil(L / width - 1e-9);
  for (let i = -k; i <= k; i++) edges.push(Math.max(-L, Math.min(L, i * width)));
  for (const c of extra) if (c > -L && c < L) edges.push(c);
  edges.sort((p, q) => p - q);
  const out: number[] = [edges[0]];
  for (let i = 1; i < edges.length; i++) if (edges[i] - out[out.length - 1] > 1e-13) out.push(edges[i]);
  return out;
}

/** Growable pair of Float64Arrays (nodes, weights). */
class RuleBuffer {
  x = new Float64Array(256);
  w = new Float64Array(256);
  n = 0;
  push(x: number, w: number): void {
    if (this.n === this.x.length) {
      const x2 = new Float64Array(2 * this.n);
      const w2 = new Float64Array(2 * this.n);
      x2.set(this.x);
      w2.set(this.w);
      this.x = x2;
      this.w = w2;
    }
    this.x[this.n] = x;
    this.w[this.n] = w;
    this.n++;
  }
  /** Gauss–Legendre nodes of [a, b], weights times φ. */
  panel(a: number, b: number, full: number, tol: number): void {
    const m = panelPoints(a, b, full, tol);
    const gl = gaussLegendre(m);
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    for (let i = 0; i < m; i++) {
      const x = mid + half * gl.x[i];
      this.push(x, half * gl.w[i] * normalPdf(x));
    }
  }
  rule(): QuadratureRule {
    return { x: this.x.slice(0, this.n), w: this.w.slice(0, this.n) };
  }
}

function ruleOnEdges(edges: readonly number[], o: ResolvedOptions): QuadratureRule {
  const buf = new RuleBuffer();
  for (let i = 0; i + 1 < edges.length; i++) buf.panel(edges[i], edges[i + 1], o.points, o.tailTolerance);
  return buf.rule();
}

const rules = new Memo<string, QuadratureRule>(64);

/** Composite rule with Σ w f(x) ≈ E_{z~N(0,1)} f(z) (weights include the density). Cached by options. */
export function gaussRule(opts?: GaussRuleOptions): QuadratureRule {
  const o = resolve(opts);
  const key = `${o.L}|${o.panelWidth}|${o.points}|${o.tailTolerance}|${o.breakpoints.join(',')}`;
  return rules.get(key, () => ruleOnEdges(panelEdges(o.L, o.panelWidth, o.breakpoints), o));
}

/** E_{z~N(0,1)} f(z), f piecewise smooth with kinks only at opts.breakpoints (default [0]). */
export function gaussExpect(f: (z: number) => number, opts?: GaussRuleOptions): number {
  const { x, w } = gaussRule(opts);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i] * f(x[i]);
  return s;
}

/**
 * Quadrature for E f(z, z') with corr(z, z') = q: outer nodes z_i (weights wz_i, density included) and,
 * for each, inner nodes z'_j = q z_i + √(1−q²) ξ_j with weights wy_j (and ξ_j if `xi` is given) written
 * by `inner` into caller scratch arrays of length ≥ maxInner (no allocation per outer node).
 */
export interface PairQuadrature {
  z: Float64Array;
  wz: Float64Array;
  maxInner: number;
  inner(i: number, y: Float64Array, wy: Float64Array, xi?: Float64Array): number;
}

/**
 * Outer panel edges. The inner ξ-integral smooths a kink at c into a bump of width s/|q| around
 * z = c/q; geometric grading towards it keeps full accuracy as q → 1 (s → 0).
 */
function outerEdges(o: ResolvedOptions, q: number, s: number): number[] {
  const extra: number[] = [...o.breakpoints];
  if (q !== 0) {
    const scale = s / Math.abs(q);
    for (const c of o.breakpoints) {
      const centre = c / q;
      extra.push(centre);
      for (let h = scale; h < o.panelWidth; h *= 2) extra.push(centre - h, centre + h);
    }
  }
  return panelEdges(o.L, o.panelWidth, extra);
}

/** Keep nodes x ≥ 0 with doubled weights (x > 0) when `half`. */
function outerNodes(r: QuadratureRule, half: boolean): { z: Float64Array; wz: Float64Array } {
  if (!half) return { z: r.x, wz: r.w };
  const keep: number[] = [];
  for (let i = 0; i < r.x.length; i++) if (r.x[i] >= 0) keep.push(i);
  const z = new Float64Array(keep.length);
  const wz = new Float64Array(keep.length);
  keep.forEach((i, k) => {
    z[k] = r.x[i];
    wz[k] = r.x[i] > 0 ? 2 * r.w[i] : r.w[i];
  });
  return { z, wz };
}

/** q = ±1: z' = ±z exactly, a 1-D expectation. */
function degenerateQuadrature(q: number, r: QuadratureRule, half: boolean): PairQuadrature {
  const { z, wz } = outerNodes(r, half);
  return {
    z,
    wz,
    maxInner: 1,
    inner(i, y, wy, xi) {
      y[0] = q * z[i];
      wy[0] = 1;
      if (xi) xi[0] = 0;
      return 1;
    },
  };
}

function checkCorrelation(q: number): void {
  if (!(Math.abs(q) <= 1)) throw new RangeError(`pair quadrature: correlation q must lie in [−1, 1], got ${q}`);
}

interface BasePanels {
  edges: number[];
  first: Int32Array; // index of each panel's first node in the base rule
  rule: QuadratureRule;
}
const bases = new Memo<string, BasePanels>(32);

function basePanels(o: ResolvedOptions): BasePanels {
  const key = `${o.L}|${o.panelWidth}|${o.points}|${o.tailTolerance}`;
  return bases.get(key, () => {
    const edges = panelEdges(o.L, o.panelWidth, []);
    const first = new Int32Array(edges.length);
    for (let p = 0; p + 1 < edges.length; p++) first[p + 1] = first[p] + panelPoints(edges[p], edges[p + 1], o.points, o.tailTolerance);
    return { edges, first, rule: gaussRule({ ...o, breakpoints: [] }) };
  });
}

/** Gauss–Legendre nodes of [a, b] mapped to z' = qz + sξ, weights times φ(ξ), from index n; returns the new count. */
function writePanel(
  a: number,
  b: number,
  o: ResolvedOptions,
  qz: number,
  s: number,
  y: Float64Array,
  wy: Float64Array,
  xiOut: Float64Array | undefined,
  n: number,
): number {
  const m = panelPoints(a, b, o.points, o.tailTolerance);
  const gl = gaussLegendre(m);
  const mid = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  for (let k = 0; k < m; k++) {
    const xi = mid + half * gl.x[k];
    y[n] = qz + s * xi;
    wy[n] = half * gl.w[k] * normalPdf(xi);
    if (xiOut) xiOut[n] = xi;
    n++;
  }
  return n;
}

/**
 * Composite quadrature for E f(z, z'), f piecewise smooth with kinks (in each argument) only at
 * opts.breakpoints: panel edges at the kinks in z, and in ξ where q z + √(1−q²) ξ hits a kink.
 * With `half`, only outer nodes z ≥ 0 are kept, with doubled weights: exact for integrands with
 * f(−z, −z') = f(z, z') when the breakpoints are symmetric about 0.
 */
export function gaussPairQuadrature(q: number, opts?: GaussRuleOptions, half = false): PairQuadrature {
  checkCorrelation(q);
  const o = resolve(opts);
  if (half && !o.breakpoints.every((c) => o.breakpoints.some((d) => Math.abs(c + d) < 1e-12))) {
    throw new RangeError('gaussPairQuadrature: half needs breakpoints symmetric about 0');
  }
  const s = Math.sqrt((1 - q) * (1 + q));
  if (s === 0) return degenerateQuadrature(q, gaussRule(o), half);
  const { z, wz } = outerNodes(ruleOnEdges(outerEdges(o, q, s), o), half);
  const base = basePanels(o);
  const { edges, first } = base;
  const bx = base.rule.x;
  const bw = base.rule.w;
  const nb = o.breakpoints.length;
  const cuts = new Float64Array(nb);
  return {
    z,
    wz,
    maxInner: bx.length + nb * o.points,
    inner(i, y, wy, xiOut) {
      const qz = q * z[i];
      // Inner kinks: q z + s ξ = c.
      let nc = 0;
      for (let k = 0; k < nb; k++) {
        const xi = (o.breakpoints[k] - qz) / s;
        if (xi > -o.L && xi < o.L) cuts[nc++] = xi;
      }
      if (nc > 1) cuts.subarray(0, nc).sort();
      let n = 0;
      let k = 0;
      for (let p = 0; p + 1 < edges.length; p++) {
        const a = edges[p];
        const b = edges[p + 1];
        if (k < nc && cuts[k] < b) {
          // Split this panel at the kinks inside it.
          let left = a;
          while (k < nc && cuts[k] < b) {
            if (cuts[k] - left > 1e-13) n = writePanel(left, cuts[k], o, qz, s, y, wy, xiOut, n);
            left = Math.max(left, cuts[k]);
            k++;
          }
          if (b - left > 1e-13) n = writePanel(left, b, o, qz, s, y, wy, xiOut, n);
        } else {
          for (let j = first[p]; j < first[p + 1]; j++) {
            y[n] = qz + s * bx[j];
            wy[n] = bw[j];
            if (xiOut) xiOut[n] = bx[j];
            n++;
          }
        }
      }
      return n;
    },
  };
}

/**
 * Product Gauss–Hermite quadrature (n nodes per dimension): far cheaper than the composite one for
 * smooth f whose complex singularities lie far from the real axis (sigmoid, softplus), useless at kinks.
 */
export function gaussHermitePairQuadrature(q: number, n: number, half = false): PairQuadrature {
  checkCorrelation(q);
  const gh = gaussHermite(n);
  const s = Math.sqrt((1 - q) * (1 + q));
  if (s === 0) return degenerateQuadrature(q, gh, half);
  const { z, wz } = outerNodes(gh, half);
  return {
    z,
    wz,
    maxInner: n,
    inner(i, y, wy, xi) {
      const qz = q * z[i];
      for (let j = 0; j < n; j++) {
        y[j] = qz + s * gh.x[j];
        wy[j] = gh.w[j];
      }
      if (xi) xi.set(gh.x);
      return n;
    },
  };
}

/** Σ_i wz_i Σ_j wy_j f(z_i, z'_j) over a pair quadrature. */
export function pairSum(pq: PairQuadrature, f: (z: number, zp: number) => number): number {
  const y = new Float64Array(pq.maxInner);
  const wy = new Float64Array(pq.maxInner);
  let total = 0;
  for (let i = 0; i < pq.z.length; i++) {
    const zi = pq.z[i];
    const n = pq.inner(i, y, wy);
    let inner = 0;
    for (let j = 0; j < n; j++) inner += wy[j] * f(zi, y[j]);
    total += pq.wz[i] * inner;
  }
  return total;
}

/**
 * E f(z, z') over standard Gaussians with corr(z, z') = q ∈ [−1, 1], f piecewise smooth with kinks
 * (in each argument) only at opts.breakpoints (default [0]). q = ±1 is the exact 1-D limit.
 */
export function gaussExpect2(f: (z: number, zp: number) => number, q: number, opts?: GaussRuleOptions): number {
  return pairSum(gaussPairQuadrature(q, opts), f);
}
