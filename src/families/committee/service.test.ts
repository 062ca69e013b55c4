// The committee service with fake physics: points streamed in α order, each warm-started from the solved point
// just below it (by the injected nextWarm), a superseded curve stopped between points, thresholds at the end.
import { describe, expect, it } from 'vitest';
import { committeeCurve, nextWarm, solveCommitteePoint, type CommitteePoint } from '../../physics/classic/committee';
import { mergePoint } from './controller';
import { createCommitteeService, type CommitteeDeps } from './service';
import { sweepOrder } from '../../platform/compute/curveStream';

function deps(warmStarts: unknown[], onSolve?: (alpha: number) => void): CommitteeDeps {
  return {
    solveCommitteePoint: ((_prior: string, alpha: number, warm: unknown) => {
      warmStarts.push(warm);
      onSolve?.(alpha);
      return {
        alpha,
        nonSpecialised: { q11: alpha / 10 },
        specialised: alpha > 1 ? { q11: 0.9, q12: 0.1, jacobian: [alpha] } : null,
      };
    }) as unknown as CommitteeDeps['solveCommitteePoint'],
    nextWarm: ((prior: string, p: { alpha: number }) => ({
      prior,
      from: p.alpha,
    })) as unknown as CommitteeDeps['nextWarm'],
    committeeThresholds: ((_prior: string, alphaMax: number) => ({
      alphaSpec: alphaMax / 2,
    })) as unknown as CommitteeDeps['committeeThresholds'],
  };
}

