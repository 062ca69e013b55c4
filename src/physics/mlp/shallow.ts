// RS saddle-point equations and free entropy of the shallow MLP (L = 1) near interpolation
// (arXiv 2510.24616, Result for L = 1; docs/physics/mlp-shallow.md §5). Pure float64; no allocation in the inner loops.
//
// Unknowns: Q(v) per readout class (classes = distinct v², since the equations see v only through v²).
// Given Q: τ = m_S⁻¹(E v²Q²); R̂2 solves R̂2 = αμ2²/D(R̂2) (1-D, safeguarded Newton);
// Q̂(v) = (1/γ) v² Q [m_S(τ+R̂2) − E v²Q²]/m_S'(τ) + (α/γ) v² g'(Q)/D;  Q ← m_W(Q̂).

import { AndersonMixer } from '../numerics/anderson';
import type { SpectralTable } from '../spectralTable';
import { freeEntropyW, overlapW } from '../priors';
import type { BranchSolution, WeightPrior } from '../types';

/** Everything the equations need, fixed along an ε(α) curve. */
export interface ShallowSystem {
  gamma: number;
  delta: number;
  prior: WeightPrior;
  mu2sq: number; // μ2²
  g1: number; // g(1)
  g: (q: number) => number;
  gPrime: (q: number) => number;
  rho2: number; // ρ2 = 1 + γ (E v)²
  v2: Float64Array; // distinct v² of the readout classes
  pv: Float64Array; // class probabilities
  table: SpectralTable;
}

/** Order parameters evaluated at a given Q (a point of the outer map). */
export interface Evaluation {
  M: number; // E v² Q²
  tau: number;
  G: number; // E v² g(Q)
  R2hat: number;
  mS: number; // m_S(τ + R̂2)
  D: number; // Δ + K_d − K*
  eps: number; // K_d − K*
  innerOk: boolean;
}

const mEv = { v: 0, d: 0 };

/** Solves R̂2 = αμ2²/(Δ + (μ2²/2) mmse_S(τ + R̂2) + g1 − G) for R̂2 ≥ 0 (increasing right-hand side). */
export function solveR2hat(
  sys: ShallowSystem,
  alpha: number,
  tau: number,
  G: number,
  guess: number,
): { r: number; ok: boolean } {
  const { mu2sq, delta, g1, table } = sys;
  if (mu2sq === 0 || alpha === 0) return { r: 0, ok: true };
  const base = delta + g1 - G;
  const c = alpha * mu2sq;
  const half = 0.5 * mu2sq;
  // h(r) = r − c/den(r) < 0 at r = 0 and ≥ 0 at r = c/base: a bracket for safeguarded Newton.
  let lo = 0;
  let hi = base > 0 ? c / base : Infinity;
  let r = guess > 0 && guess < hi ? guess : 0;
  for (let it = 0; it < 200; it++) {
    table.evalMS(tau + r, mEv);
    const den = base + half * (1 - mEv.v);
    const h = r - c / den;
    if (h < 0) lo = r;
    else hi = r;
    if (Math.abs(h) <= 1e-13 * (1 + r)) return { r, ok: true };
    const dh = 1 - (c * half * mEv.d) / (den * den);
    let next = r - h / dh;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : 2 * r + 1;
    if (Math.abs(next - r) <= 1e-15 * (1 + r)) return { r: next, ok: true };
    r = next;
  }
  return { r, ok: Number.isFinite(hi) && hi - lo < 1e-9 * (1 + r) };
}

/** Evaluates the order parameters at Q (per class). */
export function evaluate(sys: ShallowSystem, alpha: number, Q: Float64Array, r0: number, out: Evaluation): void {
  const { v2, pv, table, mu2sq, g1, delta } = sys;
  let M = 0;
  let G = 0;
  for (let c = 0; c < v2.length; c++) {
    M += pv[c] * v2[c] * Q[c] * Q[c];
    G += pv[c] * v2[c] * sys.g(Q[c]);
  }
  const tau = table.mSInverse(M);
  const { r, ok } = solveR2hat(sys, alpha, tau, G, r0);
  const mS = table.mS(tau + r);
  const eps = 0.5 * mu2sq * (1 - mS) + g1 - G;
  out.M = M;
  out.tau = tau;
  out.G = G;
  out.R2hat = r;
  out.mS = mS;
  out.eps = eps;
  out.D = delta + eps;
  out.innerOk = ok;
}

