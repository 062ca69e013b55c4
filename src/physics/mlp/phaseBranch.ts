// Branch continuation for the phase diagrams: one stationary point of the shallow-MLP RS equations
// (docs/physics/mlp-shallow.md §5) followed in α by Newton's method on G(Q) = m_W(Q̂(Q)) − Q, for one readout class
// (homogeneous |v|: `ones`, `rad`). Newton converges quadratically from a warm start at a neighbouring α
// (the plain fixed point of shallow.ts slows down near spinodals, exactly where the lines are).
// A root with G'(Q) ≥ 0 is unstable under the fixed-point map (the middle branch of an S-curve) and is
// rejected: the stable branches end at folds (spinodals), where G' = 0.

import { overlapW } from '../priors';
import type { BranchSolution } from '../types';
import { conjugateQ, evaluate, solveFromStart, type Evaluation, type ShallowSystem } from './shallow';

const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: 0, mS: 0, D: 1, eps: 0, innerOk: true };
const qBuf = new Float64Array(1);
/**
 * 1 − Q below this: the specialised branch is taken as saturated at Q = 1. G is float64 noise from 1 − Q ≈ 1e−7
 * on and Newton fails to converge somewhat earlier (spurious folds at 1 − Q ≈ 1e−6 were seen for h23, binary W).
 */
export const SATURATED = 1e-5;
const qhatBuf = new Float64Array(1);

/** G(Q) = m_W(Q̂(Q)) − Q for a single readout class; R̂2 warm-started from `r`. */
function residual(sys: ShallowSystem, alpha: number, q: number, r: number): { g: number; r: number; ok: boolean } {
  qBuf[0] = q;
  evaluate(sys, alpha, qBuf, r, ev);
  conjugateQ(sys, alpha, qBuf, ev, qhatBuf);
  return { g: overlapW(sys.prior, qhatBuf[0]) - q, r: ev.R2hat, ok: ev.innerOk };
}

export interface NewtonResult {
  sol: BranchSolution;
  /** G'(Q) at the root: < 0 means stable under the fixed-point map. */
  slope: number;
}

/**
 * Solves G(Q) = 0 by safeguarded Newton from q0 (one class). Returns null when it does not converge, leaves (0, 1],
 * or ends on an unstable root. The returned BranchSolution is assembled by shallow.ts (same f, ε, residual).
 */
export function newtonBranch(
  sys: ShallowSystem,
  alpha: number,
  q0: number,
  r0: number,
  tol = 1e-12,
): NewtonResult | null {
  if (sys.v2.length !== 1) throw new Error('newtonBranch handles one readout class');
  let q = Math.min(1 - 1e-15, Math.max(1e-9, q0));
  let r = r0;
  // Bracket of a stable root (G > 0 below it, G < 0 above): bisection takes over where Newton misbehaves, e.g.
  // at λ_max of a spectral table, where the tail C/λ joins the spline with a jump in m_S' (a jump in Q̂).
  let lo = -Infinity;
  let hi = Infinity;
  let plain = 0;
  const accept = (qa: number, slope: number): NewtonResult | null => {
    const sol = solveFromStart(sys, alpha, Float64Array.of(qa), r, { tol: 10 * tol, maxIter: 50 });
    return sol.converged && sol.Q[0] > 0 ? { sol, slope } : null;
  };
  for (let it = 0; it < 80; it++) {
    const a = residual(sys, alpha, q, r);
    if (!a.ok || !Number.isFinite(a.g)) return null;
    r = a.r;
    // Saturation: for binary W at large α, 1 − Q ~ e^{−Q̂/2} drowns in the cancellation m_S − E v²Q² (G is
    // float64 noise once 1 − Q ≲ 1e−7); Q within SATURATED of 1 is accepted (ε, f exact to ~1e−5·g'(1)).
    if (1 - q < SATURATED && a.g > -SATURATED) {
      const sol = solveFromStart(sys, alpha, Float64Array.of(q), r, { tol: 1, maxIter: 1 });
      return { sol: { ...sol, converged: sol.converged && sol.residual < 1e-6 }, slope: -1 };
    }
    if (a.g > 0) lo = Math.max(lo, q);
    else hi = Math.min(hi, q);
    const h = 1e-7 * Math.max(q, 1e-3);
    const qh = q - h > 0 ? q - h : q + h;
    const b = residual(sys, alpha, qh, r);
    const slope = (b.g - a.g) / (qh - q);
    if (Math.abs(a.g) < tol) return slope < 0 ? accept(q, slope) : null; // G' ≥ 0: unstable root (or fold)
    if (hi > lo && hi - lo < 1e-13 * (1 + hi)) {
      // G jumps across zero here (the table's seam): the jump point is the stationary point to ~1e−13 in Q; its
      // residual is the size of the jump, reported as is.
      const sol = solveFromStart(sys, alpha, Float64Array.of(0.5 * (lo + hi)), r, { tol: 1, maxIter: 1 });
      return { sol: { ...sol, converged: sol.residual < 1e-5 && Number.isFinite(sol.f) }, slope: -1 };
    }
    let next = Number.isFinite(slope) && slope !== 0 ? q - a.g / slope : NaN;
    // Safeguards: at most 0.2 per step (continuation steps are small), inside (0, 1], inside the bracket.
    if (next - q > 0.2) next = q + 0.2;
    if (q - next > 0.2) next = q - 0.2;
    if (next <= 0) next = 0.5 * q;
    if (next > 1) next = 0.5 * (q + 1);
    // Towards a stable root a step goes the way G points; else bisect the bracket, or take the plain
    // fixed-point step q + G while the bracket is one-sided (a finite difference across a seam can point wrong).
    if (!(next > lo && next < hi) || !Number.isFinite(next) || (next - q) * a.g < 0) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = 0.5 * (lo + hi);
      else if (++plain > 4)
        return null; // no bracket in sight: past a fold, not a seam
      else next = Math.min(1 - 1e-15, Math.max(1e-9, q + a.g));
    }
    q = next;
  }
  return null;
}
