import { describe, expect, it } from 'vitest';
import { maximise } from './maximise';

describe('maximise (scan + golden section)', () => {
  it('the maximum of x e^−x on [0, 5] is at x = 1, value 1/e', () => {
    const m = maximise((x) => x * Math.exp(-x), 0, 5);
    expect(m.x).toBeCloseTo(1, 7);
    expect(m.value).toBeCloseTo(Math.exp(-1), 14);
  });

  it('the scan picks the global maximum of a two-bump function, and an end maximum stays at the end', () => {
    const f = (x: number) => Math.exp(-((x - 1) ** 2) * 20) + 1.5 * Math.exp(-((x - 3) ** 2) * 20);
    expect(maximise(f, 0, 4).x).toBeCloseTo(3, 6);
    expect(maximise((x) => x, 0, 2)).toEqual({ x: 2, value: 2 });
  });
});
