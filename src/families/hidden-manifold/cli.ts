// CLI command `hidden-manifold`: the exact ridge learning curve on hidden-manifold data, ridge on sampled data
// (--simulate) and online SGD on hidden-manifold vs i.i.d. inputs (--sgd), both at size --N. Flags of the page's parameters come
// from the table in params.ts (docs/physics/hidden-manifold.md).
import {
  asUsage,
  flagOf,
  listWhere,
  numberWhere,
  parseNumber,
  seedFlag,
  UsageError,
  type FlagSpec,
} from '../../platform/cli/args';
import { boundWork, num, type Command, type Emit } from '../../platform/cli/command';
import { rowOf } from '../../platform/state/hashCodec';
import { hmmRidgeCurve, validateHmmRidge, type HmmRidgeParams } from '../../physics/hiddenManifold/ridge';
import {
  runSgd,
  sgdCost,
  validateSgd,
  type HmmSgdParams,
  type SgdActivation,
} from '../../physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { ridgeSimCost, simulateHmmLogisticSeed, simulateHmmRidgeSeed } from '../../sim/hiddenManifold/ridgeSim';
import { logisticPoint, validateErm } from '../../physics/hiddenManifold/logistic';
import { meanSE } from '../../sim/twoLayer/ridge';
import { HMM_TABLE, type HmmUiParams } from './params';

const flag = (field: keyof HmmUiParams) => flagOf(rowOf(HMM_TABLE, field));

const flags: Record<string, FlagSpec> = {
  f: flag('activation'),
  target: flag('target'),
  delta: flag('delta'),
  lambda: flag('lambda'),
  noise: flag('noise'),
  alpha: { kind: 'list', help: 'α = n/N values (list or start:stop:step); default: 16 steps up to --alpha-max' },
  'alpha-max': flag('alphaMax'),
  loss: {
    kind: 'string',
    help: 'square (ridge on y = g(θ·c/√D) + σ_ε ξ) or logistic (on y = sign(θ·c/√D); --target and --noise unused)',
    default: 'square',
    choices: ['square', 'logistic'],
  },
  simulate: { kind: 'boolean', help: 'ridge on sampled data at size --N beside the theory (rows per α)' },
  seeds: { kind: 'number', help: 'with --simulate or --sgd: runs 0 … seeds−1 (streams of --seed)', default: '3' },
  sgd: { kind: 'boolean', help: 'online SGD at size --N on hidden-manifold and i.i.d. inputs (rows per sample)' },
  N: flag('N'),
  units: flag('units'),
  K: flag('K'),
  M: flag('M'),
  eta: flag('eta'),
  'sgd-alpha': flag('sgdAlpha'),
  points: { kind: 'number', help: 'with --sgd: log-spaced sample times', default: '20' },
  seed: flag('seed'),
};

/** Seconds one logistic fixed point may take on a slow machine (0.03–0.6 s measured under load, λ ≥ 0.01). */
const LOGISTIC_POINT_SECONDS = 1;

/** The default α's: 16 equal steps up to alphaMax. */
const alphaSteps = (alphaMax: number) => Array.from({ length: 16 }, (_, i) => (alphaMax * (i + 1)) / 16);

/** Multiply–adds a second this command assumes (a slow machine; the bench measures the real figure). */
const RATE = 2e8;

function ridgeParams(f: Record<string, string | boolean>): HmmRidgeParams {
  return asUsage(() =>
    validateHmmRidge({
      activation: activationProfile(f.f as string),
      target: targetProfile(f.target as string),
      delta: parseNumber('delta', f.delta as string),
      lambda: parseNumber('lambda', f.lambda as string),
      noise: parseNumber('noise', f.noise as string),
    }),
  );
}

const intFlag = (f: Record<string, string | boolean>, name: string, lo: number, hi: number) => {
  const x = parseNumber(name, f[name] as string);
  if (!Number.isInteger(x) || x < lo || x > hi)
    throw new UsageError(`--${name} must be an integer in [${lo}, ${hi}], got ${x}`);
  return x;
};

/** --simulate: per α, the mean and standard error over seeds of ridge on sampled data, beside the theory. */
function simulateRidge(f: Record<string, string | boolean>, p: HmmRidgeParams, alphas: number[], emit: Emit) {
  const N = intFlag(f, 'N', 20, 1000);
  const seeds = intFlag(f, 'seeds', 1, 32);
  const seed0 = seedFlag(f, 'seed', seeds);
  const D = Math.max(1, Math.round(p.delta * N));
  const nTest = 2000;
  boundWork(ridgeSimCost(N, p.delta, alphas, seeds, nTest) / RATE, '--N, --seeds, --delta or the α list');
  const theory = hmmRidgeCurve(p, alphas);
  alphas.forEach((alpha, i) => {
    const xs = Array.from({ length: seeds }, (_, s) => simulateHmmRidgeSeed({ ...p, alpha, N }, seed0 + s, nTest));
    const m = meanSE(xs);
    const t = theory[i];
    emit({
      alpha,
      N,
      D,
      seeds,
      mean: num(m.mean),
      se: seeds > 1 ? num(m.se) : null,
      testError: t.diverges ? null : num(t.testError),
      diverges: t.diverges,
    });
  });
}

