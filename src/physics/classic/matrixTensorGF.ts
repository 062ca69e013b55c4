// Gradient flow (T = 0) of the spiked matrix–tensor model at large N: the CHSCK equations (Crisanti–Horner–Sommers,
// Cugliandolo–Kurchan) with a planted signal, as used by arXiv 1812.09066 and 1902.00139 (docs/physics/matrix-tensor.md
// §4b). The loss on the sphere has the covariance ξ(q) = q²/(2Δ2) + q^p/(pΔp) and the signal term −N ξ(m), so
// (ξ′, ξ″ its derivatives, m(t) the overlap with the signal, C the correlation, R the response, μ the multiplier):
//   ∂t m(t)     = −μ m + ξ′(m) + ∫₀ᵗ ξ″(C(t,s)) R(t,s) m(s) ds
//   ∂t C(t,t′)  = −μ C(t,t′) + m(t′) ξ′(m(t)) + ∫₀ᵗ ξ″(C(t,s)) R(t,s) C(t′,s) ds + ∫₀^{t′} ξ′(C(t,s)) R(t′,s) ds
//   ∂t R(t,t′)  = −μ R(t,t′) + ∫_{t′}ᵗ ξ″(C(t,s)) R(t,s) R(s,t′) ds
//   μ(t)        = T + m ξ′(m) + ∫₀ᵗ [ξ′(C(t,s)) + ξ″(C(t,s)) C(t,s)] R(t,s) ds      (|x|² = N: C(t,t) = 1)
// At temperature T (Langevin, noise 2T) only μ changes, by T (Itô); T = 0 is gradient flow.
// Euler in t on a fixed grid, the memory integrals by the trapezoid rule, R(t,t) = 0 and R(t + h, t) = 1 (the
// scheme of the authors' solver, sphinxteam/spiked_matrix-tensor_T0; written here from the equations).
// Cost: ~steps³/2 multiply-adds (1000 steps: well under a second).
import { validateMatrixTensor } from './matrixTensor';

export interface GradientFlowParams {
  p: number;
  delta2: number;
  deltaP: number;
  /** Final time and number of Euler steps (h = tMax/steps). */
  tMax: number;
  steps: number;
  /** Initial overlap m(0) (the authors start at 1e−15: a random start in the N → ∞ limit). */
  m0: number;
  /** Langevin temperature (0: gradient flow; 1: the Bayes temperature, sampling the posterior). Default 0. */
  temperature?: number;
}

export interface GradientFlowCurve {
  t: Float64Array;
  m: Float64Array;
  mu: Float64Array;
}

