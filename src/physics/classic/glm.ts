// Teacher–student GLM / perceptron in the Bayes-optimal setting (Barbier, Krzakala, Macris, Miolane,
// Zdeborová, arXiv 1708.03395; docs/physics/classic.md §1). One overlap q; state evolution (= GAMP's)
//   q̂ = α E_ξ∫dy Z_out g_out²,   ρ − q = mmse(q̂),
// and the RS free entropy f_RS = Ψ_P0(q̂) + αΨ_out(q) − qq̂/2. Everything is written in e = ρ − q (the MSE),
// so that convergence and errors keep their relative accuracy as q → ρ.
import { makeChannel, type GlmChannel, type GlmChannelName } from './glmChannels';
import { makePrior, priorState, type GlmPrior, type GlmPriorName, type PriorOptions } from './glmPriors';
import { bisect } from '../numerics/bisect';
import { brent } from '../numerics/brent';
import { maximise } from '../numerics/maximise';

export interface GlmParams extends PriorOptions {
  prior: GlmPriorName;
  channel: GlmChannelName;
  /** Noise variance Δ of the channel (probit, linear, relu). */
  delta: number;
}

export interface GlmModel {
  params: GlmParams;
  prior: GlmPrior;
  channel: GlmChannel;
}

export function makeGlm(params: GlmParams): GlmModel {
  return { params, prior: makePrior(params.prior, params), channel: makeChannel(params.channel, params.delta) };
}

/** One fixed point of state evolution. */
export interface GlmBranch {
  q: number;
  /** ρ − q. */
  mse: number;
  qhat: number;
  f: number;
  eps: number;
  epsGibbs: number;
  converged: boolean;
  iterations: number;
  /** |e' − e| / max(e, tiny) at the returned point. */
  residual: number;
}

export type BranchName = 'uninformed' | 'informed';

export interface GlmPoint {
  alpha: number;
  /** From q = (E w)² (what AMP reaches from a random start). */
  uninformed: GlmBranch;
  /** From q ≈ ρ. */
  informed: GlmBranch;
  /** The branch with the larger f_RS (uninformed on ties). */
  equilibrium: BranchName;
  /** The two branches are distinct fixed points. */
  coexist: boolean;
}

/** q̂ at overlap q = ρ − e. */
export function qhatOf(m: GlmModel, alpha: number, e: number): number {
  if (alpha === 0) return 0;
  return alpha * m.channel.fisher(m.prior.rho - e, m.prior.rho, e);
}

/** One state-evolution step in e = ρ − q. */
export function seMap(m: GlmModel, alpha: number, e: number): number {
  return priorState(m.prior, qhatOf(m, alpha, e)).mse;
}

/**
 * f_RS at (q, q̂) away from the fixed point (for the stationarity test): Ψ_P0(q̂) + αΨ_out(q) − qq̂/2,
 * assembled as [Ψ_P0 − ρq̂/2] + eq̂/2 + αΨ_out to avoid cancelling two terms of size q̂.
 */
export function freeEntropy(m: GlmModel, alpha: number, e: number, qhat: number): number {
  const ps = priorState(m.prior, qhat);
  const rho = m.prior.rho;
  const out = alpha === 0 ? 0 : alpha * m.channel.psi(rho - e, rho, e);
  if (qhat === Infinity) return e === 0 ? ps.psiCentred + out : -Infinity;
  return ps.psiCentred + 0.5 * e * qhat + out;
}

function branchAt(
  m: GlmModel,
  alpha: number,
  e: number,
  converged: boolean,
  iterations: number,
  residual: number,
): GlmBranch {
  const rho = m.prior.rho;
  const qhat = e === 0 ? Infinity : qhatOf(m, alpha, e);
  let f: number;
  if (e === 0) f = m.prior.discrete && m.channel.noiseless ? m.prior.perfectEntropy : -Infinity;
  else f = freeEntropy(m, alpha, e, qhat);
  const err = m.channel.errors(rho - e, rho, e);
  return { q: rho - e, mse: e, qhat, f, eps: err.eps, epsGibbs: err.epsGibbs, converged, iterations, residual };
}

const TOL = 1e-12;
const MAX_ITER = 5000;

/**
 * Fixed point of the monotone map e → seMap(e) reached by iterating from e0 (which the iterates approach
 * monotonically, so no fixed point is skipped). A secant step tries to bracket the fixed point ahead of the
 * iterates; Brent finishes inside a verified bracket, which removes most of the critical slowing down.
 */
