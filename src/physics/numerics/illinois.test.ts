import { describe, expect, it } from 'vitest';
import { illinois } from './illinois';

describe('Illinois false position', () => {
  it('finds the root of a convex function to 1e−9 relative in few evaluations', () => {
    let calls = 0;
    const f = (x: number) => (calls++, Math.exp(x) - 10);
    const x = illinois(f, 0, 4, f(0), f(4));
    expect(Math.abs(x - Math.log(10))).toBeLessThan(1e-9 * Math.log(10));
    expect(calls).toBeLessThan(20);
  });

  it('either orientation of the signs; a non-finite value ends at the bracket midpoint', () => {
    const g = (x: number) => 1 - x * x;
    expect(illinois(g, 0.5, 3, g(0.5), g(3))).toBeCloseTo(1, 9);
    const h = (x: number) => (x > 1 ? NaN : x - 2);
    expect(illinois(h, 0, 4, -2, 2)).toBe(2);
  });
});
