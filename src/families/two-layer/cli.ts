// CLI commands of the two-layer lecture (docs/physics/two-layer-lecture.md): theory curves `rf`, `krr`,
// `onestep`, `sgd-escape` and finite-d simulations `simulate-rf`, `simulate-onestep`, `simulate-sgd`.
// Keys are a contract: a diverging error is printed as null with diverges: true.
import { TwoLayerParamError } from '../../physics/errors';
import { parseList, parseNumber, seedFlag, UsageError, type FlagSpec } from '../../platform/cli/args';
import { boundRun, boundWork, num, type Command, type Emit } from '../../platform/cli/command';
import { krrPoint } from '../../physics/twoLayer/kernel';
import { oneStepPoint, validateOneStep } from '../../physics/twoLayer/oneStep';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { rfCurve, validateRF, type RFParams } from '../../physics/twoLayer/randomFeatures';
import { escapeODE, validateEscape } from '../../physics/twoLayer/sgdOde';
import { sampleEscapeSDE } from '../../physics/twoLayer/sgdSde';
import { ACTIVATION_NAMES } from '../../physics/types';
import { simulateOneStepSeed } from '../../sim/twoLayer/oneStepSim';
import { simulateRFSeed } from '../../sim/twoLayer/rfSim';
import { meanSE } from '../../sim/twoLayer/ridge';
import { simulateSgdSeed } from '../../sim/twoLayer/sgdSim';

type Flags = Record<string, string | boolean>;

const F = {
  activation: {
    kind: 'string',
    help: 'activation σ: relu, tanh, erf (or another registry name) or expr:<expression in x>',
    default: 'relu',
    choices: ACTIVATION_NAMES,
  },
  target: {
    kind: 'string',
    help: 'target g: linear, tanh2, he1he2, heK (he1 … he8) or expr:<expression in x>',
    default: 'linear',
  },
  lambda: { kind: 'number', help: 'ridge λ (0 means λ → 0⁺)', default: '1e-3' },
  noise: { kind: 'number', help: 'label noise σ_ε (a standard deviation)', default: '0.1' },
  d: { kind: 'number', help: 'input dimension d of the simulation', default: '100' },
  seeds: { kind: 'number', help: 'number of independent runs', default: '5' },
  seed: { kind: 'number', help: 'first seed (runs use seed, seed + 1, …)', default: '1' },
} satisfies Record<string, FlagSpec>;

/** Flags of a command on σ and g: the two profiles first, then its own (help lists them in this order). */
const profileFlags = (own: Record<string, FlagSpec>): Record<string, FlagSpec> => ({
  activation: F.activation,
  target: F.target,
  ...own,
});
/** Flags of a random-features command: the profiles, its grid flags, then λ and σ_ε. */
const rfFlags = (grid: Record<string, FlagSpec>) => profileFlags({ ...grid, lambda: F.lambda, noise: F.noise });
/** Flags of a finite-d simulation: its own, then d and the seeds. */
const simFlags = (own: Record<string, FlagSpec>) => ({ ...own, d: F.d, seeds: F.seeds, seed: F.seed });

/** Parameter errors of the engine are usage errors here (exit 2, one line). */
function guard(run: (flags: Flags, emit: Emit) => void | Promise<void>): Command['run'] {
  return async (flags, emit) => {
    try {
      await run(flags, emit);
    } catch (e) {
      // An allocation failure (a RangeError too) is not the user's input: it must not read as a usage error.
      const memory = e instanceof RangeError && /array length|allocation|memory/i.test(e.message);
      if (e instanceof TwoLayerParamError || (e instanceof RangeError && !memory)) throw new UsageError(e.message);
      throw e;
    }
  };
}

const number = (flags: Flags, name: string): number => parseNumber(name, flags[name] as string);
/** Several number flags, parsed in the order given (the first bad one is the one reported). */
const numbers = (flags: Flags, ...names: string[]): number[] => names.map((name) => number(flags, name));
function count(flags: Flags, name: string, max: number): number {
  const v = number(flags, name);
  if (!(Number.isInteger(v) && v >= 1 && v <= max))
    throw new UsageError(`--${name} must be an integer in [1, ${max}], got ${v}`);
  return v;
}
function positiveList(flags: Flags, name: string): number[] {
  const xs = parseList(name, flags[name] as string);
  for (const x of xs) if (!(x > 0)) throw new UsageError(`--${name} values must be > 0, got ${x}`);
  return xs;
}