export function iterateBranch(m: GlmModel, alpha: number, e0: number): GlmBranch {
  const map = (e: number) => seMap(m, alpha, e);
  let e = e0;
  let prevE = NaN;
  let prevD = NaN;
  for (let it = 1; it <= MAX_ITER; it++) {
    const next = map(e);
    const d = next - e;
    if (next === 0 || next < 1e-300) return branchAt(m, alpha, 0, true, it, 0);
    if (Math.abs(d) <= TOL * Math.max(next, 1e-300)) return branchAt(m, alpha, next, true, it, Math.abs(d) / next);
    if (Number.isFinite(prevD) && prevD !== d) {
      const slope = (d - prevD) / (e - prevE);
      const target = e - d / slope;
      // Only ahead of the iterates, in the direction they move.
      if (slope < 0 && Number.isFinite(target) && (target - next) * d > 0 && target > 0 && target <= m.prior.rho) {
        const dt = map(target) - target;
        const dn = map(next) - next;
        if (dt * dn < 0) {
          const r = brent(
            (x) => map(x) - x,
            Math.min(next, target),
            Math.max(next, target),
            1e-15 * Math.max(next, target),
          );
          if (r.converged) {
            const x = r.x;
            return branchAt(m, alpha, x, true, it + r.iterations, Math.abs(map(x) - x) / Math.max(x, 1e-300));
          }
        }
      }
    }
    prevE = e;
    prevD = d;
    e = next;
  }
  const last = map(e);
  return branchAt(m, alpha, last, false, MAX_ITER, Math.abs(last - e) / Math.max(last, 1e-300));
}

/** Start of the informed branch: e tiny but > 0 (e = 0 is a spurious fixed point of noiseless channels). */
const informedStart = (m: GlmModel) => 1e-12 * m.prior.rho;
const uninformedStart = (m: GlmModel) => m.prior.rho - m.prior.qMin;

export interface WarmStart {
  uninformed?: number; // e of the uninformed branch at a smaller α
  informed?: number; // e of the informed branch at a larger α
}

/** Both branches at α (warm starts are used only where they keep the iterates monotone). */
export function solveGlmPoint(m: GlmModel, alpha: number, warm: WarmStart = {}): GlmPoint {
  const map = (e: number) => seMap(m, alpha, e);
  let eu = uninformedStart(m);
  if (warm.uninformed !== undefined && warm.uninformed > 0 && map(warm.uninformed) <= warm.uninformed)
    eu = warm.uninformed;
  let ei = informedStart(m);
  if (warm.informed !== undefined && warm.informed > ei && map(warm.informed) >= warm.informed) ei = warm.informed;
  const uninformed = iterateBranch(m, alpha, eu);
  const informed = iterateBranch(m, alpha, ei);
  const coexist = Math.abs(uninformed.mse - informed.mse) > 1e-7 * m.prior.rho;
  const equilibrium: BranchName = coexist && informed.f > uninformed.f ? 'informed' : 'uninformed';
  return { alpha, uninformed, informed, equilibrium, coexist };
}

/** Both branches on a grid of α (any order): uninformed swept upwards, informed downwards, each warm-started. */
export function glmCurve(m: GlmModel, alphas: readonly number[], shouldStop?: () => boolean): GlmPoint[] {
  const order = alphas.map((a, i) => [a, i] as const).sort((p, q) => p[0] - q[0]);
  const unf: GlmBranch[] = new Array(alphas.length);
  const inf: GlmBranch[] = new Array(alphas.length);
  let warm: number | undefined;
  for (const [a, i] of order) {
    if (shouldStop?.()) return [];
    const map = (e: number) => seMap(m, a, e);
    const start = warm !== undefined && warm > 0 && map(warm) <= warm ? warm : uninformedStart(m);
    unf[i] = iterateBranch(m, a, start);
    warm = unf[i].mse;
  }
  warm = undefined;
  for (let k = order.length - 1; k >= 0; k--) {
    if (shouldStop?.()) return [];
    const [a, i] = order[k];
    const map = (e: number) => seMap(m, a, e);
    const start = warm !== undefined && warm > informedStart(m) && map(warm) >= warm ? warm : informedStart(m);
    inf[i] = iterateBranch(m, a, start);
    warm = inf[i].mse;
  }
  return alphas.map((alpha, i) => {
    const coexist = Math.abs(unf[i].mse - inf[i].mse) > 1e-7 * m.prior.rho;
    return {
      alpha,
      uninformed: unf[i],
      informed: inf[i],
      equilibrium: coexist && inf[i].f > unf[i].f ? 'informed' : 'uninformed',
      coexist,
    };
  });
}