/** The overlap m(t) and the multiplier μ(t) of gradient flow from m(0) = m0 on the grid t_k = k·h, k ≤ steps. */
export function gradientFlowDynamics({
  p,
  delta2,
  deltaP,
  tMax,
  steps,
  m0,
  temperature = 0,
}: GradientFlowParams): GradientFlowCurve {
  validateMatrixTensor({ p, delta2, deltaP });
  if (!(tMax > 0) || !Number.isInteger(steps) || steps < 1 || steps > 4000)
    throw new RangeError(`gradient flow: need tMax > 0 and an integer 1 ≤ steps ≤ 4000, got ${tMax}, ${steps}`);
  if (!(m0 > 0 && m0 < 1)) throw new RangeError(`gradient flow: need 0 < m0 < 1, got ${m0}`);
  if (!(temperature >= 0 && temperature <= 10))
    throw new RangeError(`gradient flow: need a temperature in [0, 10], got ${temperature}`);
  const h = tMax / steps;
  const d1 = (q: number) => q / delta2 + q ** (p - 1) / deltaP; // ξ′
  const d2 = (q: number) => 1 / delta2 + ((p - 1) * q ** (p - 2)) / deltaP; // ξ″
  // Row t holds s = 0…t (lower triangle); ξ′ and ξ″ of C(t, s) are kept beside C.
  const C: Float64Array[] = [];
  const R: Float64Array[] = [];
  const D1: Float64Array[] = [];
  const D2: Float64Array[] = [];
  const m = new Float64Array(steps + 1);
  const mu = new Float64Array(steps + 1);
  const newRow = (t: number) => {
    C.push(new Float64Array(t + 1));
    R.push(new Float64Array(t + 1));
    D1.push(new Float64Array(t + 1));
    D2.push(new Float64Array(t + 1));
  };
  const setC = (t: number, s: number, v: number) => {
    C[t][s] = v;
    D1[t][s] = d1(v);
    D2[t][s] = d2(v);
  };
  newRow(0);
  setC(0, 0, 1);
  m[0] = m0;
  // Trapezoid sums on s = a…b (½ at the ends; 0 if a = b) of f(s), written out in the loops below.
  const ends = (fa: number, fb: number, a: number, b: number) => (a === b ? -fa : -0.5 * (fa + fb));
  const G = new Float64Array(steps + 1); // ξ″(C(t,s)) R(t,s) for the current t
  for (let t = 0; t < steps; t++) {
    const Ct = C[t];
    const Rt = R[t];
    const D1t = D1[t];
    const D2t = D2[t];
    for (let s = 0; s <= t; s++) G[s] = D2t[s] * Rt[s];
    let muSum = 0;
    let memM = 0;
    for (let s = 0; s <= t; s++) {
      muSum += D1t[s] * Rt[s] + G[s] * Ct[s];
      memM += G[s] * m[s];
    }
    muSum += ends(D1t[0] * Rt[0] + G[0] * Ct[0], D1t[t] * Rt[t] + G[t] * Ct[t], 0, t);
    memM += ends(G[0] * m[0], G[t] * m[t], 0, t);
    const muT = temperature + m[t] * d1(m[t]) + h * muSum;
    mu[t] = muT;
    const dm1 = d1(m[t]);
    newRow(t + 1);
    m[t + 1] = m[t] + h * (-muT * m[t] + dm1 + h * memM);
    for (let l = 0; l <= t; l++) {
      // ∫₀ᵗ ξ″(C(t,s)) R(t,s) C(l,s) ds, C symmetric: C(l,s) = C[max][min]
      const Cl = C[l];
      let i1 = 0;
      for (let s = 0; s <= l; s++) i1 += G[s] * Cl[s];
      for (let s = l + 1; s <= t; s++) i1 += G[s] * C[s][l];
      i1 += ends(G[0] * Cl[0], G[t] * Ct[l], 0, t);
      const Rl = R[l];
      let i2 = 0;
      for (let s = 0; s <= l; s++) i2 += D1t[s] * Rl[s];
      i2 += ends(D1t[0] * Rl[0], D1t[l] * Rl[l], 0, l);
      let i3 = 0;
      for (let s = l; s <= t; s++) i3 += G[s] * R[s][l];
      i3 += ends(G[l] * R[l][l], G[t] * Rt[l], l, t);
      setC(t + 1, l, Ct[l] + h * (-muT * Ct[l] + m[l] * dm1 + h * (i1 + i2)));
      R[t + 1][l] = Rt[l] + h * (-muT * Rt[l] + h * i3);
    }
    setC(t + 1, t + 1, 1);
    R[t + 1][t] = 1;
  }
  mu[steps] = mu[steps - 1];
  const t = Float64Array.from({ length: steps + 1 }, (_, k) => k * h);
  return { t, m, mu };
}

/** Longest time of largeNOverlap: 600 Euler steps of h ≤ 0.2 (Euler needs h·μ well below 2; μ ≲ 5 at 1/Δ2 ≲ 3). */
export const LARGE_N_T_MAX = 120;

/**
 * The N → ∞ overlap m(t) beside a finite-N run of size N (p = 3): the same dynamics from m(0) = 1/√N, the typical
 * overlap of a random start at that size (which is what lets a finite system leave m ≈ 0 below the large-N
 * threshold), on t ≤ min(tMax, LARGE_N_T_MAX); 101 points [t, m].
 */
export function largeNOverlap(req: {
  N: number;
  delta2: number;
  deltaP: number;
  tMax: number;
  temperature: number;
}): [number, number][] {
  const tMax = Math.min(req.tMax, LARGE_N_T_MAX);
  const steps = Math.min(600, Math.max(100, Math.ceil(tMax / 0.1)));
  const r = gradientFlowDynamics({ ...req, p: 3, tMax, steps, m0: 1 / Math.sqrt(req.N) });
  return Array.from({ length: 101 }, (_, i) => {
    const k = Math.round((i * steps) / 100);
    return [r.t[k], r.m[k]];
  });
}