const profiles = (flags: Flags) => ({
  activation: activationProfile(flags.activation as string),
  target: targetProfile(flags.target as string),
});
function rfParams(flags: Flags): RFParams {
  const p = { ...profiles(flags), lambda: number(flags, 'lambda'), noise: number(flags, 'noise') };
  validateRF(p);
  return p;
}
function oneStepParams(flags: Flags) {
  const p = { ...profiles(flags), eta: number(flags, 'eta'), noise: number(flags, 'noise') };
  validateOneStep(p);
  return p;
}

/**
 * Seconds of one finite-d run, from its time at d = 100 (measured on a slow core at the defaults) and its d³ growth
 * (Gram matrices and their solves); `scale` is the run's size relative to the defaults (α, β).
 */
const runSeconds = (at100: number, d: number, scale: number) => at100 * (d / 100) ** 3 * scale;

/** Runs seeds seed0, seed0 + 1, … in turn, emitting a progress line after each; returns the results in order. */
function overSeeds<T>(
  seeds: number,
  seed0: number,
  emit: Emit,
  run: (seed: number) => T,
  line: (r: T) => Record<string, unknown>,
): T[] {
  const out: T[] = [];
  for (let k = 0; k < seeds; k++) {
    const r = run(seed0 + k);
    out.push(r);
    emit({ progress: (k + 1) / seeds, seed: seed0 + k, ...line(r) });
  }
  return out;
}

