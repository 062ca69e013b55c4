// Gaussian expectations E_{z~N(0,1)} f(z) of possibly non-smooth f: composite Gauss–Legendre panels on [−L, L]
// with edges at the kinks (and at multiples of a panel width), fewer points on the tail panels where φ is small;
// piecewise-smooth functions integrate to ~1e−13.
import { Memo } from './cache';
import { gaussLegendre, type QuadratureRule } from './gaussHermite';
import { normalCdf, normalPdf } from './normal';

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

export interface ResolvedOptions {
  breakpoints: readonly number[];
  L: number;
  panelWidth: number;
  points: number;
  tailTolerance: number;
}

const DEFAULTS: ResolvedOptions = { breakpoints: [0], L: 12, panelWidth: 1, points: 20, tailTolerance: 1e-21 };

export function resolve(opts: GaussRuleOptions = {}): ResolvedOptions {
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
export function panelPoints(a: number, b: number, full: number, tol: number): number {
  const mass = a >= 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  const digits = Math.log10(Math.max(mass, 1e-300) / tol);
  return Math.min(full, Math.max(4, Math.ceil((full * digits) / 16)));
}

/** Sorted, deduplicated panel edges on [−L, L]: multiples of panelWidth plus the extra points inside. */
export function panelEdges(L: number, width: number, extra: readonly number[]): number[] {
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

export function ruleOnEdges(edges: readonly number[], o: ResolvedOptions): QuadratureRule {
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
