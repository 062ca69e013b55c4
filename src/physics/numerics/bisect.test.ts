import { describe, expect, it } from 'vitest';
import { bisect } from './bisect';

describe('bisection on a predicate', () => {
  it('brackets the switch point to the relative tolerance', () => {
    const { lo, hi } = bisect((x) => x * x > 2, 1, 2, 1e-12, 100);
    expect(lo).toBeLessThan(Math.SQRT2);
    expect(hi).toBeGreaterThanOrEqual(Math.SQRT2);
    expect(hi - lo).toBeLessThanOrEqual(1e-12 * hi);
  });

  it('stops after maxIter halvings: the bracket is then 2^−maxIter of the start', () => {
    const { lo, hi } = bisect((x) => x > 0.3, 0, 1, 0, 10);
    expect(hi - lo).toBe(1 / 1024);
    expect(lo <= 0.3 && 0.3 < hi).toBe(true);
  });
});
