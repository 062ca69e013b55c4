// CLI commands of the classic solvable models (classic.md): `glm` (teacher–student GLM / perceptron, arXiv
// 1708.03395), `committee` (K = 2 committee machine, arXiv 1806.05451), `saad-solla` (online SGD ODEs, 1995).
import { ParamError } from '../../physics/errors';
import { parseList, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { num, type Command } from '../../platform/cli/command';
import { committeeCurve } from '../../physics/classic/committee';
import { COMMITTEE_PRIORS, type CommitteePrior } from '../../physics/classic/committeePrior';
import { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { glmCurve, glmThresholds, makeGlm, type GlmModel, type GlmParams } from '../../physics/classic/glm';
import { GLM_CHANNELS, type GlmChannelName } from '../../physics/classic/glmChannels';
import { GLM_PRIORS, type GlmPriorName } from '../../physics/classic/glmPriors';
import { escapeAlpha, symmetricPlateau, trajectory, validateSaadSolla } from '../../physics/classic/saadSolla';

/** Parameter errors of the physics modules become usage errors (exit 2, one line). */
function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ParamError) throw new UsageError(e.message);
    throw e;
  }
}

function alphas(flags: Record<string, string | boolean>): number[] {
  const list = parseList('alpha', flags.alpha as string);
  for (const a of list) if (!(a >= 0 && a <= 1e6)) throw new UsageError(`--alpha values must lie in [0, 1e6], got ${a}`);
  return list;
}

function alphaMax(flags: Record<string, string | boolean>): number {
  const a = parseNumber('alpha-max', flags['alpha-max'] as string);
  if (!(a > 0 && a <= 1000)) throw new UsageError(`--alpha-max must lie in (0, 1000], got ${a}`);
  return a;
}

const glmFlags: Record<string, FlagSpec> = {
  prior: { kind: 'string', help: 'teacher weight prior P0', default: 'gaussian', choices: GLM_PRIORS },
  channel: { kind: 'string', help: 'output channel', default: 'sign', choices: GLM_CHANNELS },
  delta: { kind: 'number', help: 'noise variance Δ (0 for sign; default 0.1 for probit, linear, relu)' },
  bias: { kind: 'number', help: 'binary-biased prior: E w (P(±1) = (1 ± bias)/2)', default: '0.3' },
  sparsity: { kind: 'number', help: 'gauss-bernoulli prior: fraction of non-zero weights ρ', default: '0.5' },
  alpha: { kind: 'list', help: 'α = m/n values: 1,2,4 or start:stop:step', default: '0.25:5:0.25' },
  branch: { kind: 'string', help: 'which branch q/eps report', default: 'equilibrium', choices: ['equilibrium', 'uninformed', 'informed'] },
  thresholds: { kind: 'boolean', help: 'print {alphaIT, alphaAMP} (null where not defined) instead of a curve' },
  'alpha-max': { kind: 'number', help: 'largest α searched by --thresholds', default: '10' },
};

export function glmModelOf(flags: Record<string, string | boolean>): GlmModel {
  const channel = flags.channel as GlmChannelName;
  const delta = flags.delta === undefined ? (channel === 'sign' ? 0 : 0.1) : parseNumber('delta', flags.delta as string);
  if (channel === 'sign' && delta !== 0) throw new UsageError('--delta must be 0 for the noiseless sign channel (use --channel probit for a noisy sign)');
  const params: GlmParams = {
    prior: flags.prior as GlmPriorName,
    channel,
    delta,
    bias: parseNumber('bias', flags.bias as string),
    sparsity: parseNumber('sparsity', flags.sparsity as string),
  };
  return asUsage(() => makeGlm(params));
}

const committeeFlags: Record<string, FlagSpec> = {
  K: { kind: 'number', help: 'hidden units (K = 2)', default: '2' },
  prior: { kind: 'string', help: 'teacher weight prior', default: 'gaussian', choices: COMMITTEE_PRIORS },
  alpha: { kind: 'list', help: 'α = m/n values', default: '0.25:5:0.25' },
  thresholds: { kind: 'boolean', help: 'print {alphaSpec, alphaIT, alphaAMP} (null where not defined)' },
  'alpha-max': { kind: 'number', help: 'largest α searched by --thresholds', default: '6' },
};

const saadSollaFlags: Record<string, FlagSpec> = {
  K: { kind: 'number', help: 'student hidden units', default: '2' },
  M: { kind: 'number', help: 'teacher hidden units', default: '2' },
  eta: { kind: 'number', help: 'learning rate η', default: '0.1' },
  noise: { kind: 'number', help: 'output-noise standard deviation σ', default: '0' },
  q0: { kind: 'number', help: 'initial Q_ii', default: '0.5' },
  asym: { kind: 'number', help: 'initial asymmetry: R_in = asym·U(0,1)', default: '0.001' },
  seed: { kind: 'number', help: 'seed of the initial R', default: '1' },
  'alpha-max': { kind: 'number', help: 'end of the trajectory (α = steps/N)', default: '10000' },
  points: { kind: 'number', help: 'log-spaced output points', default: '100' },
  plateau: { kind: 'boolean', help: 'print {epsPlateau, alphaEscape, …} instead of the trajectory' },
};

