// The deep tab's simulation store (L = 2 teacher–student runs, arXiv 2510.24616): the platform's run slice
// (../../platform/sim/runSlice.ts) with the deep form (algorithm, one start or both side by side, d) and trace rows
// (test error, ε and the layer-wise overlaps Q1, Q2, Q2:1).
import { create } from 'zustand';
import type { DeepParams } from '../../physics/deep/deepModel';
import type { Init, SimProgress } from '../../sim/simulation';
import { runSlice, type LiveRun, type RunSlice, type SimFormCommon } from '../../platform/sim/runSlice';

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

export const DEEP_SIM_FORM: DeepSimForm = {
  algo: 'hmc',
  start: 'both',
  d: 24,
  seed: 1,
  steps: 150,
  speed: 0,
  sweepAlphas: '1,2,3,4,6',
  sweepSeeds: '1,2',
};

export interface DeepTraceRow {
  step: number;
  testError: number;
  eps: number;
  Q1: number;
  Q2: number;
  Q21: number;
}

export type DeepLiveRun = LiveRun<DeepTraceRow>;
export type DeepSimState = RunSlice<DeepTraceRow, DeepSimForm>;

/** The theory parameters a deep simulation point belongs to (the quenched flag changes the theory, not the run). */
export const deepPhysicsKey = (p: DeepParams): string =>
  `deep|${p.activation}|${p.activation2}|${p.gamma}|${p.gamma2}|${p.delta}|${p.readout}|${p.weights}`;

const rowOf = (r: SimProgress): DeepTraceRow => ({
  step: r.step,
  testError: r.testError,
  eps: r.eps,
  Q1: r.Q1 ?? NaN,
  Q2: r.Q2 ?? NaN,
  Q21: r.Q21 ?? NaN,
});

export const useDeepSim = create<DeepSimState>()(runSlice(DEEP_SIM_FORM, rowOf));
