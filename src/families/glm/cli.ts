// CLI command `glm`: the teacher–student GLM / perceptron, state evolution and RS free entropy (arXiv 1708.03395).
// Flags of the page's parameters come from the table in params.ts.
import {
  asUsage,
  flagOf,
  listWhere,
  numberWhere,
  parseNumber,
  UsageError,
  type FlagSpec,
  type ParsedFlags,
} from '../../platform/cli/args';
import { boundWork, num, type Command } from '../../platform/cli/command';
import { rowOf } from '../../platform/state/hashCodec';
import { runGamp } from '../../physics/classic/gamp';
import { glmCurve, glmThresholds, makeGlm, type GlmModel, type GlmParams } from '../../physics/classic/glm';
import type { GlmChannelName } from '../../physics/classic/glmChannels';
import type { GlmPriorName } from '../../physics/classic/glmPriors';
import { GLM_TABLE, type GlmUiParams } from './params';

const row = (field: keyof GlmUiParams) => rowOf(GLM_TABLE, field);

const flags: Record<string, FlagSpec> = {
  prior: flagOf(row('prior'), { default: 'gaussian' }),
  channel: flagOf(row('channel')),
  delta: flagOf(row('delta'), { default: undefined }), // the default depends on the channel
  bias: flagOf(row('bias')),
  sparsity: flagOf(row('sparsity')),
  alpha: { kind: 'list', help: 'α = m/n values: 1,2,4 or start:stop:step', default: '0.25:5:0.25' },
  branch: {
    kind: 'string',
    help: 'which branch q/eps report',
    default: 'equilibrium',
    choices: ['equilibrium', 'uninformed', 'informed'],
  },
  thresholds: { kind: 'boolean', help: 'print {alphaIT, alphaAMP} (null where not defined) instead of a curve' },
  'alpha-max': flagOf(row('alphaMax'), { default: '10' }),
  gamp: { kind: 'number', help: 'run GAMP at this n over the --alpha list instead of state evolution' },
  seeds: { kind: 'number', help: 'with --gamp: teacher/data draws per α', default: '4' },
  seed: { kind: 'number', help: 'with --gamp: seed of the draws', default: '1' },
};

/** Multiply–adds a --gamp call may cost: seeds · Σ_α 2αn² a sweep, at most 150 sweeps (about a minute). */
const GAMP_BUDGET = 2e10;

/** --gamp n: one row per α {alpha, n, q, qStd, eps, epsStd, iterations}, mean ± std over the seeds. */
function gampRows(f: ParsedFlags, params: GlmParams, emit: (row: Record<string, unknown>) => void): void {
  const n = numberWhere(f, 'gamp', (x) => Number.isInteger(x) && x >= 10 && x <= 5000, 'the integers [10, 5000]');
  const seeds = numberWhere(f, 'seeds', (x) => Number.isInteger(x) && x >= 1 && x <= 64, 'the integers [1, 64]');
  const seed = parseNumber('seed', f.seed as string);
  const alphas = listWhere(f, 'alpha', (a) => a > 0 && a <= 100, '(0, 100]');
  const cost = seeds * alphas.reduce((acc, a) => acc + 2 * a * n * n * 150, 0);
  if (cost > GAMP_BUDGET)
    throw new UsageError(
      `--gamp ${n} costs up to ${cost.toExponential(1)} multiply–adds (at most ${GAMP_BUDGET.toExponential(0)}): lower n, --seeds or the --alpha list`,
    );
  for (const r of runGamp({ ...params, n, alphas, seeds, seed }))
    emit({
      alpha: r.alpha,
      n,
      q: num(r.q),
      qStd: num(r.qStd),
      eps: num(r.eps),
      epsStd: num(r.epsStd),
      iterations: r.iterations,
    });
}

function glmParamsOf(f: ParsedFlags): GlmParams {
  const channel = f.channel as GlmChannelName;
  const delta = f.delta === undefined ? (channel === 'sign' ? 0 : 0.1) : parseNumber('delta', f.delta as string);
  if (channel === 'sign' && delta !== 0)
    throw new UsageError('--delta must be 0 for the noiseless sign channel (use --channel probit for a noisy sign)');
  const params: GlmParams = {
    prior: f.prior as GlmPriorName,
    channel,
    delta,
    bias: parseNumber('bias', f.bias as string),
    sparsity: parseNumber('sparsity', f.sparsity as string),
  };
  return params;
}

const glmModelOf = (f: ParsedFlags): GlmModel => asUsage(() => makeGlm(glmParamsOf(f)));

export const commands: Record<string, Command> = {
  glm: {
    help: 'Bayes-optimal teacher–student GLM / perceptron: state evolution and RS free entropy (arXiv 1708.03395)',
    flags,
    nullable: ['alphaIT', 'alphaAMP', 'alphaInformed'], // --thresholds: not defined (no transition below --alpha-max)
    run(f, emit) {
      const m = glmModelOf(f);
      if (f.gamp !== undefined) return gampRows(f, glmParamsOf(f), emit);
      if (f.thresholds) {
        const t = glmThresholds(
          m,
          numberWhere(f, 'alpha-max', (a) => a > 0 && a <= 1000, '(0, 1000]'),
        );
        emit({
          alphaIT: t.alphaIT,
          alphaAMP: t.alphaAMP,
          alphaInformed: t.alphaInformed,
          converged: t.converged,
          ...(t.note ? { note: t.note } : {}),
        });
        return;
      }
      const pick = f.branch as string;
      const alphas = listWhere(f, 'alpha', (a) => a >= 0 && a <= 1e6, '[0, 1e6]');
      boundWork(alphas.length * 0.03, 'the number of --alpha values'); // ≈ 0.01 s a point on a slow core
      for (const p of glmCurve(m, alphas)) {
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
};
