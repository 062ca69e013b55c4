// The finite-N simulation against the ODEs of saadSolla.ts (Saad & Solla, PRE 52, 4225, 1995). Tolerances: the
// overlaps of one run fluctuate by O(1/√N) about the ODE (Reents & Urbanczik, PRL 80, 5445, 1998), so the mean
// of S runs lies within c/√(N S) of the ODE; c = 2 (the runs below stay within 0.6/√(N S); a wrong η, √N or g'
// moves them by O(1)). ε_g is a smooth function of the overlaps with gradient ≲ 1, so it gets the same bound.
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState, symmetricPlateau, trajectory, type SaadSollaParams } from './saadSolla';
import { plateauLength, quartiles, simulate, validateSimulationSize, type SimulationPoint } from './saadSollaSim';

const N = 500;
const S = 3;
const p: SaadSollaParams = { K: 2, M: 2, eta: 1, noise: 0, q0: 0.5, asym: 0.3, seed: 1 };
const alphaMax = 80;
const points = 40;

describe('Saad–Solla at finite N', () => {
  let runs: SimulationPoint[][] = [];
  const ode = trajectory(p, alphaMax, points).points;
  beforeAll(() => {
    runs = Array.from({ length: S }, (_, r) => simulate(p, N, alphaMax, points, r).points);
  }, 300_000);

  it('starts exactly at the ODEs’ initial overlaps', () => {
    const s0 = initialState(p);
    for (const run of runs) {
      run[0].Q.forEach((q, j) => expect(q).toBeCloseTo(s0.Q[j], 12));
      run[0].R.forEach((r, j) => expect(r).toBeCloseTo(s0.R[j], 12));
    }
  });

  it('follows the ODE curve: the mean of S runs at N = 500 within 2/√(N S) in every overlap and in ε_g', () => {
    const tol = 2 / Math.sqrt(N * S);
    expect(runs.every((r) => r.length === ode.length)).toBe(true);
    ode.forEach((pt, k) => {
      const mean = (get: (q: SimulationPoint) => number) => runs.reduce((a, r) => a + get(r[k]), 0) / S;
      expect(runs[0][k].alpha).toBeCloseTo(pt.alpha, 2); // steps rounded to whole numbers: |Δα| ≤ 1/(2N)
      expect(Math.abs(mean((q) => q.eps) - pt.eps), `ε_g at α = ${pt.alpha}`).toBeLessThan(tol);
      pt.Q.forEach((q, j) => expect(Math.abs(mean((r) => r.Q[j]) - q), `Q[${j}] at α = ${pt.alpha}`).toBeLessThan(tol));
      pt.R.forEach((q, j) => expect(Math.abs(mean((r) => r.R[j]) - q), `R[${j}] at α = ${pt.alpha}`).toBeLessThan(tol));
    });
  });

  it('escapes the plateau where the ODE does, with a spread over seeds of a few per cent', () => {
    // Escape time ≈ τ ln(1/δ) for an initial asymmetry δ ~ 0.15 here; kicks of O(1/√N) shift ln δ by ~0.3 at
    // N = 500 and the escape by ≲ 15% of it (at N = 200 the spread was 13%).
    const epsP = symmetricPlateau(p).epsPlateau;
    const odeLength = plateauLength(ode, epsP)!;
    expect(odeLength).toBeGreaterThan(40);
    const lengths = runs.map((r) => plateauLength(r, epsP)!);
    for (const l of lengths) expect(Math.abs(l - odeLength) / odeLength).toBeLessThan(0.15);
    const { q1, median, q3 } = quartiles(lengths);
    expect(q1).toBeLessThanOrEqual(median);
    expect(median).toBeLessThanOrEqual(q3);
    expect(q3 - q1).toBeGreaterThan(0); // the seeds do differ
  });

  it('escapes earlier than the ODE from an almost symmetric start: the O(1/√N) fluctuations break the symmetry', () => {
    // Biehl, Riegler & Wöhler (J. Phys. A 29, 4769, 1996): at finite N the plateau lasts ~ ln N, not ln(1/asym).
    const q: SaadSollaParams = { ...p, asym: 0.001 };
    const epsP = symmetricPlateau(q).epsPlateau;
    const odeLength = plateauLength(trajectory(q, 250, 60).points, epsP)!;
    for (const r of [0, 1]) {
      const l = plateauLength(simulate(q, 200, 250, 60, r).points, epsP)!;
      expect(l).toBeLessThan(0.85 * odeLength);
    }
  }, 120_000);

  it('quartiles as numpy.percentile, and refuses sizes without room for the start', () => {
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 }); // numpy.percentile([1,2,3,4], [25,50,75])
    expect(() => validateSimulationSize(4, p)).toThrow(/N must be an integer/);
    expect(() => simulate({ ...p, asym: 1, q0: 0.1 }, 50, 1, 2, 0)).toThrow(/not realisable/);
  });
});
