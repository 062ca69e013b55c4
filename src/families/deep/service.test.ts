// The L = 2 service with a fake model: streaming order (coarse pass first), generations, caching, errors.
import { describe, expect, it } from 'vitest';
import type { DeepSolution } from '../../physics/deep/deepSolver';
import { DEEP_DEFAULTS } from '../../physics/deep/deepParams';
import { createDeepService, type DeepDeps } from './service';
import type { DeepChunk } from './protocol';

class FakeParamError extends Error {}

const sol = (alpha: number, branch: DeepSolution['branch']): DeepSolution => ({
  branch,
  eps: 1 / (1 + alpha),
  f: -alpha,
  Q1: [0.1],
  Q2: [0.2],
  Q21: [0.3],
  Q1mean: 0.1,
  Q2mean: 0.2,
  Q21mean: 0.3,
  converged: true,
  iterations: 1,
  residual: 0,
});

function fakeDeps(onSolve?: (alpha: number, fromAlpha?: number) => void): DeepDeps {
  return {
    ParamError: FakeParamError,
    getDeepModel: (p) => {
      if (p.activation === 'relu') throw new FakeParamError('layer 1 activation relu has μ0 = 0.3989');
      return {
        notes: ['note'],
        epsUniversal: 0.3,
        grid: { s: Float64Array.from([1]), s2: Float64Array.from([1]), p: Float64Array.from([1]) },
        atoms: { law: 'ones', v: Float64Array.from([1]), p: Float64Array.from([1]) },
        classOfAtom: [0],
        system: { Kd: 1 } as never,
        solvePoint: (alpha: number, _opts?: unknown, from?: { alpha: number } | null) => {
          onSolve?.(alpha, from?.alpha);
          return {
            alpha,
            equilibrium: 'layer1',
            eq: sol(alpha, 'layer1'),
            branches: {
              universal: sol(alpha, 'universal'),
              layer1: sol(alpha, 'layer1'),
              product: sol(alpha, 'product'),
              specialised: sol(alpha, 'specialised'),
            },
          };
        },
      };
    },
  };
}

describe('deep service', () => {
  it('streams the coarse pass first, then the rest, and caches the curve', async () => {
    const solved: number[] = [];
    const svc = createDeepService(
      fakeDeps((a) => solved.push(a)),
      { chunkMs: 0, coarseStep: 5 },
    );
    const chunks: DeepChunk[] = [];
    const r = await svc.computeCurve({ gen: 1, params: DEEP_DEFAULTS, alphaMax: 8, n: 20 }, (c) => chunks.push(c));
    expect(r.ok).toBe(true);
    expect(solved.slice(0, 4)).toEqual([8, 6, 4, 2]); // every 5th of 20 points up to α = 8, from the top down
    expect(chunks[0].header?.alphas).toHaveLength(20);
    const firstSpanning = chunks.findIndex((c) => c.spansRange);
    expect(
      chunks
        .slice(0, firstSpanning + 1)
        .flatMap((c) => c.indices)
        .sort((a, b) => a - b),
    ).toEqual([4, 9, 14, 19]);
    expect(chunks[chunks.length - 1].done).toBe(true);
    expect(new Set(chunks.flatMap((c) => c.indices)).size).toBe(20);
    const again: DeepChunk[] = [];
    await svc.computeCurve({ gen: 2, params: DEEP_DEFAULTS, alphaMax: 8, n: 20 }, (c) => again.push(c));
    expect(again).toHaveLength(1);
    expect(again[0].cached).toBe(true);
    expect(solved).toHaveLength(20);
  });

  it('continues every point from the solved point just above it (the top one cold)', async () => {
    const from = new Map<number, number | undefined>();
    const svc = createDeepService(
      fakeDeps((a, f) => from.set(a, f)),
      { chunkMs: 0, coarseStep: 5 },
    );
    await svc.computeCurve({ gen: 1, params: DEEP_DEFAULTS, alphaMax: 8, n: 20 }, () => undefined);
    expect(from.get(8)).toBeUndefined();
    expect(from.get(6)).toBe(8); // coarse pass: the coarse point above
    expect(from.get(7.6)).toBe(8); // fill: the neighbour above
    expect(from.get(0.4)).toBe(0.8);
  });

  it('stops a superseded curve and reports refusals as parameter errors', async () => {
    const svc = createDeepService(fakeDeps(), { chunkMs: 0 });
    const p = svc.computeCurve(
      { gen: 1, params: { ...DEEP_DEFAULTS, gamma: 0.7 }, alphaMax: 8, n: 50 },
      () => undefined,
    );
    svc.supersede('curve', 2);
    expect(await p).toEqual({ ok: false, stale: true });
    const bad = await svc.computeCurve(
      { gen: 3, params: { ...DEEP_DEFAULTS, activation: 'relu' }, alphaMax: 8, n: 10 },
      () => undefined,
    );
    expect(bad).toEqual({ ok: false, error: { kind: 'param', message: 'layer 1 activation relu has μ0 = 0.3989' } });
  });
});

describe('deep service: tables built ahead in another worker', () => {
  /** A fake table store: knots [1, η, γ1] for each rectangular (η ≥ 0.02) shape, a log of what was built. */
  function tableDeps() {
    const cache = new Map<string, number[]>();
    const built: string[] = [];
    const key = (eta: number, g: number) => `${eta}|${g}`;
    const deps: DeepDeps = {
      ...fakeDeps(),
      tables: {
        shapes: (p) => [
          { eta: p.gamma2, gamma1: p.gamma },
          { eta: 0.01, gamma1: p.gamma },
        ],
        has: (eta, g) => eta < 0.02 || cache.has(key(eta, g)),
        knots: (eta, g) => {
          if (eta < 0.02) return undefined;
          if (!cache.has(key(eta, g))) {
            built.push(key(eta, g));
            cache.set(key(eta, g), [1, eta, g]);
          }
          return cache.get(key(eta, g));
        },
        install: (eta, g, knots) => {
          if (knots[0] !== 1) throw new FakeParamError('bad knots');
          cache.set(key(eta, g), Array.from(knots));
        },
      },
    };
    return { deps, cache, built };
  }

  it('builds the tables of the given parameters in one service and installs them in another', async () => {
    const spare = tableDeps();
    const main = tableDeps();
    const params = { ...DEEP_DEFAULTS, gamma: 0.52, gamma2: 0.5 };
    const r = await createDeepService(spare.deps).buildTables(1, params);
    expect(r).toEqual({ ok: true, value: [{ eta: 0.5, gamma1: 0.52, knots: [1, 0.5, 0.52] }] }); // no scalar table
    expect(spare.built).toEqual(['0.5|0.52']);
    const svc = createDeepService(main.deps);
    expect(await svc.installTables(r.ok ? r.value : [])).toEqual({ ok: true, value: 1 });
    expect(await svc.installTables(r.ok ? r.value : [])).toEqual({ ok: true, value: 0 }); // already there
    expect(main.cache.get('0.5|0.52')).toEqual([1, 0.5, 0.52]);
    expect(main.built).toEqual([]); // the main service built nothing
    const bad = await svc.installTables([{ eta: 0.7, gamma1: 0.5, knots: [2] }]);
    expect(bad.ok).toBe(false);
  });

  it('stops before the next table once a newer request arrived', async () => {
    const spare = tableDeps();
    const svc = createDeepService(spare.deps);
    const first = svc.buildTables(1, { ...DEEP_DEFAULTS, gamma: 0.52 });
    svc.supersede('tables', 2);
    expect(await first).toEqual({ ok: false, stale: true });
    expect(spare.built).toEqual([]);
  });
});
