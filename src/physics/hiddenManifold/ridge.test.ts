// Hidden-manifold ridge curve (ridge.ts) against closed forms: λ → ∞, the λ → 0⁺ interpolation peak at n = N, the
// least-squares error σ_e²/(1 − 1/α) past it with σ_e² from the Marchenko–Pastur Stieltjes transform, and the plain
// Gaussian linear model of a linear f. The finite-N simulations are in src/sim/hiddenManifold/ridgeSim.test.ts.
import { describe, expect, it } from 'vitest';
import { activationProfile, targetProfile } from '../twoLayer/profiles';
import { hmmRidgeCurve, hmmRidgePoint, nullError, validateHmmRidge, type HmmRidgeParams } from './ridge';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const P = (f: string, g: string, delta: number, lambda: number, noise: number): HmmRidgeParams => ({
  activation: activationProfile(f),
  target: targetProfile(g),
  delta,
  lambda,
  noise,
});

/** ⟨1/(ν + t)⟩ over the MP law of ratio y (Stieltjes transform at −t): the positive root of y t m² + (t + 1 − y) m = 1. */
function mpStieltjes(y: number, t: number): number {
  const b = t + 1 - y;
  return 2 / (b + Math.sqrt(b * b + 4 * y * t)); // = (−b + √(b² + 4yt))/(2yt), written without cancellation
}

/** σ_e² = E y² − the variance the best linear function of x explains, under the Gaussian equivalence. */
function sigmaE2(p: HmmRidgeParams): number {
  const { mu1, muStar2 } = p.activation;
  const beta = 1 / p.delta;
  const t = muStar2 / mu1 ** 2;
  const nuOverS = (1 - t * mpStieltjes(beta, t)) / mu1 ** 2; // ⟨ν/(κ⋆² + κ1²ν)⟩
  return p.target.mu1 ** 2 * (1 - mu1 ** 2 * beta * nuOverS) + p.target.muStar2 + p.noise ** 2;
}

describe('hidden-manifold ridge: closed forms', () => {
  it('λ → ∞ predicts 0: E → E g² + σ_ε²', () => {
    for (const [f, g, delta] of [
      ['erf', 'tanh2', 0.5],
      ['relu', 'linear', 2],
      ['tanh', 'he1he2', 0.1],
    ] as const) {
      const p = P(f, g, delta, 1e9, 0.2);
      for (const alpha of [0.3, 1, 4]) expect(rel(hmmRidgePoint(p, alpha).testError, nullError(p))).toBeLessThan(1e-6);
    }
  });

  it('λ → 0⁺: the interpolation peak sits at α = n/N = 1 for every D/N', () => {
    for (const delta of [0.1, 0.5, 1, 3]) {
      const p = P('erf', 'tanh2', delta, 0, 0.1);
      expect(hmmRidgePoint(p, 1).diverges).toBe(true);
      const left = [0.5, 0.9, 0.99].map((a) => hmmRidgePoint(p, a).testError);
      const right = [1.01, 1.1, 2].map((a) => hmmRidgePoint(p, a).testError);
      expect(left[0]).toBeLessThan(left[1]);
      expect(left[1]).toBeLessThan(left[2]);
      expect(right[0]).toBeGreaterThan(right[1]);
      expect(right[1]).toBeGreaterThan(right[2]);
      expect(Math.min(left[2], right[0])).toBeGreaterThan(10 * Math.max(left[0], right[2]));
      // any λ > 0 removes it
      expect(Number.isFinite(hmmRidgePoint({ ...p, lambda: 1e-3 }, 1).testError)).toBe(true);
    }
  });

  it('λ → 0⁺, n > N: least squares, E = σ_e²/(1 − 1/α) (σ_e² by the MP Stieltjes transform)', () => {
    for (const [f, g, delta] of [
      ['erf', 'tanh2', 0.25],
      ['relu', 'he1he2', 1],
      ['tanh', 'linear', 4],
    ] as const) {
      const p = P(f, g, delta, 0, 0.3);
      for (const alpha of [1.5, 3, 10]) {
        const want = sigmaE2(p) / (1 - 1 / alpha);
        expect(rel(hmmRidgePoint(p, alpha).testError, want)).toBeLessThan(1e-9);
      }
    }
  });

  it('a linear f with D > N is the Gaussian linear model: E = (g1²(1 − N/D) + g*² + σ_ε²)/(1 − 1/α)', () => {
    // x = Fᵀc/√D spans N of the D latent directions; the rest of θ·c/√D is noise for any learner on x.
    for (const delta of [1.5, 4]) {
      const p = P('linear', 'tanh2', delta, 0, 0.2);
      const g = p.target;
      for (const alpha of [1.25, 2, 8]) {
        const want = (g.mu1 ** 2 * (1 - 1 / delta) + g.muStar2 + 0.04) / (1 - 1 / alpha);
        expect(rel(hmmRidgePoint(p, alpha).testError, want)).toBeLessThan(1e-9);
      }
    }
  });

  it('an optimal-ish ridge beats both limits, and the error falls with α at fixed λ > 0', () => {
    const p = P('erf', 'tanh2', 0.5, 0.1, 0.1);
    const c = hmmRidgeCurve(p, [0.25, 0.5, 1, 2, 4, 8]).map((r) => r.testError);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeLessThan(c[i - 1]);
    expect(c[5]).toBeLessThan(nullError(p));
    expect(hmmRidgeCurve(p, [1])[0].converged).toBe(true);
  });

  it('refuses bad input with one-line messages', () => {
    expect(() => validateHmmRidge(P('linear', 'tanh2', 1, 0, 0))).toThrow(/linear/);
    expect(() => validateHmmRidge(P('erf', 'tanh2', 0, 0, 0))).toThrow(/δ = D\/N/);
    expect(() => validateHmmRidge(P('erf', 'tanh2', 1, -1, 0))).toThrow(/λ must be/);
    expect(() => validateHmmRidge(P('erf', 'relu', 1, 0, 0))).toThrow(/mean/);
    expect(() => hmmRidgePoint(P('erf', 'tanh2', 1, 0, 0), 0)).toThrow(/α = n\/N/);
  });
});
