// The landing view's steep rise (ReLU, Δ = 0.1, γ = 0.5, v = 1): from the engine, one specialised branch whose Q
// rises fastest near α ≈ 4.3 without a jump (the same solution from below and from above), named a crossover;
// h23 (Δ = 1.25), whose Q rises smoothly after its onset, has none.
import { describe, expect, it } from 'vitest';
import { getShallowModel } from '../../physics/mlp/shallowModel';
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import { steepCrossover } from './crossover';

const GRID = [0.7, 1, 1.5, 2, 2.5, 3, 3.5, 3.8, 4, 4.1, 4.2, 4.25, 4.3, 4.35, 4.4, 4.5, 4.7, 5, 5.5, 6];
const base = { gamma: 0.5, readout: 'ones', weights: 'gaussian' } as const;

function curve(p: ShallowParams, alphas: number[]) {
  const m = getShallowModel(p);
  let warm: ShallowPoint | null = null;
  const points = alphas.map((a) => (warm = m.solvePoint(a, warm)));
  return { m, points };
}

describe('steepCrossover', () => {
  const relu = curve({ ...base, activation: 'relu', delta: 0.1 }, GRID);
  const t = relu.m.transition();

  it('ReLU, Δ = 0.1: continuous onset at α ≈ 0.632 and no jump (the engine)', () => {
    expect(t.order).toBe('continuous');
    expect(t.jumps).toEqual([]);
    expect(t.alphaOnset!).toBeCloseTo(0.632, 3);
  });

  it('ReLU, Δ = 0.1: Q rises fastest between α = 4.3 and 4.35, from 0.5 to about 0.7, on one branch', () => {
    const c = steepCrossover(relu.points, t)!;
    expect(c.alpha).toBeCloseTo(4.325, 10);
    expect(c.from[0]).toBeGreaterThanOrEqual(4.2);
    expect(c.to[0]).toBeLessThanOrEqual(4.5);
    expect(c.from[1]).toBeGreaterThan(0.49);
    expect(c.to[1]).toBeGreaterThan(0.6);
    // the same solution continued downwards from α = 5: no second branch, no hysteresis (so no hidden jump)
    const down = curve({ ...base, activation: 'relu', delta: 0.1 }, [5, 4.5, 4.35, 4.3, 4.2]).points;
    for (const p of down) {
      const up = relu.points.find((q) => q.alpha === p.alpha)!;
      expect(p.specialised!.Q[0]).toBeCloseTo(up.specialised!.Q[0], 6);
    }
  });

  it('none for a smooth rise (h23, Δ = 1.25), nor without a continuous transition', () => {
    const h23 = curve({ ...base, activation: 'h23', delta: 1.25 }, GRID);
    expect(steepCrossover(h23.points, h23.m.transition())).toBeNull();
    expect(steepCrossover(relu.points, { ...t, order: 'first-order' })).toBeNull();
    expect(steepCrossover(relu.points, null)).toBeNull();
  });
});
