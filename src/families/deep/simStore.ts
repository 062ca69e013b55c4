// The deep tab's simulation store (teacher–student runs with L = 1 … 8 hidden layers, arXiv 2510.24616): the
// platform's run slice (../../platform/sim/runSlice.ts) with the deep form (depth, algorithm, one start or both side
// by side, d, the Nishimori check) and trace rows (test error, ε, the per-layer overlaps q_l, at L = 2 also Q1, Q2,
// Q2:1, and the Nishimori statistic).
import { create } from 'zustand';
import type { DeepParams } from '../../physics/deep/deepParams';
import type { Init, SimProgress } from '../../sim/simulation';
import { runSlice, type LiveRun, type RunSlice, type SimFormCommon } from '../../platform/sim/runSlice';
import { nishimoriFields, type NishimoriRow } from '../../platform/sim/nishimoriRow';
import type { NishimoriMode } from '../mlp/simStore';

export type DeepSimAlgo = 'hmc' | 'adam';
export const DEEP_SIM_ALGOS: readonly DeepSimAlgo[] = ['hmc', 'adam'];
export type DeepSimStart = Init | 'both';
export const DEEP_SIM_STARTS: readonly DeepSimStart[] = ['both', 'informative', 'uninformative'];
/** Input dimensions offered (k1 = γ1 d, k2 = γ2 d, n = α d²): what runs live in a browser. */
export const DEEP_SIM_DS = [20, 24, 30, 36, 40, 50] as const;
/** Hidden layers L of the simulated teacher and student: 1 … MAX_DEPTH of src/sim/simulation.ts (a value import of
 * it would pull tfjs into the page's main chunk; simStore.test.ts checks the two agree). */
export const DEEP_SIM_DEPTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

export interface DeepSimForm extends SimFormCommon {
  depth: number;
  algo: DeepSimAlgo;
  start: DeepSimStart;
  nishimori: NishimoriMode;
}

export const DEEP_SIM_FORM: DeepSimForm = {
  depth: 2,
  algo: 'hmc',
  start: 'both',
  nishimori: 'off',
  d: 24,
  seed: 1,
  steps: 150,
  speed: 0,
  sweepAlphas: '1,2,3,4,6',
  sweepSeeds: '1,2',
};

export interface DeepTraceRow extends NishimoriRow {
  step: number;
  testError: number;
  eps: number;
  Q1: number;
  Q2: number;
  Q21: number;
  /** Per-layer overlaps q_1 … q_L, input side first. */
  q: number[];
}

export type DeepLiveRun = LiveRun<DeepTraceRow>;
export type DeepSimState = RunSlice<DeepTraceRow, DeepSimForm>;

/** The theory parameters a deep simulation point belongs to (the quenched flag changes the theory, not the run). */
export const deepPhysicsKey = (p: DeepParams, depth = 2): string =>
  `deep|${p.activation}|${p.activation2}|${p.gamma}|${p.gamma2}|${p.delta}|${p.readout}|${p.weights}` +
  (depth === 2 ? '' : `|L${depth}`);

const rowOf = (r: SimProgress): DeepTraceRow => ({
  step: r.step,
  testError: r.testError,
  eps: r.eps,
  Q1: r.Q1 ?? NaN,
  Q2: r.Q2 ?? NaN,
  Q21: r.Q21 ?? NaN,
  q: r.q ?? [],
  ...nishimoriFields(r),
});

export const useDeepSim = create<DeepSimState>()(runSlice(DEEP_SIM_FORM, rowOf));
