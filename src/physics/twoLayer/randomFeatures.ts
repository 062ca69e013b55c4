// Random-features ridge regression in the proportional limit (docs/physics/two-layer-lecture.md §1): the deterministic
// equivalent of ridge with the Gaussian-equivalent feature covariance Σ = μ1² F Fᵀ + μ*² I averaged over the
// Marchenko–Pastur spectrum of F Fᵀ (cf. Mei–Montanari arXiv 1908.05355, Gerace et al. arXiv 2002.09339).
//   λ' = βλ, c = β/α, s(ν) = μ*² + μ1² ν
//   κ:   λ' = κ (1 − c ⟨s/(s + κ)⟩)          df2 = c ⟨s²/(s + κ)²⟩
//   B  = κ² μ1² g1² β ⟨ν/(s (s + κ)²)⟩      σ_e² = g1² (1 − μ1² β ⟨ν/s⟩) + g*² + σ_ε²
//   E  = (B + σ_e²)/(1 − df2)
// λ = 0 means λ → 0⁺: κ = 0 for β < α (E = σ_e²/(1 − β/α)), κ the root of 1 = c⟨s/(s + κ)⟩ for β > α,
// and E = ∞ at β = α (the double-descent peak at p = n).
import { TwoLayerParamError } from '../errors';
import type { Convergence } from '../types';
import { mpRule, type MPRule } from './marchenkoPastur';
import { brent } from '../numerics/brent';
import type { HermiteProfile } from './profiles';

export interface RFParams {
  activation: HermiteProfile; // σ of the features
  target: HermiteProfile; // g
  lambda: number; // ridge λ ≥ 0 (0 ⇒ 0⁺)
  noise: number; // σ_ε, a standard deviation
}

export interface RFPoint extends Convergence {
  alpha: number;
  beta: number;
  testError: number; // E, Infinity where it diverges
  diverges: boolean;
  kappa: number;
  df2: number;
  bias: number; // B
  sigmaE2: number; // σ_e²: the effective noise
}

export function validateRF(p: RFParams): void {
  if (!(p.lambda >= 0 && Number.isFinite(p.lambda))) throw new TwoLayerParamError(`λ must be ≥ 0, got ${p.lambda}`);
  if (!(p.noise >= 0 && Number.isFinite(p.noise))) throw new TwoLayerParamError(`σ_ε must be ≥ 0, got ${p.noise}`);
  if (!(p.activation.muStar2 > 1e-12)) {
    throw new TwoLayerParamError(
      `activation ${p.activation.name} is linear (μ*² = 0): the random-features formula needs a non-linear σ`,
    );
  }
}

/** Moments of the MP law for fixed κ: ⟨s/(s+κ)⟩, ⟨s²/(s+κ)²⟩, ⟨ν/(s(s+κ)²)⟩. */
function moments(rule: MPRule, ms2: number, m12: number, kappa: number): [number, number, number] {
  let a = 0;
  let b = 0;
  let c = 0;
  const { nu, w } = rule;
  for (let i = 0; i < nu.length; i++) {
    const s = ms2 + m12 * nu[i];
    const r = s / (s + kappa);
    a += w[i] * r;
    b += w[i] * r * r;
    c += (w[i] * nu[i]) / (s * (s + kappa) * (s + kappa));
  }
  return [a, b, c];
}

/** E(α, β) at one point. */
export function rfPoint(p: RFParams, alpha: number, beta: number, rule: MPRule = mpRule(beta)): RFPoint {
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new TwoLayerParamError(`α must be > 0, got ${alpha}`);
  if (!(beta > 0 && Number.isFinite(beta))) throw new TwoLayerParamError(`β must be > 0, got ${beta}`);
  const ms2 = p.activation.muStar2;
  const m12 = p.activation.mu1 ** 2;
  const g12 = p.target.mu1 ** 2;
  const c = beta / alpha;
  const lp = beta * p.lambda;
  // ⟨ν/s⟩ for σ_e²
  let nuOverS = 0;
  for (let i = 0; i < rule.nu.length; i++) nuOverS += (rule.w[i] * rule.nu[i]) / (ms2 + m12 * rule.nu[i]);
  const sigmaE2 = g12 * (1 - m12 * beta * nuOverS) + p.target.muStar2 + p.noise ** 2;
  const base = { alpha, beta, sigmaE2 };
  if (lp === 0 && Math.abs(c - 1) < 1e-13) {
    return {
      ...base,
      testError: Infinity,
      diverges: true,
      kappa: 0,
      df2: 1,
      bias: 0,
      converged: true,
      iterations: 0,
      residual: 0,
    };
  }
  let kappa = 0;
  let iterations = 0;
  let residual = 0;
  let converged = true;
  if (!(lp === 0 && c < 1)) {
    // F(κ) = κ − c⟨sκ/(s+κ)⟩ − λ' is convex with F(0) = −λ' ≤ 0 and F'(0) = 1 − c; at λ' = 0 and c > 1
    // the wanted root is the positive one, so bracket away from 0 by F(κ)/κ (same sign for κ > 0).
    const G =
      lp > 0
        ? (k: number) => k - c * k * moments(rule, ms2, m12, k)[0] - lp
        : (k: number) => 1 - c * moments(rule, ms2, m12, k)[0];
    let lo = 0;
    let hi = Math.max(lp, ms2, 1e-3);
    while (G(hi) < 0 && hi < 1e300) {
      lo = hi;
      hi *= 4;
    }
    if (lp === 0 && lo === 0) lo = hi * 1e-300; // G(0⁺) = 1 − c < 0
    const r = brent(G, lo, hi, 1e-15 * hi);
    kappa = r.x;
    iterations = r.iterations;
    residual = r.residual;
    converged = r.converged;
  }
  const [, b, cc] = moments(rule, ms2, m12, kappa);
  const df2 = c * b;
  const bias = kappa * kappa * m12 * g12 * beta * cc;
  const testError = df2 < 1 ? (bias + sigmaE2) / (1 - df2) : Infinity;
  return { ...base, testError, diverges: !(df2 < 1), kappa, df2, bias, converged, iterations, residual };
}

/** A curve in α at fixed β, or in β at fixed α. */
export function rfCurve(p: RFParams, alphas: readonly number[], betas: readonly number[]): RFPoint[] {
  validateRF(p);
  const out: RFPoint[] = [];
  for (const beta of betas) {
    const rule = mpRule(beta);
    for (const alpha of alphas) out.push(rfPoint(p, alpha, beta, rule));
  }
  return out;
}
