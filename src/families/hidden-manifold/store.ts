// Store of the hidden-manifold tab: parameters (mirrored in the URL), the ridge curve, the SGD comparison, messages.
import { create } from 'zustand';
import type { DataKind, SgdPoint } from '../../physics/hiddenManifold/sgdSim';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { hmmCodec, type HmmUiParams } from './params';
import type { CurveResult, LogisticResult, RidgeSimPoint, SgdChunk } from './protocol';

/** The online-SGD runs shown (cleared when a parameter they depend on changes). */
export interface SgdView {
  N: number;
  seeds: number;
  /** Samples so far of each run, by data kind. */
  runs: Record<DataKind, SgdPoint[][]>;
  /** Runs finished (both kinds counted) and how many of them blew up. */
  finished: number;
  diverged: number;
  running: boolean;
  error: string | null;
}

/** Ridge on sampled data drawn over the curve (cleared when a ridge parameter or N changes). */
export interface RidgeSimView {
  N: number;
  seeds: number;
  points: Omit<RidgeSimPoint, 'gen'>[];
  running: boolean;
  error: string | null;
}

export interface HmmState extends ParamsSlice<HmmUiParams>, MessagesSlice {
  computing: boolean;
  result: CurveResult | null;
  /** Logistic regression's curve (computed after the ridge curve, on its own channel). */
  logistic: LogisticResult | null;
  simulation: SgdView | null;
  /** What the view asks the controller to simulate (a new object each click). */
  simRequest: { seeds: number } | null;
  requestSimulation(seeds: number): void;
  applySimChunk(c: SgdChunk): void;
  ridgeSim: RidgeSimView | null;
  ridgeSimRequest: { seeds: number } | null;
  requestRidgeSim(seeds: number): void;
}

/** What the ridge simulation depends on: the ridge problem, its α range and N. */
export const ridgeSimKey = (p: HmmUiParams) =>
  [p.activation, p.target, p.delta, p.lambda, p.noise, p.alphaMax, p.N].join('|');

/** What the SGD runs depend on: everything but the ridge-only target, λ and α range. */
export const sgdKey = (p: HmmUiParams) =>
  [p.activation, p.delta, p.noise, p.units, p.K, p.M, p.eta, p.N, p.sgdAlpha, p.seed].join('|');

export const useHiddenManifold = create<HmmState>()((set, get, api) => ({
  ...paramsSlice(hmmCodec.defaults())(set, get, api),
  ...messagesSlice()(set, get, api),
  computing: false,
  result: null,
  logistic: null,
  simulation: null,
  simRequest: null,
  ridgeSim: null,
  ridgeSimRequest: null,
  requestRidgeSim: (seeds) =>
    set({
      ridgeSimRequest: { seeds },
      ridgeSim: { N: get().params.N, seeds, points: [], running: true, error: null },
    }),
  requestSimulation: (seeds) =>
    set({
      simRequest: { seeds },
      simulation: {
        N: get().params.N,
        seeds,
        runs: { hmm: [], iid: [] },
        finished: 0,
        diverged: 0,
        running: true,
        error: null,
      },
    }),
  applySimChunk: (c) => {
    const sim = get().simulation;
    if (!sim) return;
    const list = sim.runs[c.kind].slice();
    list[c.run] = [...(list[c.run] ?? []), ...c.points];
    set({
      simulation: {
        ...sim,
        runs: { ...sim.runs, [c.kind]: list },
        finished: sim.finished + (c.done ? 1 : 0),
        diverged: sim.diverged + (c.done?.diverged ? 1 : 0),
      },
    });
  },
}));
