// The committee service with fake physics: points streamed in α order, each warm-started from the previous one
// (by the injected nextWarm),
// a superseded curve stopped between points, thresholds at the end.
import { describe, expect, it } from 'vitest';
import { createCommitteeService, type CommitteeDeps } from './service';

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
    // two grid points, the thresholds, three points from α_spec = 1 on
    expect(seen).toEqual(Array(6).fill(model));
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
