// The continued ε(α) curve (DeepModel.solveCurve, the worker's path) against cold solves at every α, and the
// equilibrium's independence of the iteration's path near α ≈ 3 (arXiv 2510.24616, authors' setting).
import { describe, expect, it } from 'vitest';
import { getDeepModel } from './deepModel';
import type { DeepParams } from './deepParams';

const AUTHORS: Partial<DeepParams> = {
  activation: 'tanh2-unit',
  gamma: 0.5,
  gamma2: 0.5,
  delta: 0.2,
  readout: 'ones',
  weights: 'gaussian',
};
const TOL = 1e-9; // the worker's residual tolerance (CURVE_SOLVE)
// Two points with residual ≤ TOL lie within ~2 TOL/(1 − ρ) of each other, ρ the contraction of the damped map
// (ρ ≲ 0.9 away from spinodals): 2e−8. Measured: 1.2e−9 in ε, 6e−9 in the overlaps, 1e−15 in f.
const SAME = 2e-8;

describe('L = 2: the continued curve is the cold-solved one', () => {
  for (const readout of ['ones', 'rad', 'gauss'] as const) {
    it(`${readout}: 30 α in (0, 8], equilibrium ε, f, kind and overlaps`, () => {
      const model = getDeepModel({ ...AUTHORS, readout });
      const alphas = Array.from({ length: 30 }, (_, i) => (8 * (i + 1)) / 30);
      const fast = model.solveCurve(alphas, { tol: TOL });
      for (let i = 0; i < alphas.length; i++) {
        const cold = model.solvePoint(alphas[i], { tol: TOL });
        const a = fast[i].eq;
        const b = cold.eq;
        expect(a.converged && b.converged).toBe(true);
        expect(fast[i].equilibrium).toBe(cold.equilibrium);
        expect(Math.abs(a.eps - b.eps)).toBeLessThan(SAME);
        expect(Math.abs(a.f - b.f)).toBeLessThan(SAME);
        for (const k of ['Q1mean', 'Q2mean', 'Q21mean'] as const) expect(Math.abs(a[k] - b[k])).toBeLessThan(SAME);
      }
      // The curve crosses the specialisation transition (α ≈ 3), so the comparison covers both kinds.
      expect(fast.some((p) => p.equilibrium === 'layer1') && fast.some((p) => p.equilibrium === 'specialised')).toBe(
        true,
      );
    });
  }
});

describe('L = 2: the equilibrium does not depend on the iteration’s path', () => {
  it('near α ≈ 3 (authors’ setting) the same point for every damping', () => {
    // Before, an extrapolated step could clamp an s class to an exact zero (a fixed point of every class, so it
    // never left) or push it across its own jump, and ε moved by up to 3e−3 with the damping.
    const model = getDeepModel(AUTHORS);
    for (const alpha of [2.85, 2.9, 2.95, 3, 3.05]) {
      const ref = model.solvePoint(alpha, { damping: 0.5 }).eq;
      for (const damping of [0.2, 0.3, 0.8]) {
        const eq = model.solvePoint(alpha, { damping }).eq;
        expect(eq.converged).toBe(true);
        expect(Math.abs(eq.eps - ref.eps)).toBeLessThan(1e-9);
      }
    }
  });
});
