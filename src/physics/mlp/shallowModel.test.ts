import { describe, expect, it } from 'vitest';
import type { BranchSolution, ShallowParams, ShallowPoint } from '../types';
import { Superseded } from '../errors';
import { createShallowModel, validateShallowParams } from './shallowModel';

/** The curve the worker computes: ascending α, each point warm-started from the one before. */
function warmCurve(params: ShallowParams, alphas: number[], continuumWarmStarts: boolean): ShallowPoint[] {
  const model = createShallowModel(validateShallowParams(params), undefined, { continuumWarmStarts });
  const out: ShallowPoint[] = [];
  let warm: ShallowPoint | null = null;
  for (const a of alphas) out.push((warm = model.solvePoint(a, warm)));
  return out;
}

/** Largest difference in ε, f, R̂2 and Q(v) between two solutions of one branch. */
function gap(a: BranchSolution, b: BranchSolution): number {
  let d = Math.max(Math.abs(a.eps - b.eps), Math.abs(a.f - b.f), Math.abs(a.R2hat - b.R2hat) / (1 + b.R2hat));
  a.Q.forEach((q, c) => (d = Math.max(d, Math.abs(q - b.Q[c]))));
  return d;
}

describe('continuous readout laws: the warm-started continuum equals the reference path', () => {
  // Fast path: the continuum's Newton starts from the previous α's solution, moved as the classes' solution moved,
  // with a Jacobian at once; reference: from the classes' solution with half a plain step first. Both stop at a
  // residual of 1e−11 in (M, G), so every number agrees far below the 1e−9 asked here (measured ≤ 1.5e−10).
  const cases: Array<[string, Partial<ShallowParams>, number[]]> = [
    ['tanh(2x), Gaussian readouts', { activation: 'tanh2', readout: 'gauss', delta: 0.1 }, [0.1, 4, 24]],
    ['ReLU, uniform readouts', { activation: 'relu', readout: 'unif', delta: 0.1 }, [0.1, 4, 24]],
    ['h23, Gaussian readouts, binary W', { activation: 'h23', readout: 'gauss', weights: 'rademacher' }, [0.5, 3, 6]],
  ];
  for (const [name, p, [lo, hi, n]] of cases) {
    it(name, () => {
      const params = { activation: 'relu', gamma: 0.5, delta: 1.25, readout: 'gauss', weights: 'gaussian', ...p };
      const alphas = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
      const fast = warmCurve(params as ShallowParams, alphas, true);
      const ref = warmCurve(params as ShallowParams, alphas, false);
      let worst = 0;
      let branches = 0;
      fast.forEach((pt, i) => {
        expect(pt.equilibrium).toBe(ref[i].equilibrium);
        expect(pt.stationary.length).toBe(ref[i].stationary.length);
        worst = Math.max(worst, Math.abs(pt.eps - ref[i].eps), gap(pt.universal, ref[i].universal));
        pt.stationary.forEach((s, j) => (worst = Math.max(worst, gap(s, ref[i].stationary[j]))));
        branches += pt.stationary.length;
      });
      // Specialised branches were continued, not only the universal one: one a point (the Maxwell cut leaves one
      // specialised continuum a point here) except at the smallest α.
      expect(branches).toBeGreaterThanOrEqual(n - 2);
      expect(worst).toBeLessThan(1e-9);
    });
  }
});

describe('a transition scan asked to stop', () => {
  it('throws Superseded between its α points, caches nothing, and computes in full next time', () => {
    const m = createShallowModel(
      validateShallowParams({ activation: 'relu', gamma: 0.5, delta: 0.1, readout: '4point', weights: 'gaussian' }),
    );
    let polls = 0;
    expect(() => m.transition(4, () => ++polls > 5)).toThrow(Superseded);
    expect(polls).toBe(6);
    const full = m.transition(4);
    expect(full.converged).toBe(true);
    expect(m.transition(4, () => true)).toBe(full); // a finished scan is kept: nothing left to stop
  });
});

describe('binary W near Q = 1: a continued branch lost on the way does not hide the informative start', () => {
  // The continuation of Q ≈ 0.9999 fails at α = 7.18 (h23) and 5.53 (ReLU); the informative start used to be
  // skipped because the previous α had a branch with Q ≥ 0.9, so the curve fell to the universal branch or a worse
  // one there while a cold solve found Q → 1 (2 of 2700 points of a discrete-law sweep disagreed, none now).
  // The sweep's grid: α_i = 0.05 + 7.95 i/29; the branch is lost at i = 26 (h23) and 20 (ReLU).
  const cases: Array<[string, 'ones' | 'rad', number, number]> = [
    ['h23', 'ones', 1.25, 26],
    ['relu', 'ones', 0.1, 20],
  ];
  for (const [activation, readout, delta, last] of cases)
    it(`${activation}, ${readout}, γ = 0.8, α = ${(0.05 + (7.95 * last) / 29).toFixed(3)}: continued = cold`, () => {
      const params = { activation, gamma: 0.8, delta, readout, weights: 'rademacher' as const };
      const model = createShallowModel(validateShallowParams(params));
      let warm: ShallowPoint | null = null;
      for (let i = 0; i <= last; i++) warm = model.solvePoint(0.05 + (7.95 * i) / 29, warm);
      const alpha = 0.05 + (7.95 * last) / 29;
      const cold = model.solvePoint(alpha);
      if (!warm) throw new Error('no point');
      expect(cold.eps).toBeLessThan(1e-3);
      expect(Math.abs(warm.eps - cold.eps)).toBeLessThan(1e-9);
    });
});
