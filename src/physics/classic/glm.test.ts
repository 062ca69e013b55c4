import { describe, expect, it } from 'vitest';
import { normalCdf } from '../numerics/normal';
import {
  freeEntropy,
  glmCurve,
  glmThresholds,
  iterateBranch,
  makeGlm,
  qhatOf,
  solveGlmPoint,
  type GlmModel,
} from './glm';
import { expectNaive, makeChannel, signFisherTerm, type GlmChannel } from './glmChannels';
import { denoise, makePrior, priorState } from './glmPriors';
import { logNormalCdf, millsRatio, pdfOverCdf } from './gaussTail';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Gaussian tails', () => {
  it('Mills ratio is continuous where the asymptotic series takes over and matches 1/x asymptotics', () => {
    // At the switch x = 35 the series and the direct ratio agree.
    expect(rel(millsRatio(35), normalCdf(-35) / (Math.exp(-612.5) / Math.sqrt(2 * Math.PI)))).toBeLessThan(1e-13);
    expect(rel(millsRatio(1e4), 1e-4)).toBeLessThan(1e-8);
  });
  it('log Φ is finite deep in the lower tail and continuous at the switch', () => {
    expect(rel(logNormalCdf(-35.0000001), Math.log(normalCdf(-35.0000001)))).toBeLessThan(1e-14);
    expect(logNormalCdf(-100)).toBeCloseTo(-5005.524208, 5); // −x²/2 − ln(−x √(2π)) − 1/x² …
    expect(rel(logNormalCdf(-3), Math.log(normalCdf(-3)))).toBeLessThan(1e-14);
    expect(logNormalCdf(10)).toBeCloseTo(-7.619853e-24, 28);
    expect(rel(pdfOverCdf(-50), 50.019984)).toBeLessThan(1e-7); // ≈ x + 1/x − 2/x³ for x = 50
  });
});

describe('scalar denoiser of the GLM priors', () => {
  it('c_in = ∂_B f_in and f_in = ∂_B ln Z_in (finite differences) for every prior', () => {
    const out = { logZ: 0, mean: 0, variance: 0 };
    for (const name of ['gaussian', 'rademacher', 'binary-biased', 'gauss-bernoulli'] as const) {
      const p = makePrior(name);
      for (const [A, B] of [
        [0.7, 0.3],
        [3, -1.2],
        [20, 4],
      ]) {
        const h = 1e-5;
        const up = { ...denoise(p, A, B + h, out) };
        const dn = { ...denoise(p, A, B - h, out) };
        const mid = { ...denoise(p, A, B, out) };
        expect(Math.abs((up.logZ - dn.logZ) / (2 * h) - mid.mean)).toBeLessThan(1e-7);
        expect(Math.abs((up.mean - dn.mean) / (2 * h) - mid.variance)).toBeLessThan(1e-6);
      }
    }
  });
  it('Rademacher: mse = E sech², Ψ = E ln cosh − q̂/2 (classic.md §1), Gaussian closed forms', () => {
    const p = makePrior('rademacher');
    const s = priorState(p, 1.3);
    // E tanh(q̂ + √q̂ ξ) by a 400-point rule on the same integrand written directly.
    let q = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const z = -10 + (20 * (i + 0.5)) / n;
      q += (((20 / n) * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI)) * Math.tanh(1.3 + Math.sqrt(1.3) * z);
    }
    expect(Math.abs(1 - s.mse - q)).toBeLessThan(1e-10);
    const g = priorState(makePrior('gaussian'), 2);
    expect(g.mse).toBeCloseTo(1 / 3, 14);
    expect(g.psi).toBeCloseTo((2 - Math.log(3)) / 2, 14);
  });
});

