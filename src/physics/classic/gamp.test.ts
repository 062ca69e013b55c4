import { describe, expect, it } from 'vitest';
import { makeGlm, solveGlmPoint } from './glm';
import { runGamp } from './gamp';

describe('GAMP at finite n lands on state evolution', () => {
  it('spherical perceptron, n = 300, α = 2: overlap within finite-size error of SE', () => {
    const [r] = runGamp({ prior: 'gaussian', channel: 'sign', delta: 0, n: 300, alphas: [2], seeds: 3, seed: 1 });
    const se = solveGlmPoint(makeGlm({ prior: 'gaussian', channel: 'sign', delta: 0 }), 2).uninformed.q;
    expect(Math.abs(r.q - se)).toBeLessThan(0.04);
  });
  it('binary perceptron: in the hard phase (α = 1.35) GAMP stays on the uninformed branch, beyond α_AMP it recovers w*', () => {
    const m = makeGlm({ prior: 'rademacher', channel: 'sign', delta: 0 });
    const [hard, easy] = runGamp({
      prior: 'rademacher',
      channel: 'sign',
      delta: 0,
      n: 300,
      alphas: [1.35, 2.2],
      seeds: 2,
      seed: 3,
    });
    const unf = solveGlmPoint(m, 1.35).uninformed.q;
    expect(Math.abs(hard.q - unf)).toBeLessThan(0.06);
    expect(easy.q).toBeGreaterThan(0.97);
  });
});
