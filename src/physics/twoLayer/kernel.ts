// Kernel ridge regression as the β → ∞ limit of random features, and the linear floor
// (docs/physics/two-layer-lecture.md §2; proportional-regime linearisation of El Karoui arXiv 1007.4000, Mei–Montanari
// arXiv 1908.05355): KRR with n = αd is linear ridge with an implicit ridge from the non-linearity,
//   λ_eff = (μ*² + αλ)/(α μ1²),  k: λ_eff = k (1 − 1/(α(1 + k))),
//   E_KRR = (k² g1²/(1 + k)² + g*² + σ_ε²)/(1 − 1/(α(1 + k)²)),
// never below the linear floor g*² + σ_ε².
import { TwoLayerParamError } from '../errors';
import { type RFParams } from './randomFeatures';

export interface KRRPoint {
  alpha: number;
  testError: number;
  floor: number;
  k: number; // the effective ridge of the linear problem
}

/** The error of the best linear approximation of the target: g*² + σ_ε². */
export function linearFloor(p: Pick<RFParams, 'target' | 'noise'>): number {
  return p.target.muStar2 + p.noise ** 2;
}

export function krrPoint(p: RFParams, alpha: number): KRRPoint {
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new TwoLayerParamError(`α must be > 0, got ${alpha}`);
  const m12 = p.activation.mu1 ** 2;
  if (!(m12 > 0))
    throw new TwoLayerParamError(`activation ${p.activation.name} has μ1 = 0: the kernel learns nothing linear`);
  const floor = linearFloor(p);
  const lEff = (p.activation.muStar2 + alpha * p.lambda) / (alpha * m12);
  // k² + b k − λ_eff = 0 with b = 1 − 1/α − λ_eff: the positive root, in the form without cancellation
  const b = 1 - 1 / alpha - lEff;
  const disc = Math.sqrt(b * b + 4 * lEff);
  const k = b >= 0 ? (2 * lEff) / (b + disc) : (disc - b) / 2;
  const g12 = p.target.mu1 ** 2;
  const den = 1 - 1 / (alpha * (1 + k) ** 2);
  const testError = den > 0 ? ((k * k * g12) / (1 + k) ** 2 + floor) / den : Infinity;
  return { alpha, testError, floor, k };
}