export const classicCommands: Record<string, Command> = {
  glm: {
    help: 'Bayes-optimal teacher–student GLM / perceptron: state evolution and RS free entropy (arXiv 1708.03395)',
    flags: glmFlags,
    run(flags, emit) {
      const m = glmModelOf(flags);
      if (flags.thresholds) {
        const t = glmThresholds(m, alphaMax(flags));
        emit({ alphaIT: t.alphaIT, alphaAMP: t.alphaAMP, alphaInformed: t.alphaInformed, converged: t.converged, ...(t.note ? { note: t.note } : {}) });
        return;
      }
      const pick = flags.branch as string;
      for (const p of glmCurve(m, alphas(flags))) {
        const name = pick === 'equilibrium' ? p.equilibrium : (pick as 'uninformed' | 'informed');
        const b = p[name];
        emit({
          alpha: p.alpha,
          q: num(b.q),
          eps: num(b.eps),
          epsGibbs: num(b.epsGibbs),
          f: num(b.f),
          branch: name,
          qhat: num(b.qhat),
          equilibrium: p.equilibrium,
          coexist: p.coexist,
          converged: b.converged,
          iterations: b.iterations,
          residual: num(b.residual),
        });
      }
    },
  },
  committee: {
    help: 'Bayes-optimal committee machine K = 2, sign–sign output; eps = ½(E y² − E(Σ_y y Z)²) (arXiv 1806.05451)',
    flags: committeeFlags,
    run(flags, emit) {
      const K = parseNumber('K', flags.K as string);
      if (K !== 2) throw new UsageError(`--K ${K} is not implemented (only K = 2)`);
      const prior = flags.prior as CommitteePrior;
      if (flags.thresholds) {
        const t = committeeThresholds(prior, alphaMax(flags));
        emit({ alphaSpec: num(t.alphaSpec ?? NaN), alphaIT: num(t.alphaIT ?? NaN), alphaAMP: num(t.alphaAMP ?? NaN), converged: t.converged });
        return;
      }
      const list = alphas(flags);
      const order = [...list].sort((a, b) => a - b);
      for (const p of committeeCurve(prior, order)) {
        const b = p.equilibrium === 'specialised' && p.specialised ? p.specialised : p.nonSpecialised;
        emit({
          alpha: p.alpha,
          q11: num(b.q11),
          q12: num(b.q12),
          eps: num(b.eps),
          f: num(b.f),
          branch: p.equilibrium,
          lambda: num(p.lambda),
          converged: b.converged,
        });
      }
    },
  },
  'saad-solla': {
    help: 'online SGD of the soft committee machine, Saad–Solla ODEs (g = erf(u/√2), T = I)',
    flags: saadSollaFlags,
    run(flags, emit) {
      const p = asUsage(() =>
        validateSaadSolla({
          K: parseNumber('K', flags.K as string),
          M: parseNumber('M', flags.M as string),
          eta: parseNumber('eta', flags.eta as string),
          noise: parseNumber('noise', flags.noise as string),
          q0: parseNumber('q0', flags.q0 as string),
          asym: parseNumber('asym', flags.asym as string),
          seed: parseNumber('seed', flags.seed as string),
        }),
      );
      const aMax = parseNumber('alpha-max', flags['alpha-max'] as string);
      if (!(aMax > 0 && aMax <= 1e6)) throw new UsageError(`--alpha-max must lie in (0, 1e6], got ${aMax}`);
      const points = parseNumber('points', flags.points as string);
      if (!Number.isInteger(points) || points < 2 || points > 10000) throw new UsageError(`--points must be an integer in [2, 10000], got ${points}`);
      const run = trajectory(p, aMax, points);
      if (flags.plateau) {
        const pl = symmetricPlateau(p);
        emit({
          epsPlateau: num(pl.epsPlateau),
          alphaEscape: num(escapeAlpha(run.points, pl.epsPlateau) ?? NaN),
          R: num(pl.R),
          Qdiag: num(pl.Qdiag),
          Qoff: num(pl.Qoff),
          converged: pl.converged,
        });
        return;
      }
      for (const pt of run.points) emit({ alpha: pt.alpha, eps: num(pt.eps), R: pt.R.map(num), Q: pt.Q.map(num) });
      if (run.diverged) emit({ note: `the dynamics diverged after α = ${run.points[run.points.length - 1].alpha} (η too large)` });
    },
  },
};
