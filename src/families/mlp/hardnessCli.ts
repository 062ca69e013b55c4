// CLI command `hardness`: the time to specialise against d (docs/physics/simulations.md §8). For each d and seed,
// an uninformative HMC or ADAM run (`--chains s`: s independent chains, predictions averaged; ADAM with
// `--student wide`: one student of width s·k trained jointly, the authors' overparam_ADAM) until the test
// statistic first falls below ε̄ (default: midpoint of the specialised branch's ε and ε_uni at α), censored at
// `--budget` steps. One line per (d, seed): d, seed, steps or censored: true; then one summary line per d:
// median, q1, q3 (null where they fall beyond the budget), censored (count); the last one adds the medians'
// growth with d (exponential vs power law, a fit, not a claim).
import { UsageError, listWhere, parseNumber, type FlagSpec } from '../../platform/cli/args';
import { boundRun, num, type Command, type Emit } from '../../platform/cli/command';
import { SimConfigError } from '../../physics/errors';
import type { NodeBackend } from '../../sim/backendNode';
import type { EscapeOptions, StudentKind } from '../../sim/hardness';
import { fitGrowth, summariseTimes, type EscapeTime } from '../../sim/hardnessStats';
import type { SimConfig } from '../../sim/config';
import { int, SIMULATE_FLAGS, simConfigOf, stepSeconds } from './simulateCli';

// The model's and the algorithms' flags as `simulate` has them; d, seed, init, steps and the per-step output differ.
const {
  algo,
  d: _d,
  seed: _seed,
  init: _init,
  steps: _steps,
  every: _every,
  theory: _theory,
  ...shared
} = SIMULATE_FLAGS;

const flags: Record<string, FlagSpec> = {
  algo: { ...algo, default: 'hmc', choices: ['hmc', 'adam'] },
  ...shared,
  d: { kind: 'list', help: 'input dimensions d: 20,30,40,60 or start:stop:step', default: '20,30,40' },
  seeds: { kind: 'number', help: 'runs per d (seeds seed … seed + seeds − 1: teacher, data and start)', default: '8' },
  seed: { kind: 'number', help: 'first seed', default: '1' },
  threshold: {
    kind: 'number',
    help: 'ε̄ (compared with HMC: test MSE/(1 + 1/chains), i.e. Gibbs error/2 for one chain; ADAM: test MSE); default: midpoint of ε_spec and ε_uni at α',
  },
  budget: { kind: 'number', help: 'HMC trajectories or ADAM steps before a run is censored', default: '400' },
  chains: {
    kind: 'number',
    help: 's: independent chains whose predictions are averaged, or the wide student’s width s·k (--student)',
    default: '1',
  },
  student: {
    kind: 'string',
    help: 'the overparameterised student: average = the predictions of s independent chains averaged; wide = one ADAM student of width s·k trained jointly (the authors’ overparam_ADAM)',
    default: 'average',
    choices: ['average', 'wide'],
  },
  'n-test': { kind: 'number', help: 'test-set size', default: '2000' },
  init: {
    kind: 'string',
    help: 'start (the experiment: uninformative; informative as a check)',
    default: 'uninformative',
    choices: ['uninformative', 'informative'],
  },
};

export async function runHardness(f: Record<string, string | boolean>, emit: Emit): Promise<void> {
  const ds = listWhere(f, 'd', (x) => Number.isInteger(x) && x >= 4 && x <= 400, 'integers in [4, 400]');
  const seeds = int('seeds', f.seeds as string);
  if (seeds < 1 || seeds > 1000) throw new UsageError(`--seeds must lie in [1, 1000], got ${seeds}`);
  const seed0 = parseNumber('seed', f.seed as string);
  const budget = int('budget', f.budget as string);
  const chains = int('chains', f.chains as string);
  // The config at each (d, seed): simulate's flags with those two set.
  const configAt = (d: number, seed: number): SimConfig =>
    simConfigOf({ ...f, d: String(d), seed: String(seed), steps: String(budget), every: '1' });
  // One output line per (d, seed) run, bounded like `simulate`'s lines (the largest d sets the per-run estimate).
  const perRun = Math.max(...ds.map((d) => stepSeconds(configAt(d, seed0)))) * budget * chains;
  boundRun(perRun, ds.length * seeds, '--d, --budget, --seeds, --chains, --alpha or --n-test');
  // The simulation stack (tfjs) loads only when this command runs.
  const [{ useNodeBackend }, { EscapeRun, theoryThreshold, validateEscape }] = await Promise.all([
    import('../../sim/backendNode'),
    import('../../sim/hardness'),
  ]);
  let threshold: number;
  let theory: Record<string, number | null> = {};
  try {
    const base = configAt(ds[0], seed0);
    if (f.threshold !== undefined) threshold = parseNumber('threshold', f.threshold as string);
    else {
      const t = theoryThreshold(base);
      threshold = t.threshold;
      theory = { epsSpecialised: num(t.epsSpecialised), epsUni: num(t.epsUni) };
    }
    const student = f.student as StudentKind;
    const options: EscapeOptions = { threshold, budget, chains, student };
    validateEscape(options, base.algo); // before the backend loads: one line, exit 2
    const backend = await useNodeBackend(f.backend as NodeBackend);
    const medians: { d: number; median: number | null }[] = [];
    for (const d of ds) {
      const times: EscapeTime[] = [];
      for (let i = 0; i < seeds; i++) {
        const seed = seed0 + i;
        const run = new EscapeRun(configAt(d, seed), options);
        try {
          while (!run.done) run.advance();
          const r = run.result();
          times.push({ steps: r.steps, budget });
          emit({
            d,
            seed,
            ...(r.censored ? { censored: true } : { steps: r.steps }),
            // A censored run is a valid measurement but not a crossing: say so, never a silent null.
            ...(r.censored
              ? { converged: false, reason: `did not fall below ε̄ = ${threshold} within ${budget} steps` }
              : { converged: true }),
            chains,
            student,
            initialEps: num(r.initialEps),
            finalEps: num(r.finalEps),
            gradientsPerSecond: num(r.gradientsPerSecond),
          });
        } finally {
          run.dispose();
        }
      }
      const s = summariseTimes(times);
      medians.push({ d, median: s.median });
      // The last summary carries the growth fit over every d so far (least squares on ln median against d and
      // ln d: a fit, not a claim); null with fewer than two uncensored medians.
      const growth = d === ds[ds.length - 1] ? { growth: fitGrowth(medians) } : {};
      emit({ d, ...s, budget, threshold, chains, student, algo: f.algo, backend, ...theory, summary: true, ...growth });
    }
  } catch (e) {
    if (e instanceof SimConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export const hardnessCommands: Record<string, Command> = {
  hardness: {
    help: 'time to specialise against d: uninformative HMC / ADAM runs until the test error falls below ε̄, censored at --budget',
    flags,
    // Summary lines: quartiles beyond the budget are null (censored); the growth fit needs two medians.
    direct: true,
    nullable: ['median', 'q1', 'q3', 'growth'],
    run: runHardness,
  },
};