export interface GlmThresholds {
  /** Information-theoretic threshold: f_RS of the two branches cross (first-order transition). */
  alphaIT: number | null;
  /** Algorithmic threshold: the uninformed branch (AMP from a random start) jumps to the informed one. */
  alphaAMP: number | null;
  /** Where the informed branch appears (0⁺ for noiseless discrete priors), null if not in the range. */
  alphaInformed: number | null;
  converged: boolean;
  note?: string;
}

/**
 * α_IT and α_AMP located robustly (docs/physics/classic.md §1, numerics (5)): a coarse scan finds where the branches coexist; α_AMP is
 * where the positive bump of D(e) = seMap(e) − e below the uninformed fixed point closes (the saddle-node of
 * the uninformed and middle fixed points), found by bisection on max D > 0 over a fixed e-window; α_IT is the
 * root of f_unf − f_inf by Brent. No long iterations at the spinodal.
 */
export function glmThresholds(m: GlmModel, alphaMax = 10, scan = 80): GlmThresholds {
  const h = alphaMax / scan;
  const grid = Array.from({ length: scan }, (_, i) => (i + 1) * h);
  const pts = glmCurve(m, grid);
  const first = pts.findIndex((p) => p.coexist);
  if (first < 0)
    return {
      alphaIT: null,
      alphaAMP: null,
      alphaInformed: null,
      converged: true,
      note: `no first-order transition for α ≤ ${alphaMax}`,
    };
  let last = first;
  while (last + 1 < pts.length && pts[last + 1].coexist) last++;
  if (last === pts.length - 1)
    return {
      alphaIT: null,
      alphaAMP: null,
      alphaInformed: null,
      converged: false,
      note: `the branches still coexist at α = ${alphaMax}: raise alphaMax`,
    };

  // α_AMP: e-window between the middle (unstable) and the uninformed fixed points at aLo.
  const aLo = pts[last].alpha;
  const aHi = pts[last + 1].alpha;
  const e1 = pts[last].uninformed.mse;
  const eInf = pts[last].informed.mse;
  const dLo = (e: number) => seMap(m, aLo, e) - e;
  let eMid = eInf;
  {
    // D < 0 just above the informed point and > 0 just below the uninformed one: find the sign change.
    const a = eInf + 1e-9 * (e1 - eInf);
    const b = e1 - 1e-6 * (e1 - eInf);
    if (dLo(a) < 0 && dLo(b) > 0) {
      const r = brent(dLo, a, b, 1e-14 * e1);
      if (r.converged) eMid = r.x;
    }
  }
  const bump = (alpha: number) => maximise((e) => seMap(m, alpha, e) - e, eMid, e1, 24).value;
  let ok = bump(aLo) > 0 && bump(aHi) <= 0;
  const { lo, hi } = ok ? bisect((a) => !(bump(a) > 0), aLo, aHi, 1e-9, 60) : { lo: aLo, hi: aHi };
  const alphaAMP = ok ? 0.5 * (lo + hi) : aHi;

  // α_IT: f_unf − f_inf changes sign in the coexistence range.
  const df = (alpha: number) => {
    const p = solveGlmPoint(m, alpha);
    return p.uninformed.f - p.informed.f;
  };
  let alphaIT: number | null = null;
  for (let i = first; i <= last; i++) {
    const d1 = pts[i].uninformed.f - pts[i].informed.f;
    const d2 = i < last ? pts[i + 1].uninformed.f - pts[i + 1].informed.f : df(lo);
    const b = i < last ? pts[i + 1].alpha : lo;
    if (d1 >= 0 && d2 < 0) {
      const r = brent(df, pts[i].alpha, b, 1e-10);
      ok = ok && r.converged;
      alphaIT = r.converged ? r.x : null;
      break;
    }
  }
  let alphaInformed: number | null = first === 0 ? 0 : null;
  if (first > 0) {
    // The informed branch appears between the grid points first−1 and first: bisection on coexistence.
    const { lo: a, hi: b } = bisect(
      (alpha) => solveGlmPoint(m, alpha).coexist,
      pts[first - 1].alpha,
      pts[first].alpha,
      1e-8,
      40,
    );
    alphaInformed = 0.5 * (a + b);
  }
  return { alphaIT, alphaAMP, alphaInformed, converged: ok };
}
