// Relaxation of single s classes of the L = 2 saddle point with everything else frozen (docs/physics/mlp-deep.md §5).
// A class i owns Q1(s_i) and the column Q2(·, s_i); the others reach it only through D, g⁽²⁾'(inner_v), W_R(v)
// (sums in which it carries weight P_s(s_i) ≈ 1/50). Iterating its own (1 + V)-dimensional map costs O(V) instead
// of the O(V S) of a full step, so a class that has to fall (or rise) through its own jump does so here, and the
// full iteration only settles the weak coupling. The map is cooperative, so relaxing a class from above ends on
// its largest fixed point below the start under the frozen surroundings, which is where the full iteration goes.

import { overlapW } from '../priors';
import {
  evaluateConjugates,
  evaluatePrimal,
  newEval,
  wrOf,
  type DeepEval,
  type DeepState,
  type DeepSystem,
} from './deepSaddle';

export interface ClassRelaxResult {
  /** classes whose local map had not settled within the budget */
  unsettled: number;
}

/**
 * Relaxes, in place, each class of `classes` (all classes with a local residual above `minMove` when omitted) by
 * iterating its own map under the surroundings evaluated at x, to |ΔQ| < tol or maxIt steps.
 */
export function relaxClasses(
  sys: DeepSystem,
  alpha: number,
  x: DeepState,
  opts: { classes?: number[]; minMove?: number; tol?: number; maxIt?: number; ev?: DeepEval } = {},
): ClassRelaxResult {
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
      const nq = sys.quenched
        ? 1
        : overlapW(prior, ((alpha / gamma1) * (mu1b * mu1b * s2[i] * gp + gp * a)) / D + (gamma2 / gamma1) * b);
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

/**
 * The same for readout classes: class v owns Q2:1(v) and the row Q2(v, ·) and sees the rest only through D (and the
 * given Q1). Only classes of weight P_v ≤ 0.1 are relaxed (with one or two readout classes the "rest" is everything).
 */
export function relaxReadouts(
  sys: DeepSystem,
  alpha: number,
  x: DeepState,
  opts: { minMove?: number; tol?: number; maxIt?: number; ev?: DeepEval } = {},
): void {
  const { s2, ps, v2, pv, mu1a, gamma1, gamma2, prior } = sys;
  const S = s2.length;
  const V = v2.length;
  if (!pv.some((p) => p <= 0.1)) return;
  const ev = opts.ev ?? newEval(sys);
  evaluatePrimal(sys, x, ev);
  evaluateConjugates(sys, alpha, x, ev);
  const D = ev.D;
  const tol = opts.tol ?? 1e-7;
  const maxIt = opts.maxIt ?? 2000;
  const minMove = opts.minMove ?? 1e-3;
  const g1 = new Float64Array(S);
  for (let i = 0; i < S; i++) g1[i] = x.Q1[i] === 0 ? 0 : sys.g1(x.Q1[i]);
  for (let v = 0; v < V; v++) {
    if (pv[v] > 0.1) continue;
    const den = sys.den[v];
    const row = v * S;
    // One full step's move of this class decides whether it is relaxed.
    let move = Math.abs(1 - den.mmse(ev.tau[v] + ev.Q21hat[v]) - x.Q21[v]);
    for (let i = 0; i < S; i++) move = Math.max(move, Math.abs(overlapW(prior, ev.Q2hat[row + i]) - x.Q2[row + i]));
    if (!(move > minMove)) continue;
    let q21 = x.Q21[v];
    for (let it = 0; it < maxIt; it++) {
      let T = 0;
      let G = 0;
      for (let i = 0; i < S; i++) {
        T += ps[i] * x.Q2[row + i] * x.Q1[i];
        G += ps[i] * x.Q2[row + i] * g1[i];
      }
      const tau = den.inverse(1 - T);
      const g2p = sys.g2p(mu1a * mu1a * q21 + G);
      const qh = ((alpha / gamma2) * mu1a * mu1a * v2[v] * g2p) / D;
      const wr = wrOf(den, tau, qh);
      const n21 = 1 - den.mmse(tau + qh);
      let step = Math.abs(n21 - q21);
      q21 = n21;
      const c = ((alpha / (gamma1 * gamma2)) * v2[v] * g2p) / D;
      for (let i = 0; i < S; i++) {
        const nq = overlapW(prior, c * g1[i] + (wr / gamma1) * x.Q1[i]);
        step = Math.max(step, Math.abs(nq - x.Q2[row + i]));
        x.Q2[row + i] = nq;
      }
      if (step < tol) break;
    }
    x.Q21[v] = q21;
  }
}
