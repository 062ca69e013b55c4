// Time-to-specialise sweep data flow: the panel's form and the tab's σ, γ, Δ, P_v, P_W, α → jobs (d × seed × s)
// → a WorkerPool (one core left to the theory worker) fed from one queue, so that a fast worker takes the next job
// → useHardness. Jobs are queued seed by seed, so that every d has a first point early. Cancel = a new generation:
// every worker stops within one step.
import { errorOf } from '../../platform/compute/outcome';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { WorkerPool } from '../../platform/compute/workerPool';
import { DEFAULT_SIM, type SimConfig } from '../../sim/config';
import { poolSize } from './phaseClient';
import { HARDNESS_CHANNELS, type HardnessApi, type HardnessJob } from './hardnessProtocol';
import { studentOf, useHardness, type HardnessForm } from './hardnessStore';
import { shallowParamsOf, useExplorer } from './store';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/hardness.worker.ts', import.meta.url), { type: 'module', name: 'hardness' });

/** Parses a list of positive integers ("20,30,40"); null with a message when it is not one. */
export function parseIntList(text: string, lo: number, hi: number): number[] | string {
  const xs = text.split(',').map((t) => Number(t.trim()));
  if (!xs.length || xs.some((x) => !Number.isInteger(x) || x < lo || x > hi))
    return `expected integers in [${lo}, ${hi}] separated by commas, got '${text}'`;
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** The jobs of a form: seed-major (every d and s at seed 1 first), indexed in that order; or a message. */
export function jobsOf(form: HardnessForm): HardnessJob[] | string {
  const ds = parseIntList(form.ds, 6, 120);
  if (typeof ds === 'string') return `d: ${ds}`;
  const ss = parseIntList(form.chains, 1, 10);
  if (typeof ss === 'string') return `chains s: ${ss}`;
  const jobs: HardnessJob[] = [];
  for (let seed = 1; seed <= form.seeds; seed++)
    for (const chains of ss) for (const d of ds) jobs.push({ index: jobs.length, d, seed, chains });
  return jobs;
}

export interface HardnessController {
  run(): string | null;
  cancel(): void;
  dispose(): void;
}

export function createHardnessController(factory: WorkerFactory = defaultFactory): HardnessController {
  let pool: WorkerPool<HardnessApi> | null = null;
  const getPool = () =>
    (pool ??= new WorkerPool<HardnessApi>({
      size: poolSize(typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined),
      name: 'time-to-specialise',
      factory,
      channels: HARDNESS_CHANNELS,
      onCrash: () => {},
      watchdogMs: 120_000,
    }));
  return {
    /** Starts a sweep; returns a message instead when the form does not describe one. */
    run() {
      const form = useHardness.getState().form;
      const jobs = jobsOf(form);
      if (typeof jobs === 'string') return jobs;
      if (!(Number.isInteger(form.budget) && form.budget >= 1 && form.budget <= 100000))
        return `budget must be an integer in [1, 100000], got ${form.budget}`;
      const threshold = form.threshold.trim() === '' ? null : Number(form.threshold);
      if (threshold !== null && !(threshold > 0))
        return `ε̄ must be a number > 0 (or empty for the theory's), got '${form.threshold}'`;
      const params = useExplorer.getState().params;
      const base: SimConfig = {
        ...DEFAULT_SIM,
        ...shallowParamsOf(params),
        algo: form.algo,
        init: 'uninformative',
        alpha: params.alpha,
        nTest: 2000,
      };
      const student = studentOf(form);
      const p = getPool();
      const gen = p.nextGeneration('hardness');
      const store = useHardness.getState();
      store.start({ gen, alpha: params.alpha, budget: form.budget, student, jobs });
      const queue = [...jobs];
      let firstError: string | null = null;
      const worker = async (w: number) => {
        const member = p.members[w];
        for (let job = queue.shift(); job && p.isCurrent('hardness', gen); job = queue.shift()) {
          const r = await member.call(
            (api, alive) =>
              api.runJobs(
                { gen, base, threshold, budget: form.budget, student, jobs: [job] },
                progress(alive, (m) => useHardness.getState().update(m)),
              ),
            { channel: 'hardness', gen },
          );
          if (r.ok) useHardness.getState().reply(r.value);
          const error = errorOf(r);
          if (error) {
            firstError ??= error.message;
            queue.length = 0;
          }
        }
      };
      void Promise.all(p.members.map((_, w) => worker(w))).then(() => useHardness.getState().finish(gen, firstError));
      return null;
    },
    cancel() {
      if (!pool) return;
      const gen = useHardness.getState().sweep?.gen;
      pool.nextGeneration('hardness');
      if (gen !== undefined) useHardness.getState().finish(gen, null);
    },
    dispose() {
      pool?.dispose();
      pool = null;
    },
  };
}
