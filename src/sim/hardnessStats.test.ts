import { describe, expect, it } from 'vitest';
import { fitGrowth, fitLine, growthAt, summariseTimes } from './hardnessStats';

const runs = (budget: number, ...steps: (number | null)[]) => steps.map((s) => ({ steps: s, budget }));

describe('time-to-threshold statistics', () => {
  it('without censoring: the sample quartiles (R type 7 on 10, 20, 30, 40, 50: 20, 30, 40)', () => {
    expect(summariseTimes(runs(100, 50, 10, 40, 20, 30))).toEqual({ runs: 5, censored: 0, median: 30, q1: 20, q3: 40 });
  });

  it('censored runs count as beyond the budget: quartiles below them stay exact, the rest are null', () => {
    // 3 of 8 censored: sorted 5, 9, 12, 30, 44, ∞, ∞, ∞; h = 1.75, 3.5, 5.25.
    const s = summariseTimes(runs(60, 44, null, 5, 30, null, 12, 9, null));
    expect(s.censored).toBe(3);
    expect(s.q1).toBeCloseTo(9 + 0.75 * (12 - 9), 12);
    expect(s.median).toBeCloseTo((30 + 44) / 2, 12);
    expect(s.q3).toBeNull();
    // Half censored: the median reaches into the censored runs.
    expect(summariseTimes(runs(60, 3, null, 7, null)).median).toBeNull();
    // A censored run is not a run that took `budget` steps: one that crossed at the budget is kept as it is.
    expect(summariseTimes(runs(60, 60, 60, 60)).median).toBe(60);
  });

  it('refuses crossing times outside [0, budget] and an empty set', () => {
    expect(() => summariseTimes(runs(10, 11))).toThrow(/\[0, budget = 10\]/);
    expect(() => summariseTimes([])).toThrow(/no runs/);
  });

  it('fitLine: exact on a line, the known least-squares line on (0, 0), (1, 1), (2, 1)', () => {
    const l = fitLine([0, 1, 2], [1, 3, 5]);
    expect([l.a, l.b, l.rss]).toEqual([1, 2, 0]);
    const m = fitLine([0, 1, 2], [0, 1, 1]); // b = Sxy/Sxx = 1/2, a = 2/3 − 1/2, rss = 1/6
    expect(m.b).toBeCloseTo(0.5, 14);
    expect(m.a).toBeCloseTo(1 / 6, 14);
    expect(m.rss).toBeCloseTo(1 / 6, 14);
  });

  it('fitGrowth recovers an exponential and a power law and names the one that fits', () => {
    const ds = [20, 30, 40, 60];
    const exp = fitGrowth(ds.map((d) => ({ d, median: 3 * Math.exp(0.05 * d) })))!;
    expect(exp.exponential.rate).toBeCloseTo(0.05, 12);
    expect(exp.exponential.lnA).toBeCloseTo(Math.log(3), 10);
    expect(exp.better).toBe('exponential');
    expect(growthAt(exp, 'exponential', 50)).toBeCloseTo(3 * Math.exp(2.5), 8);
    const pow = fitGrowth(ds.map((d) => ({ d, median: 0.5 * d ** 2.5 })))!;
    expect(pow.power.exponent).toBeCloseTo(2.5, 12);
    expect(pow.better).toBe('power');
    expect(growthAt(pow, 'power', 50)).toBeCloseTo(0.5 * 50 ** 2.5, 6);
  });

  it('fitGrowth skips censored and zero medians and needs two d (three to compare)', () => {
    const two = fitGrowth([
      { d: 20, median: 10 },
      { d: 30, median: null },
      { d: 40, median: 0 },
      { d: 60, median: 40 },
    ])!;
    expect(two.points).toBe(2);
    expect(two.better).toBeNull();
    expect(fitGrowth([{ d: 20, median: 10 }])).toBeNull();
  });
});