export const commands: Record<string, Command> = {
  rf: {
    help: 'random-features ridge test error E(α, β, λ, σ_ε) in the proportional limit (a list in --alpha or --beta)',
    flags: rfFlags({
      alpha: { kind: 'list', help: 'α = n/d', default: '0.5:4:0.5' },
      beta: { kind: 'list', help: 'β = p/d', default: '2' },
    }),
    run: guard((flags, emit) => {
      const p = rfParams(flags);
      const alphas = positiveList(flags, 'alpha');
      const betas = positiveList(flags, 'beta');
      if (alphas.length > 1 && betas.length > 1)
        throw new UsageError('give a list in --alpha or in --beta, not in both');
      for (const r of rfCurve(p, alphas, betas)) {
        emit({
          alpha: r.alpha,
          beta: r.beta,
          testError: r.diverges ? null : num(r.testError),
          diverges: r.diverges,
          kappa: num(r.kappa),
          df2: num(r.df2),
          converged: r.converged,
          iterations: r.iterations,
          residual: num(r.residual),
        });
      }
    }),
  },
  krr: {
    help: 'kernel ridge regression (β → ∞) test error and the linear floor g*² + σ_ε²',
    flags: rfFlags({ alpha: { kind: 'list', help: 'α = n/d', default: '0.5:8:0.5' } }),
    direct: true,
    run: guard((flags, emit) => {
      const p = rfParams(flags);
      for (const alpha of positiveList(flags, 'alpha')) {
        const r = krrPoint(p, alpha);
        emit({ alpha, testError: num(r.testError), floor: num(r.floor), diverges: !Number.isFinite(r.testError) });
      }
    }),
  },
  onestep: {
    help: 'one giant gradient step (η = η̃√p): top singular value s1/√p of W¹ − W⁰ and its overlap with θ* (d → ∞)',
    flags: profileFlags({
      alpha0: { kind: 'list', help: 'α0 = n0/d, samples in the step', default: '1,4,8' },
      eta: { kind: 'number', help: 'η̃ (learning rate η̃√p)', default: '1' },
      noise: F.noise,
    }),
    direct: true,
    run: guard((flags, emit) => {
      const p = oneStepParams(flags);
      for (const a0 of positiveList(flags, 'alpha0')) emit({ ...oneStepPoint(p, a0) });
    }),
  },
  'sgd-escape': {
    help: 'online SGD escape time (samples) from m = 1/√d to |m| = 0.5 for a target of information exponent ℓ (ODE; --sde adds the finite-d distribution)',
    flags: {
      ell: { kind: 'number', help: 'information exponent ℓ (target He_ℓ/√ℓ!)', default: '1' },
      d: { kind: 'list', help: 'dimensions d', default: '100,400,1600' },
      eta: { kind: 'number', help: 'η for ℓ ≤ 2; η0 for ℓ ≥ 3 (step η0 d^{−(ℓ−2)/2})', default: '0.5' },
      sde: { kind: 'boolean', help: 'also sample the SDE (median, mean, quartiles)' },
      paths: { kind: 'number', help: 'SDE paths', default: '2000' },
      seed: F.seed,
    },
    run: guard((flags, emit) => {
      const ell = number(flags, 'ell');
      const eta = number(flags, 'eta');
      validateEscape({ ell, eta });
      const paths = count(flags, 'paths', 1e6);
      const seed = seedFlag(flags, 'seed');
      const ds = parseList('d', flags.d as string);
      // The ODE ≈ 0.2 s a dimension; an SDE path ≈ 1 ms (2000 steps to escape, measured at d = 100).
      boundWork(ds.length * (0.2 + (flags.sde ? paths * 1e-3 : 0)), 'the number of --d values or --paths');
      for (const d of ds) {
        validateEscape({ ell, eta }, d);
        const r = escapeODE({ ell, eta }, d);
        const row: Record<string, unknown> = {
          ell,
          d,
          eta,
          stepEta: r.stepEta,
          samplesODE: num(r.samplesODE),
          // samplesODE is null exactly where m(t) never reaches 0.5: it settles at mStationary.
          escapes: r.escapes,
          mStationary: r.mStationary,
          converged: r.converged,
        };
        if (flags.sde) {
          const s = sampleEscapeSDE({ ell, eta }, d, { paths, seed });
          Object.assign(row, {
            median: num(s.median),
            mean: num(s.mean),
            q25: num(s.q25),
            q75: num(s.q75),
            censored: s.censored,
            paths,
          });
        }
        emit(row);
      }
    }),
  },
  'simulate-rf': {
    help: 'random-features ridge at finite d over seeds (progress lines, then mean and standard error beside the theory)',
    flags: simFlags(
      rfFlags({
        alpha: { kind: 'number', help: 'α = n/d', default: '2' },
        beta: { kind: 'number', help: 'β = p/d', default: '1' },
      }),
    ),
    direct: true, // finished runs: every row's values are checked
    run: guard(async (flags, emit) => {
      const p = rfParams(flags);
      const [alpha, beta] = numbers(flags, 'alpha', 'beta');
      const d = count(flags, 'd', 2000);
      const seeds = count(flags, 'seeds', 1000);
      const seed0 = seedFlag(flags, 'seed', seeds);
      boundRun(runSeconds(0.5, d, (alpha * beta) / 2), seeds, '--seeds, --d, --alpha or --beta');
      const theory = rfCurve(p, [alpha], [beta])[0];
      const xs = overSeeds(
        seeds,
        seed0,
        emit,
        (seed) => simulateRFSeed({ ...p, alpha, beta, d }, seed),
        (e) => ({ testError: num(e) }),
      );
      const s = meanSE(xs);
      emit({
        alpha,
        beta,
        d,
        seeds,
        mean: num(s.mean),
        se: num(s.se),
        theory: theory.diverges ? null : num(theory.testError),
        diverges: theory.diverges,
      });
    }),
  },
  'simulate-onestep': {
    help: 'one giant step at finite d over seeds: s1/√p, overlap, ridge error on σ(W⁰x) and σ(W¹x) (simulation only)',
    flags: simFlags(
      profileFlags({
        alpha0: { kind: 'number', help: 'α0 = n0/d', default: '8' },
        beta: { kind: 'number', help: 'β = p/d', default: '2' },
        eta: { kind: 'number', help: 'η̃', default: '1' },
        alpha: { kind: 'number', help: 'α = n/d of the ridge after the step', default: '8' },
        lambda: { kind: 'number', help: 'ridge λ after the step', default: '0.03' },
        noise: { kind: 'number', help: 'label noise σ_ε', default: '0' },
      }),
    ),
    direct: true, // finished runs: every row's values are checked
    run: guard(async (flags, emit) => {
      const base = oneStepParams(flags);
      const [alpha0, beta, alpha, lambda] = numbers(flags, 'alpha0', 'beta', 'alpha', 'lambda');
      for (const [k, v] of Object.entries({ alpha0, beta, alpha }))
        if (!(v > 0)) throw new UsageError(`--${k} must be > 0, got ${v}`);
      if (!(lambda >= 0)) throw new UsageError(`--lambda must be ≥ 0, got ${lambda}`);
      const d = count(flags, 'd', 1000);
      const seeds = count(flags, 'seeds', 1000);
      const seed0 = seedFlag(flags, 'seed', seeds);
      boundRun(runSeconds(2.4, d, ((alpha0 + alpha) * beta) / 32), seeds, '--seeds, --d, --alpha0, --beta or --alpha');
      const rows = overSeeds(
        seeds,
        seed0,
        emit,
        (seed) => simulateOneStepSeed({ ...base, alpha0, beta, d, ridge: { alpha, lambda } }, seed),
        (r) => ({
          s1: num(r.s1),
          overlap: num(r.overlap),
          errorBefore: num(r.errorBefore),
          errorAfter: num(r.errorAfter),
        }),
      );
      const th = oneStepPoint(base, alpha0);
      const st = (key: 's1' | 'overlap' | 'errorBefore' | 'errorAfter') => meanSE(rows.map((r) => r[key]));
      const ov = st('overlap');
      const s1 = st('s1');
      const eb = st('errorBefore');
      const ea = st('errorAfter');
      const krr = krrPoint({ ...base, lambda }, alpha);
      emit({
        alpha0,
        beta,
        d,
        seeds,
        mean: num(ov.mean),
        se: num(ov.se),
        overlapTheory: num(th.overlap),
        s1Mean: num(s1.mean),
        s1SE: num(s1.se),
        s1Theory: num(th.s1),
        errorBeforeMean: num(eb.mean),
        errorBeforeSE: num(eb.se),
        errorAfterMean: num(ea.mean),
        errorAfterSE: num(ea.se),
        krr: num(krr.testError),
        floor: num(krr.floor),
      });
    }),
  },
  'simulate-sgd': {
    help: 'online SGD at finite d over seeds: escape samples (mean, standard error, median) beside the ODE',
    flags: simFlags({
      ell: { kind: 'number', help: 'information exponent ℓ', default: '1' },
      eta: { kind: 'number', help: 'η (η0 for ℓ ≥ 3)', default: '0.5' },
      'max-samples': { kind: 'number', help: 'give up after this many samples (per run)', default: '1e7' },
    }),
    direct: true, // finished runs: every row's values are checked
    run: guard(async (flags, emit) => {
      const ell = number(flags, 'ell');
      const eta = number(flags, 'eta');
      const d = count(flags, 'd', 100000);
      validateEscape({ ell, eta }, d);
      const seeds = count(flags, 'seeds', 10000);
      const seed0 = seedFlag(flags, 'seed', seeds);
      const maxSamples = count(flags, 'max-samples', 1e9);
      // A run stops at its escape (a few times the ODE's samples) or at --max-samples; a sample ≈ 4d flops (≈ 1e8/s).
      const expected = Math.min(maxSamples, 5 * (escapeODE({ ell, eta }, d).samplesODE || Infinity));
      boundRun((4 * d * expected) / 1e8, seeds, '--seeds, --d or --max-samples');
      const xs = overSeeds(
        seeds,
        seed0,
        emit,
        (seed) => simulateSgdSeed({ ell, eta }, d, seed, maxSamples, 2).samples,
        (samples) => ({ samples: num(samples) }),
      );
      const done = xs.filter(Number.isFinite).sort((a, b) => a - b);
      const s = meanSE(done);
      const median = xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN;
      emit({
        ell,
        d,
        eta,
        seeds,
        mean: num(s.mean),
        se: num(s.se),
        median: num(median),
        censored: xs.length - done.length,
        samplesODE: num(escapeODE({ ell, eta }, d).samplesODE),
      });
    }),
  },
};
