// The zustand slice of a simulation panel, the same for every family: the form, the runs on screen (one, or
// several side by side), their status, the backend and its speed, the message, the finished runs (points on the
// ε(α) plot) and the sweep's progress. A family only chooses its form and what a trace row keeps of a step.
// Only the simulation controller (./controller.ts) and the panel's form fields call these actions.
import type { StateCreator } from 'zustand';
import type { Algorithm, Init, SimProgress, SimSummary } from '../../sim/simulation';
import type { BackendInfo } from './protocol';

/** Form fields every simulation panel has. */
export interface SimFormCommon {
  d: number;
  seed: number;
  steps: number;
  /** Steps per second cap (0 = max). */
  speed: number;
  sweepAlphas: string;
  sweepSeeds: string;
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

/** What the panel knows of a run when it starts. */
export interface RunHead {
  id: number;
  algo: Algorithm;
  init: Init;
  alpha: number;
  d: number;
}

export interface LiveRun<Row> extends RunHead {
  /** Readout values of the L = 1 overlap groups Q(v), from the first step (empty at L = 2). */
  qValues: number[];
  trace: Row[];
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

export interface RunSlice<Row, Form extends SimFormCommon> {
  form: Form;
  runs: LiveRun<Row>[];
  status: RunStatus;
  backend: BackendInfo | null;
  stepsPerSecond: number;
  gradientsPerSecond: number | null;
  message: string | null;
  finished: FinishedRun[];
  sweep: SweepState;
  setForm<K extends keyof Form>(key: K, value: Form[K]): void;
  /** New runs on screen (the previous ones and the message go). */
  startRuns(runs: RunHead[], status: RunStatus): void;
  appendRows(id: number, rows: SimProgress[], stepsPerSecond: number, gradientsPerSecond: number | null): void;
  finishRun(id: number, summary: SimSummary): void;
  /** Back to idle: no runs, no message. */
  clearRuns(): void;
  setStatus(status: RunStatus): void;
  /** A run or the worker failed: the message says why. */
  fail(message: string): void;
  setBackend(backend: BackendInfo): void;
  setMessage(message: string | null): void;
  addFinished(run: FinishedRun): void;
  clearFinished(): void;
  setSweep(sweep: SweepState): void;
}

export function runSlice<Row, Form extends SimFormCommon>(
  form: Form,
  rowOf: (p: SimProgress) => Row,
): StateCreator<RunSlice<Row, Form>> {
  return (set) => ({
    form,
    runs: [],
    status: 'idle',
    backend: null,
    stepsPerSecond: 0,
    gradientsPerSecond: null,
    message: null,
    finished: [],
    sweep: { running: false, done: 0, total: 0 },
    setForm: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
    startRuns: (runs, status) =>
      set({
        runs: runs.map((r) => ({ ...r, qValues: [], trace: [], last: null, summary: null })),
        status,
        message: null,
        stepsPerSecond: 0,
        gradientsPerSecond: null,
      }),
    appendRows: (id, rows, stepsPerSecond, gradientsPerSecond) =>
      set((s) => {
        const i = s.runs.findIndex((r) => r.id === id);
        if (i < 0 || rows.length === 0) return {};
        const run = s.runs[i];
        const qValues = run.qValues.length ? run.qValues : (rows[0].Q ?? []).map((g) => g.v);
        const runs = s.runs.slice();
        runs[i] = { ...run, qValues, trace: run.trace.concat(rows.map(rowOf)), last: rows[rows.length - 1] };
        return { runs, stepsPerSecond, gradientsPerSecond };
      }),
    finishRun: (id, summary) => set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, summary } : r)) })),
    clearRuns: () => set({ runs: [], status: 'idle', message: null }),
    setStatus: (status) => set({ status }),
    fail: (message) => set((s) => ({ message, status: 'error', sweep: { ...s.sweep, running: false } })),
    setBackend: (backend) => set({ backend }),
    setMessage: (message) => set({ message }),
    addFinished: (run) => set((s) => ({ finished: [...s.finished, run] })),
    clearFinished: () => set({ finished: [] }),
    setSweep: (sweep) => set({ sweep }),
  });
}
