// CLI commands of the teacher–student MLP: `mlp` (RS theory, arXiv 2510.24616), `rie` (matrix denoising), and
// from their own files `phase` (phase diagrams) and `simulate` (finite-size runs). The flags of the page's
// parameters come from the table in params.ts.
import {
  flagOf,
  listWhere,
  numberWhere,
  parseList,
  parseNumber,
  UsageError,
  type FlagSpec,
} from '../../platform/cli/args';
import { rowOf } from '../../platform/state/hashCodec';
import { boundWork, num, type Command } from '../../platform/cli/command';
import {
  getShallowModel,
  getSpectralTable,
  validateShallowParams,
  type ShallowModel,
} from '../../physics/mlp/shallowModel';
import { overlapProfile } from '../../physics/mlp/profile';
import { spectralLaw } from '../../physics/priors';
import { mmseSDirect, mSDirect } from '../../physics/spectral';
import {
  ACTIVATION_NAMES,
  BRANCH_CHOICES,
  type BranchChoice,
  type BranchSolution,
  type ReadoutLaw,
  type ShallowPoint,
} from '../../physics/types';
import { getDeepModel } from '../../physics/deep/deepModel';
import { DEEP_BRANCHES, pointKind, type DeepBranch } from '../../physics/deep/deepSolver';
import { URL_TABLE, type MlpLinkParams } from './params';
import { hardnessCommands } from './hardnessCli';
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
    help: 'which branch eps reports: specialised = largest Q (the large-Q branch where it exists); small-Q, large-Q by name (depth 2 also: layer1, product)',
    default: 'equilibrium',
    choices: [...new Set([...BRANCH_CHOICES, ...DEEP_BRANCHES])],
  },
  transition: { kind: 'boolean', help: 'print α_sp (and spinodals) instead of a curve' },
  profile: {
    kind: 'boolean',
    help: 'print the overlap profile Q(v) at one --alpha instead: a line per v and branch drawn',
  },
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

/**
 * Beyond α = 1e6 the equations are past their use (ε ≈ γ/(2α)·… ≪ float64 noise of f; at 1e308 f overflowed):
 * the largest α the commands accept.
 */
const ALPHA_MAX = 1e6;
/** Seconds per α point on a slow core (measured ≈ 0.05 s and 0.3 s; twice that here). */
const SHALLOW_POINT_S = 0.1;
const DEEP_POINT_S = 0.6;

