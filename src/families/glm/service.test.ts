// The GLM service with fake physics: thresholds skipped for ReLU, GAMP streamed α by α and stopped when superseded,
// errors as values.
import { describe, expect, it } from 'vitest';
import type { GampResult } from '../../physics/classic/gamp';
import { createGlmService, type GlmDeps } from './service';

const thresholds = { alphaIT: 1, alphaAMP: 1.5, alphaInformed: 1.2, converged: true };
const deps = (onGamp?: (alpha: number) => void): GlmDeps => ({
  makeGlm: ((p: { delta: number }) => {
    if (p.delta < 0) throw new Error('Δ must be ≥ 0');
    return {};
  }) as unknown as GlmDeps['makeGlm'],
  glmCurve: ((_m: unknown, alphas: number[]) => alphas.map((alpha) => ({ alpha }))) as unknown as GlmDeps['glmCurve'],
  glmThresholds: (() => thresholds) as unknown as GlmDeps['glmThresholds'],
  runGamp: ((req: { alphas: number[] }) => {
    onGamp?.(req.alphas[0]);
    return [{ alpha: req.alphas[0] }];
  }) as unknown as GlmDeps['runGamp'],
});
const params = { prior: 'rademacher', channel: 'sign', delta: 0, bias: 0, sparsity: 1 } as const;

describe('GLM service', () => {
  it('computes both branches on the grid and the thresholds, except for ReLU', async () => {
    const svc = createGlmService(deps());
    expect(await svc.glm({ ...params }, [1, 2], 3, 1)).toEqual({
      ok: true,
      value: { points: [{ alpha: 1 }, { alpha: 2 }], thresholds },
    });
    // α_IT = 1 inside the grid (0.5, 2): solved there too, in α order
    expect(await svc.glm({ ...params }, [0.5, 2], 3, 1)).toEqual({
      ok: true,
      value: { points: [{ alpha: 0.5 }, { alpha: 1 }, { alpha: 2 }], thresholds },
    });
    const relu = await svc.glm({ ...params, channel: 'relu' }, [1], 3, 2);
    expect(relu).toMatchObject({
      ok: true,
      value: { thresholds: { alphaIT: null, note: expect.stringContaining('ReLU') } },
    });
    expect(await svc.glm({ ...params, delta: -1 }, [1], 3, 3)).toEqual({
      ok: false,
      error: { kind: 'solver', message: 'Δ must be ≥ 0' },
    });
    svc.supersede('curve', 5);
    expect(await svc.glm({ ...params }, [1], 3, 4)).toEqual({ ok: false, stale: true });
  });

  it('streams GAMP one α at a time and stops when a newer run arrives', async () => {
    let svc: ReturnType<typeof createGlmService> | null = null;
    svc = createGlmService(deps((alpha) => alpha === 2 && svc?.supersede('gamp', 2)));
    const seen: GampResult[] = [];
    const req = { ...params, n: 100, alphas: [1, 2, 3], seeds: 1, seed: 1 };
    expect(await svc.gamp(req, 1, (r) => seen.push(r))).toEqual({ ok: false, stale: true });
    expect(seen.map((r) => r.alpha)).toEqual([1, 2]);
    expect(await svc.gamp(req, 3, () => {})).toEqual({ ok: true, value: 3 });
  });
});
