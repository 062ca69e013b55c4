import { describe, expect, it } from 'vitest';
import { workerService } from './service';

class ParamError extends Error {}

/** A service with one immediate and one stepwise method on channel 'curve'. */
const make = () =>
  workerService(['curve'], { ParamError }, (core) => ({
    square: (gen: number, x: number) =>
      core.once('curve', gen, () => {
        if (x < 0) throw new ParamError('x must be ≥ 0');
        return x * x;
      }),
    squares: (gen: number, xs: number[], onValue: (y: number) => void) =>
      core.each(
        'curve',
        gen,
        xs,
        (x) => {
          if (Number.isNaN(x)) throw new Error('no convergence');
          return x * x;
        },
        onValue,
      ),
  }));

describe('workerService', () => {
  it('runs a request at once, sorting a thrown parameter error into a param outcome', () => {
    const s = make();
    expect(s.square(1, 3)).toEqual({ ok: true, value: 9 });
    expect(s.square(2, -1)).toMatchObject({ ok: false, error: { kind: 'param', message: 'x must be ≥ 0' } });
    s.supersede('curve', 5);
    expect(s.square(4, 3)).toMatchObject({ ok: false, stale: true });
  });

  it('streams the steps of a request, stops when a newer one arrives, and stops at the first error', async () => {
    const s = make();
    const seen: number[] = [];
    expect(await s.squares(1, [1, 2, 3], (y) => seen.push(y))).toEqual({ ok: true, value: 3 });
    expect(seen).toEqual([1, 4, 9]);

    const late: number[] = [];
    const run = s.squares(2, [1, 2, 3], (y) => {
      late.push(y);
      if (late.length === 1) s.supersede('curve', 3);
    });
    expect(await run).toMatchObject({ ok: false, stale: true });
    expect(late).toEqual([1]);

    const upTo: number[] = [];
    expect(await s.squares(4, [2, NaN, 3], (y) => upTo.push(y))).toMatchObject({
      ok: false,
      error: { kind: 'solver', message: 'no convergence' },
    });
    expect(upTo).toEqual([4]);
  });
});
