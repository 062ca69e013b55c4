// Spiked matrix–tensor model with a spherical prior (Sarao Mannelli, Biroli, Cammarota, Krzakala, Urbani,
// Zdeborová, arXiv 1812.09066; docs/physics/matrix-tensor.md): Y = x*x*ᵀ/√N + noise of variance Δ2 and an
// order-p spiked tensor with noise Δp. Bayes-optimal AMP state evolution for the overlap m = x̂·x*/N:
//   m̂ = m/Δ2 + m^{p−1}/Δp,  m ← m̂/(1 + m̂)                                      (note eq. 2)
// and the replica-symmetric free entropy Φ(m) = m²/(4Δ2) + m^p/(2pΔp) + ½[ln(1 − m) + m]  (note eq. 3), stationary
// exactly at the fixed points. Fixed points m > 0 are the roots of the polynomial
//   k(m) = (1/Δ2 + m^{p−2}/Δp)(1 − m) − 1                                        (note eq. 4)
// found by a sign scan and Brent (not by long iteration: critical slowing down near the spinodals); a fixed point
// is stable where k decreases through zero. The state-evolution iteration itself is `iterateSE` (tests compare).
import { MatrixTensorError } from '../errors';
import { brent } from '../numerics/brent';
import { maximise } from '../numerics/maximise';

export interface MatrixTensorParams {
  /** Tensor order p ≥ 3. */
  p: number;
  /** Matrix noise variance Δ2. */
  delta2: number;
  /** Tensor noise variance Δp. */
  deltaP: number;
}

/** Largest u = 1/Δ2 of the threshold searches (u = 0: no matrix information). */
export const U_MAX = 1000;

/** Refuses what the equations do not cover: p an integer in [3, 8], noises in (0, 1e6]. */
export function validateMatrixTensor(q: MatrixTensorParams): MatrixTensorParams {
  if (!Number.isInteger(q.p) || q.p < 3 || q.p > 8)
    throw new MatrixTensorError(`p must be an integer in [3, 8], got ${q.p}`);
  for (const [name, v] of [
    ['delta2', q.delta2],
    ['deltaP', q.deltaP],
  ] as const)
    if (!(v > 0 && v <= 1e6)) throw new MatrixTensorError(`${name} must lie in (0, 1e6], got ${v}`);
  return q;
}

/** m̂(m) = m/Δ2 + m^{p−1}/Δp, the effective signal-to-noise ratio the overlap m feeds back. */
export const mHat = (q: MatrixTensorParams, m: number): number => m / q.delta2 + m ** (q.p - 1) / q.deltaP;

/** One step of Bayes-optimal state evolution with the spherical prior: m ← m̂/(1 + m̂). */
export function seMap(q: MatrixTensorParams, m: number): number {
  const h = mHat(q, m);
  return h / (1 + h);
}

/** Φ_RS(m), whose stationary points are the fixed points of seMap; Φ(0) = 0 (the uninformative state). */
export const freeEntropy = (q: MatrixTensorParams, m: number): number =>
  (m * m) / (4 * q.delta2) + m ** q.p / (2 * q.p * q.deltaP) + 0.5 * (Math.log1p(-m) + m);

/** k(m): the fixed points m > 0 are its roots (seMap(m) = m divided by m(1 − m)/(1 + m̂)). */
const k = (q: MatrixTensorParams, m: number): number => (1 / q.delta2 + m ** (q.p - 2) / q.deltaP) * (1 - m) - 1;

/** max of k on [0, 1]: the informative branch exists iff it is ≥ 0 (the spinodal is its zero; k has one bump). */
export const kMax = (q: MatrixTensorParams): number => maximise((m) => k(q, m), 0, 1, 64).value;

export interface FixedPoint {
  m: number;
  /** Φ_RS at m. */
  phi: number;
  /** Linearly stable under the state evolution (|dm'/dm| < 1). */
  stable: boolean;
  converged: boolean;
}

const SCAN = 1024; // grid of the sign scan of k on (0, 1); roots closer than 1/SCAN (near a spinodal) may merge

/** All fixed points m ∈ (0, 1), increasing, each located by Brent on a sign change of k. */
export function fixedPoints(q: MatrixTensorParams): FixedPoint[] {
  const out: FixedPoint[] = [];
  let a = 1e-12;
  let ka = k(q, a);
  for (let i = 1; i <= SCAN; i++) {
    const b = i === SCAN ? 1 - 1e-14 : i / SCAN;
    const kb = k(q, b);
    // A root on a grid point is taken once, as the right end of its interval (k decreasing there: stable).
    if (kb === 0) out.push({ m: b, phi: freeEntropy(q, b), stable: ka > 0, converged: true });
    else if (ka * kb < 0) {
      const r = brent((m) => k(q, m), a, b, 1e-15);
      out.push({ m: r.x, phi: freeEntropy(q, r.x), stable: ka > kb, converged: r.converged });
    }
    a = b;
    ka = kb;
  }
  return out;
}

export interface MatrixTensorBranches {
  /** AMP from the uninformative start m = 0⁺: the first stable fixed point above 0 (m = 0 where 0 is stable). */
  amp: FixedPoint;
  /** State evolution from the informed start m = 1⁻: the largest stable fixed point (m = 0 if none). */
  informative: FixedPoint;
  /** The branch of larger Φ (the Bayes-optimal overlap); 'amp' on ties. */
  equilibrium: 'amp' | 'informative';
}

const UNINFORMATIVE: FixedPoint = { m: 0, phi: 0, stable: true, converged: true };

/** Both branches of the state evolution at (p, Δ2, Δp). */
export function branches(q: MatrixTensorParams): MatrixTensorBranches {
  const fps = fixedPoints(q);
  // m = 0⁺ grows iff k(0⁺) > 0; it then stops at the first root, where k first turns negative.
  const amp = k(q, 1e-12) > 0 && fps.length > 0 ? fps[0] : UNINFORMATIVE;
  const stable = fps.filter((f) => f.stable);
  const informative = stable.length > 0 ? stable[stable.length - 1] : UNINFORMATIVE;
  return { amp, informative, equilibrium: informative.phi > amp.phi + 1e-14 ? 'informative' : 'amp' };
}

/** Plain state-evolution iteration from m0 (the second engine the tests compare the root finder with). */
export function iterateSE(
  q: MatrixTensorParams,
  m0: number,
  tol = 1e-13,
  maxIter = 200000,
): { m: number; iterations: number; converged: boolean } {
  let m = m0;
  for (let it = 1; it <= maxIter; it++) {
    const next = seMap(q, m);
    if (Math.abs(next - m) < tol) return { m: next, iterations: it, converged: true };
    m = next;
  }
  return { m, iterations: maxIter, converged: false };
}

export interface OverlapRow extends MatrixTensorBranches {
  /** u = 1/Δ2 (0: the matrix carries no information). */
  invDelta2: number;
}

/** Both branches along u = 1/Δ2 at fixed p and Δp (the m-against-1/Δ2 plot). */
export function overlapCurve(p: number, deltaP: number, invDelta2s: readonly number[]): OverlapRow[] {
  validateMatrixTensor({ p, delta2: 1, deltaP });
  return invDelta2s.map((u) => {
    if (!(u >= 0 && u <= 1e6)) throw new MatrixTensorError(`1/Δ2 must lie in [0, 1e6], got ${u}`);
    return { invDelta2: u, ...branches({ p, delta2: 1 / u, deltaP }) };
  });
}
