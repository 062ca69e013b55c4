// Store of the deep tab's simulation panel (L = 2 teacher–student runs, arXiv 2510.24616): form, the live runs
// (one per start; "both starts" runs informative and uninformative HMC side by side), backend and speed,
// messages, finished runs (points with error bars on the deep ε(α) plot) and the sweep's progress.
import { create } from 'zustand';
import type { DeepParams } from '../../physics/deep/deepModel';
import type { Init, SimProgress, SimSummary } from '../../sim/simulation';
import { simRunSlice, type SimFormCommon, type SimRunSlice } from '../mlp/simStore';

export type DeepSimAlgo = 'hmc' | 'adam';
export const DEEP_SIM_ALGOS: readonly DeepSimAlgo[] = ['hmc', 'adam'];
export type DeepSimStart = Init | 'both';
export const DEEP_SIM_STARTS: readonly DeepSimStart[] = ['both', 'informative', 'uninformative'];
/** Input dimensions offered (k1 = γ1 d, k2 = γ2 d, n = α d²): what runs live in a browser. */
export const DEEP_SIM_DS = [20, 24, 30, 36, 40] as const;

export interface DeepSimForm extends SimFormCommon {
  algo: DeepSimAlgo;
  start: DeepSimStart;
}

export const DEEP_SIM_FORM: DeepSimForm = { algo: 'hmc', start: 'both', d: 24, seed: 1, steps: 150, speed: 0, sweepAlphas: '1,2,3,4,6', sweepSeeds: '1,2' };

export interface DeepTraceRow {
  step: number;
  testError: number;
  eps: number;
  Q1: number;
  Q2: number;
  Q21: number;
}

export interface DeepLiveRun {
  id: number;
  algo: DeepSimAlgo;
  init: Init;
  alpha: number;
  d: number;
  trace: DeepTraceRow[];
  last: SimProgress | null;
  summary: SimSummary | null;
}

export interface DeepSimState extends SimRunSlice {
  form: DeepSimForm;
  runs: DeepLiveRun[];
  setForm<K extends keyof DeepSimForm>(key: K, value: DeepSimForm[K]): void;
  startRuns(runs: Omit<DeepLiveRun, 'trace' | 'last' | 'summary'>[]): void;
  appendRows(id: number, rows: SimProgress[], stepsPerSecond: number, gradientsPerSecond: number | null): void;
  finishRun(id: number, summary: SimSummary): void;
  clearRuns(): void;
}

/** The theory parameters a deep simulation point belongs to (the quenched flag changes the theory, not the run). */
export const deepPhysicsKey = (p: DeepParams): string => `deep|${p.activation}|${p.activation2}|${p.gamma}|${p.gamma2}|${p.delta}|${p.readout}|${p.weights}`;

const rowOf = (r: SimProgress): DeepTraceRow => ({ step: r.step, testError: r.testError, eps: r.eps, Q1: r.Q1 ?? NaN, Q2: r.Q2 ?? NaN, Q21: r.Q21 ?? NaN });

export const useDeepSim = create<DeepSimState>((set) => ({
  ...simRunSlice(set),
  form: DEEP_SIM_FORM,
  runs: [],
  setForm: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
  startRuns: (runs) => set({ runs: runs.map((r) => ({ ...r, trace: [], last: null, summary: null })), stepsPerSecond: 0, gradientsPerSecond: null }),
  appendRows: (id, rows, stepsPerSecond, gradientsPerSecond) =>
    set((s) => {
      const i = s.runs.findIndex((r) => r.id === id);
      if (i < 0 || rows.length === 0) return {};
      const runs = s.runs.slice();
      runs[i] = { ...runs[i], trace: runs[i].trace.concat(rows.map(rowOf)), last: rows[rows.length - 1] };
      return { runs, stepsPerSecond, gradientsPerSecond };
    }),
  finishRun: (id, summary) => set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, summary } : r)) })),
  clearRuns: () => set({ runs: [] }),
}));