function alphaList(flags: Record<string, string | boolean>, what: string, ok: (a: number) => boolean): number[] {
  const alphas = parseList('alpha', flags.alpha as string);
  for (const a of alphas)
    if (!(ok(a) && a <= ALPHA_MAX)) throw new UsageError(`--alpha values must satisfy ${what} and α ≤ 1e6, got ${a}`);
  return alphas;
}

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
  const alphas = alphaList(flags, 'α > 0 at --depth 2', (a) => a > 0);
  boundWork(alphas.length * DEEP_POINT_S, 'the number of --alpha values');
  const branch = flags.branch as string;
  if (branch !== 'equilibrium' && !(DEEP_BRANCHES as readonly string[]).includes(branch))
    throw new UsageError(`--branch ${branch} is a depth-1 name (depth 2: equilibrium, ${DEEP_BRANCHES.join(', ')})`);
  const several = model.atoms.v.length > 1; // keyed by every readout value (±v share a class)
  for (const alpha of alphas) {
    const pt = model.solvePoint(alpha);
    const name: DeepBranch = branch === 'equilibrium' ? pt.equilibrium : (branch as DeepBranch);
    const sol = branch === 'equilibrium' ? pt.eq : pt.branches[name];
    // A named branch whose start fell into another kind of point does not exist here (below its spinodal): null
    // with a note, as at depth 1, never that point's numbers under the name asked for.
    const reached = pointKind(sol, !!flags.quenched);
    if (branch !== 'equilibrium' && reached !== name) {
      emit({
        alpha,
        eps: null,
        branch: null,
        f: null,
        Q1: null,
        Q2: null,
        Q21: null,
        converged: false,
        equilibrium: pt.equilibrium,
        epsUniversal: num(model.epsUniversal),
        iterations: 0,
        residual: null,
        note: `no ${name} stationary point at this alpha (its start falls into the ${reached} point)`,
      });
      continue;
    }
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

/** The name of a depth-1 solution: universal, small-Q or large-Q (the branch it coincides with). */
function nameOf(model: ShallowModel, pt: ShallowPoint, sol: BranchSolution): string {
  if (sol.kind === 'universal') return 'universal';
  const large = model.branchOf(pt, 'large-Q');
  return large && large.Q.every((q, c) => Math.abs(q - sol.Q[c]) < 1e-6) ? 'large-Q' : 'small-Q';
}

/** `mlp --profile`: Q(v), Q̂(v) at one α on every branch the page's Q(v) panel draws (src/physics/mlp/profile.ts). */
function runProfile(model: ShallowModel, alphas: number[], emit: (row: Record<string, unknown>) => void): void {
  if (alphas.length !== 1) throw new UsageError(`--profile needs a single --alpha value, got ${alphas.length}`);
  const alpha = alphas[0];
  const pr = overlapProfile(model, model.solvePoint(alpha));
  for (const b of pr.branches)
    b.v.forEach((v, i) =>
      emit({
        alpha,
        v,
        Q: num(b.Q[i]),
        Qhat: num(b.Qhat[i]),
        branch: b.name,
        equilibrium: b.equilibrium,
        vLow: Number.isFinite(b.uLow) ? Math.sqrt(b.uLow) : null,
        converged: b.converged,
      }),
    );
}

export const commands: Record<string, Command> = {
  mlp: {
    help: 'Bayes-optimal error of the shallow MLP (L = 1), arXiv 2510.24616',
    flags: shallowFlags,
    run(flags, emit) {
      const depth = parseNumber('depth', flags.depth as string);
      if (flags.profile && depth !== 1) throw new UsageError('--profile needs --depth 1');
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
      if (flags.profile && flags.transition) throw new UsageError('--profile and --transition exclude each other');
      if (flags.transition) {
        // Up to 1e4 the answer stays put (α_sp = 0.632 for relu, γ = 0.5); at 1e20 the search grid missed it.
        const alphaMax =
          flags['alpha-max'] === undefined ? 16 : numberWhere(flags, 'alpha-max', (a) => a > 0 && a <= 1e4, '(0, 1e4]');
        const tr = model.transition(alphaMax);
        // ε on the branch the equilibrium jumps to, at the jump (the key the any-depth transition shares).
        const jump = tr.alphaSp === null ? null : model.solvePoint(tr.alphaSp).specialised;
        emit({ ...tr, epsSp: jump ? num(jump.eps) : null, notes: model.notes });
        return;
      }
      const alphas = alphaList(flags, 'α ≥ 0', (a) => a >= 0);
      if (flags.profile) return runProfile(model, alphas, emit);
      boundWork(alphas.length * SHALLOW_POINT_S, 'the number of --alpha values');
      const branch = flags.branch as BranchChoice;
      let warm = null;
      for (const alpha of alphas) {
        const pt = model.solvePoint(alpha, warm);
        warm = pt;
        const sol = model.branchOf(pt, branch);
        // At α = 0 only Q = 0 exists: its ε (in eps, or in epsUni where another branch was asked for) is the prior error.
        const note =
          alpha === 0
            ? `alpha = 0: no data; ${sol ? 'eps' : `no ${branch} stationary point, epsUni`} is the prior error E σ² − μ0² − μ1² (the α → 0⁺ limit) and the free entropy per sample is not defined`
            : sol
              ? undefined
              : `no ${branch} stationary point at this alpha`;
        emit({
          alpha,
          eps: sol ? num(sol.eps) : null,
          epsUni: num(pt.epsUni),
          branch: sol ? sol.kind : null,
          // The branch by name: universal, small-Q (born at Q = 0) or large-Q (saturates at Q → 1).
          branchName: sol ? nameOf(model, pt, sol) : null,
          equilibrium: pt.equilibrium,
          R2: sol ? num(sol.R2) : null,
          Q: sol ? model.overlapByValue(sol) : null,
          f: sol && alpha > 0 ? num(sol.f) : null,
          converged: sol ? sol.converged || alpha === 0 : false,
          iterations: sol ? sol.iterations : 0,
          residual: sol ? num(sol.residual) : null,
          ...(note ? { note } : {}),
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
    direct: true,
    run(flags, emit) {
      const gamma = parseNumber('gamma', flags.gamma as string);
      if (!(gamma > 0 && gamma <= 20)) throw new UsageError(`--gamma must lie in (0, 20], got ${gamma}`);
      const law = flags.readout as ReadoutLaw;
      const spec = spectralLaw(law, gamma);
      const snrs = listWhere(flags, 'snr', (x) => x >= 0 && x <= 1e8, '[0, 1e8]');
      boundWork(snrs.length * 0.02, 'the number of --snr values');
      for (const snr of snrs) {
        // Direct evaluation (not the table) so that the printed values carry the full accuracy.
        const mmse = mmseSDirect(spec, snr);
        emit({ snr, mS: num(mSDirect(spec, snr)), mmse: num(mmse), iota: num(getSpectralTable(gamma, law).iota(snr)) });
      }
    },
  },
  ...phaseCommands,
  ...simulateCommands,
  ...hardnessCommands,
};
