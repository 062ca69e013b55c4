// Node CLI over the physics engine: one JSON object per line on stdout; bad input → one line on stderr, exit 2.
// Commands and keys are a public contract (scripts and readers rely on them): extend, never rename.

import { pathToFileURL } from 'node:url';
import { parseFlags, parseList, parseNumber, UsageError, type FlagSpec } from './cli/args';
import { ActivationError } from './physics/activations';
import { getShallowModel, getSpectralTable, ParamError, validateShallowParams } from './physics/mlp/shallowModel';
import { spectralLaw } from './physics/priors';
import { mmseSDirect } from './physics/spectral';
import { ACTIVATION_NAMES, BRANCH_CHOICES, READOUT_LAWS, WEIGHT_PRIORS, type BranchSolution, type ReadoutLaw } from './physics/types';

type Emit = (row: Record<string, unknown>) => void;

interface Command {
  help: string;
  flags: Record<string, FlagSpec>;
  run(flags: Record<string, string | boolean>, emit: Emit): void;
}

/** JSON numbers only: a non-finite value is written as null, never NaN. */
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

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

const commands: Record<string, Command> = {
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

function usage(): string {
  const lines = ['usage: npm run -s cli -- <command> [--flag value …]', ''];
  for (const [name, c] of Object.entries(commands)) {
    lines.push(`${name}: ${c.help}`);
    for (const [f, s] of Object.entries(c.flags)) lines.push(`  --${f}${s.kind === 'boolean' ? '' : ' <' + s.kind + '>'}  ${s.help}${s.default ? ` (default ${s.default})` : ''}`);
  }
  return lines.join('\n');
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): number {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  try {
    if (!cmd) throw new UsageError(`unknown command '${name}' (commands: ${Object.keys(commands).join(', ')})`);
    const flags = parseFlags(rest, cmd.flags);
    cmd.run(flags, (row) => out(JSON.stringify(row)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ParamError || e instanceof ActivationError) {
      process.stderr.write(`error: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
