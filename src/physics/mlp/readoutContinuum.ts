// The continuum of readout classes for continuous P_v (gauss, unif), solved through its global order parameters
// (issue 15 §1; docs/physics/mlp-shallow.md §7). Given M = E v²Q² and G = E v² g(Q), every u = v² has its own scalar
// equation Q = m_W(q̂), q̂ = u h(Q), h(Q) = (Q A + (α/D) g′(Q))/γ (A the matrix gain). Parametrised by q̂ the branch
// is explicit: u(q̂) = q̂/h(m_W(q̂)). The informative branch is its rising part above the minimum u_f (the fold: below
// it only Q = 0), so E_u[·] over it is a smooth integral in q̂ from q̂_f, with panels equal in s = √(u − u_f):
// no class straddles the jump of Q(u) at u_f, which limited fixed classes to the class width.

import { brent } from '../numerics/brent';
import { gaussLegendre } from '../numerics/gaussHermite';
import { maximise } from '../numerics/maximise';
import { freeEntropyW, overlapW, overlapWSlope } from '../priors';
import { freeEntropyFrom, solveR2hat, type ShallowSystem } from './shallow';

export type ContinuousLaw = 'gauss' | 'unif';

/**
 * Quadrature of the branch: panels in s = √(u − u_f) with breaks at s₀·2ʲ, s₀ = min(1, √u_f)/2 (the density 1/√u
 * varies on the scale √u_f), `perPanel` subdivisions of each, `nodes` Gauss–Legendre nodes in q̂ on each piece.
 */
export interface ContinuumResolution {
  perPanel: number;
  nodes: number;
}

export const CONTINUUM_RESOLUTION: ContinuumResolution = { perPanel: 2, nodes: 12 };

const GAUSS_SPAN = 80; // χ²₁ mass beyond u_f + 80 is below e^{−40}

/** Density of u = v²: χ²₁ for `gauss`, 1/(2√(3u)) on [0, 3] for `unif` (v uniform on [−√3, √3]). */
function densityU(law: ContinuousLaw, u: number): number {
  return law === 'gauss' ? Math.exp(-0.5 * u) / Math.sqrt(2 * Math.PI * u) : 1 / (2 * Math.sqrt(3 * u));
}

/**
 * Where Newton starts: (M, G) and R̂2 for its inner solve. `near`: the start is a prediction from the neighbouring
 * α, close enough for Newton's first step (a Jacobian at once); otherwise the first step is half a plain one.
 */
export interface ContinuumStart {
  M: number;
  G: number;
  R2hat?: number;
  near?: boolean;
  /**
   * Solutions already found at this α, (M, G): a probe whose iterate comes within 1e−7 of one of them, with a
   * residual below 1e−7, stops there (`atKnown`): it would converge to that solution, a duplicate.
   */
  known?: ReadonlyArray<{ M: number; G: number }>;
}

export interface ContinuumSolution {
  eps: number;
  f: number;
  M: number; // E v² Q²
  G: number; // E v² g(Q)
  tau: number;
  R2hat: number;
  mS: number; // m_S(τ + R̂2)
  /** u_f = v_f², the fold (Infinity where the branch does not exist). */
  uFold: number;
  /** max(u_f, uCut): below it Q(v) = 0. */
  uLow: number;
  converged: boolean;
  iterations: number;
  residual: number; // |ΔM| + |ΔG| of the last sweep
  /** Stopped at a known solution (ContinuumStart.known): not converged, a duplicate of that one. */
  atKnown: boolean;
  /** Q(v) and Q̂(v) at u = v² on the branch. */
  overlapAt(u: number): { Q: number; Qhat: number };
}

interface Sweep {
  tau: number;
  r: number;
  mS: number;
  eps: number;
  M: number;
  G: number;
  ps: number; // E_v[ψ_W(Q̂) − ½ Q Q̂]
  uOf: (qhat: number) => number;
  qhatFold: number;
  uFold: number;
  uLow: number; // max(u_f, uCut): the branch's lower end
}

/**
 * Where the branch starts: a fixed cutoff (0: at the fold, the informative branch), or `'maxwell'`, the cutoff of
 * the equilibrium: every cutoff u_c in the bistable window is stationary, and df/du_c = −(γ/α) p(u_c) Δφ(u_c) with
 * Δφ the free entropy of one v on the branch minus that of Q = 0, so f is largest where Δφ changes sign (§7).
 */
export type ContinuumCut = number | 'maxwell';

/** q̂ ≥ lo with u(q̂) ≥ target, by doubling (u rises without bound on the branch). */
function above(uOf: (q: number) => number, lo: number, target: number): number {
  let hi = Math.max(2 * lo, 1e-3);
  for (let i = 0; i < 200 && !(uOf(hi) >= target); i++) hi *= 2;
  return hi;
}

