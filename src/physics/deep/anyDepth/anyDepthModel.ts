// The any-depth MLP (arXiv 2510.24616; docs/physics/mlp-any-depth.md): its two branches at any α, the spinodal α_sp
// of the specialised branch as the minimum of α along it, and the equilibrium transition α_e where
// f_spec = f_0. The specialised branch is traced in t = x_1 = logit q_1: at fixed t the fixed point gives α
// explicitly from layer 1 and leaves L − 1 equations for the other logits, so the curve α(t) passes the fold
// smoothly and α_sp = min_t α(t) (plain iteration would crawl there; "where 500 sweeps still give q > 0" is
// 1e−3 too low).
import { ParamError } from '../../errors';
import { brent } from '../../numerics/brent';
import { Memo } from '../../numerics/cache';
import type { Convergence, ReadoutLaw, WeightPrior } from '../../types';
import { getLayerActivation } from './layerActivation';
import {
  errorAt,
  fixedPointResidual,
  freeEntropy,
  freeEntropyUninformative,
  logHats,
  sigmoid,
  type NestedModel,
} from './nested';
import { newton } from './newton';

export const MAX_DEPTH = 8;

export interface AnyDepthParams {
  activations: string[]; // one per layer, input side first
  gammas: number[]; // γ_l = k_l/d
  delta: number; // Δ
  readout: ReadoutLaw; // ones or rad: v² = 1 either way
  weights: WeightPrior; // gaussian only
}

/** The parameters of an L-layer network with the same σ and γ in every layer (the paper's setting). */
export function uniformLayers(
  depth: number,
  p: { activation: string; gamma: number; delta: number; readout: ReadoutLaw; weights: WeightPrior },
): AnyDepthParams {
  return {
    activations: new Array<string>(depth).fill(p.activation),
    gammas: new Array<number>(depth).fill(p.gamma),
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
  };
}

export interface AnyDepthSolution extends Convergence {
  branch: 'specialised' | 'universal';
  alpha: number;
  eps: number; // ε_opt = 1 − K
  f: number;
  q: number[]; // layer overlaps, input side first
  x: number[]; // their logits (warm starts)
}

export interface AnyDepthPoint {
  alpha: number;
  equilibrium: 'specialised' | 'universal';
  eq: AnyDepthSolution;
  specialised: AnyDepthSolution | null; // null below α_sp
  universal: AnyDepthSolution;
}

export interface AnyDepthSpinodal extends Convergence {
  alphaSp: number | null; // null where the branch was not found
}

export interface AnyDepthTransition extends Convergence {
  alphaSp: number | null; // where the equilibrium jumps (α_e), the key of the L = 1 transition
  spinodalSpec: number | null; // α_sp
  epsSp: number | null; // ε on the specialised branch at α_e
  alphaMax: number;
}

export interface AnyDepthModel {
  params: AnyDepthParams;
  depth: number;
  universal(alpha: number): AnyDepthSolution;
  specialised(alpha: number, warm?: AnyDepthSolution | null): AnyDepthSolution | null;
  solvePoint(alpha: number, warm?: AnyDepthSolution | null): AnyDepthPoint;
  /** Points along α, each specialised solve warm-started from the previous one. */
  curve(alphas: readonly number[]): AnyDepthPoint[];
  spinodal(): AnyDepthSpinodal;
  transition(alphaMax?: number): AnyDepthTransition;
}

/** Refuses what the theory does not cover (ParamError, one line). */
export function validateAnyDepthParams(p: AnyDepthParams): void {
  const L = p.activations.length;
  if (!(Number.isInteger(L) && L >= 1 && L <= MAX_DEPTH))
    throw new ParamError(`depth must be 1…${MAX_DEPTH}, got ${L}`);
  if (p.gammas.length !== L) throw new ParamError(`${L} layers need ${L} widths γ_l, got ${p.gammas.length}`);
  for (const g of p.gammas)
    if (!(g > 0 && g <= 20)) throw new ParamError(`every width γ_l must lie in (0, 20], got ${g}`);
  if (!(p.delta > 0 && p.delta <= 100)) throw new ParamError(`Δ must lie in (0, 100], got ${p.delta}`);
  if (p.weights !== 'gaussian')
    throw new ParamError(
      `weights ${p.weights} are not settled at depth ${L} (arXiv 2510.24616): the any-depth theory needs Gaussian W`,
    );
  if (p.readout !== 'ones' && p.readout !== 'rad')
    throw new ParamError(`readout ${p.readout} at depth ${L}: the any-depth theory takes v = 1 (ones) or ±1 (rad)`);
}

