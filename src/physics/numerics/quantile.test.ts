import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile';

describe('quantileSorted (Hyndman–Fan definition 7)', () => {
  it('matches R quantile(c(1, 2, 4, 8, 16), type = 7): 1, 2, 4, 8, 16 at p = 0, ¼, ½, ¾, 1', () => {
    const x = [1, 2, 4, 8, 16];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(x, p))).toEqual([1, 2, 4, 8, 16]);
  });

  it('interpolates linearly between order statistics (R type 7 on 1…4: q(0.25) = 1.75, q(0.5) = 2.5)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 15);
  });

  it('a quantile that needs a censored entry is +∞; one below the censored part is exact', () => {
    const x = [3, 5, 7, Infinity, Infinity, Infinity];
    expect(quantileSorted(x, 0.25)).toBeCloseTo(5.5, 15); // h = 1.25: 5 + 0.25·(7 − 5)
    expect(quantileSorted(x, 0.5)).toBe(Infinity); // h = 2.5 mixes 7 and a censored run
    expect(quantileSorted([3, 5, 7, Infinity, Infinity], 0.5)).toBe(7); // h = 2 exactly: the third time
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted(x, 1.5)).toThrow(/quantile level/);
  });
});
