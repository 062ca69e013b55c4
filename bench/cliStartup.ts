// Bench section "cli": the CLI as a whole process, the way a script calls it. Every figure is the median wall time
// of `reps` runs, interleaved with a bare `node -e 0` so that the machine's load weighs on both alike:
//   cliNodeBareMs     `node -e 0`: the floor of any Node CLI
//   cliStartupMs      `node dist-cli/cli.js mlp --activation relu --alpha 1` (the built CLI; `npm run -s cli` adds
//                     npm's own start-up, ~0.2–0.4 s, and scripts/cli.mjs's staleness check, a few ms)
//   cliStartupMsNoCache  the same call with --no-cache: the m_S table built afresh (src/platform/cli/tableCache.ts);
//                     cliStartupMs reads it from the cache (a first call writes it; the medians see warm runs)
//   cliStartupMsTsx   the same call through tsx on the sources (how `npm run cli` ran before the ahead-of-time build)
//   cliStartupRatio   cliStartupMs / cliNodeBareMs (target ≤ 3)
//   cliCurveMs        the 200-point equilibrium curve α = 0.04:8:0.04 (ReLU, ones, Gaussian W, Δ = 0.1) as a process (its
//                     table from the cache)
//   numpyCurveMs      bench/mlp_numpy.py: the same equations in plain numpy, the same 200 points, as a process
//   cliCurveSpeedup   numpyCurveMs / cliCurveMs (target ≥ 30)
//   numpyCurveMaxRelDiff  max |Δε|/ε between the two curves: the same equations (numpy's coarser quadrature and
//                     linear interpolation in its table account for the difference)
// Run alone: `npx tsx bench/cliStartup.ts` (prints the JSON keys).
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from '../src/families/family';
import { median } from './timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ONE_POINT = ['mlp', '--activation', 'relu', '--alpha', '1'];
const CURVE = ['mlp', '--activation', 'relu', '--alpha', '0.04:8:0.04'];

/** Wall time of one run, and its stdout. */
function wall(cmd: string, args: string[]): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${r.stderr.split('\n')[0]}`);
  return { ms, out: r.stdout };
}

/** Median wall times of several commands run round-robin `reps` times, and each one's last stdout. */
function interleaved(cmds: Record<string, [string, string[]]>, reps: number) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  const out: Record<string, string> = {};
  for (let r = 0; r < reps; r++)
    for (const [k, [cmd, args]] of Object.entries(cmds)) {
      const w = wall(cmd, args);
      times[k].push(w.ms);
      out[k] = w.out;
    }
  const ms = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
  return { ms, out };
}

const node = process.execPath;
const built = 'dist-cli/cli.js';
const tsx = 'node_modules/tsx/dist/cli.mjs';

export const cliSection: BenchSection = {
  name: 'cli',
  async run(log) {
    const { buildCli, isStale } = await import('../scripts/build-cli.mjs');
    if (isStale()) await buildCli();
    const { ms: s } = interleaved(
      {
        bare: [node, ['-e', '0']],
        built: [node, [built, ...ONE_POINT]],
        noCache: [node, [built, ...ONE_POINT, '--no-cache']],
        tsx: [node, [tsx, 'src/cli.ts', ...ONE_POINT]],
      },
      9,
    );
    const curves = interleaved({ built: [node, [built, ...CURVE]], numpy: ['python3', ['bench/mlp_numpy.py']] }, 3);
    const c = curves.ms;
    const engine = curves.out.built
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).eps as number);
    const numpy = JSON.parse(curves.out.numpy) as { eps: number[]; tableMs: number; solveMs: number };
    const relDiff = Math.max(...engine.map((e, i) => Math.abs(numpy.eps[i] - e) / e));
    const out = {
      cliNodeBareMs: s.bare,
      cliStartupMs: s.built,
      cliStartupMsNoCache: s.noCache,
      cliStartupMsTsx: s.tsx,
      cliStartupRatio: +(s.built / s.bare).toFixed(2),
      cliStartupRatioNoCache: +(s.noCache / s.bare).toFixed(2),
      cliStartupRatioTsx: +(s.tsx / s.bare).toFixed(2),
      cliCurveMs: c.built,
      numpyCurveMs: c.numpy,
      cliCurveSpeedup: +(c.numpy / c.built).toFixed(1),
      numpyCurveMaxRelDiff: +relDiff.toPrecision(2),
    };
    log(
      `cli: one-point mlp call ${s.built.toFixed(0)} ms as a process (node -e 0: ${s.bare.toFixed(0)} ms, ×${out.cliStartupRatio}; ` +
        `--no-cache ${s.noCache.toFixed(0)} ms, ×${out.cliStartupRatioNoCache}; through tsx ${s.tsx.toFixed(0)} ms, ×${out.cliStartupRatioTsx})`,
    );
    log(
      `cli: 200-point curve ${c.built.toFixed(0)} ms as a process; numpy (bench/mlp_numpy.py) ${c.numpy.toFixed(0)} ms ` +
        `(×${out.cliCurveSpeedup}; its table ${numpy.tableMs.toFixed(0)} ms, solves ${numpy.solveMs.toFixed(0)} ms; ` +
        `max |Δε|/ε ${out.numpyCurveMaxRelDiff})`,
    );
    return out;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  cliSection.run((l) => console.error(l)).then((r) => console.log(JSON.stringify(r)));