/** Given (M, G): the scalar branch, its fold and its integrals (the map whose fixed point is the continuum). */
function sweep(
  sys: ShallowSystem,
  law: ContinuousLaw,
  alpha: number,
  M: number,
  G: number,
  r0: number,
  cut: ContinuumCut,
  res: ContinuumResolution,
): Sweep {
  const { table, gamma, prior } = sys;
  const tau = M > 0 ? table.mSInverse(M) : 0;
  const r = solveR2hat(sys, alpha, tau, G, r0).r;
  const mS = table.mS(tau + r);
  const eps = 0.5 * sys.mu2sq * (1 - mS) + sys.g1 - G;
  const A = M > 0 ? table.gain(tau, r) : 0;
  const k = alpha / (sys.delta + eps);
  const uOf = (qhat: number) => {
    const Q = overlapW(prior, qhat);
    const h = (Q * A + k * sys.gPrime(Q)) / gamma;
    return h > 0 ? qhat / h : Infinity;
  };
  // At a node: Q, u and u′(q̂) = (h − q̂ h′)/h², h′ = (A + k g″(Q)) m_W′(q̂)/γ (g″ by a one-sided second-order
  // difference, as Q ≤ 1), from one pass over m_W.
  const mw = { v: 0, d: 0 };
  const node = { Q: 0, u: 0, du: 0 };
  const nodeAt = (qhat: number) => {
    overlapWSlope(prior, qhat, mw);
    const Q = mw.v;
    const d = 1e-6;
    const gp = sys.gPrime(Q); // once: the nodes' g′ evaluations are most of a continuum solve's time
    const g2 = (3 * gp - 4 * sys.gPrime(Q - d) + sys.gPrime(Q - 2 * d)) / (2 * d);
    const h = (Q * A + k * gp) / gamma;
    node.Q = Q;
    node.u = qhat / h;
    node.du = (h - (qhat * (A + k * g2) * mw.d) / gamma) / (h * h);
  };
  // The fold: the minimum of u(q̂), searched in ln q̂ (a minimum at the left end is a continuous onset from Q = 0).
  const fold = maximise((x) => -uOf(Math.exp(x)), -16, 10, 52, 1e-8);
  const qhatFold = Math.exp(fold.x);
  const uFold = -fold.value;
  const uMax = law === 'gauss' ? uFold + GAUSS_SPAN : 3;
  const out: Sweep = { tau, r, mS, eps, M: 0, G: 0, ps: 0, uOf, qhatFold, uFold: Infinity, uLow: Infinity };
  const uLow = Math.max(uFold, cut === 'maxwell' ? maxwellCut(sys, prior, A, k, uOf, qhatFold, uFold) : cut);
  if (!(uLow < uMax)) return out;
  out.uFold = uFold;
  out.uLow = uLow;
  const gl = gaussLegendre(res.nodes);
  const sMax = Math.sqrt(uMax - uLow);
  const qTop = above(uOf, qhatFold, uMax);
  const breaks = [0];
  for (let b = 0.5 * Math.min(1, Math.sqrt(uLow)); b < sMax; b *= 2) breaks.push(b);
  breaks.push(sMax);
  const sAt: number[] = [];
  for (let j = 1; j < breaks.length; j++)
    for (let i = 1; i <= res.perPanel; i++) sAt.push(breaks[j - 1] + ((breaks[j] - breaks[j - 1]) * i) / res.perPanel);
  let a = uLow > uFold ? brent((q) => uOf(q) - uLow, qhatFold, qTop, 1e-14 * qTop).x : qhatFold;
  for (let j = 0; j < sAt.length; j++) {
    const target = j === sAt.length - 1 ? uMax : uLow + sAt[j] * sAt[j];
    const b = brent((q) => uOf(q) - target, a, qTop, 1e-14 * qTop).x;
    const half = 0.5 * (b - a);
    for (let i = 0; i < gl.x.length; i++) {
      const qhat = a + half * (1 + gl.x[i]);
      nodeAt(qhat); // u′(q̂) is smooth, zero at the fold
      const { Q, u } = node;
      const wt = half * gl.w[i] * densityU(law, u) * node.du;
      out.M += wt * u * Q * Q;
      out.G += wt * u * sys.g(Q);
      out.ps += wt * (freeEntropyW(prior, qhat) - 0.5 * Q * qhat);
    }
    a = b;
  }
  return out;
}

/**
 * The equilibrium cutoff on the branch above the fold: where Δφ(q̂) = u[A Q²/4 + k g(Q)/2]/γ + ψ_W(q̂) − ½ Q q̂
 * (one v on the branch against Q = 0, with u = u(q̂)) turns positive, but not above γ/A, where Q = 0 itself turns
 * unstable. A fold at q̂ → 0 (continuous rise from Q = 0) or Δφ ≥ 0 at the fold: the fold.
 */
