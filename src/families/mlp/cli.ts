// CLI commands of the teacher–student MLP: `mlp` (RS theory, arXiv 2510.24616), `rie` (matrix denoising), and
// from their own files `phase` (phase diagrams) and `simulate` (finite-size runs). The flags of the page's
// parameters come from the table in params.ts.
import { flagOf, parseList, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { rowOf } from '../../platform/state/hashCodec';
import { num, type Command } from '../../platform/cli/command';
import { getShallowModel, getSpectralTable, validateShallowParams } from '../../physics/mlp/shallowModel';
import { spectralLaw } from '../../physics/priors';
import { mmseSDirect } from '../../physics/spectral';
import { ACTIVATION_NAMES, BRANCH_CHOICES, type BranchSolution, type ReadoutLaw } from '../../physics/types';
import { getDeepModel } from '../../physics/deep/deepModel';
import { DEEP_BRANCHES, type DeepBranch } from '../../physics/deep/deepSolver';
import { URL_TABLE, type MlpLinkParams } from './params';
import { phaseCommands } from './phaseCli';
import { DEPTH2_FLAGS, simulateCommands } from './simulateCli';
import { ANY_DEPTH_FLAGS, runAnyDepth } from '../deep/anyDepthCli';

const row = (field: keyof MlpLinkParams) => rowOf(URL_TABLE, field);

const shallowFlags: Record<string, FlagSpec> = {
  // No default: it depends on --depth.
  activation: flagOf(row('activation'), {
    help: 'activation name or expr:<expression in x> (default relu; tanh2-unit at --depth 2)',
    choices: ACTIVATION_NAMES,
    default: undefined,
  }),
  gamma: flagOf(row('gamma')),
  delta: flagOf(row('delta')),
  readout: flagOf(row('readout')),
  weights: flagOf(row('weights')),
  // The page selects one α; the command takes a list.
  alpha: flagOf(row('alpha'), { kind: 'list', help: 'α values: 1,2,4 or start:stop:step', default: '0.5:8:0.5' }),
  branch: {
    kind: 'string',
    help: 'which branch eps reports (depth 2 also: layer1, product)',
    default: 'equilibrium',
    choices: [...new Set([...BRANCH_CHOICES, ...DEEP_BRANCHES])],
  },
  transition: { kind: 'boolean', help: 'print α_sp (and spinodals) instead of a curve' },
  // No default: 16 at depth 1, 16·L at depth L ≥ 3 (α_e grows with L).
  'alpha-max': flagOf(row('alphaMax'), {
    help: 'largest α searched by --transition (default 16; 16·L at --depth L ≥ 3)',
    default: undefined,
  }),
  depth: {
    kind: 'number',
    help: 'hidden layers L: 1 … 8 (arXiv 2510.24616; L ≥ 3 needs μ0 = μ1 = μ2 = 0, E σ² = 1)',
    default: '1',
  },
  ...DEPTH2_FLAGS,
  ...ANY_DEPTH_FLAGS,
  quenched: { kind: 'boolean', help: 'depth 2: first layer given (Q1 ≡ 1)' },
};

/** `mlp --depth 2`: the L = 2 theory, one line per α (cold starts from the authors' initialisations). */
function runDeep(flags: Record<string, string | boolean>, emit: (row: Record<string, unknown>) => void): void {
  if (flags.transition)
    throw new UsageError('--transition is not available at --depth 2 (read the branches off the ε(α) lines)');
  const activation = (flags.activation as string | undefined) ?? 'tanh2-unit';
  const gamma = parseNumber('gamma', flags.gamma as string);
  const model = getDeepModel({
    activation,
    activation2: (flags.activation2 as string | undefined) ?? activation,
    gamma,
    gamma2: flags.gamma2 === undefined ? gamma : parseNumber('gamma2', flags.gamma2 as string),
    delta: parseNumber('delta', flags.delta as string),
    readout: flags.readout as ReadoutLaw,
    weights: flags.weights as 'gaussian' | 'rademacher',
    quenched: !!flags.quenched,
  });
  const alphas = parseList('alpha', flags.alpha as string);
  for (const a of alphas) if (!(a > 0)) throw new UsageError(`--alpha values must be > 0 at --depth 2, got ${a}`);
  const branch = flags.branch as string;
  const several = model.atoms.v.length > 1; // keyed by every readout value (±v share a class)
  for (const alpha of alphas) {
    const pt = model.solvePoint(alpha);
    const name: DeepBranch = branch === 'equilibrium' ? pt.equilibrium : (branch as DeepBranch);
    const sol = branch === 'equilibrium' ? pt.eq : pt.branches[name];
    emit({
      alpha,
      eps: num(sol.eps),
      branch: name,
      f: num(sol.f),
      Q1: num(sol.Q1mean), // mean over the effective-readout grid s
      Q2: num(sol.Q2mean), // mean over (v, s)
      Q21: several ? model.byReadout(sol.Q21) : num(sol.Q21[0]),
      converged: sol.converged,
      equilibrium: pt.equilibrium,
      epsUniversal: num(model.epsUniversal),
      iterations: sol.iterations,
      residual: num(sol.residual),
    });
  }
}

export const commands: Record<string, Command> = {
  mlp: {
    help: 'Bayes-optimal error of the shallow MLP (L = 1), arXiv 2510.24616',
    flags: shallowFlags,
    run(flags, emit) {
      const depth = parseNumber('depth', flags.depth as string);
      if (depth !== 1 && depth !== 2) return runAnyDepth(depth, flags, emit);
      for (const f of ['gammas', 'activations', 'alpha-per-layer', 'compare'])
        if (flags[f] !== undefined) throw new UsageError(`--${f} needs --depth 3 or more`);
      if (depth === 2) return runDeep(flags, emit);
      for (const f of ['activation2', 'gamma2', 'quenched'])
        if (flags[f] !== undefined) throw new UsageError(`--${f} needs --depth 2`);
      if (!(BRANCH_CHOICES as readonly string[]).includes(flags.branch as string))
        throw new UsageError(`--branch ${flags.branch} needs --depth 2 (depth 1: ${BRANCH_CHOICES.join(', ')})`);
      const params = validateShallowParams({
        activation: (flags.activation as string | undefined) ?? 'relu',
        gamma: parseNumber('gamma', flags.gamma as string),
        delta: parseNumber('delta', flags.delta as string),
        readout: flags.readout as ReadoutLaw,
        weights: flags.weights as 'gaussian' | 'rademacher',
      });
      const model = getShallowModel(params);
      if (flags.transition) {
        const alphaMax = parseNumber('alpha-max', (flags['alpha-max'] as string | undefined) ?? '16');
        if (!(alphaMax > 0)) throw new UsageError('--alpha-max must be > 0');
        const tr = model.transition(alphaMax);
        // ε on the branch the equilibrium jumps to, at the jump (the key the any-depth transition shares).
        const jump = tr.alphaSp === null ? null : model.solvePoint(tr.alphaSp).specialised;
        emit({ ...tr, epsSp: jump ? num(jump.eps) : null, notes: model.notes });
        return;
      }
      const alphas = parseList('alpha', flags.alpha as string);
      for (const a of alphas) if (!(a >= 0)) throw new UsageError(`--alpha values must be ≥ 0, got ${a}`);
      const branch = flags.branch as string;
      let warm = null;
      for (const alpha of alphas) {
        const pt = model.solvePoint(alpha, warm);
        warm = pt;
        const sol: BranchSolution | null =
          branch === 'universal'
            ? pt.universal
            : branch === 'specialised'
              ? pt.specialised
              : pt.equilibrium === 'specialised'
                ? pt.specialised
                : pt.universal;
        emit({
          alpha,
          eps: sol ? num(sol.eps) : null,
          epsUni: num(pt.epsUni),
          branch: sol ? sol.kind : null,
          equilibrium: pt.equilibrium,
          R2: sol ? num(sol.R2) : null,
          Q: sol ? model.overlapByValue(sol) : null,
          f: sol ? num(sol.f) : null,
          converged: sol ? sol.converged : false,
          iterations: sol ? sol.iterations : 0,
          residual: sol ? num(sol.residual) : null,
          ...(sol ? {} : { note: 'no specialised stationary point at this alpha' }),
        });
      }
    },
  },
  rie: {
    help: 'matrix denoising of S = Wᵀ diag(v) W/√(kd): overlap m_S and MMSE at given SNR',
    flags: {
      readout: flagOf(row('readout')),
      gamma: flagOf(row('gamma')),
      snr: { kind: 'list', help: 'SNR λ values', default: '0.5,2.5,5' },
    },
    run(flags, emit) {
      const gamma = parseNumber('gamma', flags.gamma as string);
      if (!(gamma > 0 && gamma <= 20)) throw new UsageError(`--gamma must lie in (0, 20], got ${gamma}`);
      const law = flags.readout as ReadoutLaw;
      const spec = spectralLaw(law, gamma);
      for (const snr of parseList('snr', flags.snr as string)) {
        if (!(snr >= 0)) throw new UsageError(`--snr values must be ≥ 0, got ${snr}`);
        // Direct evaluation (not the table) so that the printed values carry the full accuracy.
        const mmse = mmseSDirect(spec, snr);
        emit({ snr, mS: num(1 - mmse), mmse: num(mmse), iota: num(getSpectralTable(gamma, law).iota(snr)) });
      }
    },
  },
  ...phaseCommands,
  ...simulateCommands,
};
