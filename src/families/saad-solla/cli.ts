// CLI command `saad-solla`: online SGD of the soft committee machine, the Saad–Solla ODEs (PRL 74, 4337, 1995).
// Flags of the page's parameters come from the table in params.ts.
import { asUsage, flagOf, numberWhere, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { boundWork, num, type Command } from '../../platform/cli/command';
import { rowOf } from '../../platform/state/hashCodec';
import {
  escapeAlpha,
  integrationSeconds,
  symmetricPlateau,
  trajectory,
  validateSaadSolla,
} from '../../physics/classic/saadSolla';
import { SAAD_SOLLA_TABLE, type SaadSollaUiParams } from './params';

const flag = (field: keyof SaadSollaUiParams) => flagOf(rowOf(SAAD_SOLLA_TABLE, field));

const flags: Record<string, FlagSpec> = {
  K: flag('K'),
  M: flag('M'),
  eta: flag('eta'),
  noise: flag('noise'),
  q0: { kind: 'number', help: 'initial Q_ii', default: '0.5' },
  asym: flag('asym'),
  seed: flag('seed'),
  'alpha-max': flag('alphaMax'),
  points: { kind: 'number', help: 'log-spaced output points', default: '100' },
  plateau: { kind: 'boolean', help: 'print {epsPlateau, alphaEscape, …} instead of the trajectory' },
};

export const commands: Record<string, Command> = {
  'saad-solla': {
    help: 'online SGD of the soft committee machine, Saad–Solla ODEs (g = erf(u/√2), T = I)',
    flags,
    direct: true, // the trajectory's rows are RK4 values (the plateau row says whether Newton converged)
    run(f, emit) {
      const p = asUsage(() =>
        validateSaadSolla({
          K: parseNumber('K', f.K as string),
          M: parseNumber('M', f.M as string),
          eta: parseNumber('eta', f.eta as string),
          noise: parseNumber('noise', f.noise as string),
          q0: parseNumber('q0', f.q0 as string),
          asym: parseNumber('asym', f.asym as string),
          seed: parseNumber('seed', f.seed as string),
        }),
      );
      const aMax = numberWhere(f, 'alpha-max', (a) => a > 0 && a <= 1e6, '(0, 1e6]');
      const points = parseNumber('points', f.points as string);
      if (!Number.isInteger(points) || points < 2 || points > 10000)
        throw new UsageError(`--points must be an integer in [2, 10000], got ${points}`);
      boundWork(integrationSeconds(p, aMax), '--alpha-max, --eta, --K or --M'); // the physics' own limit is 20 s
      const run = trajectory(p, aMax, points);
      if (f.plateau) {
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
      if (run.diverged) {
        const note = `the dynamics diverged after α = ${run.points[run.points.length - 1].alpha} (η too large)`;
        emit({ note, converged: false, reason: note });
      }
    },
  },
};
