// Finite-d simulations of the two-layer lecture against the theory, within 3 standard errors over seeds
// (finite-size deviations are 1–2 % at d = 400 per docs/physics/two-layer-lecture.md §1; seed noise dominates at these d).
import { describe, expect, it } from 'vitest';
import { oneStepPoint, nullOverlapScale } from '../../physics/twoLayer/oneStep';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { rfPoint } from '../../physics/twoLayer/randomFeatures';
import { sampleEscapeSDE } from '../../physics/twoLayer/sgdSde';
import { simulateOneStepSeed } from './oneStepSim';
import { simulateRFSeed } from './rfSim';
import { meanSE } from './ridge';
import { simulateSgdSeed } from './sgdSim';

const seeds = (k: number) => Array.from({ length: k }, (_, i) => i + 1);

describe('random-features ridge simulation', () => {
  const cases: [string, string, number, number, number, number][] = [
    ['relu', 'linear', 2, 1, 1e-2, 0.1],
    ['tanh', 'tanh2', 1, 1.5, 0, 0.3], // ridgeless, past the peak
  ];
  for (const [a, t, alpha, beta, lambda, noise] of cases) {
    it(`${a}/${t} α = ${alpha}, β = ${beta}, λ = ${lambda}`, () => {
      const p = { activation: activationProfile(a), target: targetProfile(t), lambda, noise, alpha, beta, d: 80 };
      const { mean, se } = meanSE(seeds(8).map((s) => simulateRFSeed(p, s, 1000)));
      const theory = rfPoint(p, alpha, beta).testError;
      expect(Math.abs(mean - theory)).toBeLessThan(3 * se);
    });
  }
});

describe('one-step simulation', () => {
  it('ℓ = 1 (tanh2): s1/√p and the overlap match the d → ∞ values within 3 SE', () => {
    const p = {
      activation: activationProfile('relu'),
      target: targetProfile('tanh2'),
      eta: 1,
      noise: 0,
      alpha0: 4,
      beta: 1,
      d: 100,
    };
    const rs = seeds(8).map((s) => simulateOneStepSeed(p, s));
    const th = oneStepPoint(p, 4);
    const s1 = meanSE(rs.map((r) => r.s1));
    const ov = meanSE(rs.map((r) => r.overlap));
    expect(Math.abs(s1.mean - th.s1)).toBeLessThan(3 * s1.se);
    expect(Math.abs(ov.mean - th.overlap)).toBeLessThan(3 * ov.se);
    // the spike is an outlier: far above the bulk
    for (const r of rs) expect(r.s1).toBeGreaterThan(5 * r.singularValues[r.singularValues.length - 2]);
  });
  it('ℓ = 2 (He2/√2): the overlap is noise of order 1/√d and vanishes as d grows', () => {
    const mk = (d: number) => ({
      activation: activationProfile('relu'),
      target: targetProfile('he2'),
      eta: 1,
      noise: 0,
      alpha0: 4,
      beta: 1,
      d,
    });
    const ov = (d: number) => meanSE(seeds(6).map((s) => simulateOneStepSeed(mk(d), s).overlap)).mean;
    const o40 = ov(40);
    const o160 = ov(160);
    expect(o160).toBeLessThan(0.75 * o40); // expected ratio 1/2
    // E|N(0,1)| = 0.80 times the scale √(E[g²z²]/E g²/d)
    for (const [d, o] of [
      [40, o40],
      [160, o160],
    ]) {
      const sc = nullOverlapScale(targetProfile('he2'), d);
      expect(o).toBeGreaterThan(0.3 * sc);
      expect(o).toBeLessThan(2 * sc);
    }
  });
});

describe('online SGD simulation', () => {
  it('ℓ = 1, d = 100: escape samples match the SDE sampler within 3 SE', () => {
    const p = { ell: 1, eta: 0.5 };
    const sim = meanSE(seeds(16).map((s) => simulateSgdSeed(p, 100, s, 100000).samples));
    const sde = sampleEscapeSDE(p, 100, { paths: 2000, seed: 5 });
    const sdeSE = meanSE(Array.from(sde.samples)).se;
    expect(Math.abs(sim.mean - sde.mean)).toBeLessThan(3 * Math.hypot(sim.se, sdeSE));
  });
});
