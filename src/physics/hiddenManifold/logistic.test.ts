// The Gaussian-covariate fixed point (logistic.ts): with the square loss it is the ridge curve of ridge.ts (two
// engines, one number); its numerical channel equals the closed-form one; logistic regression at λ → ∞ is the
// Hebbian estimator, whose classification error has a closed form. Finite-N logistic runs: src/sim/hiddenManifold.
import { describe, expect, it } from 'vitest';
import { activationProfile, targetProfile, type HermiteProfile } from '../twoLayer/profiles';
import { hmmRidgePoint } from './ridge';
import { logisticPoint, signChannel, solveErm, SQUARE, squareChannel, validateErm } from './logistic';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** sign(ν) as a target: g1 = E|ν| = √(2/π), E g² = 1. */
const SIGN = { mu1: Math.sqrt(2 / Math.PI), Ef2: 1 } as HermiteProfile;

describe('ERM on the hidden manifold (Gaussian covariate fixed point)', () => {
  it('square loss: the fixed point gives the ridge curve of the random-features route (1e−8)', () => {
    for (const [f, g, delta, lambda, alpha] of [
      ['erf', 'tanh2', 0.5, 0.1, 0.5],
      ['erf', 'tanh2', 0.5, 0.01, 2],
      ['tanh', 'he1he2', 2, 1, 3],
      ['relu', 'linear', 0.25, 0.05, 1],
    ] as const) {
      const target = targetProfile(g);
      const p = { activation: activationProfile(f), delta, lambda };
      const r = solveErm(p, squareChannel(target, 0.1), alpha);
      expect(r.converged).toBe(true);
      const E = target.Ef2 + 0.01 - 2 * target.mu1 * r.m + r.q; // E(y − λ)² with (ν, λ) jointly Gaussian
      expect(rel(E, hmmRidgePoint({ ...p, target, noise: 0.1 }, alpha).testError)).toBeLessThan(1e-8);
    }
  });

  it('the channel by quadrature equals the closed form (square loss, sign labels)', () => {
    const p = { activation: activationProfile('erf'), delta: 0.5, lambda: 0.1 };
    for (const alpha of [0.5, 2]) {
      const a = solveErm(p, squareChannel(SIGN, 0), alpha);
      const b = solveErm(p, signChannel(SQUARE), alpha);
      for (const k of ['m', 'q', 'V'] as const) expect(rel(b[k], a[k])).toBeLessThan(1e-9);
    }
  });

  it('logistic at λ → ∞ is the Hebbian estimator: arccos(m/√q)/π in closed form', () => {
    // m̂ = α/√(2π), q̂ = α/4 (f = y/2 at ŵ → 0), V → 0, hence with ⟨ν⟩ = 1, ⟨ν²⟩ = 1 + 1/δ over the MP law:
    // m ∝ ακ1²/(δ√(2π)),  q ∝ α²κ1²(κ⋆² + κ1²(1 + 1/δ))/(2πδ) + (α/4)(κ⋆⁴ + 2κ⋆²κ1² + κ1⁴(1 + 1/δ)).
    for (const [f, delta, alpha] of [
      ['erf', 0.5, 1],
      ['tanh', 2, 3],
    ] as const) {
      const a = activationProfile(f);
      const [k1, ks] = [a.mu1 ** 2, a.muStar2];
      const m = (alpha * k1) / (delta * Math.sqrt(2 * Math.PI));
      const q =
        (alpha * alpha * k1 * (ks + k1 * (1 + 1 / delta))) / (2 * Math.PI * delta) +
        (alpha / 4) * (ks * ks + 2 * ks * k1 + k1 * k1 * (1 + 1 / delta));
      const want = Math.acos(m / Math.sqrt(q)) / Math.PI;
      expect(rel(logisticPoint({ activation: a, delta, lambda: 1e5 }, alpha).classError, want)).toBeLessThan(1e-4);
    }
  });

  it('logistic: the classification error falls with α and is below the Hebbian one at a moderate λ', () => {
    const p = { activation: activationProfile('erf'), delta: 0.5, lambda: 0.01 };
    const e = [0.5, 1, 2, 4].map((a) => logisticPoint(p, a));
    for (const r of e) expect(r.converged).toBe(true);
    for (let i = 1; i < e.length; i++) expect(e[i].classError).toBeLessThan(e[i - 1].classError);
    expect(e[3].classError).toBeLessThan(logisticPoint({ ...p, lambda: 1e5 }, 4).classError);
  });

  it('refuses bad input with one-line messages', () => {
    const p = { activation: activationProfile('erf'), delta: 0.5, lambda: 0.01 };
    expect(() => validateErm({ ...p, lambda: 0 })).toThrow(/λ must be/);
    expect(() => validateErm({ ...p, delta: 100 })).toThrow(/δ = D\/N/);
    expect(() => validateErm({ ...p, activation: activationProfile('relu') })).toThrow(/odd non-linear f/);
    expect(() => logisticPoint(p, 0)).toThrow(/α = n\/N/);
  });
});