/** --loss logistic: the classification error of logistic regression on sign labels, theory (and --simulate). */
function logisticRows(f: Record<string, string | boolean>, alphas: number[], emit: Emit) {
  const p = asUsage(() =>
    validateErm({
      activation: activationProfile(f.f as string),
      delta: parseNumber('delta', f.delta as string),
      lambda: parseNumber('lambda', f.lambda as string),
    }),
  );
  boundWork(alphas.length * LOGISTIC_POINT_SECONDS, 'the number of α values');
  const theory = alphas.map((a) => logisticPoint(p, a));
  if (!f.simulate) {
    for (const r of theory)
      emit({
        alpha: r.alpha,
        delta: p.delta,
        lambda: p.lambda,
        classError: num(r.classError),
        m: num(r.m),
        q: num(r.q),
        converged: r.converged,
      });
    return;
  }
  const N = intFlag(f, 'N', 20, 1000);
  const seeds = intFlag(f, 'seeds', 1, 32);
  const seed0 = seedFlag(f, 'seed', seeds);
  const nTest = 4000;
  // Newton: about ten Hessians of n·N² each on top of the data (the ridge estimate's terms)
  boundWork((10 * ridgeSimCost(N, p.delta, alphas, seeds, nTest)) / RATE, '--N, --seeds, --delta or the α list');
  alphas.forEach((alpha, i) => {
    const runs = Array.from({ length: seeds }, (_, s) => simulateHmmLogisticSeed({ ...p, alpha, N }, seed0 + s, nTest));
    const ok = runs.filter((e): e is number => e !== null);
    const m = ok.length ? meanSE(ok) : null;
    emit({
      alpha,
      N,
      D: Math.max(1, Math.round(p.delta * N)),
      seeds: ok.length,
      mean: m ? num(m.mean) : null,
      se: m && ok.length > 1 ? num(m.se) : null,
      classError: num(theory[i].classError),
      converged: theory[i].converged && ok.length === seeds,
      ...(ok.length < seeds ? { reason: `Newton did not converge for ${seeds - ok.length} seed(s)` } : {}),
    });
  });
}

/** --sgd: rows {data, seed, alpha, epsG} of each run (hidden manifold, then i.i.d.), then the final errors. */
function simulateSgdRuns(f: Record<string, string | boolean>, emit: Emit) {
  const seeds = intFlag(f, 'seeds', 1, 16);
  const points = intFlag(f, 'points', 2, 200);
  const units = f.units as string;
  const p: HmmSgdParams = asUsage(() =>
    validateSgd(
      {
        f: activationProfile(f.f as string),
        g: units as SgdActivation,
        K: parseNumber('K', f.K as string),
        M: parseNumber('M', f.M as string),
        N: parseNumber('N', f.N as string),
        delta: parseNumber('delta', f.delta as string),
        eta: parseNumber('eta', f.eta as string),
        noise: parseNumber('noise', f.noise as string),
        alphaMax: parseNumber('sgd-alpha', f['sgd-alpha'] as string),
        seed: seedFlag(f, 'seed'),
      },
      seeds,
      points,
    ),
  );
  boundWork(
    (seeds * (sgdCost(p, 'hmm', points) + sgdCost(p, 'iid', points))) / RATE,
    '--N, --sgd-alpha, --delta or --seeds',
  );
  const final: Record<'hmm' | 'iid', (number | null)[]> = { hmm: [], iid: [] };
  for (let seed = 0; seed < seeds; seed++)
    for (const data of ['hmm', 'iid'] as const) {
      const run = runSgd(p, data, points, seed);
      for (const pt of run.points) emit({ data, seed, alpha: pt.alpha, epsG: num(pt.testError) });
      if (run.diverged) emit({ data, seed, note: `run ${seed} on ${data} data blew up (η too large)` });
      final[data].push(run.diverged ? null : num(run.points[run.points.length - 1].testError));
    }
  emit({
    summary: true,
    N: p.N,
    D: Math.max(1, Math.round(p.delta * p.N)),
    epsGFinalHmm: final.hmm,
    epsGFinalIid: final.iid,
  });
}

export const commands: Record<string, Command> = {
  'hidden-manifold': {
    help: 'hidden manifold model: exact ridge (or --loss logistic) learning curve against α = n/N on x = f(Fᵀc/√D); --simulate, --sgd at size --N',
    flags,
    nullable: ['testError', 'se', 'mean', 'epsGFinalHmm', 'epsGFinalIid'],
    direct: true, // simulation rows are finished runs; curve rows carry the κ solver's own converged flag
    run(f, emit) {
      if (f.sgd) return simulateSgdRuns(f, emit);
      const alphas =
        f.alpha !== undefined
          ? listWhere(f, 'alpha', (a) => a > 0 && a <= 1000, '(0, 1000]')
          : alphaSteps(numberWhere(f, 'alpha-max', (a) => a > 0 && a <= 1000, '(0, 1000]'));
      if (alphas.length > 10000) throw new UsageError(`--alpha has ${alphas.length} values (at most 10000)`);
      if (f.loss === 'logistic') return logisticRows(f, alphas, emit);
      const p = ridgeParams(f);
      if (f.simulate) return simulateRidge(f, p, alphas, emit);
      for (const r of hmmRidgeCurve(p, alphas))
        emit({
          alpha: r.alpha,
          delta: p.delta,
          lambda: p.lambda,
          testError: r.diverges ? null : num(r.testError),
          diverges: r.diverges,
          converged: r.converged,
          ...(r.diverges ? { note: 'λ → 0⁺ at n = N: the minimum-norm interpolator’s error diverges' } : {}),
        });
    },
  },
};
