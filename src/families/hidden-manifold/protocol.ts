// Messages between the hidden-manifold tab (controller.ts) and its worker (workers/hidden-manifold.worker.ts).
import type { DataKind, SgdPoint } from '../../physics/hiddenManifold/sgdSim';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

/** The ridge problem: profiles by name (the worker resolves them). */
export interface RidgeRequest {
  activation: string;
  target: string;
  delta: number;
  lambda: number;
  noise: number;
  alphaMax: number;
}

/** A point of a learning curve; testError null where it diverges (λ = 0⁺ at α = 1). */
export interface CurvePoint {
  alpha: number;
  testError: number | null;
  converged: boolean;
}

export interface CurveResult {
  /** At the chosen λ. */
  points: CurvePoint[];
  /** At λ → 0⁺: the minimum-norm interpolator, with its peak at α = 1. */
  interpolation: CurvePoint[];
  /** λ → ∞: E y². */
  nullError: number;
}

/** The SGD comparison: `seeds` runs of each data kind (streams 0 … seeds−1 of `seed`). */
export interface SgdRequest {
  gen: number;
  f: string;
  units: string;
  K: number;
  M: number;
  N: number;
  delta: number;
  eta: number;
  noise: number;
  alphaMax: number;
  seed: number;
  seeds: number;
}

/** New samples of one run of one data kind; its last chunk has `done`. */
export interface SgdChunk {
  gen: number;
  kind: DataKind;
  run: number;
  points: SgdPoint[];
  done?: { diverged: boolean };
}

/** Ridge on sampled data at the α's given, `seeds` runs each (seeds 0 … seeds−1). */
export interface RidgeSimRequest {
  gen: number;
  ridge: RidgeRequest;
  N: number;
  seeds: number;
  alphas: number[];
}

/** The mean test error over seeds at one α, with its standard error (null for one seed). */
export interface RidgeSimPoint {
  gen: number;
  alpha: number;
  mean: number;
  se: number | null;
}

/** Logistic regression on sign labels: its classification error, or why it is not drawn for these parameters. */
export type LogisticResult =
  { points: { alpha: number; classError: number; converged: boolean }[] } | { refused: string };

export const HMM_CHANNELS = ['curve', 'sim', 'ridgeSim', 'logistic'] as const;

/** Sample times of an SGD run (log-spaced, plus α = 0). */
export const SGD_POINTS = 40;

export interface HmmApi extends GenerationsApi {
  curve(req: RidgeRequest, gen: number): Promise<Outcome<CurveResult>>;
  logistic(req: RidgeRequest, gen: number): Promise<Outcome<LogisticResult>>;
  /** Streams the runs (every ~150 ms of compute), hidden-manifold and i.i.d. alternating by run. */
  simulate(req: SgdRequest, onChunk: (c: SgdChunk) => void): Promise<Outcome<{ gen: number }>>;
  /** Streams one point per α as its seeds finish. */
  ridgeSim(req: RidgeSimRequest, onPoint: (p: RidgeSimPoint) => void): Promise<Outcome<{ gen: number }>>;
}
