// One finite-size experiment of the L = 1 teacher–student MLP: teacher, data and test set from one seeded
// Rng, then HMC, ADAM or GAMP-RIE step by step, with the test error and the order parameters Q(v), R2 after
// each step. Used by the CLI, the worker and the tests alike. tfjs must have a backend set before `create`.
//
// Comparable quantity on the ε(α) plot (mlp-shallow.md §3, simulations.md):
//   HMC  — Gibbs error/2, averaged over the kept samples (after warm-up); Nishimori: Gibbs = 2 ε_opt;
//   ADAM — test error/2 of the final iterate (a point estimate near a posterior sample);
//   GAMP — test error of its estimator (it estimates the posterior mean on the universal branch).

import * as tf from '@tensorflow/tfjs-core';
import { getActivation, type Activation } from '../physics/activations';
import { spectralLaw } from '../physics/priors';
import type { ReadoutLaw, WeightPrior } from '../physics/types';
import { Adam, BatchSampler } from './adam';
import { GampRie, quadraticPart } from './gampRie';
import { Hmc } from './hmc';
import { shallowOverlaps, type OverlapByValue } from './overlaps';
import { Rng } from './rng';
import { disposeData, shallowData, shallowMse, shallowPotential, type ShallowData } from './shallowTf';
import { meanSquaredError, predict, sampleDataset, sampleTeacher, sampleWeights, type Dataset, type Network } from './teacher';
import { tfSigma } from './tfActivation';

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
}

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

export class SimConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimConfigError';
  }
}

/** Checks ranges (bad input → a clear message, never a silent NaN); returns the config with derived defaults. */
export function validateSimConfig(c: SimConfig): SimConfig {
  const need = (ok: boolean, msg: string) => {
    if (!ok) throw new SimConfigError(msg);
  };
  need((ALGORITHMS as readonly string[]).includes(c.algo), `algo must be one of ${ALGORITHMS.join(', ')}, got '${c.algo}'`);
  need((INITS as readonly string[]).includes(c.init), `init must be one of ${INITS.join(', ')}, got '${c.init}'`);
  need((READOUT_MODES as readonly string[]).includes(c.readouts), `readouts must be fixed or learned, got '${c.readouts}'`);
  need(Number.isInteger(c.d) && c.d >= 4 && c.d <= 400, `d must be an integer in [4, 400], got ${c.d}`);
  need(c.gamma > 0 && c.gamma <= 4, `gamma must lie in (0, 4], got ${c.gamma}`);
  need(c.delta > 0 && c.delta <= 100, `delta must lie in (0, 100], got ${c.delta}`);
  need(c.alpha > 0 && c.alpha <= 64, `alpha must lie in (0, 64], got ${c.alpha}`);
  need(Number.isInteger(c.steps) && c.steps >= 1 && c.steps <= 1e6, `steps must be an integer in [1, 1e6], got ${c.steps}`);
  need(Number.isFinite(c.seed), `seed must be a number, got ${c.seed}`);
  need(Number.isInteger(c.leapfrog) && c.leapfrog >= 1 && c.leapfrog <= 1000, `leapfrog must be an integer in [1, 1000], got ${c.leapfrog}`);
  need(c.stepSize > 0 && c.stepSize < 10, `step size must lie in (0, 10), got ${c.stepSize}`);
  need(c.targetAccept > 0 && c.targetAccept < 1, `target acceptance must lie in (0, 1), got ${c.targetAccept}`);
  need(c.lr > 0 && c.lr < 10, `lr must lie in (0, 10), got ${c.lr}`);
  need(c.batch > 0 && c.batch <= 1, `batch must be a fraction of n in (0, 1], got ${c.batch}`);
  need(Number.isInteger(c.nTest) && c.nTest >= 100 && c.nTest <= 1e6, `nTest must be an integer in [100, 1e6], got ${c.nTest}`);
  const k = Math.max(1, Math.round(c.gamma * c.d));
  const n = Math.round(c.alpha * c.d * c.d);
  need(n * c.d <= 6e7, `n·d = ${n * c.d} is too large for an in-memory run (n = α d² = ${n}); lower d or α`);
  need(k <= 400, `k = γ d = ${k} is too large`);
  const warmup = c.warmup < 0 ? Math.floor(c.steps / 2) : c.warmup;
  need(Number.isInteger(warmup) && warmup >= 0, `warmup must be a non-negative integer, got ${c.warmup}`);
  return { ...c, warmup };
}

