// The Simulation panel's zustand store: form values, the live run's trace, the backend and its speed, messages,
// finished runs (points with error bars over seeds on the ε(α) plot) and the sweep's progress.
import { create } from 'zustand';
import type { ShallowParams } from '../../physics/types';
import type { Algorithm, Init, ReadoutMode, SimProgress, SimSummary } from '../../sim/simulation';
import type { BackendInfo } from '../../platform/sim/protocol';

/** Form fields every simulation panel has (MLP and deep). */
export interface SimFormCommon {
  d: number;
  seed: number;
  steps: number;
  /** Steps per second cap (0 = max). */
  speed: number;
  sweepAlphas: string;
  sweepSeeds: string;
}

export interface SimForm extends SimFormCommon {
  algo: Algorithm;
  init: Init;
  readouts: ReadoutMode;
}

export const DEFAULT_FORM: SimForm = {
  algo: 'hmc',
  init: 'informative',
  readouts: 'fixed',
  d: 40,
  seed: 1,
  steps: 200,
  speed: 0,
  sweepAlphas: '1,2,4,6,8',
  sweepSeeds: '1,2,3',
};

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface TraceRow {
  step: number;
  testError: number;
  eps: number;
  R2: number;
  Q: number[] | null;
}

export interface LiveRun {
  id: number;
  algo: Algorithm;
  init: Init;
  alpha: number;
  /** Readout values of the Q groups (same order as TraceRow.Q). */
  qValues: number[];
  trace: TraceRow[];
  last: SimProgress | null;
  summary: SimSummary | null;
}

/** A finished run, a point on the ε(α) plot. `key` names the physics parameters it belongs to. */
export interface FinishedRun {
  key: string;
  algo: Algorithm;
  init: Init;
  alpha: number;
  d: number;
  seed: number;
  eps: number;
}

export interface SweepState {
  running: boolean;
  done: number;
  total: number;
}

/** The part of a simulation panel's store that does not depend on the model: status, backend, messages, points, sweep. */
export interface SimRunSlice {
  status: RunStatus;
  backend: BackendInfo | null;
  stepsPerSecond: number;
  gradientsPerSecond: number | null;
  message: string | null;
  finished: FinishedRun[];
  sweep: SweepState;
  setStatus(s: RunStatus): void;
  setBackend(b: BackendInfo | null): void;
  setMessage(m: string | null): void;
  addFinished(r: FinishedRun): void;
  clearFinished(): void;
  setSweep(s: SweepState): void;
}

/** That slice's initial state and setters, for `create` of the MLP and deep simulation stores. */
export function simRunSlice(set: (f: Partial<SimRunSlice> | ((s: SimRunSlice) => Partial<SimRunSlice>)) => void): SimRunSlice {
  return {
    status: 'idle',
    backend: null,
    stepsPerSecond: 0,
    gradientsPerSecond: null,
    message: null,
    finished: [],
    sweep: { running: false, done: 0, total: 0 },
    setStatus: (status) => set({ status }),
    setBackend: (backend) => set({ backend }),
    setMessage: (message) => set({ message }),
    addFinished: (r) => set((s) => ({ finished: [...s.finished, r] })),
    clearFinished: () => set({ finished: [] }),
    setSweep: (sweep) => set({ sweep }),
  };
}

export interface SimState extends SimRunSlice {
  form: SimForm;
  live: LiveRun | null;
  setForm<K extends keyof SimForm>(key: K, value: SimForm[K]): void;
  startLive(run: Omit<LiveRun, 'trace' | 'last' | 'summary' | 'qValues'>): void;
  appendRows(id: number, rows: SimProgress[], stepsPerSecond: number, gradientsPerSecond: number | null): void;
  finishLive(id: number, summary: SimSummary): void;
  clearLive(): void;
}

/** The theory parameters a simulation point belongs to. */
export const physicsKey = (p: ShallowParams): string => `${p.activation}|${p.gamma}|${p.delta}|${p.readout}|${p.weights}`;

export const useSim = create<SimState>((set) => ({
  ...simRunSlice(set),
  form: DEFAULT_FORM,
  live: null,
  setForm: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
  startLive: (run) => set({ live: { ...run, qValues: [], trace: [], last: null, summary: null }, stepsPerSecond: 0, gradientsPerSecond: null }),
  appendRows: (id, rows, stepsPerSecond, gradientsPerSecond) =>
    set((s) => {
      if (!s.live || s.live.id !== id || rows.length === 0) return {};
      const qValues = s.live.qValues.length ? s.live.qValues : (rows[0].Q ?? []).map((g) => g.v);
      const trace = s.live.trace.concat(rows.map((r) => ({ step: r.step, testError: r.testError, eps: r.eps, R2: r.R2, Q: r.Q ? r.Q.map((g) => g.Q) : null })));
      return { live: { ...s.live, qValues, trace, last: rows[rows.length - 1] }, stepsPerSecond, gradientsPerSecond };
    }),
  finishLive: (id, summary) => set((s) => (s.live && s.live.id === id ? { live: { ...s.live, summary } } : {})),
  clearLive: () => set({ live: null }),
}));


export interface SimPoint {
  algo: Algorithm;
  init: Init;
  alpha: number;
  d: number;
  mean: number;
  /** Standard deviation over seeds (0 for a single run). */
  std: number;
  count: number;
}

/** Finished runs of one physics key grouped by (algorithm, start, α, d): mean and spread over seeds. */
export function simPoints(finished: FinishedRun[], key: string): SimPoint[] {
  const groups = new Map<string, FinishedRun[]>();
  for (const r of finished) {
    if (r.key !== key || !Number.isFinite(r.eps)) continue;
    const g = `${r.algo}|${r.init}|${r.alpha}|${r.d}`; // never pool different sizes: finite-size effects differ
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  const out: SimPoint[] = [];
  for (const list of groups.values()) {
    const n = list.length;
    const mean = list.reduce((a, r) => a + r.eps, 0) / n;
    const std = n > 1 ? Math.sqrt(list.reduce((a, r) => a + (r.eps - mean) ** 2, 0) / (n - 1)) : 0;
    out.push({ algo: list[0].algo, init: list[0].init, alpha: list[0].alpha, d: list[0].d, mean, std, count: n });
  }
  return out.sort((a, b) => a.alpha - b.alpha);
}
