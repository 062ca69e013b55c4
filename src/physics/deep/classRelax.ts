// Relaxation of single s classes of the L = 2 saddle point with everything else frozen (mlp-deep.md equations).
// A class i owns Q1(s_i) and the column Q2(·, s_i); the others reach it only through D, g⁽²⁾'(inner_v), W_R(v)
// (sums in which it carries weight P_s(s_i) ≈ 1/50). Iterating its own (1 + V)-dimensional map costs O(V) instead
// of the O(V S) of a full step, so a class that has to fall (or rise) through its own jump does so here, and the
// full iteration only settles the weak coupling. The map is cooperative, so relaxing a class from above ends on
// its largest fixed point below the start under the frozen surroundings, which is where the full iteration goes.

import { overlapW } from '../priors';
import { evaluateConjugates, evaluatePrimal, newEval, type DeepEval, type DeepState, type DeepSystem } from './deepSaddle';

export interface ClassRelaxResult {
  /** classes whose local map had not settled within the budget */
  unsettled: number;
}

/**
 * Relaxes, in place, each class of `classes` (all classes with a local residual above `minMove` when omitted) by
 * iterating its own map under the surroundings evaluated at x, to |ΔQ| < tol or maxIt steps.
 */
export function relaxClasses(sys: DeepSystem, alpha: number, x: DeepState, opts: { classes?: number[]; minMove?: number; tol?: number; maxIt?: number; ev?: DeepEval } = {}): ClassRelaxResult {
  const ev = opts.ev ?? newEval(sys);
  evaluatePrimal(sys, x, ev);
  evaluateConjugates(sys, alpha, x, ev);
  const { s2, v2, pv, mu1b, gamma1, gamma2, prior } = sys;
  const S = s2.length;
  const V = v2.length;
  const D = ev.D;
  const g2p = new Float64Array(V);
  for (let v = 0; v < V; v++) g2p[v] = sys.g2p(ev.inner[v]);
  const tol = opts.tol ?? 1e-7;
  const maxIt = opts.maxIt ?? 2000;
  const minMove = opts.minMove ?? 1e-3;
  const q2 = new Float64Array(V);
  let unsettled = 0;
  const relax = (i: number): void => {
    let q = x.Q1[i];
    for (let v = 0; v < V; v++) q2[v] = x.Q2[v * S + i];
    for (let it = 0; it < maxIt; it++) {
      const g = q === 0 ? 0 : sys.g1(q);
      const gp = q === 0 ? 0 : sys.g1p(q);
      let a = 0;
      let b = 0;
      let move = 0;
      for (let v = 0; v < V; v++) {
        const qh2 = ((alpha / (gamma1 * gamma2)) * v2[v] * g2p[v] * g) / D + (ev.WR[v] / gamma1) * q;
        const nq2 = overlapW(prior, qh2);
        move = Math.max(move, Math.abs(nq2 - q2[v]));
        q2[v] = nq2;
        a += pv[v] * v2[v] * g2p[v] * nq2;
        b += pv[v] * ev.WR[v] * nq2;
      }
      const nq = sys.quenched ? 1 : overlapW(prior, ((alpha / gamma1) * (mu1b * mu1b * s2[i] * gp + gp * a)) / D + (gamma2 / gamma1) * b);
      move = Math.max(move, Math.abs(nq - q));
      q = nq;
      if (move < tol) break;
      if (it === maxIt - 1) unsettled++;
    }
    x.Q1[i] = q;
    for (let v = 0; v < V; v++) x.Q2[v * S + i] = q2[v];
  };
  if (opts.classes) for (const i of opts.classes) relax(i);
  else {
    // The classes that would move most under one full step.
    const out = { Q1: new Float64Array(S), Q2: new Float64Array(V * S), Q21: new Float64Array(V) };
    for (let i = 0; i < S; i++) out.Q1[i] = sys.quenched ? 1 : overlapW(prior, ev.Q1hat[i]);
    for (let k = 0; k < V * S; k++) out.Q2[k] = overlapW(prior, ev.Q2hat[k]);
    for (let i = 0; i < S; i++) {
      let r = Math.abs(out.Q1[i] - x.Q1[i]);
      for (let v = 0; v < V; v++) r = Math.max(r, Math.abs(out.Q2[v * S + i] - x.Q2[v * S + i]));
      if (r > minMove) relax(i);
    }
  }
  return { unsettled };
}
