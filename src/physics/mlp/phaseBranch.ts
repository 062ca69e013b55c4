// Branch continuation for the phase diagrams: one stationary point of the shallow-MLP RS equations
// (mlp-shallow.md §5) followed in α by Newton's method on G(Q) = m_W(Q̂(Q)) − Q, for one readout class
// (homogeneous |v|: `ones`, `rad`). Newton converges quadratically from a warm start at a neighbouring α
// (the plain fixed point of shallow.ts slows down near spinodals, exactly where the lines are).
// A root with G'(Q) ≥ 0 is unstable under the fixed-point map (the middle branch of an S-curve) and is
// rejected: the stable branches end at folds (spinodals), where G' = 0.

import { overlapW } from '../priors';
import type { BranchSolution } from '../types';
import { conjugateQ, evaluate, solveFromStart, type Evaluation, type ShallowSystem } from './shallow';

const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: 0, mS: 0, D: 1, eps: 0, innerOk: true };
const qBuf = new Float64Array(1);
/** 1 − Q below this: the specialised branch is saturated at Q = 1 to float64 accuracy. */
export const SATURATED = 1e-6;
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
export function newtonBranch(sys: ShallowSystem, alpha: number, q0: number, r0: number, tol = 1e-12): NewtonResult | null {
  if (sys.v2.length !== 1) throw new Error('newtonBranch handles one readout class');
  let q = Math.min(1 - 1e-15, Math.max(1e-9, q0));
  let r = r0;
  for (let it = 0; it < 40; it++) {
    const a = residual(sys, alpha, q, r);
    if (!a.ok || !Number.isFinite(a.g)) return null;
    r = a.r;
    const h = 1e-7 * Math.max(q, 1e-3);
    const qh = q - h > 0 ? q - h : q + h;
    const b = residual(sys, alpha, qh, r);
    const slope = (b.g - a.g) / (qh - q);
    // Saturation: for binary W at large α, 1 − Q ~ e^{−Q̂/2} drowns in the cancellation m_S − E v²Q² (G is
    // float64 noise once 1 − Q ≲ 1e−7); Q within SATURATED of 1 is accepted (ε, f exact to ~1e−6·g'(1)).
    const saturated = 1 - q < SATURATED && a.g > -SATURATED;
    if (Math.abs(a.g) < tol || saturated) {
      if (saturated) {
        const sol = solveFromStart(sys, alpha, Float64Array.of(q), r, { tol: 1, maxIter: 1 });
        return { sol: { ...sol, converged: sol.converged && sol.residual < 1e-6 }, slope: -1 };
      }
      if (!(slope < 0)) return null; // unstable root (or fold): not a continuable stable branch
      const sol = solveFromStart(sys, alpha, Float64Array.of(q), r, { tol: 10 * tol, maxIter: 50 });
      return sol.converged && sol.Q[0] > 0 ? { sol, slope } : null;
    }
    if (!Number.isFinite(slope) || slope === 0) return null;
    let next = q - a.g / slope;
    // Safeguard: stay inside (0, 1] and move at most 0.2 per step (continuation steps are small).
    if (next - q > 0.2) next = q + 0.2;
    if (q - next > 0.2) next = q - 0.2;
    if (next <= 0) next = 0.5 * q;
    if (next > 1) next = 0.5 * (q + 1);
    q = next;
  }
  return null;
}
