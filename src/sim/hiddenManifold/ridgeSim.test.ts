// Ridge and logistic regression on sampled hidden-manifold data (ridgeSim.ts) against the asymptotic curves
// (physics/hiddenManifold/ridge.ts, logistic.ts),
// and the two routes to the same number: the hidden-manifold sampler (c, F, x = f(Fᵀc/√D)) and the random-features
// sampler of the two-layer tab (twoLayer/rfSim.ts) on the latent, with d = D, p = N, α_RF = α/δ, λ_RF = λδ/α.
// N = 200, three seeds each: seed-to-seed spread of the test error is about 5 % here and the finite-size bias
// O(1/N), so the mean of three is held to 1.5/√N ≈ 11 % of the theory (observed: within 5 %).
import { describe, expect, it } from 'vitest';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { hmmRidgePoint, type HmmRidgeParams } from '../../physics/hiddenManifold/ridge';
import { simulateHmmLogisticSeed, simulateHmmRidgeSeed } from './ridgeSim';
import { logisticPoint } from '../../physics/hiddenManifold/logistic';
import { simulateRFSeed } from '../twoLayer/rfSim';

const N = 200;
const SEEDS = [0, 1, 2];
const TOL = 1.5 / Math.sqrt(N);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const CASES: [string, string, number, number, number][] = [
  // f, g, δ = D/N, λ, α = n/N
  ['erf', 'tanh2', 0.5, 0, 0.5],
  ['erf', 'tanh2', 0.5, 0.1, 1],
  ['tanh', 'he1he2', 0.25, 0.01, 3],
  ['relu', 'tanh2', 1, 0.01, 0.5],
];

describe('hidden-manifold ridge at N = 200', () => {
  for (const [f, g, delta, lambda, alpha] of CASES)
    it(`f = ${f}, g = ${g}, δ = ${delta}, λ = ${lambda}, α = ${alpha}`, () => {
      const p: HmmRidgeParams = {
        activation: activationProfile(f),
        target: targetProfile(g),
        delta,
        lambda,
        noise: 0.1,
      };
      const theory = hmmRidgePoint(p, alpha).testError;
      const hmm = mean(SEEDS.map((s) => simulateHmmRidgeSeed({ ...p, alpha, N }, s, 1000)));
      const D = Math.round(delta * N);
      const rfParams = { ...p, lambda: (lambda * delta) / alpha, alpha: alpha / delta, beta: N / D, d: D };
      const rf = mean(SEEDS.map((s) => simulateRFSeed(rfParams, s, 1000)));
      expect(Math.abs(hmm - theory)).toBeLessThan(TOL * theory);
      expect(Math.abs(rf - theory)).toBeLessThan(TOL * theory);
      expect(Math.abs(hmm - rf)).toBeLessThan(TOL * theory);
    });
});

describe('hidden-manifold logistic regression at N = 200 (labels sign(θ·c/√D))', () => {
  // Classification error on 2000 fresh points (binomial SE ≈ 0.01), three seeds; the mean within 1.5/√N of the
  // fixed point, relative (observed: within 3 %).
  for (const [f, delta, lambda, alpha] of [
    ['erf', 0.5, 0.1, 0.5],
    ['erf', 0.5, 0.01, 2],
  ] as const)
    it(`f = ${f}, δ = ${delta}, λ = ${lambda}, α = ${alpha}`, () => {
      const p = { activation: activationProfile(f), delta, lambda };
      const theory = logisticPoint(p, alpha).classError;
      const runs = SEEDS.map((s) => simulateHmmLogisticSeed({ ...p, alpha, N }, s, 2000));
      expect(runs.every((e) => e !== null)).toBe(true);
      expect(Math.abs(mean(runs as number[]) - theory)).toBeLessThan(TOL * theory);
    });
});
