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
  type SaadSollaParams,
} from '../../physics/classic/saadSolla';
import {
  plateauLength,
  quartiles,
  simulate,
  validateSimulationCost,
  validateSimulationSize,
} from '../../physics/classic/saadSollaSim';
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
  simulate: {
    kind: 'number',
    help: 'simulate online SGD at this N instead of the ODEs (rows per run, then a summary)',
  },
  seeds: { kind: 'number', help: 'with --simulate: runs 0 … seeds−1 (streams of --seed)', default: '4' },
};

/** --simulate N: one row {seed, alpha, epsG, R, Q} a sample of each run, then the plateau lengths' summary. */
function runSimulation(
  f: Record<string, string | boolean>,
  p: SaadSollaParams,
  aMax: number,
  points: number,
  emit: (row: Record<string, unknown>) => void,
) {
  const N = asUsage(() => validateSimulationSize(parseNumber('simulate', f.simulate as string), p));
  const seeds = parseNumber('seeds', f.seeds as string);
  asUsage(() => validateSimulationCost(p, N, aMax, seeds));
  const epsPlateau = symmetricPlateau(p).epsPlateau;
  const lengths: (number | null)[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const run = simulate(p, N, aMax, points, seed);
    if (!f.plateau)
      for (const pt of run.points)
        emit({ seed, alpha: pt.alpha, epsG: num(pt.eps), R: pt.R.map(num), Q: pt.Q.map(num) });
    if (run.diverged) emit({ seed, note: `run ${seed} diverged (η too large)` });
    lengths.push(run.diverged ? null : plateauLength(run.points, epsPlateau));
  }
  const escaped = lengths.filter((l): l is number => l !== null);
  const q = escaped.length ? quartiles(escaped) : null;
  emit({
    summary: true,
    N,
    epsPlateau: num(epsPlateau),
    plateauLength: lengths.map((l) => (l === null ? null : num(l))),
    plateauMedian: q ? num(q.median) : null,
    plateauQ1: q ? num(q.q1) : null,
    plateauQ3: q ? num(q.q3) : null,
    alphaEscapeOde: num(plateauLength(trajectory(p, aMax, points).points, epsPlateau) ?? NaN),
  });
}

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
      if (f.simulate !== undefined) return runSimulation(f, p, aMax, points, emit);
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
