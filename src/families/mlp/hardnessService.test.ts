// The time-to-specialise service with a fake runner: jobs run in order with the job's d and seed, each ends with a
// result message (steps or censored), a newer generation stops a run between steps, errors come back as values.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM } from '../../sim/simulation';
import type { HardnessMessage, HardnessRequest } from './hardnessProtocol';
import { createHardnessService, type HardnessDeps, type StepRun } from './hardnessService';

class FakeParamError extends Error {}

/** A run whose statistic falls by 0.1 a step from 1 (crossing ε̄ = 0.55 at step 5 unless the budget is smaller). */
function fakeRun(budget: number, threshold: number): StepRun {
  let step = 0;
  let eps = 1;
  let crossedAt: number | null = null;
  return {
    get done() {
      return crossedAt !== null || step >= budget;
    },
    get step() {
      return step;
    },
    get lastEps() {
      return eps;
    },
    get crossedAt() {
      return crossedAt;
    },
    advance() {
      step++;
      eps -= 0.1;
      if (eps < threshold) crossedAt = step;
      return eps;
    },
    dispose() {},
  };
}

const deps = (seen: { d: number; seed: number; student?: string }[], onStep?: () => void): HardnessDeps => ({
  prepare: async () => 'fake',
  makeRun: (c, o) => {
    if (c.d > 100) throw new FakeParamError(`d must be ≤ 100, got ${c.d}`);
    seen.push({ d: c.d, seed: c.seed, ...(o.student ? { student: o.student } : {}) });
    const run = fakeRun(o.budget, o.threshold);
    const advance = run.advance.bind(run);
    return Object.assign(run, { advance: () => (onStep?.(), advance()) });
  },
  defaultThreshold: () => 0.55,
  now: () => 0,
  ParamError: FakeParamError,
});

const request = (over: Partial<HardnessRequest> = {}): HardnessRequest => ({
  gen: 1,
  base: { ...DEFAULT_SIM, algo: 'adam', init: 'uninformative' },
  threshold: null,
  budget: 20,
  jobs: [
    { index: 0, d: 10, seed: 1, chains: 1 },
    { index: 1, d: 20, seed: 2, chains: 1 },
  ],
  ...over,
});

describe('hardness service', () => {
  it('runs the jobs in order and reports crossing times with the default threshold', async () => {
    const seen: { d: number; seed: number; student?: string }[] = [];
    const got: HardnessMessage[] = [];
    const r = await createHardnessService(deps(seen)).runJobs(request({ student: 'wide' }), (m) => got.push(m));
    expect(r).toEqual({ ok: true, value: { gen: 1, n: 2, backend: 'fake', threshold: 0.55 } });
    expect(seen).toEqual([
      { d: 10, seed: 1, student: 'wide' },
      { d: 20, seed: 2, student: 'wide' },
    ]);
    expect(got.filter((m) => m.done).map((m) => [m.index, m.steps])).toEqual([
      [0, 5],
      [1, 5],
    ]);
  });

  it('a run that does not cross within the budget ends censored (steps null) at the budget', async () => {
    const got: HardnessMessage[] = [];
    await createHardnessService(deps([])).runJobs(request({ budget: 3, threshold: 0.05 }), (m) => got.push(m));
    expect(got.filter((m) => m.done).map((m) => [m.step, m.steps])).toEqual([
      [3, null],
      [3, null],
    ]);
  });

  it('a newer generation stops the run between steps', async () => {
    const svc = createHardnessService(deps([], () => svc.supersede('hardness', 2)));
    const got: HardnessMessage[] = [];
    const r = await svc.runJobs(request(), (m) => got.push(m));
    expect(r).toEqual({ ok: false, stale: true });
    expect(got.some((m) => m.done)).toBe(false);
  });

  it('a refused configuration comes back as a param error naming the job', async () => {
    const r = await createHardnessService(deps([])).runJobs(
      request({ jobs: [{ index: 0, d: 200, seed: 1, chains: 1 }] }),
      () => {},
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && !r.stale && r.error).toMatchObject({ kind: 'param', message: 'd must be ≤ 100, got 200' });
  });
});
