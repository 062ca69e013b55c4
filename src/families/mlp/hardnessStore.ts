// The time-to-specialise panel's store: its form and the sweep in progress (every job's live step and statistic,
// its crossing time once done). Written by the panel's actions and hardnessController.ts only.
import { create } from 'zustand';
import type { StudentKind } from '../../sim/hardness';
import { summariseTimes, type TimeSummary } from '../../sim/hardnessStats';
import type { HardnessJob, HardnessMessage, HardnessReply } from './hardnessProtocol';

export interface HardnessForm {
  algo: 'hmc' | 'adam';
  /** Dimensions, e.g. "20,30,40,60". */
  ds: string;
  seeds: number;
  budget: number;
  /** Overparameterisation s, e.g. "1" or "1,2,5,10": s averaged chains, or (ADAM, `student` wide) width s·k. */
  chains: string;
  /** ADAM with s > 1: one student of width s·k trained jointly (the authors' overparam_ADAM) or s averaged runs. */
  student: StudentKind;
  /** ε̄ as typed; empty: the theory's midpoint of ε_spec and ε_uni. */
  threshold: string;
}

// The measured setting (docs/physics/simulations.md §8, with the "Time to specialise vs d" preset's model: tanh(2x),
// Δ = 1e−4, α = 3): the median rose from ≈ 430 to ≈ 800 ADAM steps over these d, every run well within the budget
// (1500: what the CLI's one-minute bound per run allows at d = 28, so that the same sweep runs there).
export const DEFAULT_HARDNESS_FORM: HardnessForm = {
  algo: 'adam',
  ds: '10,14,20,28',
  seeds: 6,
  budget: 1500,
  chains: '1',
  student: 'wide',
  threshold: '',
};

export interface JobState {
  job: HardnessJob;
  step: number;
  eps: number | null;
  done: boolean;
  /** Once done: steps to the first crossing, null when censored. */
  steps: number | null;
}

export interface Sweep {
  gen: number;
  alpha: number;
  budget: number;
  /** How s was realised ('average' for HMC). */
  student: StudentKind;
  jobs: JobState[];
  finished: number;
  running: boolean;
  /** The threshold used (known when the first worker has answered) and the backend that ran. */
  threshold: number | null;
  backend: string | null;
  error: string | null;
}

export interface HardnessState {
  form: HardnessForm;
  sweep: Sweep | null;
  setForm<K extends keyof HardnessForm>(key: K, value: HardnessForm[K]): void;
  start(s: Pick<Sweep, 'gen' | 'alpha' | 'budget' | 'student'> & { jobs: HardnessJob[] }): void;
  update(m: HardnessMessage): void;
  reply(r: HardnessReply): void;
  finish(gen: number, error: string | null): void;
}

export const useHardness = create<HardnessState>()((set) => ({
  form: DEFAULT_HARDNESS_FORM,
  sweep: null,
  setForm: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
  start: ({ gen, alpha, budget, student, jobs }) =>
    set({
      sweep: {
        gen,
        alpha,
        budget,
        student,
        jobs: jobs.map((job) => ({ job, step: 0, eps: null, done: false, steps: null })),
        finished: 0,
        running: true,
        threshold: null,
        backend: null,
        error: null,
      },
    }),
  update: (m) =>
    set((s) => {
      const sw = s.sweep;
      // A cancelled sweep keeps what had finished; late messages of its runs are dropped.
      if (!sw || !sw.running || sw.gen !== m.gen || !sw.jobs[m.index] || sw.jobs[m.index].done) return {};
      const jobs = sw.jobs.slice();
      jobs[m.index] = {
        ...jobs[m.index],
        step: m.step,
        eps: m.eps,
        done: m.done,
        steps: m.done ? (m.steps ?? null) : null,
      };
      return { sweep: { ...sw, jobs, finished: sw.finished + (m.done ? 1 : 0) } };
    }),
  reply: (r) =>
    set((s) =>
      s.sweep && s.sweep.gen === r.gen ? { sweep: { ...s.sweep, threshold: r.threshold, backend: r.backend } } : {},
    ),
  finish: (gen, error) =>
    set((s) => (s.sweep && s.sweep.gen === gen ? { sweep: { ...s.sweep, running: false, error } } : {})),
}));

/** Per chain count s and dimension d: the summary of the finished runs (null before any has finished). */
export interface SweepRow extends TimeSummary {
  d: number;
  chains: number;
  /** Finished crossing times and censored runs, for the marks. */
  times: (number | null)[];
}

export function sweepRows(sweep: Sweep): SweepRow[] {
  const groups = new Map<string, JobState[]>();
  for (const j of sweep.jobs) {
    if (!j.done) continue;
    const key = `${j.job.chains}|${j.job.d}`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  return [...groups.values()]
    .map((js) => ({
      d: js[0].job.d,
      chains: js[0].job.chains,
      times: js.map((j) => j.steps),
      ...summariseTimes(js.map((j) => ({ steps: j.steps, budget: sweep.budget }))),
    }))
    .sort((a, b) => a.chains - b.chains || a.d - b.d);
}

/**
 * The plot's log y axis starts at half the smallest finished crossing (0.5 before any, or when one crossed at once),
 * so that medians of a few hundred steps that grow with d are not squeezed into the top of a 1…budget axis.
 */
export function yFloor(rows: SweepRow[]): number {
  const times = rows.flatMap((r) => r.times.filter((t): t is number => t !== null));
  return times.length ? Math.max(0.5, Math.min(...times) / 2) : 0.5;
}

/** How s is realised for this form: HMC has one way here (s averaged chains), ADAM the form's choice. */
export const studentOf = (form: Pick<HardnessForm, 'algo' | 'student'>): StudentKind =>
  form.algo === 'adam' ? form.student : 'average';
