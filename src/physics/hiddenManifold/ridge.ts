// Ridge regression on hidden-manifold data, exact asymptotic learning curve (docs/physics/hidden-manifold.md §1–§2,
// eqs. (HM1)–(HM4); Goldt, Mézard, Krzakala, Zdeborová arXiv 1909.11500; Gerace et al. arXiv 2002.09339).
//   latent c ~ N(0, I_D), inputs x = f(Fᵀc/√D) ∈ R^N, labels y = g(θ·c/√D) + σ_ε ξ, n = αN samples, δ = D/N;
//   ŵ = argmin Σ_μ (y_μ − ŵ·x_μ/√N)² + λ‖ŵ‖²,  E = E(y − ŵ·x/√N)² on a fresh point (label noise included).
// This IS random-features ridge on the latent (x are the features of c): the random-features engine
// (twoLayer/randomFeatures.ts) with d = D, p = N, so in its variables
//   α_RF = n/D = α/δ,  β = p/d = 1/δ,  λ_RF = λδ/α   ((p/d)λ_RF‖a‖² with a = ŵ/√N is λ‖ŵ‖²/n),
// and its Gaussian equivalence f(u) ≈ κ0 + κ1 u + κ⋆ z (κ0 = μ0, κ1 = μ1, κ⋆² = μ*² in the two-layer note's symbols).
import { HiddenManifoldError } from '../errors';
import type { Convergence } from '../types';
import { mpRule } from '../twoLayer/marchenkoPastur';
import type { HermiteProfile } from '../twoLayer/profiles';
import { rfPoint } from '../twoLayer/randomFeatures';

export interface HmmRidgeParams {
  activation: HermiteProfile; // f of x = f(Fᵀc/√D)
  target: HermiteProfile; // g of y = g(θ·c/√D)
  delta: number; // δ = D/N, the latent dimension over the input dimension
  lambda: number; // λ ≥ 0 (0 ⇒ 0⁺)
  noise: number; // σ_ε, a standard deviation
}

export interface HmmRidgePoint extends Convergence {
  alpha: number; // n/N
  testError: number; // E, Infinity at the interpolation peak
  diverges: boolean;
  /** The same point in the random-features engine's variables. */
  rf: { alpha: number; beta: number; lambda: number };
}

/** Bounds of δ = D/N: the Marchenko–Pastur quadrature is accurate from 1/50 to 50. */
export const DELTA_RANGE = [0.02, 50] as const;

export function validateHmmRidge(p: HmmRidgeParams): HmmRidgeParams {
  const [lo, hi] = DELTA_RANGE;
  if (!(p.delta >= lo && p.delta <= hi))
    throw new HiddenManifoldError(`δ = D/N must be in [${lo}, ${hi}], got ${p.delta}`);
  if (!(p.lambda >= 0 && Number.isFinite(p.lambda))) throw new HiddenManifoldError(`λ must be ≥ 0, got ${p.lambda}`);
  if (!(p.noise >= 0 && Number.isFinite(p.noise))) throw new HiddenManifoldError(`σ_ε must be ≥ 0, got ${p.noise}`);
  if (!(p.activation.muStar2 > 1e-12))
    throw new HiddenManifoldError(
      `f = ${p.activation.name} is linear (κ⋆ = 0): the inputs then span only D of the N directions; use a non-linear f`,
    );
  if (Math.abs(p.target.mu0) > 1e-12)
    throw new HiddenManifoldError(`the target ${p.target.name} has a mean (g0 ≠ 0): the learner has no bias term`);
  return p;
}

/** E(α) at one α = n/N. */
export function hmmRidgePoint(p: HmmRidgeParams, alpha: number): HmmRidgePoint {
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new HiddenManifoldError(`α = n/N must be > 0, got ${alpha}`);
  const rf = { alpha: alpha / p.delta, beta: 1 / p.delta, lambda: (p.lambda * p.delta) / alpha };
  const r = rfPoint({ ...p, lambda: rf.lambda }, rf.alpha, rf.beta, mpRule(rf.beta));
  const { testError, diverges, converged, iterations, residual } = r;
  return { alpha, testError, diverges, converged, iterations, residual, rf };
}

/** The learning curve at the α's given (validated first). */
export function hmmRidgeCurve(p: HmmRidgeParams, alphas: readonly number[]): HmmRidgePoint[] {
  validateHmmRidge(p);
  return alphas.map((a) => hmmRidgePoint(p, a));
}

/** E at λ → ∞ (ŵ = 0): E y² = E g² + σ_ε². */
export const nullError = (p: Pick<HmmRidgeParams, 'target' | 'noise'>) => p.target.Ef2 + p.noise ** 2;
