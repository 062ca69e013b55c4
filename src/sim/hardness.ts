// Time to specialise (docs/physics/simulations.md §8; the authors' HMC_time_* / ADAM_time_* and overparam_*
// experiments around arXiv 2510.24616): from a start (uninformative for the experiment), HMC trajectories or ADAM
// steps until the test error first falls below the threshold ε̄, censored at the budget.
//
// HMC (s independent chains on the same teacher and data; the overparameterised student: averaging s students'
// predictions is one network of width s·k with readouts v/s): the statistic is the test MSE of the averaged
// prediction divided by (1 + 1/s). For s samples of one posterior (on either branch, where Gibbs error = 2 ε by
// the Nishimori identity) that MSE is ε (1 + 1/s), so the scaled value sits at ε_uni on the universal branch and
// at ε on the specialised one for every s, and the same ε̄ applies; s = 1 gives the Gibbs error/2 of the current
// sample. ADAM: the plain test MSE of the (averaged) prediction. An ADAM iterate is not a posterior sample: from a
// small start it settles on the universal plateau at test MSE ≈ ε_uni (measured: docs/physics/simulations.md §8),
// not at the Gibbs error 2 ε_uni, so halving it would put the plateau itself below ε̄ and time the fall onto the
// plateau instead of the escape from it.
//
// ADAM, `student: 'wide'` (the authors' overparam_ADAM_time_2LNN.py): not s independent runs but ONE student of
// width s·k trained jointly on the MSE of its own output σ(X Wᵀ/√d) v/√(s k) (SimConfig.widthFactor); its units
// share one residual, so it is a different dynamics from averaging s separately trained students ('average').
// The statistic is its plain test MSE, as for one ADAM student.
//
// Default ε̄: the midpoint of the specialised branch's ε and ε_uni at the run's α, from the family's theory engine
// (L = 1: shallowModel; L = 2: deepModel). Works through Simulation, so any depth it accepts runs here.
import { getDeepModel } from '../physics/deep/deepModel';
import { SimConfigError } from '../physics/errors';
import { getShallowModel, validateShallowParams } from '../physics/mlp/shallowModel';
import { deepParamsOf } from './config';
import { Simulation, type SimConfig } from './simulation';
import { meanSquaredError, predict } from './teacher';

export interface EscapeOptions {
  /** ε̄: the run has specialised when the statistic first falls below it. */
  threshold: number;
  /** Steps (HMC trajectories or ADAM updates) after which a run that has not crossed is censored. */
  budget: number;
  /** s: independent chains whose predictions are averaged, or the wide student's width factor (1 = the plain student). */
  chains: number;
  /**
   * The overparameterised student: 'average' (default) = s independent chains, predictions averaged (HMC, ADAM);
   * 'wide' = one ADAM student of width s·k trained jointly.
   */
  student?: StudentKind;
}

export const STUDENT_KINDS = ['average', 'wide'] as const;
export type StudentKind = (typeof STUDENT_KINDS)[number];

export interface EscapeResult {
  /** Steps to the first crossing (0: below ε̄ at the start), null when censored at the budget. */
  steps: number | null;
  censored: boolean;
  budget: number;
  chains: number;
  student: StudentKind;
  /** The statistic at the start and at the last step run. */
  initialEps: number;
  finalEps: number;
  /** Gradient evaluations per second over the run (all chains). */
  gradientsPerSecond: number;
}

/** The theory's ε of the specialised branch and ε_uni at the config's α, and their midpoint. */
export interface ThresholdTheory {
  epsSpecialised: number;
  epsUni: number;
  threshold: number;
}

export function theoryThreshold(c: SimConfig): ThresholdTheory {
  const depth = c.depth ?? 1;
  let spec: number | null;
  let uni: number;
  if (depth === 1) {
    const model = getShallowModel(
      validateShallowParams({
        activation: c.activation,
        gamma: c.gamma,
        delta: c.delta,
        readout: c.readout,
        weights: c.weights,
      }),
    );
    const pt = model.solvePoint(c.alpha, null);
    spec = pt.specialised?.converged ? pt.specialised.eps : null;
    uni = pt.epsUni;
  } else if (depth === 2) {
    const model = getDeepModel(deepParamsOf(c));
    const b = model.solvePoint(c.alpha).branches.specialised;
    spec = b.converged ? b.eps : null;
    uni = model.epsUniversal;
  } else throw new SimConfigError(`no theory engine for depth ${depth} here: give the threshold explicitly`);
  if (spec === null || !(spec < uni))
    throw new SimConfigError(
      `no specialised branch below ε_uni = ${uni.toPrecision(4)} at α = ${c.alpha}: nothing to specialise to; give the threshold explicitly`,
    );
  return { epsSpecialised: spec, epsUni: uni, threshold: (spec + uni) / 2 };
}

