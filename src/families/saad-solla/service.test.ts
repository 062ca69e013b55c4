// The Saad–Solla service on the real ODEs (they are fast): plateau and escape for a small committee, refusals as
// values, superseded requests dropped, Hermite coefficients of the lecture panel's links.
import { describe, expect, it } from 'vitest';
import { getActivation } from '../../physics/activations';
import {
  escapeAlpha,
  symmetricPlateau,
  trajectory,
  trajectorySteps,
  validateSaadSolla,
} from '../../physics/classic/saadSolla';
import {
  plateauLength,
  simulate,
  simulateOnline,
  validateSimulationCost,
  validateSimulationSize,
} from '../../physics/classic/saadSollaSim';
import type { SimulationChunk } from './protocol';
import { createSaadSollaService } from './service';

const sim = { simulateOnline, plateauLength, validateSimulationSize, validateSimulationCost };
const deps = { validateSaadSolla, trajectorySteps, symmetricPlateau, escapeAlpha, getActivation, ...sim };
const svc = () => createSaadSollaService(deps);
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

  it('returns what trajectory() gives, sample for sample', async () => {
    const r = await svc().saadSolla(params, 1000, 1);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.points).toEqual(trajectory(params, 1000, r.value.points.length - 1).points);
  });

  it('stops an integration mid-run when a newer request supersedes it', async () => {
    let samples = 0;
    const s = createSaadSollaService({
      ...deps,
      // A newer request arrives while the 10th of 160 samples is being integrated.
      *trajectorySteps(...args) {
        const it = trajectorySteps(...args);
        for (let r = it.next(); ; r = it.next()) {
          if (r.done) return r.value;
          if (++samples === 10) s.supersede('curve', 2);
          yield r.value;
        }
      },
    });
    expect(await s.saadSolla(params, 1000, 1)).toEqual({ ok: false, stale: true });
    expect(samples).toBe(10); // no sample integrated after the cancel
    expect((await s.saadSolla(params, 1000, 2)).ok).toBe(true);
  });

  it('gives μ0 … μ6 of each link (μ1 = 1 for the identity)', async () => {
    const r = await svc().hermite(['linear', 'relu']);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.map((x) => x.name)).toEqual(['linear', 'relu']);
    expect(r.value[0].mu[1]).toBeCloseTo(1, 12);
  });

  it('streams the simulated runs: each run’s samples as simulate() gives them, then its plateau length', async () => {
    const chunks: SimulationChunk[] = [];
    const req = { gen: 1, params, alphaMax: 20, N: 40, seeds: 2 };
    const r = await svc().simulate(req, (c) => chunks.push(c));
    expect(r).toEqual({ ok: true, value: { gen: 1 } });
    for (const run of [0, 1]) {
      const mine = chunks.filter((c) => c.run === run);
      const expected = simulate(params, 40, 20, 80, run).points;
      expect(mine.flatMap((c) => c.points)).toEqual(expected);
      expect(mine[mine.length - 1].done).toEqual({
        plateauLength: plateauLength(expected, symmetricPlateau(params).epsPlateau),
        diverged: false,
      });
    }
  });

  it('refuses a simulation beyond its cost bound as a value', async () => {
    const req = { gen: 1, params, alphaMax: 1e4, N: 1000, seeds: 4 };
    expect(await svc().simulate(req, () => {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/multiply/) },
    });
  });
});
