// One giant gradient step at finite d (docs/physics/two-layer-lecture.md §3): f(x) = (1/√p) Σ_j a_j σ(w_j·x), a_j = ±1,
// w_j⁰ uniform on the sphere, one full-batch step with η = η̃√p on n0 = α0 d fresh samples with the residual
// at f = 0:  W¹ = W⁰ + (η̃/n0) diag(a) [σ'(W⁰X0ᵀ) ⊙ 1yᵀ] X0.  Reports the singular values of W¹ − W⁰ (/√p),
// the top right singular vector's overlap with θ* = e1, and ridge errors on σ(W⁰x) and σ(W¹x) (simulation only).
import { Rng } from '../../physics/numerics/rng';
import type { HermiteProfile } from '../../physics/twoLayer/profiles';
import { gramT, mulABt, symmetricEigenvalues, topEigenvector } from '../linalg';
import { drawData, ridgeTestError, sphereRows } from './ridge';

export interface OneStepSimParams {
  activation: HermiteProfile;
  target: HermiteProfile;
  eta: number; // η̃
  noise: number;
  alpha0: number; // n0/d
  beta: number; // p/d
  d: number;
  /** Ridge after the step (omit to skip): n = αd fresh samples, penalty λ. */
  ridge?: { alpha: number; lambda: number };
}

export interface OneStepSimResult {
  singularValues: Float64Array; // of W¹ − W⁰, divided by √p, ascending (min(p, d) values)
  s1: number; // largest of them
  overlap: number; // |⟨v1, θ*⟩|
  errorBefore: number; // ridge on σ(W⁰x)
  errorAfter: number; // ridge on σ(W¹x)
}

export function simulateOneStepSeed(p: OneStepSimParams, seed: number, nTest = 2000): OneStepSimResult {
  const rng = new Rng(seed >>> 0, 'polar');
  const d = p.d;
  const pp = Math.max(1, Math.round(p.beta * d));
  const n0 = Math.max(1, Math.round(p.alpha0 * d));
  const W0 = sphereRows(rng, pp, d);
  const a = new Float64Array(pp);
  for (let j = 0; j < pp; j++) a[j] = rng.sign();
  const { X, y } = drawData(rng, p.target, n0, d, p.noise);
  // G[j, i] = a_j σ'(w_j·x_i) y_i η̃/n0, then Δ = G X0 (p×d)
  const pre = mulABt(W0, X, pp, n0, d);
  const c = p.eta / n0;
  for (let j = 0; j < pp; j++)
    for (let i = 0; i < n0; i++) pre[j * n0 + i] = c * a[j] * p.activation.df(pre[j * n0 + i]) * y[i];
  const Delta = new Float64Array(pp * d);
  for (let j = 0; j < pp; j++) {
    const gj = j * n0;
    const dj = j * d;
    for (let i = 0; i < n0; i++) {
      const v = pre[gj + i];
      if (v === 0) continue;
      const xi = i * d;
      for (let l = 0; l < d; l++) Delta[dj + l] += v * X[xi + l];
    }
  }
  const S = gramT(Delta, pp, d); // d×d: its eigenvalues are the squared singular values
  const ev = symmetricEigenvalues(S, d);
  const m = Math.min(pp, d);
  const sv = new Float64Array(m);
  for (let k = 0; k < m; k++) sv[k] = Math.sqrt(Math.max(0, ev[d - m + k]) / pp);
  const v1 = topEigenvector(S, d);
  const overlap = Math.abs(v1[0]);
  let errorBefore = NaN;
  let errorAfter = NaN;
  if (p.ridge) {
    const n = Math.max(1, Math.round(p.ridge.alpha * d));
    const s = { activation: p.activation, target: p.target, lambda: p.ridge.lambda, noise: p.noise };
    const W1 = Float64Array.from(W0);
    for (let k = 0; k < W1.length; k++) W1[k] += Delta[k];
    errorBefore = ridgeTestError(new Rng((seed + 7919) >>> 0, 'polar'), s, W0, pp, d, n, nTest);
    errorAfter = ridgeTestError(new Rng((seed + 7919) >>> 0, 'polar'), s, W1, pp, d, n, nTest); // same data for both
  }
  return { singularValues: sv, s1: sv[m - 1], overlap, errorBefore, errorAfter };
}
