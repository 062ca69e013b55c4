// One finite-size experiment of the teacher–student MLP: teacher, data and test set from one seeded Rng, then
// HMC, ADAM or GAMP-RIE step by step, with the test error and the order parameters after each step: Q(v), R2
// for L = 1; for L = 2 … 8 hidden layers (`depth`, arXiv 2510.24616, one student for every depth in deepTf.ts,
// overlaps in deepOverlaps.ts) the per-layer overlaps q_1 … q_L, and at L = 2 also Q1, Q2, Q2:1(v); GAMP-RIE is
// L = 1 only. With `nishimori`, a second HMC chain runs beside the first on the same data and the Nishimori
// statistic of nishimori.ts is tracked. Used by the CLI, the worker and the tests alike. tfjs must have a backend
// set before `create`.
//
// Comparable quantity on the ε(α) plot (docs/physics/mlp-shallow.md §3, docs/physics/simulations.md §2):
//   HMC  — Gibbs error/2, averaged over the kept samples (after warm-up); Nishimori: Gibbs = 2 ε_opt;
//   ADAM — test error/2 of the final iterate (a point estimate near a posterior sample);
//   GAMP — test error of its estimator (it estimates the posterior mean on the universal branch).

import { SimConfigError } from '../physics/errors';
import * as tf from '@tensorflow/tfjs-core';
import { getActivation, type Activation } from '../physics/activations';
import { spectralLaw } from '../physics/priors';
import { Adam, BatchSampler } from './adam';
import { deepOverlaps, layerOverlaps } from './deepOverlaps';
import { deepMse, deepPotential } from './deepTf';
import { GampRie, quadraticPart } from './gampRie';
import { Hmc } from './hmc';
import { NishimoriTracker, type NishimoriValue } from './nishimori';
import { shallowOverlaps, type OverlapByValue } from './overlaps';
import { isSeed, Rng, SEED_MAX } from '../physics/numerics/rng';
import {
  disposeData,
  shallowData,
  shallowMse,
  shallowPotential,
  type ShallowData,
  type ValueAndGrad,
} from './shallowTf';
import {
  meanSquaredError,
  predict,
  sampleDataset,
  sampleTeacher,
  sampleWeights,
  type Dataset,
  type Layer,
  type Network,
} from './teacher';
import { tfSigma } from './tfActivation';

// The configuration types and defaults live in config.ts (no tfjs there: the CLI and the page read them without
// loading the simulation stack); re-exported here for the simulation's users.
import { ALGORITHMS, INITS, MAX_DEPTH, READOUT_MODES, type Algorithm, type Init, type SimConfig } from './config';
export { ALGORITHMS, DEFAULT_SIM, INITS, MAX_DEPTH, READOUT_MODES } from './config';
export type { Algorithm, Init, ReadoutMode, SimConfig } from './config';

