// The hidden-manifold service on the real physics: the ridge curves with the λ → 0⁺ peak as null, refusals as
// values, superseded requests dropped, and the SGD runs streamed as runSgd gives them.
import { describe, expect, it } from 'vitest';
import { runSgd } from '../../physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { hmmRidgePoint } from '../../physics/hiddenManifold/ridge';
import { logisticPoint } from '../../physics/hiddenManifold/logistic';
import { HMM_DEPS } from './deps';
import type { SgdChunk, SgdRequest } from './protocol';
import { SGD_POINTS } from './protocol';
import { createHmmService, CURVE_POINTS } from './service';

const svc = () => createHmmService(HMM_DEPS);
const ridge = { activation: 'erf', target: 'tanh2', delta: 0.5, lambda: 0, noise: 0.1, alphaMax: 2 };

describe('hidden-manifold service', () => {
  it('returns the curve at λ and at λ → 0⁺ (null at the peak only) and E y²', async () => {
    const r = await svc().curve({ ...ridge, lambda: 0.01 }, 1);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.points).toHaveLength(CURVE_POINTS);
    expect(r.value.points.every((p) => p.testError !== null && p.converged)).toBe(true);
    expect(r.value.nullError).toBeCloseTo(0.635261 + 0.01, 5); // E tanh(2z)² + σ² (two-layer note §0 table)
    const peak = r.value.interpolation.filter((p) => p.testError === null);
    expect(peak.length).toBeLessThanOrEqual(1);
  });

  it('refuses bad parameters as a value and drops a superseded request', async () => {
    const s = svc();
    expect(await s.curve({ ...ridge, activation: 'linear' }, 1)).toMatchObject({ ok: false, error: { kind: 'param' } });
    expect(await s.curve({ ...ridge, activation: 'nope' }, 1)).toMatchObject({
      ok: false,
      error: { kind: 'activation' },
    });
    s.supersede('curve', 3);
    expect(await s.curve(ridge, 2)).toEqual({ ok: false, stale: true });
  });

  it('streams both kinds of each run as runSgd gives them', async () => {
    const req: SgdRequest = {
      gen: 1,
      f: 'tanh',
      units: 'erf',
      K: 2,
      M: 2,
      N: 40,
      delta: 0.5,
      eta: 0.5,
      noise: 0,
      alphaMax: 5,
      seed: 1,
      seeds: 1,
    };
    const chunks: SgdChunk[] = [];
    expect(await svc().simulate(req, (c) => chunks.push(c))).toEqual({ ok: true, value: { gen: 1 } });
    const p = { f: activationProfile('tanh'), g: 'erf' as const, K: 2, M: 2, N: 40, delta: 0.5, eta: 0.5 };
    for (const kind of ['hmm', 'iid'] as const) {
      const mine = chunks.filter((c) => c.kind === kind);
      expect(mine.flatMap((c) => c.points)).toEqual(
        runSgd({ ...p, noise: 0, alphaMax: 5, seed: 1 }, kind, SGD_POINTS, 0).points,
      );
      expect(mine[mine.length - 1].done).toEqual({ diverged: false });
    }
    expect(await svc().simulate({ ...req, K: 0 }, () => {})).toMatchObject({ ok: false, error: { kind: 'param' } });
  });

  it('streams ridge on sampled data, one point per α, near the curve; refuses a too large N as a value', async () => {
    const points: { alpha: number; mean: number; se: number | null }[] = [];
    const req = { gen: 1, ridge: { ...ridge, lambda: 0.01 }, N: 80, seeds: 2, alphas: [0.5, 2] };
    expect(await svc().ridgeSim(req, (p) => points.push(p))).toEqual({ ok: true, value: { gen: 1 } });
    expect(points.map((p) => p.alpha)).toEqual([0.5, 2]);
    const p = {
      activation: activationProfile('erf'),
      target: targetProfile('tanh2'),
      delta: 0.5,
      lambda: 0.01,
      noise: 0.1,
    };
    for (const q of points) {
      expect(q.se).toBeGreaterThan(0);
      expect(Math.abs(q.mean - hmmRidgePoint(p, q.alpha).testError)).toBeLessThan(0.25 * q.mean); // N = 80: loose
    }
    expect(await svc().ridgeSim({ ...req, N: 5000 }, () => {})).toMatchObject({
      ok: false,
      error: { kind: 'param', message: expect.stringMatching(/N must be/) },
    });
  });

  it('gives the logistic curve where f is odd and λ ≥ 0.01, and says why not elsewhere', async () => {
    const r = await svc().logistic({ ...ridge, lambda: 0.1, alphaMax: 2 }, 1);
    if (!r.ok || !('points' in r.value)) throw new Error(JSON.stringify(r));
    expect(r.value.points).toHaveLength(24);
    const p = { activation: activationProfile('erf'), delta: 0.5, lambda: 0.1 };
    expect(r.value.points[5].classError).toBe(logisticPoint(p, r.value.points[5].alpha).classError);
    expect(await svc().logistic({ ...ridge, lambda: 0.001 }, 1)).toEqual({
      ok: true,
      value: { refused: expect.stringMatching(/λ must be/) },
    });
  });
});