/** The options of a run of `algo` (the wide student is trained by ADAM only). */
export function validateEscape(o: EscapeOptions, algo: SimConfig['algo']): void {
  const need = (ok: boolean, msg: string) => {
    if (!ok) throw new SimConfigError(msg);
  };
  need(o.threshold > 0 && Number.isFinite(o.threshold), `threshold must be > 0, got ${o.threshold}`);
  need(
    Number.isInteger(o.budget) && o.budget >= 1 && o.budget <= 1e6,
    `budget must be an integer in [1, 1e6], got ${o.budget}`,
  );
  need(
    Number.isInteger(o.chains) && o.chains >= 1 && o.chains <= 32,
    `chains must be an integer in [1, 32], got ${o.chains}`,
  );
  need(
    o.student === undefined || (STUDENT_KINDS as readonly string[]).includes(o.student),
    `student must be one of ${STUDENT_KINDS.join(', ')}, got '${o.student}'`,
  );
  need(
    o.student !== 'wide' || algo === 'adam',
    'the wide student is trained by ADAM: for HMC, s chains are averaged (student average)',
  );
}

/**
 * One time-to-threshold run, stepped from outside (`advance` until `done`) so that a worker can yield and cancel
 * between steps. tfjs must have a backend set. HMC adapts its step size over the whole budget (the authors timed
 * NUTS's warm-up phase).
 */
export class EscapeRun {
  readonly options: EscapeOptions;
  private readonly chains: Simulation[];
  private readonly scale: number;
  step = 0;
  crossedAt: number | null = null;
  readonly initialEps: number;
  lastEps: number;

  constructor(config: SimConfig, options: EscapeOptions) {
    validateEscape(options, config.algo);
    this.options = options;
    const { budget, chains } = options;
    const wide = options.student === 'wide';
    const base = { ...config, steps: budget, warmup: config.algo === 'hmc' ? budget : config.warmup };
    this.chains = [];
    try {
      if (wide) this.chains.push(new Simulation({ ...base, widthFactor: chains }));
      else for (let c = 0; c < chains; c++) this.chains.push(new Simulation({ ...base, chain: c }));
    } catch (e) {
      this.dispose();
      throw e;
    }
    if (this.chains[0].config.algo === 'gamp') {
      this.dispose();
      throw new SimConfigError(
        'the time to specialise is measured for HMC and ADAM (GAMP-RIE has no uninformative trap to time)',
      );
    }
    // HMC: MSE/(1 + 1/s) (the Nishimori factor of s posterior samples); ADAM: the plain MSE (see the header).
    this.scale = this.chains[0].config.algo === 'hmc' ? 1 / (1 + 1 / this.chains.length) : 1;
    this.initialEps = this.averagedEps();
    this.lastEps = this.initialEps;
    if (this.initialEps < options.threshold) this.crossedAt = 0;
  }

  /** Test MSE of the chains' averaged prediction, scaled by 1/(1 + 1/s) for HMC (see the header). */
  private averagedEps(): number {
    const first = this.chains[0];
    const avg = new Float64Array(first.test.n);
    for (const sim of this.chains) {
      const f = predict(
        sim.student(),
        sim.acts.map((a) => a.sigma),
        sim.test.X,
        sim.test.n,
      );
      for (let i = 0; i < avg.length; i++) avg[i] += f[i] / this.chains.length;
    }
    return this.scale * meanSquaredError(avg, first.test.clean);
  }

  get done(): boolean {
    return this.crossedAt !== null || this.step >= this.options.budget;
  }

  /** One step of every chain and the statistic after it. */
  advance(): number {
    if (this.done) return this.lastEps;
    let single = NaN;
    for (const sim of this.chains) single = sim.advance().testError;
    this.step++;
    this.lastEps = this.chains.length === 1 ? this.scale * single : this.averagedEps();
    if (this.lastEps < this.options.threshold) this.crossedAt = this.step;
    return this.lastEps;
  }

  result(): EscapeResult {
    // summary() of a simulation that never stepped would step it: a run that starts below ε̄ reports no rate.
    const sums = this.step ? this.chains.map((s) => s.summary('')) : [];
    const ms = sums.reduce((a, s) => a + s.elapsedMs, 0);
    const grads = sums.reduce((a, s) => a + (s.gradientsPerSecond ?? 0) * (s.elapsedMs / 1000), 0);
    return {
      steps: this.crossedAt,
      censored: this.crossedAt === null,
      budget: this.options.budget,
      chains: this.options.chains,
      student: this.options.student ?? 'average',
      initialEps: this.initialEps,
      finalEps: this.lastEps,
      gradientsPerSecond: ms > 0 ? grads / (ms / 1000) : NaN,
    };
  }

  dispose(): void {
    for (const s of this.chains) s.dispose();
  }
}

/** Runs to the end (CLI, tests). */
export function runEscape(config: SimConfig, options: EscapeOptions): EscapeResult {
  const run = new EscapeRun(config, options);
  try {
    while (!run.done) run.advance();
    return run.result();
  } finally {
    run.dispose();
  }
}