describe('committee service', () => {
  it('streams every point, continued from the last one, then the thresholds', async () => {
    const warm: unknown[] = [];
    const seen: number[] = [];
    const r = await createCommitteeService(deps(warm)).committee(
      'gaussian',
      [1, 2, 3],
      1,
      (p) => p && seen.push(p.alpha),
    );
    expect(r).toEqual({ ok: true, value: { alphaSpec: 1.5 } });
    // Then the continuous transition α_spec = 1.5 and around it, continued from the grid point below (α = 1).
    const around = [1, 1.02, 1.05].map((f) => 1.5 * f);
    expect(seen).toEqual([1, 2, 3, ...around]);
    expect(warm.slice(0, 4)).toEqual([
      { x: 0 },
      { prior: 'gaussian', from: 1 },
      { prior: 'gaussian', from: 2 },
      { prior: 'gaussian', from: 1 },
    ]);
    expect(warm.slice(4)).toEqual(around.slice(0, -1).map((from) => ({ prior: 'gaussian', from })));
  });

  it('solves a first-order transition α_IT itself once, and nothing outside the grid', async () => {
    const seen: number[] = [];
    const at = (t: object) =>
      createCommitteeService({
        ...deps([]),
        committeeThresholds: (() => t) as unknown as CommitteeDeps['committeeThresholds'],
      }).committee('rademacher', [1, 2, 3], 1, (p) => p && seen.push(p.alpha));
    await at({ alphaSpec: null, alphaIT: 2.5 });
    expect(seen).toEqual([1, 2, 3, 2.5]);
    seen.length = 0;
    await at({ alphaSpec: null, alphaIT: 7 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('passes a {prior, K} model to the point solver, the warm starts and the thresholds', async () => {
    const seen: unknown[] = [];
    const d = deps([]);
    const model = { prior: 'gaussian', K: 3 } as const;
    const svc = createCommitteeService({
      ...d,
      solveCommitteePoint: ((m: unknown, alpha: number, w: unknown) => {
        seen.push(m);
        return d.solveCommitteePoint(m as never, alpha, w as never);
      }) as CommitteeDeps['solveCommitteePoint'],
      committeeThresholds: ((m: unknown, alphaMax: number) => {
        seen.push(m);
        return d.committeeThresholds(m as never, alphaMax);
      }) as CommitteeDeps['committeeThresholds'],
    });
    await svc.committee(model, [1, 2], 1, () => {});
    // the coarse pass (α = 2), the curve (α = 1, 2), the thresholds, three points from α_spec = 1 on
    expect(seen).toEqual(Array(7).fill(model));
  });

  it('a coarse-first grid: each point continued from the solved point just below it, thresholds to the largest α', async () => {
    const warm: unknown[] = [];
    const r = await createCommitteeService(deps(warm)).committee('gaussian', [2, 4, 1, 3], 1, () => {});
    expect(r).toEqual({ ok: true, value: { alphaSpec: 2 } });
    expect(warm).toEqual([
      { x: 0 },
      { prior: 'gaussian', from: 2 },
      { x: 0 },
      { prior: 'gaussian', from: 2 },
      // then the continuous transition α_spec = 2 and 2 %, 5 % above it, each from the point just below
      { prior: 'gaussian', from: 1 },
      { prior: 'gaussian', from: 2 },
      { prior: 'gaussian', from: 2.04 },
    ]);
  });

  it('±1 weights on the real physics: the coarse-first curve is the ascending one (partial branch and its fold)', async () => {
    // 8 points on (0, 3], across α_sb ≈ 1.589 and α_AMP ≈ 1.98 (committee.test.ts), where warm starts matter.
    const grid = Array.from({ length: 8 }, (_, i) => (3 * (i + 1)) / 8);
    const ascending = committeeCurve('rademacher', grid);
    const svc = createCommitteeService({
      solveCommitteePoint,
      nextWarm,
      committeeThresholds: (() => ({})) as never,
    });
    const got: CommitteePoint[] = [];
    const order = sweepOrder(8, 4, 'up').order.map((i) => grid[i]);
    await svc.committee('rademacher', order, 1, (p) => p && got.push(p));
    got.sort((a, b) => a.alpha - b.alpha);
    const values = (p: CommitteePoint) => [p.nonSpecialised.q11, p.partial?.q11 ?? -1, p.partial?.q12 ?? -1];
    expect(ascending.some((p) => p.partial) && ascending.some((p) => !p.partial)).toBe(true);
    got.forEach((p, i) => {
      expect(p.equilibrium).toBe(ascending[i].equilibrium);
      values(p).forEach((v, k) => expect(Math.abs(v - values(ascending[i])[k])).toBeLessThan(1e-7));
    });
  });

  it('stops a superseded curve between points', async () => {
    let svc: ReturnType<typeof createCommitteeService> | null = null;
    svc = createCommitteeService(deps([], (alpha) => alpha === 2 && svc?.supersede('curve', 2)));
    const seen: number[] = [];
    expect(await svc.committee('rademacher', [1, 2, 3], 1, (p) => p && seen.push(p.alpha))).toEqual({
      ok: false,
      stale: true,
    });
    expect(seen).toEqual([1, 2]);
  });
});

describe('committee service, K = 3 with Gaussian weights: coarse to fine', () => {
  const G3 = { prior: 'gaussian', K: 3 } as const;

  it('streams a coarse pass (every fifth α and the last, the fast rule), then every α with the accurate rule', async () => {
    const calls: [number, unknown][] = [];
    const d = deps([]);
    const svc = createCommitteeService({
      ...d,
      solveCommitteePoint: ((m: unknown, alpha: number, w: unknown, accuracy: unknown) => {
        calls.push([alpha, accuracy]);
        return d.solveCommitteePoint(m as never, alpha, w as never);
      }) as CommitteeDeps['solveCommitteePoint'],
    });
    const alphas = Array.from({ length: 12 }, (_, i) => i + 1);
    await svc.committee(G3, alphas, 1, () => {});
    const transition = calls.slice(15); // the fake thresholds' α_spec and the points above it (accurate)
    expect(calls.slice(0, 15)).toEqual([
      [5, 'fast'],
      [10, 'fast'],
      [12, 'fast'],
      ...alphas.map((a) => [a, 'accurate']),
    ]);
    expect(transition.every(([, acc]) => acc === 'accurate')).toBe(true);
    // K = 2 and ±1 weights: no coarse pass
    calls.length = 0;
    await svc.committee({ prior: 'rademacher', K: 3 }, [1, 2], 2, () => {});
    expect(calls.slice(0, 2)).toEqual([
      [1, 'accurate'],
      [2, 'accurate'],
    ]);
    expect(calls.slice(2).every(([a, acc]) => a > 0 && a < 2 && acc === 'accurate')).toBe(true);
  });

  it('the streamed curve, merged as the store does, ends equal to the one-shot curve', async () => {
    const svc = createCommitteeService({
      solveCommitteePoint,
      nextWarm,
      committeeThresholds: (() => ({ alphaSpec: null })) as unknown as CommitteeDeps['committeeThresholds'],
    });
    const alphas = [12.5, 15, 17.5];
    let points: CommitteePoint[] = [];
    const sizes: number[] = [];
    await svc.committee(G3, alphas, 1, (p) => {
      if (!p) return;
      points = mergePoint(points, p);
      sizes.push(points.length);
    });
    // the coarse point (α = 17.5) first, then the curve refined left to right, α = 17.5 replaced last
    expect(sizes).toEqual([1, 2, 3, 3]);
    expect(points).toEqual(committeeCurve(G3, alphas));
  });
});
