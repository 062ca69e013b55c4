// The matrix–tensor service with fake physics: the overlap curve with the thresholds at its Δp, the lines streamed
// Δp by Δp, a superseded diagram stopped between Δp, a refused parameter as a 'param' outcome.
import { describe, expect, it } from 'vitest';
import { ParamError } from '../../physics/errors';
import { createMatrixTensorService, type MatrixTensorDeps } from './service';

function deps(onLine?: (deltaP: number) => void): MatrixTensorDeps {
  return {
    ParamError,
    overlapCurve: ((p: number, deltaP: number, us: number[]) => {
      if (p < 3) throw new ParamError(`p must be an integer in [3, 8], got ${p}`);
      return us.map((u) => ({ invDelta2: u, p, deltaP }));
    }) as unknown as MatrixTensorDeps['overlapCurve'],
    thresholdsAt: ((p: number, deltaP: number) => {
      onLine?.(deltaP);
      return { deltaP, it: deltaP / 2, p };
    }) as unknown as MatrixTensorDeps['thresholdsAt'],
    startLangevin: ((req: { tMax: number }) => {
      let t = 0;
      return { first: { t: 0, m: 0 }, chunks: req.tMax, next: () => ({ t: ++t, m: t / 10 }) };
    }) as unknown as MatrixTensorDeps['startLangevin'],
    largeNOverlap: ((req: { tMax: number; N: number }) => [
      [0, 1 / Math.sqrt(req.N)],
      [req.tMax, 0.5],
    ]) as unknown as MatrixTensorDeps['largeNOverlap'],
  };
}

describe('matrix-tensor service', () => {
  it('returns the curve with the thresholds at its Δp, and streams the lines in order', async () => {
    const svc = createMatrixTensorService(deps());
    const r = await svc.overlaps(3, 0.5, [0, 1], 1);
    expect(r).toEqual({
      ok: true,
      value: {
        rows: [
          { invDelta2: 0, p: 3, deltaP: 0.5 },
          { invDelta2: 1, p: 3, deltaP: 0.5 },
        ],
        at: { deltaP: 0.5, it: 0.25, p: 3 },
      },
    });
    const seen: number[] = [];
    expect(await svc.lines(3, [1, 2, 3], 1, (t) => seen.push(t.deltaP))).toEqual({ ok: true, value: 3 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('streams a Langevin run point by point, m(0) first', async () => {
    const seen: number[] = [];
    const r = await createMatrixTensorService(deps()).langevin({ tMax: 3 } as never, 1, (p) => seen.push(p.t));
    expect(r).toEqual({ ok: true, value: 3 });
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('returns the N → ∞ dynamics of the same run', async () => {
    const r = await createMatrixTensorService(deps()).largeN({ tMax: 3, N: 100 } as never, 1);
    expect(r).toEqual({
      ok: true,
      value: [
        [0, 0.1],
        [3, 0.5],
      ],
    });
  });

  it('stops a superseded diagram between Δp and reports refused input as a parameter error', async () => {
    let svc: ReturnType<typeof createMatrixTensorService> | null = null;
    svc = createMatrixTensorService(deps((dp) => dp === 2 && svc?.supersede('lines', 2)));
    const seen: number[] = [];
    expect(await svc.lines(3, [1, 2, 3], 1, (t) => seen.push(t.deltaP))).toEqual({ ok: false, stale: true });
    expect(seen).toEqual([1, 2]);
    expect(await svc.overlaps(2, 1, [0], 1)).toMatchObject({
      ok: false,
      error: { kind: 'param', message: 'p must be an integer in [3, 8], got 2' },
    });
  });
});
