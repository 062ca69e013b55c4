// RS saddle-point equations and free entropy of the two-hidden-layer MLP (L = 2) near interpolation
// (arXiv 2510.24616, Result 3 / appendix C; docs/physics/mlp-deep.md §§2–5). Pure float64, no allocation in the iteration.
//
// Unknowns: Q1(s) on the folded effective-readout grid (s = W⁽²⁾ᵀv/√k2 enters only through s²), Q2(v, s) and
// Q2:1(v) per readout atom v. Prefactors as in docs/physics/mlp-deep.md §6: (μ1⁽¹⁾)² in Q̂2:1, α/γ1 in both
// terms of Q̂1, and ½ ln(1 + Q̂2:1(1 − T)) in the scalar channel's ι-difference (all checked by ∂f = 0 tests).

import type { AndersonMixer } from '../numerics/anderson';
import { freeEntropyW, overlapW } from '../priors';
import type { WeightPrior } from '../types';
import type { Denoiser } from './denoiser';

/** Everything the equations need, fixed along an ε(α) curve. */
export interface DeepSystem {
  gamma1: number; // γ1 = k1/d
  gamma2: number; // γ2 = k2/d
  delta: number;
  prior: WeightPrior; // P_W of both layers
  quenched: boolean; // first layer given: Q1 ≡ 1
  mu1a: number; // μ1⁽¹⁾
  mu1b: number; // μ1⁽²⁾
  g1: (q: number) => number; // g⁽¹⁾
  g1p: (q: number) => number;
  g2: (q: number) => number; // g⁽²⁾
  g2p: (q: number) => number;
  Kd: number; // K_d
  s2: Float64Array; // s² of the folded s classes
  ps: Float64Array; // their probabilities (Σ ps s² = 1)
  v2: Float64Array; // v² of the readout atoms
  pv: Float64Array;
  den: Denoiser[]; // mmse_v per atom (η_v = γ2 P_v(v))
  /** Last g⁽¹⁾(Q1), g⁽¹⁾'(Q1) per s class (filled by evaluatePrimal). */
  memo?: { q: Float64Array; g: Float64Array; gp: Float64Array };
  /** Anderson history reused by every solve on this system (solves never nest; reset at each start). */
  mixer?: AndersonMixer;
}

/** A point of the order-parameter space: Q1 (S), Q2 (V × S, row-major by v), Q2:1 (V). */
export interface DeepState {
  Q1: Float64Array;
  Q2: Float64Array;
  Q21: Float64Array;
}

/** Derived quantities at a state (scratch reused across iterations). */
export interface DeepEval {
  T: Float64Array; // T_v = E_s[Q2 Q1]
  inner: Float64Array; // inner_v = μ1⁽¹⁾² Q2:1 + E_s[Q2 g⁽¹⁾(Q1)]
  tau: Float64Array;
  Q21hat: Float64Array;
  WR: Float64Array;
  Q1hat: Float64Array;
  Q2hat: Float64Array;
  Kstar: number;
  D: number;
  eps: number;
}

export function newState(sys: DeepSystem): DeepState {
  const S = sys.s2.length;
  const V = sys.v2.length;
  return { Q1: new Float64Array(S), Q2: new Float64Array(V * S), Q21: new Float64Array(V) };
}

export function newEval(sys: DeepSystem): DeepEval {
  const S = sys.s2.length;
  const V = sys.v2.length;
  return {
    T: new Float64Array(V),
    inner: new Float64Array(V),
    tau: new Float64Array(V),
    Q21hat: new Float64Array(V),
    WR: new Float64Array(V),
    Q1hat: new Float64Array(S),
    Q2hat: new Float64Array(V * S),
    Kstar: 0,
    D: 1,
    eps: 0,
  };
}

/** K_d = (μ1⁽¹⁾μ1⁽²⁾)² + μ1⁽²⁾² g⁽¹⁾(1) + E v² g⁽²⁾(μ1⁽¹⁾² + g⁽¹⁾(1)), E v² = 1. */
export function kd(mu1a: number, mu1b: number, g1: (q: number) => number, g2: (q: number) => number): number {
  const g11 = g1(1);
  return (mu1a * mu1b) ** 2 + mu1b * mu1b * g11 + g2(mu1a * mu1a + g11);
}

