// Messages between the main thread (src/families/mlp/theoryClient.ts) and the theory worker (workers/theory.worker.ts).
// Plain structured-clone data only; every request carries a generation id so stale work can be dropped.
import type { ReadoutLaw, ShallowParams, ShallowPoint } from '../../physics/types';
import type { TransitionResult } from '../../physics/mlp/shallowModel';

export type { TransitionResult };

/** Independent generation counters: a newer curve request supersedes older curves and transitions only. */
export const CHANNEL = { curve: 0, point: 1 } as const;
export type Channel = keyof typeof CHANNEL;

export interface AlphaGrid {
  min: number;
  max: number;
  n: number;
}

/** Grid indices of the coarse pass: every `step`-th point and the last one. */
export function coarseIndices(n: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  if (n > 0 && out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
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
  /** True on the last chunk of the coarse pass (the whole α range is covered from then on). */
  spansRange: boolean;
  /** True on the last chunk. */
  done: boolean;
  cached: boolean;
}

export type ErrorKind = 'param' | 'activation' | 'solver' | 'worker';

export interface TheoryError {
  kind: ErrorKind;
  message: string;
}

/** Results are values, not throws: comlink would lose the error class. `stale` = superseded, ignore quietly. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; stale: true }
  | { ok: false; stale?: false; error: TheoryError };

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

/** The worker's surface (what comlink exposes). */
export interface TheoryApi {
  /** Shares the generation counters (Int32Array over a SharedArrayBuffer) when the page is cross-origin isolated. */
  attachGenerations(buffer: SharedArrayBuffer): void;
  /** Fallback when no SharedArrayBuffer: record the newest generation of a channel. */
  supersede(channel: Channel, gen: number): void;
  computeCurve(req: CurveRequest, onChunk: (chunk: CurveChunk) => void): Promise<Outcome<CurveSummary>>;
  /** α_sp and spinodals, searched up to alphaMax. */
  computeTransition(gen: number, params: ShallowParams, alphaMax: number): Promise<Outcome<TransitionResult>>;
  solveAt(gen: number, params: ShallowParams, alpha: number, warm: ShallowPoint | null): Promise<Outcome<ShallowPoint>>;
  describeActivation(name: string): Promise<Outcome<ActivationInfo>>;
}

export function alphaGrid(g: AlphaGrid): number[] {
  const out = new Array<number>(g.n);
  for (let i = 0; i < g.n; i++) out[i] = g.n === 1 ? g.min : g.min + ((g.max - g.min) * i) / (g.n - 1);
  return out;
}

export function curveKey(params: ShallowParams, grid: AlphaGrid): string {
  return JSON.stringify([params.activation, params.gamma, params.delta, params.readout, params.weights, grid.min, grid.max, grid.n]);
}
