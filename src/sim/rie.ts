// Rotationally invariant estimator of S_k = Wᵀ diag(v) W/k from R = S_k + √t Z (Z GOE, spectrum [−2, 2]),
// using the theory engine's spectral law (docs/physics/mlp-shallow.md §4): keep R's eigenvectors and map each eigenvalue
// λ ↦ λ − 2t h(λ), h(λ) = p.v.∫ρ_R(y)/(λ − y) dy = −Re g(λ + i0⁺), with g the Stieltjes transform of the
// limiting spectrum of R (src/physics/spectral.ts). The predicted error per d is
// (1/d) E‖Ŝ − S_k‖²_F = t − (4π²/3) t² ∫ρ_R³ (mmse_S/γ in the engine's normalisation).

import { spectralDensity, stieltjesAt, type SpectralLaw } from '../physics/spectral';
import { spectralMap, symmetricEigen } from './linalg';

export interface RieResult {
  S: Float64Array;
  /** Predicted error per d of the estimate, (1/d) E‖Ŝ − S_k‖²_F. */
  predictedError: number;
  /** Eigenvalues that fell outside the limiting support and were clamped to its edge (finite-size effect). */
  clamped: number;
  eigenSweeps: number;
}

/** Clamps x into the support (a union of intervals), just inside the nearest edge. */
function clampToSupport(x: number, intervals: Array<[number, number]>): { x: number; moved: boolean } {
  let best = x;
  let dist = Infinity;
  for (const [a, b] of intervals) {
    if (x >= a && x <= b) {
      const w = 1e-9 * (b - a);
      return { x: Math.min(Math.max(x, a + w), b - w), moved: false };
    }
    const w = 1e-6 * (b - a);
    const edge = x < a ? a + w : b - w;
    const d = Math.abs(x - edge);
    if (d < dist) {
      dist = d;
      best = edge;
    }
  }
  return { x: best, moved: true };
}

/**
 * g(x + i0⁺) with Im g > 0. Right at a square-root edge the engine's Newton search can land on a real root of
 * the wrong branch (seen at d = 30: Re g = −7.9 instead of −0.3, a jump of the whole estimate); step inward
 * until the root found is the physical one.
 */
function physicalRoot(
  law: SpectralLaw,
  t: number,
  x: number,
  intervals: Array<[number, number]>,
): { re: number; im: number } {
  let g = stieltjesAt(law, t, x);
  const iv = intervals.find(([a, b]) => x >= a && x <= b);
  if (!iv) return g;
  const [a, b] = iv;
  const mid = 0.5 * (a + b);
  for (const f of [1e-5, 1e-4, 1e-3, 1e-2, 3e-2]) {
    if (g.im > 1e-9 * (1 + Math.abs(g.re)) && Number.isFinite(g.re)) return g;
    g = stieltjesAt(law, t, x + Math.sign(mid - x) * f * (b - a));
  }
  return g;
}

/** RIE of S_k from the symmetric d×d observation R at noise level t. */
export function rieDenoise(R: Float64Array, d: number, law: SpectralLaw, t: number): RieResult {
  const eig = symmetricEigen(R, d);
  const dens = spectralDensity(law, t, 1e-8);
  const mapped = new Float64Array(d);
  let clamped = 0;
  for (let i = 0; i < d; i++) {
    const { x, moved } = clampToSupport(eig.values[i], dens.intervals);
    if (moved) clamped++;
    const g = physicalRoot(law, t, x, dens.intervals);
    // ξ(λ) = λ − 2t h(λ), h = −Re g; for a clamped eigenvalue the map is applied at the edge.
    mapped[i] = x + 2 * t * g.re;
  }
  const S = spectralMap(eig, d, mapped);
  const predictedError = t - ((4 * Math.PI * Math.PI) / 3) * t * t * dens.rho3;
  return { S, predictedError, clamped, eigenSweeps: eig.sweeps };
}