/** A point of the specialised branch traced in t = logit q_1. */
interface BranchPoint {
  t: number;
  x: number[];
  alpha: number;
  iterations: number;
  residual: number;
}

const START_SWEEPS = 4000;
const MARCH_STEP = 0.5;
const T_TOL = 1e-9;

function maxAbs(v: readonly number[]): number {
  return v.reduce((s, a) => Math.max(s, Math.abs(a)), 0);
}

function buildModel(params: AnyDepthParams): AnyDepthModel {
  validateAnyDepthParams(params);
  const L = params.activations.length;
  const model: NestedModel = {
    layers: params.activations.map(getLayerActivation),
    weights: params.gammas.map((g, l) => g * (l === 0 ? 1 : params.gammas[l - 1])),
    delta: params.delta,
  };
  const f0 = freeEntropyUninformative(params.delta);

  /** The branch at fixed t: Newton on x_2 … x_L, then α from layer 1. Null where it does not converge. */
  const atT = (t: number, warm: readonly number[]): BranchPoint | null => {
    const eqs = (y: number[]): number[] | null => {
      const h = logHats(model, [t, ...y]);
      return h && y.map((yl, i) => yl - t + h[0] - h[i + 1]);
    };
    const r = newton(eqs, warm.slice(1));
    if (!r.converged) return null;
    const x = [t, ...r.y];
    const h = logHats(model, x)!;
    return { t, x, alpha: Math.exp(t - h[0]), iterations: r.iterations, residual: r.residual };
  };

  /** A first point of the branch: iteration from q = 1 at an α where the branch surely exists, Newton finish. */
  const start = (): BranchPoint | null => {
    for (let alpha = 8 * L * Math.max(...model.weights); alpha < 1e6; alpha *= 2) {
      let x = new Array<number>(L).fill(30);
      let ok = true;
      for (let it = 0; it < START_SWEEPS; it++) {
        const r = fixedPointResidual(model, alpha, x);
        if (!r || x.some((v) => v < -40)) {
          ok = false;
          break;
        }
        x = x.map((v, l) => v - r[l]);
        if (maxAbs(r) < 1e-6) break;
      }
      if (!ok) continue;
      const fin = newton((y) => fixedPointResidual(model, alpha, y), x);
      if (fin.converged) return atT(fin.y[0], fin.y);
    }
    return null;
  };

  // The traced upper branch (t descending from the start down to the fold), computed once.
  let traced: { upper: BranchPoint[]; fold: BranchPoint; spinodal: AnyDepthSpinodal } | null = null;
  const trace = () => {
    if (traced) return traced;
    const first = start();
    const fail = (p: BranchPoint | null) => {
      const spinodal = { alphaSp: null, converged: false, iterations: 0, residual: Infinity };
      return { upper: p ? [p] : [], fold: p!, spinodal };
    };
    if (!first) return (traced = fail(null));
    const pts: BranchPoint[] = [first];
    let dt = MARCH_STEP;
    let iterations = 0;
    // March down in t until α turns up: the fold lies between the last three points.
    while (pts.length < 2 || pts[pts.length - 1].alpha < pts[pts.length - 2].alpha) {
      const prev = pts[pts.length - 1];
      const p = atT(prev.t - dt, prev.x);
      iterations++;
      if (!p) {
        dt /= 2;
        if (dt < 1e-3 || iterations > 2000) return (traced = fail(first));
        continue;
      }
      pts.push(p);
    }
    const n = pts.length;
    let lo = pts[n - 1].t;
    let hi = n >= 3 ? pts[n - 3].t : pts[n - 2].t;
    // Golden-section minimum of α(t) on [lo, hi], each point warm-started from the last one.
    const gr = (Math.sqrt(5) - 1) / 2;
    let warm = pts[n - 2].x;
    let ok = true;
    const alphaAt = (t: number): BranchPoint => {
      const p = atT(t, warm);
      iterations++;
      if (!p) {
        ok = false;
        return { t, x: warm, alpha: Infinity, iterations: 0, residual: Infinity };
      }
      warm = p.x;
      return p;
    };
    let a = alphaAt(hi - gr * (hi - lo));
    let b = alphaAt(lo + gr * (hi - lo));
    while (hi - lo > T_TOL && ok) {
      if (a.alpha < b.alpha) {
        hi = b.t;
        b = a;
        a = alphaAt(hi - gr * (hi - lo));
      } else {
        lo = a.t;
        a = b;
        b = alphaAt(lo + gr * (hi - lo));
      }
    }
    const fold = a.alpha < b.alpha ? a : b;
    const upper = pts.filter((p) => p.t > fold.t);
    upper.push(fold);
    const spinodal = { alphaSp: ok ? fold.alpha : null, converged: ok, iterations, residual: fold.residual };
    return (traced = { upper, fold, spinodal });
  };

  const solution = (alpha: number, x: number[], converged: boolean, iterations: number): AnyDepthSolution => {
    const r = fixedPointResidual(model, alpha, x);
    return {
      branch: 'specialised',
      alpha,
      eps: errorAt(model, x),
      f: freeEntropy(model, alpha, x),
      q: x.map(sigmoid),
      x,
      converged: converged && !!r,
      iterations,
      residual: r ? maxAbs(r) : Infinity,
    };
  };

  /** Brent in t for g(point) = 0 on [tLo, tHi], each solve warm-started from the last: the point (null if none). */
  const rootAlongBranch = (g: (p: BranchPoint) => number, tLo: number, tHi: number, start: readonly number[]) => {
    let warm = start;
    let iterations = 0;
    const root = brent(
      (t) => {
        const p = atT(t, warm);
        iterations++;
        if (!p) return NaN;
        warm = p.x;
        return g(p);
      },
      tLo,
      tHi,
      1e-13,
    );
    return { p: root.converged ? atT(root.x, warm) : null, iterations };
  };

  /** The upper-branch point with α(t) = alpha by Brent in t (robust up to the fold), from the traced points. */
  const byContinuation = (alpha: number): AnyDepthSolution | null => {
    const { upper, fold } = trace();
    let above = upper.find((p) => p.alpha >= alpha) ?? null;
    // Beyond the traced points: march up in t until α passes alpha.
    let top = upper[0];
    for (let k = 0; !above && k < 200; k++) {
      const p = atT(top.t + 1, top.x);
      if (!p) return null;
      upper.unshift(p);
      top = p;
      if (p.alpha >= alpha) above = p;
    }
    if (!above) return null;
    const { p, iterations } = rootAlongBranch((q) => q.alpha - alpha, fold.t, above.t, above.x);
    return p && solution(alpha, p.x, true, iterations);
  };

  const specialised = (alpha: number, warm?: AnyDepthSolution | null): AnyDepthSolution | null => {
    const { upper, fold, spinodal } = trace();
    if (spinodal.alphaSp === null || alpha < spinodal.alphaSp) return null;
    const seed =
      warm?.branch === 'specialised'
        ? warm.x
        : upper.reduce((b, p) => (Math.abs(p.alpha - alpha) < Math.abs(b.alpha - alpha) ? p : b)).x;
    const r = newton((y) => fixedPointResidual(model, alpha, y), seed);
    // Newton may land on the lower (unstable) branch near the fold: then continue along t instead.
    if (r.converged && r.y[0] >= fold.t) return solution(alpha, r.y, true, r.iterations);
    return byContinuation(alpha) ?? solution(alpha, r.y, false, r.iterations);
  };

  const universal = (alpha: number): AnyDepthSolution => ({
    branch: 'universal',
    alpha,
    eps: 1,
    f: f0,
    q: new Array<number>(L).fill(0),
    x: new Array<number>(L).fill(-Infinity),
    converged: true,
    iterations: 0,
    residual: 0,
  });

  const solvePoint = (alpha: number, warm?: AnyDepthSolution | null): AnyDepthPoint => {
    if (!(alpha > 0)) throw new ParamError(`α must be > 0, got ${alpha}`);
    const spec = specialised(alpha, warm);
    const uni = universal(alpha);
    const eqSpec = spec !== null && spec.f > f0;
    return {
      alpha,
      equilibrium: eqSpec ? 'specialised' : 'universal',
      eq: eqSpec ? spec : uni,
      specialised: spec,
      universal: uni,
    };
  };

  const transition = (alphaMax = 16 * L): AnyDepthTransition => {
    const { upper, fold, spinodal } = trace();
    const none = { alphaSp: null, spinodalSpec: spinodal.alphaSp, epsSp: null, alphaMax };
    if (spinodal.alphaSp === null || spinodal.alphaSp > alphaMax) return { ...none, ...spinodal, spinodalSpec: null };
    const gap = (p: BranchPoint) => freeEntropy(model, p.alpha, p.x) - f0;
    const result = (p: BranchPoint, iterations: number, converged: boolean): AnyDepthTransition => ({
      alphaSp: p.alpha,
      spinodalSpec: spinodal.alphaSp,
      epsSp: errorAt(model, p.x),
      alphaMax,
      converged: converged && spinodal.converged,
      iterations: spinodal.iterations + iterations,
      residual: Math.max(spinodal.residual, p.residual),
    });
    if (gap(fold) >= 0) return result(fold, 0, true); // the branch wins as soon as it exists
    // Bracket the sign change of f_spec − f_0 along the traced points (t increasing from the fold), extending them.
    let lower = fold;
    let upperPt: BranchPoint | null = null;
    for (let i = upper.length - 2; i >= 0 && !upperPt; i--) {
      if (gap(upper[i]) > 0) upperPt = upper[i];
      else lower = upper[i];
    }
    for (let k = 0; !upperPt && k < 200; k++) {
      const p = atT(lower.t + 1, lower.x);
      if (!p || p.alpha > alphaMax) return { ...none, converged: !!p, iterations: 0, residual: 0 };
      upper.unshift(p);
      if (gap(p) > 0) upperPt = p;
      else lower = p;
    }
    if (!upperPt) return { ...none, converged: false, iterations: 0, residual: Infinity };
    const { p, iterations } = rootAlongBranch(gap, lower.t, upperPt.t, lower.x);
    if (!p) return { ...none, converged: false, iterations, residual: Infinity };
    if (p.alpha > alphaMax) return { ...none, converged: true, iterations, residual: 0 };
    return result(p, iterations, true);
  };

  const curve = (alphas: readonly number[]): AnyDepthPoint[] => {
    let prev: AnyDepthSolution | null = null;
    let before: AnyDepthSolution | null = null;
    return alphas.map((a) => {
      // Warm start extrapolated linearly in α from the two previous specialised points.
      let warm = prev;
      if (prev && before && prev.alpha !== before.alpha) {
        const r = (a - prev.alpha) / (prev.alpha - before.alpha);
        warm = { ...prev, x: prev.x.map((v, l) => v + r * (v - before!.x[l])) };
      }
      const pt = solvePoint(a, warm);
      before = pt.specialised && prev;
      prev = pt.specialised;
      return pt;
    });
  };

  return {
    params,
    depth: L,
    universal,
    specialised,
    solvePoint,
    curve,
    spinodal: () => trace().spinodal,
    transition,
  };
}

const models = new Memo<string, AnyDepthModel>(16);

/** The model for these parameters, cached (tables and the traced branch are shared). */
export function getAnyDepthModel(params: AnyDepthParams): AnyDepthModel {
  const key = JSON.stringify([params.activations, params.gammas, params.delta, params.readout, params.weights]);
  return models.get(key, () => buildModel(params));
}
