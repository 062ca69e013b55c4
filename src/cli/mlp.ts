// CLI commands of the teacher–student MLP: `mlp` (RS theory, arXiv 2510.24616) and `rie` (matrix denoising).
import { parseList, parseNumber, UsageError, type FlagSpec } from './args';
import { num, type Command } from './command';
import { getShallowModel, getSpectralTable, validateShallowParams } from '../physics/mlp/shallowModel';
import { spectralLaw } from '../physics/priors';
import { mmseSDirect } from '../physics/spectral';
import { ACTIVATION_NAMES, BRANCH_CHOICES, READOUT_LAWS, WEIGHT_PRIORS, type BranchSolution, type ReadoutLaw } from '../physics/types';

const shallowFlags: Record<string, FlagSpec> = {
  activation: { kind: 'string', help: 'activation name or expr:<expression in x>', default: 'relu', choices: ACTIVATION_NAMES },
  gamma: { kind: 'number', help: 'γ = k/d', default: '0.5' },
  delta: { kind: 'number', help: 'Δ, label-noise variance', default: '0.1' },
  readout: { kind: 'string', help: 'readout law P_v', default: 'ones', choices: READOUT_LAWS },
  weights: { kind: 'string', help: 'inner-weight prior P_W', default: 'gaussian', choices: WEIGHT_PRIORS },
  alpha: { kind: 'list', help: 'α values: 1,2,4 or start:stop:step', default: '0.5:8:0.5' },
  branch: { kind: 'string', help: 'which branch eps reports', default: 'equilibrium', choices: BRANCH_CHOICES },
  transition: { kind: 'boolean', help: 'print α_sp (and spinodals) instead of a curve' },
  'alpha-max': { kind: 'number', help: 'largest α searched by --transition', default: '16' },
};

export const mlpCommands: Record<string, Command> = {
  mlp: {
    help: 'Bayes-optimal error of the shallow MLP (L = 1), arXiv 2510.24616',
    flags: shallowFlags,
    run(flags, emit) {
      const params = validateShallowParams({
        activation: flags.activation as string,
        gamma: parseNumber('gamma', flags.gamma as string),
        delta: parseNumber('delta', flags.delta as string),
        readout: flags.readout as ReadoutLaw,
        weights: flags.weights as 'gaussian' | 'rademacher',
      });
      const model = getShallowModel(params);
      if (flags.transition) {
        const alphaMax = parseNumber('alpha-max', flags['alpha-max'] as string);
        if (!(alphaMax > 0)) throw new UsageError('--alpha-max must be > 0');
        const tr = model.transition(alphaMax);
        emit({ ...tr, notes: model.notes });
        return;
      }
      const alphas = parseList('alpha', flags.alpha as string);
      for (const a of alphas) if (!(a >= 0)) throw new UsageError(`--alpha values must be ≥ 0, got ${a}`);
      const branch = flags.branch as string;
      let warm = null;
      for (const alpha of alphas) {
        const pt = model.solvePoint(alpha, warm);
        warm = pt;
        const sol: BranchSolution | null = branch === 'universal' ? pt.universal : branch === 'specialised' ? pt.specialised : pt.equilibrium === 'specialised' ? pt.specialised : pt.universal;
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
      readout: { kind: 'string', help: 'readout law P_v', default: 'ones', choices: READOUT_LAWS },
      gamma: { kind: 'number', help: 'γ = k/d', default: '0.5' },
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
};