export interface SimProgress {
  step: number;
  algo: Algorithm;
  /** Noise-free test MSE of the current estimate (HMC: of the current sample, i.e. a Gibbs error). */
  testError: number;
  /** HMC: running mean of Gibbs error/2 over kept samples; ADAM: testError/2; GAMP: null. */
  gibbsHalf: number | null;
  /** The value placed on the ε(α) plot (see the header). */
  eps: number;
  Q: OverlapByValue[] | null;
  Qmean: number | null;
  R2: number;
  warmup: boolean;
  acceptance?: number;
  stepSize?: number;
  divergences?: number;
  loss?: number;
  change?: number;
  converged?: boolean;
}

export interface SimSummary extends SimProgress {
  steps: number;
  n: number;
  k: number;
  d: number;
  alpha: number;
  seed: number;
  init: Init;
  backend: string;
  elapsedMs: number;
  /** Gradient evaluations per second (HMC leapfrog steps or ADAM steps), null for GAMP. */
  gradientsPerSecond: number | null;
}

export class Simulation {
  readonly config: SimConfig;
  readonly act: Activation;
  readonly teacher: Network;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly k: number;
  readonly n: number;
  private readonly rng: Rng;
  private data: ShallowData | null = null;
  private vFixed: tf.Tensor1D | null = null;
  private hmc: Hmc | null = null;
  private adam: Adam | null = null;
  private gamp: GampRie | null = null;
  private Sk0: Float64Array | null = null;
  private keptSum = 0;
  private kept = 0;
  step = 0;
  private computeMs = 0;
  private gradients = 0;
  last: SimProgress | null = null;

  constructor(config: SimConfig) {
    this.config = validateSimConfig(config);
    const c = this.config;
    this.act = getActivation(c.activation);
    this.k = Math.max(1, Math.round(c.gamma * c.d));
    this.n = Math.round(c.alpha * c.d * c.d);
    this.rng = new Rng(c.seed);
    // Order of draws is fixed: teacher, training set, test set, then the algorithm's own draws.
    this.teacher = sampleTeacher({ d: c.d, k: this.k, readout: c.readout, weights: c.weights }, this.rng);
    this.train = sampleDataset(this.teacher, this.act, this.n, c.delta, this.rng);
    this.test = sampleDataset(this.teacher, this.act, c.nTest, 0, this.rng);
    const t0 = performance.now();
    if (c.algo === 'gamp') {
      this.gamp = new GampRie({
        X: this.train.X, y: this.train.y, n: this.n, d: c.d, k: this.k, v: this.teacher.v, act: this.act, delta: c.delta,
        law: spectralLaw(c.readout, this.k / c.d),
      });
      this.Sk0 = quadraticPart(this.teacher.layers[0].W, this.teacher.v, this.k, c.d);
    } else {
      const sigma = tfSigma(c.activation);
      this.data = shallowData(this.train.X, this.train.y, this.n, c.d, this.k);
      const learn = c.readouts === 'learned';
      this.vFixed = learn ? null : tf.tensor1d(Float32Array.from(this.teacher.v));
      const init = this.initialParams(learn);
      if (c.algo === 'hmc') {
        this.hmc = new Hmc(shallowPotential(this.data, sigma, c.delta, this.vFixed), init, this.rng, {
          stepSize: c.stepSize, leapfrog: c.leapfrog, targetAccept: c.targetAccept, warmup: c.warmup,
        });
      } else {
        const size = Math.max(1, Math.round(c.batch * this.n));
        const sampler = size < this.n ? new BatchSampler(this.n, size, this.rng) : null;
        const batch = () => (sampler ? sampler.next() : null);
        this.adam = new Adam(shallowMse(this.data, sigma, this.vFixed, batch), init, { lr: c.lr });
      }
      init.forEach((t) => t.dispose());
    }
    this.computeMs += performance.now() - t0;
  }

