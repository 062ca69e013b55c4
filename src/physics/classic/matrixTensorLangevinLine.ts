// The Langevin threshold of the spiked matrix–tensor model at temperature T (T = 1: the Bayes temperature, arXiv
// 1812.09066), from the aging (Cugliandolo–Kurchan, cond-mat/9311016) asymptotics of the uninformed dynamics
// (docs/physics/matrix-tensor.md §4c). With ξ(q) = q²/(2Δ2) + q^p/(pΔp) and u = 1/Δ2:
//  - a random start ages towards the marginal states at T: the plateau q (q_EA) solves β²ξ″(q)(1 − q)² = 1 (the
//    largest root), the FDT violation ratio x solves β²ξ′(q)(1 − q)(1 − q + xq) = q, and the multiplier tends to
//    μ∞ = T + β[ξ′(1) − qξ′(q)] + βxqξ′(q);
//  - linearised in m, ∂t m = (u − μ)m + ∫ ξ″(C)R m ds grows exponentially iff u·χ > 1 with χ = β(1 − q) the response
//    of the state (the FDT part of the memory: β[ξ′(1) − ξ′(q)]; μ∞ − β[ξ′(1) − ξ′(q)] = T/(1 − q) by the plateau
//    equation), i.e. iff u² > ξ″(q) at q = 1 − T/u. The threshold is the largest root of u² = ξ″(1 − T/u):
//    T = 0 gives u² = ξ″(1), the gradient-flow line of arXiv 1907.08226 (gfThreshold); p = 3, T = 1 gives
//    u(u − 1)(u² − 2/Δp) = 0, so u_L = max(1, √(2/Δp)).
import { brent } from '../numerics/brent';
import { MatrixTensorError } from '../errors';
import { U_MAX, validateMatrixTensor } from './matrixTensor';

/** ξ′(q) and ξ″(q) of the loss's covariance at u = 1/Δ2. */
const xi1 = (p: number, deltaP: number, u: number, q: number) => u * q + q ** (p - 1) / deltaP;
const xi2 = (p: number, deltaP: number, u: number, q: number) => u + ((p - 1) * q ** (p - 2)) / deltaP;

function validate(p: number, deltaP: number, u: number, temperature: number, tMin: number) {
  validateMatrixTensor({ p, delta2: 1, deltaP });
  if (!(u > 0 && u <= U_MAX)) throw new MatrixTensorError(`1/Δ2 must lie in (0, ${U_MAX}], got ${u}`);
  if (!(temperature >= tMin && temperature <= 1))
    throw new MatrixTensorError(
      `the Langevin temperature must lie in ${tMin > 0 ? '(0' : '[0'}, 1], got ${temperature}`,
    );
}

/** The aging state of the uninformed Langevin dynamics at temperature T > 0 (Cugliandolo–Kurchan one-step form). */
export interface MarginalState {
  /** Plateau of the correlation (q_EA): the largest root of β²ξ″(q)(1 − q)² = 1. */
  q: number;
  /** FDT violation ratio of the aging regime (x; 0 < x < 1 where the one-step form applies). */
  x: number;
  /** Asymptotic spherical multiplier μ∞. */
  mu: number;
}

/** The marginal state at (p, Δp, u = 1/Δ2, T), or null where the paramagnet is not marginal (no root: no aging). */
export function marginalState(p: number, deltaP: number, u: number, temperature: number): MarginalState | null {
  validate(p, deltaP, u, temperature, Number.MIN_VALUE);
  const beta = 1 / temperature;
  const replicon = (q: number) => beta * beta * xi2(p, deltaP, u, q) * (1 - q) ** 2 - 1;
  // The replicon is −1 at q = 1; scan down from there to the first cell where it turns ≥ 0.
  const cells = 1024;
  let hi = 1;
  for (let i = cells - 1; i >= 0; i--) {
    const lo = i / cells;
    if (replicon(lo) >= 0) {
      const q = brent(replicon, lo, hi, 1e-15).x;
      if (!(q > 0)) return null; // u = T² exactly: the paramagnet is only just marginal
      const d1 = xi1(p, deltaP, u, q);
      const x = (q / (beta * beta * d1 * (1 - q)) - (1 - q)) / q;
      const mu = temperature + beta * (xi1(p, deltaP, u, 1) - q * d1) + beta * x * q * d1;
      return { q, x, mu };
    }
    hi = lo;
  }
  return null;
}

/** u² − ξ″(1 − T/u): > 0 where the marginal states at T are unstable towards the signal (u·β(1 − q) > 1). */
export const langevinGap = (p: number, deltaP: number, u: number, temperature: number): number =>
  u * u - xi2(p, deltaP, u, Math.max(0, 1 - temperature / u));

/**
 * u_L: the largest root of u² = ξ″(1 − T/u) in [max(T, 10⁻⁶), U_MAX] (T there if the gap is positive above it: at
 * T = 1 and p = 3, Δp ≥ 2, the AMP line u = 1). Largest root by a scan down a log grid, then Brent.
 */
export function langevinThreshold(p: number, deltaP: number, temperature = 1): { u: number; converged: boolean } {
  validate(p, deltaP, 1, temperature, 0);
  const gap = (u: number) => langevinGap(p, deltaP, u, temperature);
  const lo = Math.max(temperature, 1e-6);
  const cells = 512;
  const at = (i: number) => lo * (U_MAX / lo) ** (i / cells);
  if (!(gap(U_MAX) > 0)) return { u: U_MAX, converged: false };
  for (let i = cells - 1; i >= 0; i--) {
    if (gap(at(i)) <= 0) {
      const r = brent(gap, at(i), at(i + 1), 1e-14 * at(i + 1));
      return { u: r.x, converged: r.converged };
    }
  }
  return { u: lo, converged: true };
}
