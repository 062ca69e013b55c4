// Finite-N Langevin of the spiked matrix–tensor model: the gradient against finite differences of the loss, the
// spherical constraint, seeded reproducibility, and the Bayes temperature sampling the posterior (overlap of the
// spiked Wigner limit) (docs/physics/matrix-tensor.md §7).
import { describe, expect, it } from 'vitest';
import { Rng } from '../numerics/rng';
import { drawSample, energy, gradient, langevinRun, validateLangevin } from './matrixTensorLangevin';

const base = { N: 60, delta2: 0.5, deltaP: 1, tMax: 20, dt: 0.02, temperature: 1, seed: 3 };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('matrix–tensor Langevin simulation', () => {
  it('has the gradient of its loss (central differences)', () => {
    const s = drawSample(12, 0.7, 0.4, 1);
    const rng = new Rng(5);
    const x = rng.normals(12);
    const g = new Float64Array(12);
    gradient(s, 0.7, 0.4, x, g);
    const h = 1e-5;
    for (const i of [0, 5, 11]) {
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[i] += h;
      xm[i] -= h;
      const fd = (energy(s, 0.7, 0.4, xp) - energy(s, 0.7, 0.4, xm)) / (2 * h);
      expect(g[i]).toBeCloseTo(fd, 6);
    }
  });

  it('is reproducible from its seed and starts near m = 0 (|m| ~ 1/√N)', () => {
    const a = langevinRun({ ...base, tMax: 1 }, 10);
    expect(langevinRun({ ...base, tMax: 1 }, 10)).toEqual(a);
    expect(Math.abs(a[0].m)).toBeLessThan(4 / Math.sqrt(base.N));
    expect(a.every((p) => Number.isFinite(p.m) && Math.abs(p.m) <= 1 + 1e-12)).toBe(true);
  });

  it('at T = 1 samples the posterior: without tensor, ⟨m⟩ → 1 − Δ2 (spiked Wigner, Nishimori)', () => {
    // Δp huge: the spherical spiked Wigner model, Bayes overlap m = 1 − Δ2 = 0.5; a posterior sample's overlap with
    // x* has mean m at large N; N = 60 fluctuations and finite-N corrections ~ 1/√N: tolerance 0.12.
    const run = langevinRun({ ...base, deltaP: 1e6, tMax: 40 }, 200);
    expect(Math.abs(mean(run.filter((p) => p.t > 20).map((p) => Math.abs(p.m))) - 0.5)).toBeLessThan(0.12);
  });

  it('refuses sizes, steps and temperatures out of range', () => {
    expect(() => validateLangevin({ ...base, N: 500 })).toThrow('N must be an integer in [8, 400], got 500');
    expect(() => validateLangevin({ ...base, dt: 0.5 })).toThrow('dt must lie in (0, 0.1], got 0.5');
    expect(() => validateLangevin({ ...base, temperature: -1 })).toThrow('temperature must lie in [0, 10]');
  });
});