describe('spherical perceptron (Gaussian prior, noiseless sign, ρ = 1): classic.md §5', () => {
  const m = makeGlm({ prior: 'gaussian', channel: 'sign', delta: 0 });
  const table: [number, number, number, number][] = [
    [0.5, 0.2803257, 0.322395, 0.409558],
    [1, 0.4862636, 0.254373, 0.338359],
    [2, 0.7282982, 0.174534, 0.240312],
    [10, 0.9813781, 0.043573, 0.061525],
    [100, 0.9998075, 0.0044164, 0.0062456],
  ];
  it.each(table)('α = %f: q, ε_BO, ε_Gibbs', (alpha, q, eps, epsG) => {
    const p = solveGlmPoint(m, alpha);
    expect(p.uninformed.converged).toBe(true);
    expect(p.coexist).toBe(false);
    expect(rel(p.uninformed.q, q)).toBeLessThan(2e-7);
    expect(rel(p.uninformed.eps, eps)).toBeLessThan(2e-5);
    expect(rel(p.uninformed.epsGibbs, epsG)).toBeLessThan(2e-5);
  });
  it('large α: α·ε_BO → 0.442 and α·ε_Gibbs → 0.625', () => {
    const p = solveGlmPoint(m, 1e4);
    expect(Math.abs(1e4 * p.uninformed.eps - 0.442)).toBeLessThan(5e-4);
    expect(Math.abs(1e4 * p.uninformed.epsGibbs - 0.625)).toBeLessThan(5e-4);
  });
  it('a naive 200-point Gauss–Hermite rule in ξ misses the large-α spike (why the u = sξ substitution is used)', () => {
    const naive: GlmChannel = { ...m.channel, fisher: (q, _r, e) => expectNaive(signFisherTerm, Math.sqrt(q / e)) / e };
    const bad: GlmModel = { ...m, channel: naive };
    for (const alpha of [20, 50]) {
      const good = solveGlmPoint(m, alpha).uninformed.eps;
      const off = iterateBranch(bad, alpha, 1).eps;
      expect(Math.abs(off - good)).toBeGreaterThan(1e-4);
    }
    expect(Math.abs(iterateBranch(bad, 50, 1).eps - solveGlmPoint(m, 50).uninformed.eps)).toBeGreaterThan(2e-3);
  });
  it('q → 0 gives ε = ½ for the sign channel; α = 0 is q = 0 with f = 0', () => {
    const e = m.channel.errors(0, 1, 1);
    expect(e.eps).toBeCloseTo(0.5, 15);
    expect(e.epsGibbs).toBeCloseTo(0.5, 15);
    const p = solveGlmPoint(m, 0);
    expect(p.uninformed.q).toBe(0);
    expect(p.uninformed.eps).toBeCloseTo(0.5, 15);
    expect(p.uninformed.f).toBe(0);
  });
  it('no first-order transition: thresholds are null', () => {
    const t = glmThresholds(m, 5, 20);
    expect(t.alphaIT).toBeNull();
    expect(t.alphaAMP).toBeNull();
  });
});

describe('binary perceptron (Rademacher prior, noiseless sign): classic.md §5', () => {
  const m = makeGlm({ prior: 'rademacher', channel: 'sign', delta: 0 });
  it('uninformed branch at α = 1 has q = 0.560715; the informed one is exact recovery with f = −ln 2', () => {
    const p = solveGlmPoint(m, 1);
    expect(rel(p.uninformed.q, 0.560715)).toBeLessThan(2e-6);
    expect(p.informed.q).toBe(1);
    expect(p.informed.eps).toBe(0);
    expect(p.informed.f).toBeCloseTo(-Math.LN2, 15);
    expect(p.equilibrium).toBe('uninformed');
    expect(solveGlmPoint(m, 1.4).equilibrium).toBe('informed');
  });
  it('α_IT ≈ 1.245 and α_AMP ≈ 1.493', () => {
    const t = glmThresholds(m);
    expect(t.converged).toBe(true);
    expect(Math.abs(t.alphaIT! - 1.245)).toBeLessThan(5e-4);
    expect(Math.abs(t.alphaAMP! - 1.493)).toBeLessThan(5e-4);
    expect(t.alphaInformed).toBe(0);
    // The uninformed branch just below α_AMP is still partial, just above it is exact recovery.
    expect(solveGlmPoint(m, t.alphaAMP! - 1e-4).uninformed.q).toBeLessThan(0.95);
    expect(solveGlmPoint(m, t.alphaAMP! + 1e-4).uninformed.q).toBe(1);
    // At α_IT the uninformed free entropy is −ln 2.
    expect(solveGlmPoint(m, t.alphaIT!).uninformed.f).toBeCloseTo(-Math.LN2, 8);
  });
  it('the curve (both branches, any α order) agrees with cold solves', () => {
    const alphas = [2, 0.3, 1.2, 1.45, 0.8];
    const pts = glmCurve(m, alphas);
    alphas.forEach((a, i) => {
      const cold = solveGlmPoint(m, a);
      expect(pts[i].alpha).toBe(a);
      expect(Math.abs(pts[i].uninformed.q - cold.uninformed.q)).toBeLessThan(1e-10);
      expect(Math.abs(pts[i].informed.q - cold.informed.q)).toBeLessThan(1e-10);
    });
  });
});

