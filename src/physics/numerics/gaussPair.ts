// Two-dimensional Gaussian quadrature: E f(z, z') with corr(z, z') = q, as z' = q z + √(1−q²) ξ, by composite
// Gauss–Legendre (outer panels graded towards the images of the kinks, so that q → 1 keeps full accuracy) or by
// product Gauss–Hermite for smooth f.
import { Memo } from './cache';
import { gaussHermite, gaussLegendre, type QuadratureRule } from './gaussHermite';
import {
  gaussRule,
  panelEdges,
  panelPoints,
  resolve,
  ruleOnEdges,
  type GaussRuleOptions,
  type ResolvedOptions,
} from './gaussRule';
import { normalPdf } from './normal';

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
    for (let p = 0; p + 1 < edges.length; p++)
      first[p + 1] = first[p] + panelPoints(edges[p], edges[p + 1], o.points, o.tailTolerance);
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