  /**
   * Initial student: informative = the teacher (W = W⁰, v = v⁰); uninformative = for HMC a draw from the
   * sampler's prior N(0, 1), for ADAM the paper's small init (PyTorch's default U(±1/√d) for a linear layer,
   * divided by √d, in this parametrisation W = √d W_linear; learned v start U(±1)).
   */
  private initialParams(learn: boolean): tf.Tensor[] {
    const c = this.config;
    const { k } = this;
    const d = c.d;
    let W: Float64Array;
    let v: Float64Array;
    if (c.init === 'informative') {
      W = this.teacher.layers[0].W;
      v = this.teacher.v;
    } else if (c.algo === 'hmc') {
      W = sampleWeights('gaussian', k * d, this.rng);
      v = sampleWeights('gaussian', k, this.rng);
    } else {
      const b = 1 / Math.sqrt(d);
      W = Float64Array.from({ length: k * d }, () => b * (2 * this.rng.uniform() - 1));
      v = Float64Array.from({ length: k }, () => 2 * this.rng.uniform() - 1);
    }
    const out: tf.Tensor[] = [tf.tensor2d(Float32Array.from(W), [k, d])];
    if (learn) out.push(tf.tensor1d(Float32Array.from(v)));
    return out;
  }

  /** The current student network (float64 copy of the tfjs parameters). */
  student(): Network {
    const vals = (this.hmc ?? this.adam)!.values();
    const v = vals[1] ?? this.teacher.v;
    return { layers: [{ W: vals[0], rows: this.k, cols: this.config.d }], v };
  }

  get done(): boolean {
    return this.step >= this.config.steps || (this.gamp?.converged ?? false);
  }

  /** Advances one step and evaluates the test error and overlaps. */
  advance(): SimProgress {
    const c = this.config;
    const t0 = performance.now();
    let extra: Partial<SimProgress> = {};
    let warm = false;
    if (this.hmc) {
      warm = this.hmc.warmingUp;
      const info = this.hmc.step();
      this.gradients += c.leapfrog;
      extra = { acceptance: this.hmc.acceptanceRate, stepSize: info.stepSize, divergences: this.hmc.divergences };
    } else if (this.adam) {
      const loss = this.adam.step();
      this.gradients += 1;
      extra = { loss };
    } else if (this.gamp) {
      const it = this.gamp.step();
      extra = { change: it.change, converged: it.converged };
    }
    this.computeMs += performance.now() - t0;
    this.step++;
    let testError: number;
    let R2: number;
    let Q: OverlapByValue[] | null = null;
    let Qmean: number | null = null;
    if (this.gamp) {
      testError = meanSquaredError(this.gamp.predict(this.test.X, this.test.n), this.test.clean);
      R2 = this.gamp.overlapR2(this.Sk0!);
    } else {
      const st = this.student();
      testError = meanSquaredError(predict(st, this.act.sigma, this.test.X, this.test.n), this.test.clean);
      const ov = shallowOverlaps(this.teacher, st, c.readouts === 'fixed');
      R2 = ov.R2;
      Q = ov.Q;
      Qmean = ov.Qmean;
    }
    let gibbsHalf: number | null = null;
    let eps: number;
    if (this.hmc) {
      if (!warm) {
        this.keptSum += testError / 2;
        this.kept++;
      }
      gibbsHalf = this.kept ? this.keptSum / this.kept : testError / 2;
      eps = gibbsHalf;
    } else if (this.adam) {
      gibbsHalf = testError / 2;
      eps = gibbsHalf;
    } else eps = testError;
    this.last = { step: this.step, algo: c.algo, testError, gibbsHalf, eps, Q, Qmean, R2, warmup: warm, ...extra };
    return this.last;
  }

  summary(backend: string): SimSummary {
    const c = this.config;
    const last = this.last ?? this.advance();
    return {
      ...last,
      steps: this.step,
      n: this.n,
      k: this.k,
      d: c.d,
      alpha: c.alpha,
      seed: c.seed,
      init: c.init,
      backend,
      elapsedMs: this.computeMs,
      gradientsPerSecond: this.gamp ? null : this.gradients / (this.computeMs / 1000),
    };
  }

  dispose(): void {
    this.hmc?.dispose();
    this.adam?.dispose();
    this.vFixed?.dispose();
    if (this.data) disposeData(this.data);
    this.hmc = null;
    this.adam = null;
    this.data = null;
    this.vFixed = null;
  }
}
