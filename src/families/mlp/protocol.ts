// Messages between the main thread (src/families/mlp/theoryClient.ts) and the theory worker (workers/mlp.worker.ts).
// Plain structured-clone data only; every request carries a generation id so stale work can be dropped.
import type { ReadoutLaw, ShallowParams, ShallowPoint } from '../../physics/types';
import type { TransitionResult } from '../../physics/mlp/shallowModel';
import type { OverlapProfile } from '../../physics/mlp/profileTypes';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export type { OverlapProfile, TransitionResult };

/** Independent generation counters: a newer curve request supersedes older curves and transitions only. */
export const CHANNELS = ['curve', 'point', 'profile'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AlphaGrid {
  min: number;
  max: number;
  n: number;
}

export interface CurveRequest {
  gen: number;
  params: ShallowParams;
  grid: AlphaGrid;
}

/** Model facts the views need once per curve. */
export interface CurveHeader {
  key: string;
  alphas: number[];
  notes: string[];
  pinnedUniversal: boolean;
  theoryUnverified: boolean;
  atoms: { law: ReadoutLaw; v: number[]; p: number[] };
}

/**
 * A curve is computed coarse-to-fine: first every `coarseStep`-th grid point (plus the last), so the whole α range
 * can be drawn after a few ms, then the points in between (warm-started from their left neighbour).
 */
export interface CurveChunk {
  gen: number;
  /** Grid indices of `points`. */
  indices: number[];
  points: ShallowPoint[];
  /** Sent with the first chunk of every curve. */
  header?: CurveHeader;
  phase: 'coarse' | 'fine';
  /** True from the last chunk of the coarse pass on (the whole α range is covered). */
  spansRange: boolean;
  /** True on the last chunk. */
  done: boolean;
  cached: boolean;
}

export interface CurveSummary {
  gen: number;
  n: number;
  elapsedMs: number;
  cached: boolean;
}

export interface ActivationInfo {
  name: string;
  label: string;
  formula: string;
  /** Hermite coefficients μ0…μ6 (probabilists', unnormalised). */
  mu: number[];
  g1: number;
  Esigma2: number;
  isQuadratic: boolean;
}

/** The worker's surface (what comlink exposes); generations on the channels of CHANNELS. */
export interface TheoryApi extends GenerationsApi {
  computeCurve(req: CurveRequest, onChunk: (chunk: CurveChunk) => void): Promise<Outcome<CurveSummary>>;
  /** α_sp and spinodals, searched up to alphaMax. */
  computeTransition(gen: number, params: ShallowParams, alphaMax: number): Promise<Outcome<TransitionResult>>;
  solveAt(gen: number, params: ShallowParams, alpha: number, warm: ShallowPoint | null): Promise<Outcome<ShallowPoint>>;
  /**
   * The overlap profile Q(v) at one α (src/physics/mlp/profile.ts): from the point of the cached curve on `grid` or
   * of the last solveAt at that α where there is one, else solved from `warm`.
   */
  computeProfile(
    gen: number,
    params: ShallowParams,
    alpha: number,
    grid: AlphaGrid,
    warm: ShallowPoint | null,
  ): Promise<Outcome<OverlapProfile>>;
  describeActivation(name: string): Promise<Outcome<ActivationInfo>>;
  /**
   * Builds the models (their m_S tables, the costly part of a γ move) of the given parameters ahead, in order,
   * while the worker is idle; stops once a newer curve request supersedes `gen`. Returns how many it built.
   */
  prefetchModels(gen: number, params: ShallowParams[]): Promise<Outcome<number>>;
}

export function alphaGrid(g: AlphaGrid): number[] {
  const out = new Array<number>(g.n);
  for (let i = 0; i < g.n; i++) out[i] = g.n === 1 ? g.min : g.min + ((g.max - g.min) * i) / (g.n - 1);
  return out;
}

export function curveKey(params: ShallowParams, grid: AlphaGrid): string {
  return JSON.stringify([
    params.activation,
    params.gamma,
    params.delta,
    params.readout,
    params.weights,
    grid.min,
    grid.max,
    grid.n,
  ]);
}
