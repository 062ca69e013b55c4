// Messages between the page and the L = 2 theory worker (workers/deep.worker.ts). Plain data only.
import type { DeepParams } from '../../physics/deep/deepParams';
import type { DeepBranch } from '../../physics/deep/deepSolver';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';
import type { AnyDepthApi } from './anyDepthProtocol';

/** One stationary point, trimmed for the plots (the Q2(v, s) matrix stays in the worker). */
export interface DeepPointView {
  eps: number;
  f: number;
  Q1mean: number;
  Q2mean: number;
  Q21mean: number;
  /** Q1 on the folded effective-readout grid (header.s) */
  Q1: number[];
  /** Q2:1 per readout class (header.classOfAtom) */
  Q21: number[];
  converged: boolean;
  iterations: number;
}

export interface DeepCurvePoint {
  alpha: number;
  equilibrium: DeepBranch; // kind of the equilibrium point
  eq: DeepPointView;
  branches: Record<DeepBranch, DeepPointView>;
}

export interface DeepHeader {
  key: string;
  alphas: number[];
  s: number[]; // |s| of the grid classes
  v: number[]; // readout atoms
  classOfAtom: number[]; // Q2:1 of atom j is Q21[classOfAtom[j]]
  notes: string[];
  epsUniversal: number;
  Kd: number;
}

export interface DeepCurveRequest {
  gen: number;
  params: DeepParams;
  alphaMax: number;
  n: number;
}

export interface DeepChunk {
  gen: number;
  header?: DeepHeader;
  indices: number[];
  points: DeepCurvePoint[];
  phase: 'coarse' | 'fine';
  /** The coarse pass is in (the whole α range can be drawn). */
  spansRange: boolean;
  done: boolean;
  cached: boolean;
}

/** Generations on three channels: 'curve' (L = 2), 'anyDepth' (L ≥ 3) and 'tables' (tables built ahead). */
export const DEEP_CHANNELS = ['curve', 'anyDepth', 'tables'] as const;

/** One rectangular denoiser table as knot values (physics/deep/denoiser.ts), to hand from one worker to another. */
export interface DenoiserTable {
  eta: number;
  gamma1: number;
  knots: number[];
}

export interface DeepApi extends GenerationsApi, AnyDepthApi {
  computeCurve(
    req: DeepCurveRequest,
    onChunk: (c: DeepChunk) => void,
  ): Promise<Outcome<{ gen: number; elapsedMs: number; cached: boolean }>>;
  /**
   * Builds the denoiser tables a model of `params` needs (a spare worker, for the next slider step) and returns them;
   * stops before the next table once a newer request on 'tables' arrived.
   */
  buildTables(gen: number, params: DeepParams): Promise<Outcome<DenoiserTable[]>>;
  /** Caches tables another worker built: a model that needs them then builds none. Returns how many were new. */
  installTables(tables: DenoiserTable[]): Promise<Outcome<number>>;
}

/** α grid of a curve: n points up to alphaMax (α > 0: the L = 2 equations need α > 0). */
export function deepAlphaGrid(alphaMax: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => +((alphaMax * (i + 1)) / n).toPrecision(12));
}

export function deepCurveKey(params: DeepParams, alphaMax: number, n: number): string {
  return JSON.stringify([params, alphaMax, n]);
}