/** Q̂(v) from the stationarity in Q (docs/physics/mlp-shallow.md §5). */
export function conjugateQ(
  sys: ShallowSystem,
  alpha: number,
  Q: Float64Array,
  ev: Evaluation,
  Qhat: Float64Array,
): void {
  const { v2, gamma } = sys;
  // [m_S(τ + R̂2) − m_S(τ)]/m_S'(τ) with m_S(τ) = M; from mmse differences, so it stays accurate as Q → 1.
  const matrix = ev.M > 0 ? sys.table.gain(ev.tau, ev.R2hat) : 0;
  for (let c = 0; c < v2.length; c++) {
    Qhat[c] = (v2[c] * Q[c] * matrix) / gamma + (alpha * v2[c] * sys.gPrime(Q[c])) / (gamma * ev.D);
  }
}

/** E_v[ψ_W(Q̂) − ½ Q Q̂] over the readout classes. */
function readoutEntropy(sys: ShallowSystem, Q: Float64Array, Qhat: Float64Array): number {
  const { v2, pv, prior } = sys;
  let ps = 0;
  for (let c = 0; c < v2.length; c++) ps += pv[c] * (freeEntropyW(prior, Qhat[c]) - 0.5 * Q[c] * Qhat[c]);
  return ps;
}

/**
 * f_RS from its ingredients: D = Δ + K_d − K*, ρ2 − R2, R̂2, τ and ps = E_v[ψ_W(Q̂) − ½ Q Q̂]
 * (docs/physics/mlp-shallow.md §5; the readout continuum, readoutContinuum.ts, passes its own ps).
 */
export function freeEntropyFrom(
  sys: ShallowSystem,
  alpha: number,
  D: number,
  rho2MinusR2: number,
  R2hat: number,
  tau: number,
  ps: number,
): number {
  return (
    -0.5 * Math.log(2 * Math.PI * Math.E * D) +
    (rho2MinusR2 * R2hat) / (4 * alpha) +
    (sys.gamma / alpha) * ps +
    -sys.table.iotaDrop(tau, R2hat) / alpha
  );
}

/** RS free entropy per sample at a stationary point, where ρ2 − R2 = mmse_S(τ + R̂2). */
export function freeEntropy(
  sys: ShallowSystem,
  alpha: number,
  Q: Float64Array,
  Qhat: Float64Array,
  ev: Evaluation,
): number {
  return freeEntropyFrom(sys, alpha, ev.D, 1 - ev.mS, ev.R2hat, ev.tau, readoutEntropy(sys, Q, Qhat));
}

/**
 * f_RS as an explicit function of all order parameters (R2, R̂2, Q, Q̂), τ = m_S⁻¹(E v²Q²):
 * its gradient vanishes exactly at the stationary points (used by tests to check the equations).
 */
export function freeEntropyOf(
  sys: ShallowSystem,
  alpha: number,
  R2: number,
  R2hat: number,
  Q: Float64Array,
  Qhat: Float64Array,
): number {
  const { v2, pv, table, mu2sq, g1, delta, rho2 } = sys;
  let M = 0;
  let G = 0;
  for (let c = 0; c < v2.length; c++) {
    M += pv[c] * v2[c] * Q[c] * Q[c];
    G += pv[c] * v2[c] * sys.g(Q[c]);
  }
  const D = delta + 0.5 * mu2sq * (rho2 - R2) + g1 - G;
  return freeEntropyFrom(sys, alpha, D, rho2 - R2, R2hat, table.mSInverse(M), readoutEntropy(sys, Q, Qhat));
}

export interface SolveOptions {
  tol?: number;
  maxIter?: number;
  /** Stationary points already found: stop early (returning null) once the iterate comes within 1e−6 of one. */
  known?: readonly BranchSolution[];
}

/**
 * Solves the saddle-point equations from the start Q0 by a damped fixed point with Anderson acceleration.
 * Returns the stationary point with its free entropy and convergence report.
 */
