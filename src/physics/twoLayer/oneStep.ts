// One giant gradient step on the first layer (docs/physics/two-layer-lecture.md §3; Ba et al. arXiv 2205.01445):
// with η = η̃√p the update W¹ − W⁰ has one outlier singular value of order √p along θ*, for d → ∞
//   s1/√p → η̃ |μ1(σ)| √(g1² + (E g² + σ_ε²)/α0),   |⟨v1, θ*⟩| → |g1|/√(g1² + (E g² + σ_ε²)/α0).
// For g1 = 0 (information exponent ≥ 2) the limiting overlap is 0 at any α0 = Θ(1); a finite-d simulation
// shows noise of order √(E[g² z²]/E g²)/√d (Dandi et al. arXiv 2305.18270: He_k needs n0 = Θ(d^k)).
import { TwoLayerParamError } from '../errors';
import { meanF2Z2, type HermiteProfile } from './profiles';

export interface OneStepParams {
  activation: HermiteProfile;
  target: HermiteProfile;
  eta: number; // η̃: the learning rate is η̃√p
  noise: number; // σ_ε
}

export interface OneStepPoint {
  alpha0: number; // n0/d, samples in the step
  s1: number; // s1(W¹ − W⁰)/√p
  overlap: number; // |⟨v1, θ*⟩|
}

export function validateOneStep(p: OneStepParams): void {
  if (!(p.eta > 0 && Number.isFinite(p.eta))) throw new TwoLayerParamError(`η̃ must be > 0, got ${p.eta}`);
  if (!(p.noise >= 0 && Number.isFinite(p.noise))) throw new TwoLayerParamError(`σ_ε must be ≥ 0, got ${p.noise}`);
}

export function oneStepPoint(p: OneStepParams, alpha0: number): OneStepPoint {
  if (!(alpha0 > 0 && Number.isFinite(alpha0))) throw new TwoLayerParamError(`α0 must be > 0, got ${alpha0}`);
  const g12 = p.target.mu1 ** 2;
  const r2 = g12 + (p.target.Ef2 + p.noise ** 2) / alpha0;
  return { alpha0, s1: p.eta * Math.abs(p.activation.mu1) * Math.sqrt(r2), overlap: Math.sqrt(g12 / r2) };
}

/** Scale √(E[g² z²]/E g²)/√d of the overlap a finite-d step shows for a target with g1 = 0. */
export function nullOverlapScale(target: HermiteProfile, d: number): number {
  return Math.sqrt(meanF2Z2(target) / target.Ef2 / d);
}
