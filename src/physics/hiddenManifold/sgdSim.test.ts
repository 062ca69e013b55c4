// Online SGD on hidden-manifold and i.i.d. inputs (sgdSim.ts): the starting error against the Saad–Solla closed form,
// the claim of docs/physics/hidden-manifold.md §4 (i.i.d. inputs are learnt to ε_g → 0, hidden-manifold data stall at
// a non-zero error), reproducibility and the refusals.
import { describe, expect, it } from 'vitest';
import { activationProfile } from '../twoLayer/profiles';
import { runSgd, validateSgd, type HmmSgdParams } from './sgdSim';

const base: HmmSgdParams = {
  f: activationProfile('tanh'),
  g: 'erf',
  K: 2,
  M: 2,
  N: 100,
  delta: 0.5,
  eta: 0.5,
  noise: 0,
  alphaMax: 200,
  seed: 1,
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const last = (r: { points: { testError: number }[] }) => r.points[r.points.length - 1].testError;

describe('online SGD on hidden-manifold vs i.i.d. inputs', () => {
  it('starts at the Saad–Solla error of unrelated units: ε_g = 2/3 for K = M = 2 (Q = T = I, R = 0)', () => {
    // ε_g = (1/π)[Σ_ik arcsin(Q_ik/√((1+Q_ii)(1+Q_kk))) + Σ_nm (same in T) − 2Σ_in (same in R)] (Saad & Solla 1995);
    // at Q = T = I, R = 0: (1/π)(2 + 2)·arcsin(1/2) = 2/3. A random start realises it up to O(1/√N) overlaps and the
    // test set's noise: 16 runs of 1000 test points, the mean within 0.1 (about 3 standard errors, spread 0.12 a run).
    const p = { ...base, alphaMax: 0.01 };
    for (const kind of ['hmm', 'iid'] as const) {
      const e0 = mean(Array.from({ length: 16 }, (_, run) => runSgd(p, kind, 2, run).points[0].testError));
      expect(Math.abs(e0 - 2 / 3)).toBeLessThan(0.1);
    }
  });

  it('i.i.d. inputs specialise to ε_g → 0; hidden-manifold data (same teacher on the latent) stall above it', () => {
    const runs = [0, 1, 2, 3];
    const iid = runs.map((r) => runSgd(base, 'iid', 8, r));
    const hmm = runs.map((r) => runSgd(base, 'hmm', 8, r));
    expect([...iid, ...hmm].some((r) => r.diverged)).toBe(false);
    expect(mean(iid.map(last))).toBeLessThan(0.01);
    expect(mean(hmm.map(last))).toBeGreaterThan(3 * mean(iid.map(last)));
    for (const r of hmm) expect(last(r)).toBeGreaterThan(0.01);
    // and both learnt: far below the starting error
    for (const r of [...iid, ...hmm]) expect(last(r)).toBeLessThan(0.1 * r.points[0].testError);
  });

  it('is reproducible from its seed, and a run of another seed differs', () => {
    const p = { ...base, alphaMax: 5 };
    const a = runSgd(p, 'hmm', 4, 0).points.map((q) => q.testError);
    expect(runSgd(p, 'hmm', 4, 0).points.map((q) => q.testError)).toEqual(a);
    expect(runSgd({ ...p, seed: 2 }, 'hmm', 4, 0).points[4].testError).not.toBe(a[4]);
  });

  it('a too large η blows ReLU units up and says so', () => {
    expect(runSgd({ ...base, g: 'relu', eta: 5, alphaMax: 20 }, 'iid', 4, 0).diverged).toBe(true);
  });

  it('refuses bad input and too costly requests with one-line messages', () => {
    expect(() => validateSgd({ ...base, K: 0 }, 1, 40)).toThrow(/K must be/);
    expect(() => validateSgd({ ...base, N: 10 }, 1, 40)).toThrow(/N must be/);
    expect(() => validateSgd({ ...base, delta: 0 }, 1, 40)).toThrow(/δ = D\/N/);
    expect(() => validateSgd({ ...base, eta: 0 }, 1, 40)).toThrow(/η must be/);
    expect(() => validateSgd(base, 0, 40)).toThrow(/seeds must be/);
    expect(() => validateSgd({ ...base, N: 2000, delta: 2, alphaMax: 1e4 }, 4, 40)).toThrow(/multiply–adds/);
    expect(validateSgd(base, 4, 40)).toBe(base);
  });
});