export function solveFromStart(
  sys: ShallowSystem,
  alpha: number,
  Q0: Float64Array,
  r0?: number,
  opts?: SolveOptions & { known?: undefined },
): BranchSolution;
export function solveFromStart(
  sys: ShallowSystem,
  alpha: number,
  Q0: Float64Array,
  r0: number,
  opts: SolveOptions,
): BranchSolution | null;
export function solveFromStart(
  sys: ShallowSystem,
  alpha: number,
  Q0: Float64Array,
  r0 = 0,
  opts: SolveOptions = {},
): BranchSolution | null {
  const K = sys.v2.length;
  const tol = opts.tol ?? 1e-11;
  const maxIter = opts.maxIter ?? 4000;
  const Q = Float64Array.from(Q0);
  const Qhat = new Float64Array(K);
  const res = new Float64Array(K);
  const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: r0, mS: 0, D: 1, eps: 0, innerOk: true };
  // Anderson acceleration on the residual F(Q) − Q, memory min(4, K + 2).
  const mixer = new AndersonMixer(K, Math.min(4, K + 2), 1e-12);
  const next = new Float64Array(K);
  let residual = Infinity;
  let it = 0;
  let eta = 1; // damping of the plain step
  let lastResidual = Infinity;
  for (; it < maxIter; it++) {
    evaluate(sys, alpha, Q, ev.R2hat, ev);
    conjugateQ(sys, alpha, Q, ev, Qhat);
    residual = 0;
    for (let c = 0; c < K; c++) {
      res[c] = overlapW(sys.prior, Qhat[c]) - Q[c];
      // Relative to 1 − Q near Q = 1 (binary W at large α): ε ∝ 1 − Q there, so an absolute test would freeze it.
      residual = Math.max(residual, Math.abs(res[c]) / Math.min(1, Math.max(1 - Q[c], 1e-4)));
    }
    if (residual < tol) break;
    // A start heading into a known stationary point adds nothing: stop (plain iteration is linear, so this
    // saves most of its iterations when warm starts already found the branch).
    if (opts.known && residual < 1e-3) {
      for (const k of opts.known) {
        let d = 0;
        for (let c = 0; c < K; c++) d = Math.max(d, Math.abs(Q[c] - k.Q[c]));
        if (d < 1e-6) return null;
      }
    }
    if (residual > lastResidual * 1.5) {
      // Acceleration misbehaved: restart it and damp.
      mixer.restart();
      eta = Math.max(0.2, eta * 0.5);
    }
    lastResidual = residual;
    mixer.push(Q, res);
    // Plain iteration first: it converges to the branch that the start lies on (stable under the map);
    // Anderson only polishes near convergence, because from far away it also finds unstable points (Q = 0).
    if (residual < 1e-4 && mixer.solve(res)) mixer.mixInto(Q, res, eta, next);
    else for (let c = 0; c < K; c++) next[c] = Q[c] + eta * res[c];
    for (let c = 0; c < K; c++) Q[c] = Math.min(1, Math.max(0, next[c]));
  }
  // Final consistent evaluation at the returned Q.
  evaluate(sys, alpha, Q, ev.R2hat, ev);
  conjugateQ(sys, alpha, Q, ev, Qhat);
  const f = freeEntropy(sys, alpha, Q, Qhat, ev);
  let maxQ = 0;
  for (let c = 0; c < K; c++) maxQ = Math.max(maxQ, Q[c]);
  return {
    kind: maxQ > 0 ? 'specialised' : 'universal',
    eps: ev.eps,
    f,
    R2: sys.rho2 - 1 + ev.mS,
    R2hat: ev.R2hat,
    tau: ev.tau,
    Q: Array.from(Q),
    Qhat: Array.from(Qhat),
    converged: residual < tol * 10 && ev.innerOk && Number.isFinite(f),
    iterations: it,
    residual,
  };
}

/** The universal branch Q ≡ 0 (τ = 0): a 1-D equation for R̂2 (docs/physics/mlp-shallow.md §6). */
export function solveUniversal(sys: ShallowSystem, alpha: number, r0 = 0): BranchSolution {
  const K = sys.v2.length;
  const Q = new Float64Array(K);
  const Qhat = new Float64Array(K);
  const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: r0, mS: 0, D: 1, eps: 0, innerOk: true };
  evaluate(sys, alpha, Q, r0, ev);
  const f = freeEntropy(sys, alpha, Q, Qhat, ev);
  return {
    kind: 'universal',
    eps: ev.eps,
    f,
    R2: sys.rho2 - 1 + ev.mS,
    R2hat: ev.R2hat,
    tau: 0,
    Q: Array.from(Q),
    Qhat: Array.from(Qhat),
    converged: ev.innerOk && Number.isFinite(f),
    iterations: 1,
    residual: 0,
  };
}
