import { describe, expect, it } from 'vitest';
import { splitAt } from './splitAt';

// Points shaped like the committee's: non-specialised ε = 0.3 − 0.01α everywhere, specialised ε = 0.1 from α = 2 on.
interface P {
  alpha: number;
  nonSpecialised: { eps: number };
  specialised: { eps: number } | null;
}
const pts: P[] = [1, 2, 3, 4].map((alpha) => ({
  alpha,
  nonSpecialised: { eps: 0.3 - 0.01 * alpha },
  specialised: alpha >= 2 ? { eps: 0.1 } : null,
}));
const lower = (p: P) => p.nonSpecialised.eps;
const upper = (p: P) => p.specialised?.eps ?? null;
const close = (line: ([number, number] | null)[], want: [number, number][]) => {
  expect(line.length).toBe(want.length);
  line.forEach((pt, i) => {
    expect(pt![0]).toBeCloseTo(want[i][0], 12);
    expect(pt![1]).toBeCloseTo(want[i][1], 12);
  });
};
const joined = (s: ReturnType<typeof splitAt>) => [...s.before, ...s.after.slice(1)];

describe('splitAt', () => {
  it('a first-order transition at α_J: the lower branch up to α_J, a vertical segment, then the upper one', () => {
    const s = splitAt(pts, 2.5, lower, upper);
    close(joined(s), [
      [1, 0.29],
      [2, 0.28],
      [2.5, 0.275],
      [2.5, 0.1],
      [3, 0.1],
      [4, 0.1],
    ]);
    // the lower branch on from α_J (dashed), the upper one up to it
    close(s.lowerAfter, [
      [2.5, 0.275],
      [3, 0.27],
      [4, 0.26],
    ]);
    close(s.upperBefore.slice(1), [
      [2, 0.1],
      [2.5, 0.1],
    ]);
    expect(s.upperBefore[0]).toBeNull();
  });

  it('a continuous transition: the upper branch starts at the lower one, no step and no gap', () => {
    const s = splitAt(pts, 2.5, lower, upper, true);
    close(s.before.slice(-1), [[2.5, 0.275]]);
    close(s.after, [
      [2.5, 0.275],
      [3, 0.1],
      [4, 0.1],
    ]);
  });

  it('a point at α_T itself gives the values there exactly', () => {
    const at = { ...pts[1], alpha: 2.5, nonSpecialised: { eps: 0.2 }, specialised: { eps: 0.05 } };
    const s = splitAt([pts[0], pts[1], at, pts[2], pts[3]], 2.5, lower, upper);
    close(s.after.slice(0, 2), [
      [2.5, 0.2],
      [2.5, 0.05],
    ]);
  });
});