function maxwellCut(
  sys: ShallowSystem,
  prior: ShallowSystem['prior'],
  A: number,
  k: number,
  uOf: (qhat: number) => number,
  qhatFold: number,
  uFold: number,
): number {
  const uStable = A > 0 ? sys.gamma / A : Infinity;
  if (!(qhatFold > 1e-6) || !(uFold < uStable)) return uFold;
  const dphi = (qhat: number) => {
    const Q = overlapW(prior, qhat);
    return (
      (uOf(qhat) * (A * Q * Q * 0.25 + 0.5 * k * sys.g(Q))) / sys.gamma + freeEntropyW(prior, qhat) - 0.5 * Q * qhat
    );
  };
  if (dphi(qhatFold) >= 0) return uFold;
  let lo = qhatFold;
  let hi = 2 * qhatFold;
  for (let i = 0; i < 80 && dphi(hi) < 0; i++) [lo, hi] = [hi, 2 * hi];
  if (!(dphi(hi) >= 0)) return uFold;
  const qhatM = brent(dphi, lo, hi, 1e-14 * hi).x;
  return Math.min(uOf(qhatM), uStable);
}

/** How close (in M, G and the residual) a probe must come to a known solution to stop there. */
const KNOWN_TOL = 1e-7;

/**
 * A stationary point of the continuum: every u above max(u_f, uCut) on the branch, Q = 0 below (uCut = 0: the
 * informative one; any uCut ≥ u_f is stationary too; 'maxwell': the one of them with the largest f), by Newton on the two
 * global parameters (M, G) from the start (M0, G0) (e.g. a class solution's).
 */
export function solveContinuum(
  sys: ShallowSystem,
  law: ContinuousLaw,
  alpha: number,
  start: ContinuumStart,
  uCut: ContinuumCut = 0,
  res: ContinuumResolution = CONTINUUM_RESOLUTION,
): ContinuumSolution {
  let M = start.M;
  let G = start.G;
  let r = start.R2hat ?? 0;
  let s = sweep(sys, law, alpha, M, G, r, uCut, res);
  let it = 0;
  let converged = false;
  // Chord Newton: the Jacobian of (M, G) ↦ T(M, G) − (M, G) by forward differences, refreshed only when a step
  // fails to cut the residual tenfold (each refresh costs two sweeps).
  let j11 = NaN;
  let j12 = NaN;
  let j21 = NaN;
  let j22 = NaN;
  let last = start.near ? NaN : Infinity; // NaN: a Jacobian before the first step; Infinity: half a plain step
  let norm = Infinity;
  let stuck = 0;
  let stuckNorm = Infinity;
  let atKnown = false;
  for (; it < 60; it++) {
    const fM = s.M - M;
    const fG = s.G - G;
    norm = Math.abs(fM) + Math.abs(fG);
    if (norm < 1e-11) {
      converged = true;
      break;
    }
    if (norm < KNOWN_TOL && start.known?.some((k) => Math.abs(M - k.M) < KNOWN_TOL && Math.abs(G - k.G) < KNOWN_TOL)) {
      atKnown = true;
      break;
    }
    r = s.r;
    if (!(norm < 0.1 * last)) {
      const h = 1e-6;
      const sM = sweep(sys, law, alpha, M + h, G, r, uCut, res);
      const sG = sweep(sys, law, alpha, M, G + h, r, uCut, res);
      j11 = (sM.M - s.M) / h - 1;
      j21 = (sM.G - s.G) / h;
      j12 = (sG.M - s.M) / h;
      j22 = (sG.G - s.G) / h - 1;
    }
    last = norm;
    const det = j11 * j22 - j12 * j21;
    let dM = (-fM * j22 + fG * j12) / det;
    let dG = (-fG * j11 + fM * j21) / det;
    if (!Number.isFinite(dM) || !Number.isFinite(dG)) {
      dM = 0.5 * fM;
      dG = 0.5 * fG;
    }
    // Steps clamped at M = 0 that no longer cut the residual repeat themselves (the step points to M < 0 again from
    // the same place) until the iteration cap: this start does not converge; stop after three.
    const nextM = Math.max(0, M + dM);
    stuck = M === 0 && nextM === 0 && !(norm < 0.99 * stuckNorm) ? stuck + 1 : 0;
    if (stuck === 0) stuckNorm = norm;
    if (stuck >= 3) break;
    M = nextM;
    G = G + dG;
    s = sweep(sys, law, alpha, M, G, r, uCut, res);
  }
  const f = freeEntropyFrom(sys, alpha, sys.delta + s.eps, 1 - s.mS, s.r, s.tau, s.ps);
  const { uOf, qhatFold, uFold, uLow } = s;
  const overlapAt = (u: number) => {
    if (!(u >= uLow) || !Number.isFinite(uLow)) return { Q: 0, Qhat: 0 };
    const qhat = brent((q) => uOf(q) - u, qhatFold, above(uOf, qhatFold, u), 1e-15).x;
    return { Q: overlapW(sys.prior, qhat), Qhat: qhat };
  };
  return {
    eps: s.eps,
    f,
    M,
    G,
    tau: s.tau,
    R2hat: s.r,
    mS: s.mS,
    uFold,
    uLow,
    converged: converged && Number.isFinite(f),
    iterations: it,
    residual: norm,
    atKnown,
    overlapAt,
  };
}
