// The sweep's jobs from the panel's form, and the per-(s, d) summaries the plot draws.
import { describe, expect, it } from 'vitest';
import { jobsOf, parseIntList } from './hardnessController';
import { DEFAULT_HARDNESS_FORM, sweepRows, type Sweep } from './hardnessStore';

describe('time-to-specialise sweep', () => {
  it('jobs are seed-major over d and s, indexed in order; bad lists are refused with a message', () => {
    const jobs = jobsOf({ ...DEFAULT_HARDNESS_FORM, ds: '20, 10', seeds: 2, chains: '1,5' });
    expect(jobs).toHaveLength(8);
    if (typeof jobs === 'string') throw new Error(jobs);
    expect(jobs.slice(0, 4).map((j) => [j.seed, j.chains, j.d])).toEqual([
      [1, 1, 10],
      [1, 1, 20],
      [1, 5, 10],
      [1, 5, 20],
    ]);
    expect(jobs.map((j) => j.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(jobsOf({ ...DEFAULT_HARDNESS_FORM, ds: '10,x' })).toMatch(/^d: expected integers/);
    expect(jobsOf({ ...DEFAULT_HARDNESS_FORM, chains: '0' })).toMatch(/^chains s:/);
    expect(parseIntList('3,3,1', 1, 5)).toEqual([1, 3]);
  });

  it('sweepRows summarises finished runs per (s, d), censored ones beyond the budget', () => {
    const job = (index: number, d: number, steps: number | null, done = true) => ({
      job: { index, d, seed: index, chains: 1 },
      step: 0,
      eps: null,
      done,
      steps,
    });
    const sweep: Sweep = {
      gen: 1,
      alpha: 4,
      budget: 100,
      jobs: [job(0, 10, 5), job(1, 10, 9), job(2, 10, null), job(3, 20, 40), job(4, 20, 0, false)],
      finished: 4,
      running: true,
      threshold: 0.05,
      backend: 'wasm',
      error: null,
    };
    const rows = sweepRows(sweep);
    expect(rows.map((r) => [r.d, r.runs, r.censored, r.median])).toEqual([
      [10, 3, 1, 9],
      [20, 1, 0, 40],
    ]);
    expect(rows[0].q3).toBeNull(); // h = 1.5 reaches the censored run
  });
});
