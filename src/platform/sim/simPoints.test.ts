import { describe, expect, it } from 'vitest';
import type { FinishedRun } from './runSlice';
import { simPoints } from './simPoints';

const run = (alpha: number, seed: number, eps: number, over: Partial<FinishedRun> = {}): FinishedRun => ({
  key: 'k',
  algo: 'hmc',
  init: 'informative',
  alpha,
  d: 20,
  seed,
  eps,
  ...over,
});

describe('simPoints', () => {
  it('averages seeds per (algorithm, start, α, d) with the sample standard deviation, sorted by α', () => {
    const pts = simPoints([run(2, 1, 0.1), run(1, 1, 0.3), run(2, 2, 0.3), run(2, 3, 0.2)], 'k');
    expect(pts.map((p) => [p.alpha, p.count, p.std])).toEqual([
      [1, 1, 0],
      [2, 3, expect.closeTo(0.1, 12)],
    ]);
    expect(pts[1].mean).toBeCloseTo(0.2, 12);
  });

  it('keeps other parameters, other sizes, other starts and non-finite errors out of a point', () => {
    const pts = simPoints(
      [
        run(2, 1, 0.1),
        run(2, 2, 0.5, { key: 'other' }),
        run(2, 3, 0.5, { d: 40 }),
        run(2, 4, 0.5, { init: 'uninformative' }),
        run(2, 5, NaN),
      ],
      'k',
    );
    expect(pts.map((p) => [p.init, p.d, p.mean, p.count])).toEqual([
      ['informative', 20, 0.1, 1],
      ['informative', 40, 0.5, 1],
      ['uninformative', 20, 0.5, 1],
    ]);
  });
});
