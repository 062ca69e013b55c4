// Messages between the deep tab and its worker for depth L ≥ 3 (the any-depth theory, arXiv 2510.24616;
// docs/physics/mlp-any-depth.md). Plain data only.
import type { Outcome } from '../../platform/compute/outcome';
import type { ReadoutLaw, WeightPrior } from '../../physics/types';

export interface AnyDepthRequest {
  gen: number;
  activation: string; // every layer
  gamma: number; // every layer
  delta: number;
  readout: ReadoutLaw; // ones or rad (others are refused by the theory)
  weights: WeightPrior; // gaussian (rademacher is refused)
  depth: number; // the depth shown (3 … 8)
  compare: boolean; // also L = 1 … 5
  alphaOverLMax: number; // right end of the α/L range
  n: number; // points per curve
}

/** One depth's curves on its α grid (α = L · α/L). */
export interface AnyDepthCurve {
  depth: number;
  alphas: number[];
  eqEps: number[];
  specEps: (number | null)[]; // null below α_sp
  equilibriumSpec: boolean[]; // the specialised branch is the equilibrium
  /** Overlaps q_l of the specialised branch (input side first), null below α_sp. */
  specQ: (number[] | null)[];
  alphaSp: number | null; // spinodal of the specialised branch
  alphaE: number | null; // equilibrium transition
  epsE: number | null; // ε on the specialised branch at α_e
}

export interface AnyDepthThreshold {
  depth: number;
  alphaSp: number | null;
  alphaE: number | null;
}

export interface AnyDepthResult {
  gen: number;
  key: string;
  curves: AnyDepthCurve[]; // the depth shown first, then the compared ones
  thresholds: AnyDepthThreshold[]; // L = 1 … 8
  elapsedMs: number;
}

export interface AnyDepthApi {
  computeAnyDepth(req: AnyDepthRequest): Promise<Outcome<AnyDepthResult>>;
}

export const COMPARE_DEPTHS = [1, 2, 3, 4, 5] as const;
export const THRESHOLD_DEPTHS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export function anyDepthKey(r: Omit<AnyDepthRequest, 'gen'>): string {
  return JSON.stringify([
    r.activation,
    r.gamma,
    r.delta,
    r.readout,
    r.weights,
    r.depth,
    r.compare,
    r.alphaOverLMax,
    r.n,
  ]);
}
