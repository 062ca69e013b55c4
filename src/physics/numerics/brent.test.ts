import { describe, expect, it } from 'vitest';
import { brent } from './brent';

describe('Brent root finder', () => {
  it('√2, π and the Lambert W(1) = Ω to the requested tolerance, in few evaluations', () => {
    let calls = 0;
    const r = brent((x) => (calls++, x * x - 2), 0, 2, 1e-15);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x - Math.SQRT2)).toBeLessThan(1e-14);
    expect(calls).toBeLessThan(15);
    expect(Math.abs(brent(Math.sin, 3, 4, 1e-15).x - Math.PI)).toBeLessThan(1e-14);
    // Ω e^Ω = 1: Ω = 0.5671432904097838 (the omega constant).
    expect(Math.abs(brent((x) => x * Math.exp(x) - 1, 0, 1, 1e-15).x - 0.5671432904097838)).toBeLessThan(1e-14);
  });

  it('a root at an end is returned at once; no sign change or a non-finite end is refused', () => {
    expect(brent((x) => x - 1, 1, 3)).toEqual({ x: 1, converged: true, iterations: 0, residual: 0 });
    expect(brent((x) => x * x + 1, 0, 2).converged).toBe(false);
    expect(brent((x) => 1 / x, 0, 2).converged).toBe(false);
  });

  it('a jump across zero (no root) ends at the jump', () => {
    const r = brent((x) => (x < 0.3 ? -1 : 1), 0, 1, 1e-12);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x - 0.3)).toBeLessThan(1e-11);
  });
});