// g⁽¹⁾(Q1), g⁽¹⁾'(Q1) of the last evaluatePrimal (read by evaluateConjugates).
let g1Buf = new Float64Array(0);
let g1pBuf = new Float64Array(0);
let g2pBuf = new Float64Array(0); // g⁽²⁾'(inner_v), set by evaluateConjugates

function scratch(S: number): void {
  if (g1Buf.length < S) {
    g1Buf = new Float64Array(S);
    g1pBuf = new Float64Array(S);
  }
}

/** K*, D, ε, T_v, inner_v and τ_v at a state (the primal part). */
export function evaluatePrimal(sys: DeepSystem, x: DeepState, ev: DeepEval): void {
  const { s2, ps, v2, pv, mu1a, mu1b } = sys;
  const S = s2.length;
  const V = v2.length;
  scratch(S);
  let lin = 0;
  // g⁽¹⁾ costs a table lookup per class and call: reuse the last values of a class whose Q1 did not move
  // (clamped at 0 or 1, or converged), and g(0) = g'(0) = 0 exactly (the series starts at ℓ = 3).
  const memo =
    sys.memo ?? (sys.memo = { q: new Float64Array(S).fill(NaN), g: new Float64Array(S), gp: new Float64Array(S) });
  for (let i = 0; i < S; i++) {
    const q = x.Q1[i];
    if (q !== memo.q[i]) {
      memo.q[i] = q;
      memo.g[i] = q === 0 ? 0 : sys.g1(q);
      memo.gp[i] = q === 0 ? 0 : sys.g1p(q);
    }
    g1Buf[i] = memo.g[i];
    g1pBuf[i] = memo.gp[i];
    lin += ps[i] * s2[i] * g1Buf[i];
  }
  let K = (mu1a * mu1b) ** 2 + mu1b * mu1b * lin;
  for (let v = 0; v < V; v++) {
    let T = 0;
    let G = 0;
    const row = v * S;
    for (let i = 0; i < S; i++) {
      const q2 = x.Q2[row + i];
      T += ps[i] * q2 * x.Q1[i];
      G += ps[i] * q2 * g1Buf[i];
    }
    ev.T[v] = T;
    ev.inner[v] = mu1a * mu1a * x.Q21[v] + G;
    K += pv[v] * v2[v] * sys.g2(ev.inner[v]);
    ev.tau[v] = sys.den[v].inverse(1 - T);
  }
  ev.Kstar = K;
  ev.eps = sys.Kd - K;
  ev.D = sys.delta + ev.eps;
}

/**
 * W_R(v) = (mmse(τ) − mmse(τ + Q̂2:1))/(−mmse'(τ)), the off-shell form; at τ = ∞ (T_v = 1) its limit Q̂2:1 (the tail
 * mmse ~ A/x), where the quotient would be 0/0.
 */
export function wrOf(d: Denoiser, tau: number, qh: number): number {
  if (!(qh > 0)) return 0;
  if (!Number.isFinite(tau)) return qh;
  return (d.mmse(tau) - d.mmse(tau + qh)) / -d.mmsePrime(tau);
}

/** The conjugates Q̂2:1, W_R, Q̂1, Q̂2 at a state (after evaluatePrimal). */
export function evaluateConjugates(sys: DeepSystem, alpha: number, x: DeepState, ev: DeepEval): void {
  const { s2, v2, pv, mu1a, mu1b, gamma1, gamma2 } = sys;
  const S = s2.length;
  const V = v2.length;
  const D = ev.D;
  if (g2pBuf.length < V) g2pBuf = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const d = sys.den[v];
    const g2p = sys.g2p(ev.inner[v]);
    g2pBuf[v] = g2p;
    // (μ1⁽¹⁾)², the first layer's (the notebooks use the second layer's μ1: wrong when the layers differ).
    const qh = ((alpha / gamma2) * mu1a * mu1a * v2[v] * g2p) / D;
    ev.Q21hat[v] = qh;
    const tau = ev.tau[v];
    // Off-shell form of W_R: (mmse(τ) − mmse(τ + Q̂2:1))/(−mmse'(τ)), so f's gradient is exact away from the fixed point.
    ev.WR[v] = wrOf(d, tau, qh);
  }
  for (let i = 0; i < S; i++) {
    let a = 0;
    let b = 0;
    for (let v = 0; v < V; v++) {
      const q2 = x.Q2[v * S + i];
      a += pv[v] * v2[v] * g2pBuf[v] * q2;
      b += pv[v] * ev.WR[v] * q2;
    }
    // α/γ1 in both terms (the GAUSS notebook's α/γ2 in the second is wrong when γ1 ≠ γ2).
    ev.Q1hat[i] = sys.quenched
      ? 0
      : ((alpha / gamma1) * (mu1b * mu1b * s2[i] * g1pBuf[i] + g1pBuf[i] * a)) / D + (gamma2 / gamma1) * b;
  }
  for (let v = 0; v < V; v++) {
    const c = ((alpha / (gamma1 * gamma2)) * v2[v] * g2pBuf[v]) / D;
    const w = ev.WR[v] / gamma1;
    const row = v * S;
    for (let i = 0; i < S; i++) ev.Q2hat[row + i] = c * g1Buf[i] + w * x.Q1[i];
  }
}