describe('linear Gaussian channel with Gaussian prior: closed form', () => {
  it.each([
    [0.5, 0.1],
    [1, 0.01],
    [3, 0.5],
  ])('α = %f, Δ = %f: e² + e(Δ + αρ − ρ) − ρΔ = 0', (alpha, delta) => {
    const m = makeGlm({ prior: 'gaussian', channel: 'linear', delta });
    const p = solveGlmPoint(m, alpha);
    const b = delta + alpha - 1;
    const e = (-b + Math.sqrt(b * b + 4 * delta)) / 2;
    expect(rel(p.uninformed.mse, e)).toBeLessThan(1e-10);
    expect(p.uninformed.eps).toBe(p.uninformed.mse);
  });
});

describe('free entropy is stationary at the fixed points (finite differences)', () => {
  const cases: [string, Parameters<typeof makeGlm>[0], number, 'uninformed' | 'informed'][] = [
    ['gaussian/sign', { prior: 'gaussian', channel: 'sign', delta: 0 }, 2, 'uninformed'],
    ['rademacher/sign', { prior: 'rademacher', channel: 'sign', delta: 0 }, 1, 'uninformed'],
    ['rademacher/probit', { prior: 'rademacher', channel: 'probit', delta: 0.05 }, 2, 'informed'],
    [
      'gauss-bernoulli/linear',
      { prior: 'gauss-bernoulli', channel: 'linear', delta: 0.01, sparsity: 0.3 },
      0.6,
      'uninformed',
    ],
    ['binary-biased/probit', { prior: 'binary-biased', channel: 'probit', delta: 0.1, bias: 0.4 }, 1.5, 'uninformed'],
    ['gaussian/relu', { prior: 'gaussian', channel: 'relu', delta: 0.1 }, 1.5, 'uninformed'],
  ];
  it.each(cases)('%s', (_name, params, alpha, branch) => {
    const m = makeGlm(params);
    const b = solveGlmPoint(m, alpha)[branch];
    expect(b.converged).toBe(true);
    const e = b.mse;
    const qh = b.qhat;
    const h1 = 1e-4 * qh;
    const h2 = 1e-4 * e;
    const dfdqh = (freeEntropy(m, alpha, e, qh + h1) - freeEntropy(m, alpha, e, qh - h1)) / (2 * h1);
    const dfde = (freeEntropy(m, alpha, e + h2, qh) - freeEntropy(m, alpha, e - h2, qh)) / (2 * h2);
    // Scale: each partial is a difference of two terms of size ~q/2 and ~q̂/2.
    expect(Math.abs(dfdqh)).toBeLessThan(1e-7 * Math.max(1, b.q));
    expect(Math.abs(dfde)).toBeLessThan(1e-6 * Math.max(1, qh));
    // Away from the fixed point the derivative is not zero (the test can fail).
    const off =
      (freeEntropy(m, alpha, e, 1.3 * qh + 0.1 + h1) - freeEntropy(m, alpha, e, 1.3 * qh + 0.1 - h1)) / (2 * h1);
    expect(Math.abs(off)).toBeGreaterThan(1e-4);
    expect(qhatOf(m, alpha, e)).toBeCloseTo(qh, 12);
  });
});

describe('other priors and channels behave', () => {
  it('probit errors lie in (0, ½) and fall with α; the ReLU MSE falls from its α = 0 value', () => {
    const m = makeGlm({ prior: 'gauss-bernoulli', channel: 'probit', delta: 0.1, sparsity: 0.5 });
    const pts = glmCurve(m, [0.5, 1, 2, 4]);
    for (let i = 1; i < pts.length; i++) expect(pts[i].uninformed.eps).toBeLessThan(pts[i - 1].uninformed.eps);
    expect(pts[0].uninformed.eps).toBeLessThan(0.5);
    const r = makeGlm({ prior: 'gaussian', channel: 'relu', delta: 0.1 });
    const p0 = solveGlmPoint(r, 0).uninformed;
    // q = 0: the posterior mean of relu(z) is E relu = 1/√(2π): MSE = ½ − 1/(2π).
    expect(p0.eps).toBeCloseTo(0.5 - 1 / (2 * Math.PI), 10);
    expect(solveGlmPoint(r, 3).uninformed.eps).toBeLessThan(0.5 * p0.eps);
  });
  it('a biased binary prior starts from q = (E w)²', () => {
    const m = makeGlm({ prior: 'binary-biased', channel: 'sign', delta: 0, bias: 0.4 });
    expect(solveGlmPoint(m, 0).uninformed.q).toBeCloseTo(0.16, 14);
  });
  it('bad parameters are refused with a message', () => {
    expect(() => makeChannel('probit', 0)).toThrow(/delta/);
    expect(() => makeChannel('linear', -1)).toThrow(/delta/);
    expect(() => makePrior('gauss-bernoulli', { sparsity: 2 })).toThrow(/sparsity/);
  });
});
