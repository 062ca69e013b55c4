// The Saad–Solla service on the real ODEs (they are fast): plateau and escape for a small committee, refusals as
// values, superseded requests dropped, Hermite coefficients of the lecture panel's links.
import { describe, expect, it } from 'vitest';
import { getActivation } from '../../physics/activations';
import { escapeAlpha, symmetricPlateau, trajectory, validateSaadSolla } from '../../physics/classic/saadSolla';
import { createSaadSollaService } from './service';

const svc = () =>
  createSaadSollaService({ validateSaadSolla, trajectory, symmetricPlateau, escapeAlpha, getActivation });
const params = { K: 2, M: 2, eta: 0.5, noise: 0, q0: 0.5, asym: 0.001, seed: 1 };

describe('Saad–Solla service', () => {
  it('returns the trajectory with its plateau and escape', async () => {
    const r = await svc().saadSolla(params, 1000, 1);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.points.length).toBeGreaterThan(100);
    expect(r.value.plateau.epsPlateau).toBeGreaterThan(0);
    expect(r.value.alphaEscape).toBe(escapeAlpha(r.value.points, r.value.plateau.epsPlateau));
  });

  it('refuses bad parameters as a value and drops a superseded request', async () => {
    const s = svc();
    expect(await s.saadSolla({ ...params, K: 0 }, 1000, 1)).toMatchObject({ ok: false, error: { kind: 'solver' } });
    s.supersede('curve', 3);
    expect(await s.saadSolla(params, 1000, 2)).toEqual({ ok: false, stale: true });
  });

  it('gives μ0 … μ6 of each link (μ1 = 1 for the identity)', async () => {
    const r = await svc().hermite(['linear', 'relu']);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.map((x) => x.name)).toEqual(['linear', 'relu']);
    expect(r.value[0].mu[1]).toBeCloseTo(1, 12);
  });
});