/** Checks ranges (bad input → a clear message, never a silent NaN); returns the config with derived defaults. */
export function validateSimConfig(c: SimConfig): SimConfig {
  const need = (ok: boolean, msg: string) => {
    if (!ok) throw new SimConfigError(msg);
  };
  need(
    (ALGORITHMS as readonly string[]).includes(c.algo),
    `algo must be one of ${ALGORITHMS.join(', ')}, got '${c.algo}'`,
  );
  need((INITS as readonly string[]).includes(c.init), `init must be one of ${INITS.join(', ')}, got '${c.init}'`);
  need(
    (READOUT_MODES as readonly string[]).includes(c.readouts),
    `readouts must be fixed or learned, got '${c.readouts}'`,
  );
  need(Number.isInteger(c.d) && c.d >= 4 && c.d <= 400, `d must be an integer in [4, 400], got ${c.d}`);
  need(c.gamma > 0 && c.gamma <= 4, `gamma must lie in (0, 4], got ${c.gamma}`);
  need(c.delta > 0 && c.delta <= 100, `delta must lie in (0, 100], got ${c.delta}`);
  need(c.alpha > 0 && c.alpha <= 64, `alpha must lie in (0, 64], got ${c.alpha}`);
  need(
    Number.isInteger(c.steps) && c.steps >= 1 && c.steps <= 1e6,
    `steps must be an integer in [1, 1e6], got ${c.steps}`,
  );
  need(isSeed(c.seed), `seed must be an integer in [0, ${SEED_MAX}], got ${c.seed}`);
  need(
    Number.isInteger(c.leapfrog) && c.leapfrog >= 1 && c.leapfrog <= 1000,
    `leapfrog must be an integer in [1, 1000], got ${c.leapfrog}`,
  );
  need(c.stepSize > 0 && c.stepSize < 10, `step size must lie in (0, 10), got ${c.stepSize}`);
  need(c.targetAccept > 0 && c.targetAccept < 1, `target acceptance must lie in (0, 1), got ${c.targetAccept}`);
  need(c.lr > 0 && c.lr < 10, `lr must lie in (0, 10), got ${c.lr}`);
  need(c.batch > 0 && c.batch <= 1, `batch must be a fraction of n in (0, 1], got ${c.batch}`);
  need(
    Number.isInteger(c.nTest) && c.nTest >= 100 && c.nTest <= 1e6,
    `nTest must be an integer in [100, 1e6], got ${c.nTest}`,
  );
  const depth = c.depth ?? 1;
  need(
    Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH,
    `depth must be an integer in [1, ${MAX_DEPTH}], got ${c.depth}`,
  );
  need(!c.nishimori || c.algo === 'hmc', 'the Nishimori check compares two HMC chains: it needs algo hmc');
  const deep: Partial<SimConfig> = {};
  if (depth >= 2) {
    need(
      c.algo !== 'gamp',
      `GAMP-RIE is an L = 1 algorithm (its quadratic-sensing reduction needs one hidden layer): use --algo hmc or adam at depth ${depth}`,
    );
    need(depth === 2 || (c.activation2 === undefined && c.gamma2 === undefined), 'activation2 and gamma2 need depth 2');
    const activations = c.activations ?? [
      c.activation,
      ...Array<string>(depth - 1).fill(c.activation2 || c.activation),
    ];
    const gammas = c.gammas ?? [c.gamma, ...Array<number>(depth - 1).fill(c.gamma2 ?? c.gamma)];
    need(activations.length === depth, `activations needs ${depth} entries (one per layer), got ${activations.length}`);
    need(gammas.length === depth, `gammas needs ${depth} entries (one per layer), got ${gammas.length}`);
    gammas.forEach((g, l) => {
      need(g > 0 && g <= 4, `${l ? `gamma${l + 1}` : 'gamma'} must lie in (0, 4], got ${g}`);
      const kl = Math.max(1, Math.round(g * c.d));
      need(kl <= 400, `k${l + 1} = γ${l + 1} d = ${kl} is too large`);
    });
    Object.assign(deep, { depth, activations, gammas, activation: activations[0], gamma: gammas[0] });
    if (depth === 2) Object.assign(deep, { activation2: activations[1], gamma2: gammas[1] });
  } else
    need(
      c.activation2 === undefined && c.gamma2 === undefined && !c.activations && !c.gammas,
      'activation2, gamma2, activations and gammas need depth ≥ 2',
    );
  const k = Math.max(1, Math.round(c.gamma * c.d));
  const n = Math.round(c.alpha * c.d * c.d);
  need(n * c.d <= 6e7, `n·d = ${n * c.d} is too large for an in-memory run (n = α d² = ${n}); lower d or α`);
  need(k <= 400, `k = γ d = ${k} is too large`);
  need(
    c.chain === undefined || (Number.isInteger(c.chain) && c.chain >= 0),
    `chain must be a non-negative integer, got ${c.chain}`,
  );
  const wf = c.widthFactor ?? 1;
  need(Number.isInteger(wf) && wf >= 1 && wf <= 32, `widthFactor must be an integer in [1, 32], got ${c.widthFactor}`);
  need(
    wf === 1 || (c.algo === 'adam' && depth === 1),
    'a student wider than the teacher (widthFactor > 1) is an L = 1 ADAM experiment',
  );
  need(wf * k <= 1600, `the student's width s·k = ${wf * k} is too large`);
  const warmup = c.warmup < 0 ? Math.floor(c.steps / 2) : c.warmup;
  need(Number.isInteger(warmup) && warmup >= 0, `warmup must be a non-negative integer, got ${c.warmup}`);
  return { ...c, ...deep, warmup };
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
  /** L = 1: Q per readout value, its unit mean and R2 (L = 2: null, null, NaN). */
  Q: OverlapByValue[] | null;
  Qmean: number | null;
  R2: number;
  /** L ≥ 2: mean first-layer overlap Q1 (= q_1), second-layer Q2 (= q_2); L = 2: product Q2:1 (unit mean and per
   * readout value), with Q1, Q2 from deepOverlaps. */
  Q1?: number;
  Q2?: number;
  Q21?: number;
  Q21byValue?: OverlapByValue[];
  /** L ≥ 2: the per-layer overlaps q_1 … q_L (layerOverlaps), input side first. */
  q?: number[];
  /** With `nishimori`: the Nishimori statistic over the kept samples (over warm-up while it lasts). */
  nishimori?: NishimoriValue;
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

/** x (rows of any length) repeated `times` times, scaled by `scale`: the wider student's copies of the teacher. */
function tile(x: Float64Array, times: number, scale: number): Float64Array {
  const out = new Float64Array(x.length * times);
  for (let t = 0; t < times; t++) for (let i = 0; i < x.length; i++) out[t * x.length + i] = scale * x[i];
  return out;
}

/** σ odd (σ(−x) = −σ(x) at a few points): its units may flip sign with their outgoing weights. */
function isOdd(a: Activation): boolean {
  return [0.3, 0.7, 1.3, 2.9].every((x) => Math.abs(a.sigma(x) + a.sigma(-x)) <= 1e-12 * (1 + Math.abs(a.sigma(x))));
}

export class Simulation {
  readonly config: SimConfig;
  readonly act: Activation;
  /** σ of each hidden layer ([act] for L = 1). */
  readonly acts: Activation[];
  readonly depth: number;
  /** Widths k_1 … k_L of the hidden layers. */
  readonly widths: number[];
  /** Second-layer width k2 (L ≥ 2; 0 for L = 1). */
  readonly k2: number;
  readonly teacher: Network;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly k: number;
  /** The L = 1 student's width s·k (widthFactor s; k when the student has the teacher's width). */
  readonly studentK: number;
  /** Fixed readouts of the student: v⁰, or for s > 1 v⁰ tiled s times over √s (config.ts). */
  private readonly studentV0: Float64Array;
  readonly n: number;
  private rng: Rng;
  private data: ShallowData | null = null;
  private vFixed: tf.Tensor1D | null = null;
  private hmc: Hmc | null = null;
  /** The second chain of the Nishimori check, and its statistic. */
  private replica: Hmc | null = null;
  private readonly nishimori: NishimoriTracker | null = null;
  private nishimoriWarm = true;
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
    this.depth = c.depth ?? 1;
    const names = c.activations ?? [c.activation];
    this.acts = names.map((a) => getActivation(a));
    this.widths = (c.gammas ?? [c.gamma]).map((g) => Math.max(1, Math.round(g * c.d)));
    this.k = this.widths[0];
    this.k2 = this.widths[1] ?? 0;
    this.n = Math.round(c.alpha * c.d * c.d);
    this.rng = new Rng(c.seed);
    // Order of draws is fixed: teacher, training set, test set, then the algorithm's own draws.
    this.teacher = sampleTeacher(
      {
        d: c.d,
        k: this.k,
        ...(this.depth >= 2 ? { deeper: this.widths.slice(1) } : {}),
        readout: c.readout,
        weights: c.weights,
      },
      this.rng,
    );
    this.train = sampleDataset(this.teacher, this.acts, this.n, c.delta, this.rng);
    this.test = sampleDataset(this.teacher, this.acts, c.nTest, 0, this.rng);
    const wf = c.widthFactor ?? 1;
    this.studentK = wf * this.k;
    this.studentV0 = wf === 1 ? this.teacher.v : tile(this.teacher.v, wf, 1 / Math.sqrt(wf));
    if (c.chain) this.rng = Rng.stream(c.seed, 'chain', c.chain);
    const t0 = performance.now();
    if (c.algo === 'gamp') {
      this.gamp = new GampRie({
        X: this.train.X,
        y: this.train.y,
        n: this.n,
        d: c.d,
        k: this.k,
        v: this.teacher.v,
        act: this.act,
        delta: c.delta,
        law: spectralLaw(c.readout, this.k / c.d),
      });
      this.Sk0 = quadraticPart(this.teacher.layers[0].W, this.teacher.v, this.k, c.d);
    } else {
      const sigmas = names.map(tfSigma);
      this.data = shallowData(this.train.X, this.train.y, this.n, c.d, this.studentK);
      const learn = c.readouts === 'learned';
      this.vFixed = learn ? null : tf.tensor1d(Float32Array.from(this.studentV0));
      const init = this.initialParams(learn, this.rng);
      if (c.algo === 'hmc') {
        const U: ValueAndGrad =
          this.depth >= 2
            ? deepPotential(this.data, sigmas, this.widths, c.delta, this.vFixed)
            : shallowPotential(this.data, sigmas[0], c.delta, this.vFixed);
        const opts = { stepSize: c.stepSize, leapfrog: c.leapfrog, targetAccept: c.targetAccept, warmup: c.warmup };
        this.hmc = new Hmc(U, init, this.rng, opts);
        if (c.nishimori) {
          // The replica draws its start and momenta from its own stream, so the first chain is the same run
          // with the check on or off.
          const rng = Rng.stream(c.seed, 'nishimori-replica');
          const init2 = this.initialParams(learn, rng);
          this.replica = new Hmc(U, init2, rng, opts);
          init2.forEach((t) => t.dispose());
          this.nishimori = new NishimoriTracker(c.nTest);
        }
      } else {
        const size = Math.max(1, Math.round(c.batch * this.n));
        const sampler = size < this.n ? new BatchSampler(this.n, size, this.rng) : null;
        const batch = () => (sampler ? sampler.next() : null);
        const loss =
          this.depth >= 2
            ? deepMse(this.data, sigmas, this.widths, this.vFixed, batch)
            : shallowMse(this.data, sigmas[0], this.vFixed, batch);
        this.adam = new Adam(loss, init, { lr: c.lr });
      }
      init.forEach((t) => t.dispose());
    }
    this.computeMs += performance.now() - t0;
  }

  /**
   * Initial student: informative = the teacher (W = W⁰, v = v⁰); uninformative = for HMC a draw from the
   * sampler's prior N(0, 1), for ADAM the paper's small init (PyTorch's default U(±1/√d) for a linear layer,
   * divided by √d, in this parametrisation W = √d W_linear; learned v start U(±1)). L ≥ 2: the same for each
   * layer (W_l = √k_{l−1} W_linear of a k_{l−1} → k_l linear layer, so also U(±1/√d)). Random draws from `rng`.
   * A wider student (widthFactor s): the same rules at width s·k; informative = the teacher tiled (v⁰ over √s).
   */
  private initialParams(learn: boolean, rng: Rng): tf.Tensor[] {
    const c = this.config;
    const layers = this.studentLayers();
    const last = layers[layers.length - 1].rows;
    const wf = c.widthFactor ?? 1;
    let Ws: Float64Array[];
    let v: Float64Array;
    if (c.init === 'informative') {
      Ws = this.teacher.layers.map((l) => (wf === 1 ? l.W : tile(l.W, wf, 1)));
      v = this.studentV0;
    } else if (c.algo === 'hmc') {
      Ws = layers.map((l) => sampleWeights('gaussian', l.rows * l.cols, rng));
      v = sampleWeights('gaussian', last, rng);
    } else {
      const b = 1 / Math.sqrt(c.d);
      Ws = layers.map((l) => Float64Array.from({ length: l.rows * l.cols }, () => b * (2 * rng.uniform() - 1)));
      v = Float64Array.from({ length: last }, () => 2 * rng.uniform() - 1);
    }
    const out: tf.Tensor[] = Ws.map((W, l) => tf.tensor2d(Float32Array.from(W), [layers[l].rows, layers[l].cols]));
    if (learn) out.push(tf.tensor1d(Float32Array.from(v)));
    return out;
  }

  /** Shapes of the student's layers: the teacher's, with s·k first-layer units for a wider L = 1 student. */
  private studentLayers(): Layer[] {
    return this.teacher.layers.map((l, i) => (i === 0 ? { ...l, rows: this.studentK } : l));
  }

  /** The current student network (float64 copy of the tfjs parameters); `replica`: the Nishimori check's second chain. */
  student(replica = false): Network {
    const vals = (replica ? this.replica : (this.hmc ?? this.adam))!.values();
    const layers = this.studentLayers();
    const v = vals[layers.length] ?? this.studentV0;
    return { layers: layers.map((l, i) => ({ W: vals[i], rows: l.rows, cols: l.cols })), v };
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
      if (this.replica) {
        this.replica.step();
        this.gradients += c.leapfrog;
      }
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
      const sigmas = this.acts.map((a) => a.sigma);
      const lambda = predict(st, sigmas, this.test.X, this.test.n);
      testError = meanSquaredError(lambda, this.test.clean);
      if (this.depth >= 2) {
        const odd = this.acts.map(isOdd);
        const readoutsFixed = c.readouts === 'fixed';
        const q = layerOverlaps(this.teacher, st, { odd, readoutsFixed });
        R2 = NaN;
        extra = { ...extra, Q1: q[0], Q2: q[1], q };
        if (this.depth === 2) {
          const ov = deepOverlaps(this.teacher, st, { odd1: odd[0], odd2: odd[1], readoutsFixed });
          extra = { ...extra, Q1: ov.Q1, Q2: ov.Q2, Q21: ov.Q21, Q21byValue: ov.Q21byValue };
        }
      } else if (this.studentK !== this.k) {
        R2 = NaN; // a wider student has no unit-to-unit overlaps with the teacher (the test error is its measure)
      } else {
        const ov = shallowOverlaps(this.teacher, st, c.readouts === 'fixed');
        R2 = ov.R2;
        Q = ov.Q;
        Qmean = ov.Qmean;
      }
      if (this.replica && this.nishimori) {
        if (this.nishimoriWarm && !warm) {
          this.nishimori.reset(); // warm-up over: the statistic is over kept samples from here on
          this.nishimoriWarm = false;
        }
        const lambda2 = predict(this.student(true), sigmas, this.test.X, this.test.n);
        this.nishimori.add(lambda, lambda2, this.test.clean);
        extra = { ...extra, nishimori: this.nishimori.result };
      }
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
    this.replica?.dispose();
    this.replica = null;
    this.adam?.dispose();
    this.vFixed?.dispose();
    if (this.data) disposeData(this.data);
    this.hmc = null;
    this.adam = null;
    this.data = null;
    this.vFixed = null;
  }
}
