// The sweep's jobs from the panel's form, the per-(s, d) summaries the plot draws, and a pool worker that dies
// mid-sweep: the sweep ends with the message, nothing is re-sent by itself, and the next sweep runs on a fresh one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHardnessController, jobsOf, parseIntList } from './hardnessController';
import { DEFAULT_HARDNESS_FORM, sweepRows, useHardness, yFloor, type Sweep } from './hardnessStore';
import type { HardnessApi } from './hardnessProtocol';
import { fakeFactory, never, tick } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('time-to-specialise pool', () => {
  it('recovers from a worker crash mid-sweep with a message and no re-run', async () => {
    let runs = 0;
    const { factory, workers } = fakeFactory((n): Partial<HardnessApi> => ({
      supersede: () => {},
      runJobs: async (req, onMessage) => {
        runs++;
        const index = req.jobs[0].index;
        onMessage({ gen: req.gen, index, step: 5, eps: 0.3, done: false });
        if (n === 0) return never();
        onMessage({ gen: req.gen, index, step: 9, eps: 0.1, done: true, steps: 9 });
        return { ok: true, value: { gen: req.gen, n: 1, backend: 'cpu', threshold: 0.2 } };
      },
    }));
    useHardness.setState({ form: { ...DEFAULT_HARDNESS_FORM, ds: '8', seeds: 1 }, sweep: null });
    const hardness = createHardnessController(factory);
    expect(hardness.run()).toBeNull();
    await vi.waitFor(() => expect(useHardness.getState().sweep?.jobs[0].step).toBe(5));
    workers[0].crash('RangeError: out of memory');
    await vi.waitFor(() =>
      expect(useHardness.getState().sweep).toMatchObject({
        running: false,
        error: expect.stringContaining('out of memory'),
      }),
    );
    await tick(50);
    expect(runs).toBe(1); // the job that crashed the worker is not sent again by itself
    expect(hardness.run()).toBeNull();
    await vi.waitFor(() =>
      expect(useHardness.getState().sweep).toMatchObject({ running: false, error: null, finished: 1 }),
    );
    expect(workers).toHaveLength(2);
    hardness.dispose();
  });

  it('sends the form’s student for ADAM (default: the wide s·k student) and averaged chains for HMC', async () => {
    const students: (string | undefined)[] = [];
    const { factory } = fakeFactory((): Partial<HardnessApi> => ({
      supersede: () => {},
      runJobs: async (req, onMessage) => {
        students.push(req.student);
        onMessage({ gen: req.gen, index: req.jobs[0].index, step: 1, eps: 0.1, done: true, steps: 1 });
        return { ok: true, value: { gen: req.gen, n: 1, backend: 'cpu', threshold: 0.2 } };
      },
    }));
    const hardness = createHardnessController(factory);
    for (const algo of ['adam', 'hmc'] as const) {
      useHardness.setState({ form: { ...DEFAULT_HARDNESS_FORM, algo, ds: '8', seeds: 1, chains: '2' }, sweep: null });
      expect(hardness.run()).toBeNull();
      await vi.waitFor(() => expect(useHardness.getState().sweep).toMatchObject({ running: false, finished: 1 }));
    }
    expect(students).toEqual(['wide', 'average']);
    expect(useHardness.getState().sweep?.student).toBe('average');
    hardness.dispose();
  });
});

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
      student: 'average',
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
    // The plot's y axis starts at half the smallest finished crossing (5 steps), censored and running runs aside.
    expect(yFloor(rows)).toBe(2.5);
    expect(yFloor(rows.slice(1))).toBe(20);
    expect(yFloor([])).toBe(0.5);
    expect(yFloor(sweepRows({ ...sweep, jobs: [job(0, 10, 0), job(1, 10, null)] }))).toBe(0.5);
  });
});