/** One application of the fixed-point map: out = (m_W(Q̂1), m_W(Q̂2), 1 − mmse_v(τ_v + Q̂2:1)). */
export function mapState(sys: DeepSystem, alpha: number, x: DeepState, ev: DeepEval, out: DeepState): void {
  evaluatePrimal(sys, x, ev);
  evaluateConjugates(sys, alpha, x, ev);
  const S = sys.s2.length;
  const V = sys.v2.length;
  for (let i = 0; i < S; i++) out.Q1[i] = sys.quenched ? 1 : overlapW(sys.prior, ev.Q1hat[i]);
  for (let k = 0; k < V * S; k++) out.Q2[k] = overlapW(sys.prior, ev.Q2hat[k]);
  for (let v = 0; v < V; v++) out.Q21[v] = 1 - sys.den[v].mmse(ev.tau[v] + ev.Q21hat[v]);
}

/**
 * f per sample as an explicit function of every order parameter and conjugate (τ_v from T_v), docs/physics/mlp-deep.md §4:
 * f = −½ ln(2πe D) + (γ1/α) E_s[ψ(Q̂1) − ½Q1Q̂1] + (γ1γ2/α) E_{v,s}[ψ(Q̂2) − ½Q2Q̂2]
 *     + (γ2/α) E_v[½ Q̂2:1(1 − Q2:1) − ι_v(τ_v + Q̂2:1) + ι_v(τ_v)].
 * Its gradient vanishes at the fixed points of mapState (the tests check this by finite differences).
 */
export function freeEntropyOf(
  sys: DeepSystem,
  alpha: number,
  x: DeepState,
  hat: { Q1hat: Float64Array; Q2hat: Float64Array; Q21hat: Float64Array },
  ev: DeepEval,
): number {
  evaluatePrimal(sys, x, ev);
  const { s2, ps, pv, gamma1, gamma2, prior } = sys;
  const S = s2.length;
  const V = pv.length;
  let f = -0.5 * Math.log(2 * Math.PI * Math.E * ev.D);
  if (!sys.quenched) {
    let a = 0;
    for (let i = 0; i < S; i++) a += ps[i] * (freeEntropyW(prior, hat.Q1hat[i]) - 0.5 * x.Q1[i] * hat.Q1hat[i]);
    f += (gamma1 / alpha) * a;
  }
  let b = 0;
  let c = 0;
  for (let v = 0; v < V; v++) {
    const row = v * S;
    for (let i = 0; i < S; i++)
      b += pv[v] * ps[i] * (freeEntropyW(prior, hat.Q2hat[row + i]) - 0.5 * x.Q2[row + i] * hat.Q2hat[row + i]);
    const d = sys.den[v];
    const qh = hat.Q21hat[v];
    const tau = ev.tau[v];
    // T_v = 1 (perfect recovery, binary weights): τ = ∞ and the ι-difference vanishes (ι grows like ½A ln x).
    c += pv[v] * (0.5 * qh * (1 - x.Q21[v]) - (Number.isFinite(tau) ? d.iota(tau + qh) - d.iota(tau) : 0));
  }
  f += ((gamma1 * gamma2) / alpha) * b + (gamma2 / alpha) * c;
  return f;
}
