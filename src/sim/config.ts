// The configuration of one finite-size experiment (simulation.ts): algorithms, starts, readout modes, defaults.
// Free of tfjs, so the CLI's flags and the page's forms read it without loading the simulation stack.
import type { ReadoutLaw, WeightPrior } from '../physics/types';

export const ALGORITHMS = ['hmc', 'adam', 'gamp'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export const INITS = ['informative', 'uninformative'] as const;
export type Init = (typeof INITS)[number];
export const READOUT_MODES = ['fixed', 'learned'] as const;
export type ReadoutMode = (typeof READOUT_MODES)[number];

export interface SimConfig {
  algo: Algorithm;
  init: Init;
  activation: string;
  readout: ReadoutLaw;
  weights: WeightPrior;
  gamma: number; // γ = k/d
  delta: number; // Δ
  alpha: number; // α = n/d²
  d: number;
  seed: number;
  steps: number; // HMC trajectories, ADAM updates or AMP iterations
  /** Readouts v fixed to the teacher's (paper A) or sampled/learned (paper B). */
  readouts: ReadoutMode;
  leapfrog: number;
  stepSize: number; // initial ε of HMC
  warmup: number; // HMC adaptation trajectories (default: half the steps)
  targetAccept: number;
  lr: number; // ADAM learning rate
  batch: number; // ADAM mini-batch as a fraction of n (1 = full batch)
  nTest: number;
  /** Hidden layers L: 1 (default) … MAX_DEPTH. */
  depth?: number;
  /** L = 2: σ⁽²⁾ (default: the first layer's `activation`). */
  activation2?: string;
  /** L = 2: γ2 = k2/d (default: `gamma`). */
  gamma2?: number;
  /** L ≥ 2: σ per layer, input side first (default: `activation` in every layer; at L = 2 [activation, activation2]). */
  activations?: string[];
  /** L ≥ 2: γ_l = k_l/d per layer, input side first (default: `gamma` in every layer; at L = 2 [gamma, gamma2]). */
  gammas?: number[];
  /** HMC: run a second chain beside the first and track the Nishimori statistic (twice the cost). */
  nishimori?: boolean;
  /**
   * Independent chain c ≥ 1 on the same teacher and data: the algorithm's own draws (init, momenta, batches) come
   * from Rng.stream(seed, 'chain', c) instead of the run's one stream (chain 0 / absent = the plain run).
   */
  chain?: number;
  /**
   * L = 1 ADAM: a student of s = widthFactor times the teacher's width, f = σ(X Wᵀ/√d) v/√(s k) (the authors'
   * overparameterised ADAM student, trained jointly); fixed readouts are v⁰ tiled s times over √s, so that the
   * tiled teacher is a student. Default 1 (the teacher's width).
   */
  widthFactor?: number;
}

/** The deepest network simulated (the any-depth theory's range). */
export const MAX_DEPTH = 8;

export const DEFAULT_SIM: SimConfig = {
  algo: 'hmc',
  init: 'informative',
  activation: 'relu',
  readout: 'ones',
  weights: 'gaussian',
  gamma: 0.5,
  delta: 0.1,
  alpha: 4,
  d: 40,
  seed: 1,
  steps: 200,
  readouts: 'fixed',
  leapfrog: 10,
  stepSize: 0.01,
  warmup: -1,
  targetAccept: 0.8,
  lr: 0.01,
  batch: 0.25,
  nTest: 10000,
};

/** TensorFlow.js backends in Node (backendNode.ts loads them). */
export const NODE_BACKENDS = ['auto', 'cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** The L = 2 theory's parameters of a simulation config (shared with `simulate --theory`). */
export function deepParamsOf(c: SimConfig) {
  return {
    activation: c.activation,
    activation2: c.activation2,
    gamma: c.gamma,
    gamma2: c.gamma2,
    delta: c.delta,
    readout: c.readout,
    weights: c.weights,
  };
}
