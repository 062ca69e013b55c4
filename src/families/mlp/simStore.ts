// The MLP Simulation panel's store: the platform's run slice (../../platform/sim/runSlice.ts) with the MLP's form
// (algorithm, start, readouts) and trace rows (test error, ε, R2 and Q per readout value).
import { create } from 'zustand';
import type { ShallowParams } from '../../physics/types';
import type { Algorithm, Init, ReadoutMode, SimProgress } from '../../sim/simulation';
import { runSlice, type LiveRun, type RunSlice, type SimFormCommon } from '../../platform/sim/runSlice';
import { nishimoriFields, type NishimoriRow } from '../../platform/sim/nishimoriRow';

export type { FinishedRun } from '../../platform/sim/runSlice';

export interface SimForm extends SimFormCommon {
  algo: Algorithm;
  init: Init;
  readouts: ReadoutMode;
  /** HMC: a second chain beside the first and the Nishimori check (twice the cost). */
  nishimori: NishimoriMode;
}

/** The input dimensions the panel offers (its d field). */
export const SIM_D_RANGE = { min: 8, max: 200 } as const;

export type NishimoriMode = 'off' | 'on';
export const NISHIMORI_MODES: readonly NishimoriMode[] = ['off', 'on'];

export const DEFAULT_FORM: SimForm = {
  algo: 'hmc',
  init: 'informative',
  readouts: 'fixed',
  nishimori: 'off',
  d: 40,
  seed: 1,
  steps: 200,
  speed: 0,
  sweepAlphas: '1,2,4,6,8',
  sweepSeeds: '1,2,3',
};

export interface TraceRow extends NishimoriRow {
  step: number;
  testError: number;
  eps: number;
  R2: number;
  Q: number[] | null;
}

export type SimState = RunSlice<TraceRow, SimForm>;

/** The theory parameters a simulation point belongs to. */
export const physicsKey = (p: ShallowParams): string =>
  `${p.activation}|${p.gamma}|${p.delta}|${p.readout}|${p.weights}`;

const rowOf = (r: SimProgress): TraceRow => ({
  step: r.step,
  testError: r.testError,
  eps: r.eps,
  R2: r.R2,
  Q: r.Q ? r.Q.map((g) => g.Q) : null,
  ...nishimoriFields(r),
});

export const useMlpSim = create<SimState>()(runSlice(DEFAULT_FORM, rowOf));

/** The panel runs one start at a time: the plots see the store with that run as `live`. */
export function useSim<T>(select: (s: SimState & { live: LiveRun<TraceRow> | null }) => T): T {
  return useMlpSim((s) => select({ ...s, live: s.runs[0] ?? null }));
}
