// CLI command `simulate`: one finite-size HMC / ADAM / GAMP-RIE run of the teacher–student MLP in Node on the
// fastest TensorFlow.js backend by measurement (WASM SIMD; `--backend cpu|wasm` forces one). One JSON line per
// progress report, then a final summary with testError, gibbsHalf, Q (per readout value), R2 and the value to compare
// with theory (eps). `--depth L` (2 … 8) runs the L-hidden-layer network of arXiv 2510.24616 (HMC, ADAM) and adds the
// per-layer overlaps q (input side first) and Q1, Q2 (= q_1, q_2), Q21 (L = 2 only; null deeper); Q, R2 are null
// there. `--nishimori` (HMC) runs a second chain and adds the Nishimori statistic `nishimori` with its standard error
// `nishimoriSe` (docs/physics/simulations.md §9).
import { ParamError, SimConfigError } from '../../physics/errors';
import { parseList, parseNumber, seedFlag, UsageError, type FlagSpec } from '../../platform/cli/args';
import { boundRun, num, type Command, type Emit } from '../../platform/cli/command';
import { getDeepModel } from '../../physics/deep/deepModel';
import { getShallowModel, validateShallowParams } from '../../physics/mlp/shallowModel';
import { ACTIVATION_NAMES, READOUT_LAWS, WEIGHT_PRIORS, type ReadoutLaw, type WeightPrior } from '../../physics/types';
import type { OverlapByValue } from '../../sim/overlaps';
// Flags and defaults only: the simulation stack (tfjs) is imported by runSimulate, so theory commands never load it.
import {
  ALGORITHMS,
  DEFAULT_SIM,
  INITS,
  MAX_DEPTH,
  NODE_BACKENDS,
  READOUT_MODES,
  type Algorithm,
  type Init,
  type NodeBackend,
  type ReadoutMode,
  type SimConfig,
  deepParamsOf,
} from '../../sim/config';
import type { Simulation, SimProgress } from '../../sim/simulation';

/** The second layer's flags at `--depth 2`, shared with `mlp` (cli.ts). */
export const DEPTH2_FLAGS: Record<string, FlagSpec> = {
  activation2: {
    kind: 'string',
    help: 'depth 2: second-layer activation (default: --activation)',
    choices: ACTIVATION_NAMES,
  },
  gamma2: { kind: 'number', help: 'depth 2: γ2 = k2/d (default: --gamma)' },
};

const D = DEFAULT_SIM;
/** `simulate`'s flags; `hardness` (hardnessCli.ts) shares the model's and the algorithms'. */
export const SIMULATE_FLAGS: Record<string, FlagSpec> = {
  algo: { kind: 'string', help: 'algorithm', default: D.algo, choices: ALGORITHMS },
  init: { kind: 'string', help: 'informative (W = W⁰) or uninformative start', default: D.init, choices: INITS },
  activation: {
    kind: 'string',
    help: 'activation name or expr:<expression in x>',
    default: D.activation,
    choices: ACTIVATION_NAMES,
  },
  readout: { kind: 'string', help: 'readout law P_v of the teacher', default: D.readout, choices: READOUT_LAWS },
  weights: {
    kind: 'string',
    help: 'inner-weight prior P_W of the teacher',
    default: D.weights,
    choices: WEIGHT_PRIORS,
  },
  gamma: { kind: 'number', help: 'γ = k/d', default: String(D.gamma) },
  delta: { kind: 'number', help: 'Δ, label-noise variance', default: String(D.delta) },
  alpha: { kind: 'number', help: 'α = n/d²', default: String(D.alpha) },
  d: { kind: 'number', help: 'input dimension d', default: String(D.d) },
  seed: {
    kind: 'number',
    help: 'seed of the one PRNG (teacher, data, init, momenta, accept/reject)',
    default: String(D.seed),
  },
  steps: { kind: 'number', help: 'HMC trajectories, ADAM steps or GAMP iterations', default: String(D.steps) },
  readouts: {
    kind: 'string',
    help: "student readouts fixed to the teacher's or learned/sampled (HMC, ADAM)",
    default: D.readouts,
    choices: READOUT_MODES,
  },
  leapfrog: { kind: 'number', help: 'HMC leapfrog steps per trajectory', default: String(D.leapfrog) },
  'step-size': { kind: 'number', help: 'HMC initial step size (adapted during warm-up)', default: String(D.stepSize) },
  warmup: { kind: 'number', help: 'HMC warm-up trajectories (default: half the steps)' },
  'target-accept': { kind: 'number', help: 'HMC target acceptance during warm-up', default: String(D.targetAccept) },
  lr: { kind: 'number', help: 'ADAM learning rate', default: String(D.lr) },
  batch: { kind: 'number', help: 'ADAM mini-batch as a fraction of n (1 = full batch)', default: String(D.batch) },
  'n-test': { kind: 'number', help: 'test-set size', default: String(D.nTest) },
  every: { kind: 'number', help: 'print a progress line every N steps', default: '1' },
  backend: {
    kind: 'string',
    help: 'TensorFlow.js backend (auto: the fastest by measurement, WASM SIMD here)',
    default: 'auto',
    choices: NODE_BACKENDS,
  },
  theory: {
    kind: 'boolean',
    help: 'add the RS theory ε_opt and ε_uni at this α to the final line (depth 2: the equilibrium ε and the universal plateau)',
  },
  depth: {
    kind: 'number',
    help: `hidden layers L: 1 … ${MAX_DEPTH} (arXiv 2510.24616; depth ≥ 2: HMC and ADAM)`,
    default: '1',
  },
  ...DEPTH2_FLAGS,
  activations: {
    kind: 'string',
    help: 'depth ≥ 2: one activation per layer, input side first, comma-separated (default: --activation in every layer)',
  },
  gammas: {
    kind: 'list',
    help: 'depth ≥ 2: γ_l = k_l/d per layer, input side first (default: --gamma in every layer)',
  },
  nishimori: {
    kind: 'boolean',
    help: 'HMC: run a second chain on the same data and add the Nishimori statistic and its standard error (twice the cost)',
  },
};

export function int(name: string, text: string): number {
  const x = parseNumber(name, text);
  if (!Number.isInteger(x)) throw new UsageError(`--${name} must be an integer, got ${text}`);
  return x;
}

/** Q per readout value as the `mlp` command prints it: {"<v>": Q}. */
function qRecord(Q: OverlapByValue[] | null): Record<string, number | null> | null {
  if (!Q) return null;
  const out: Record<string, number | null> = {};
  for (const g of Q) out[String(+g.v.toPrecision(4))] = num(g.Q);
  return out;
}

function row(p: SimProgress): Record<string, unknown> {
  return {
    step: p.step,
    testError: num(p.testError),
    gibbsHalf: p.gibbsHalf === null ? null : num(p.gibbsHalf),
    eps: num(p.eps),
    Q: qRecord(p.Q),
    R2: num(p.R2),
    // L = 2: Q2:1 keyed by readout value where there are several, as `mlp --depth 2` prints it.
    ...(p.Q1 !== undefined
      ? {
          Q1: num(p.Q1),
          Q2: num(p.Q2!),
          Q21: !p.Q21byValue ? null : p.Q21byValue.length > 1 ? qRecord(p.Q21byValue) : num(p.Q21!),
          q: p.q!.map(num),
        }
      : {}),
    ...(p.nishimori ? { nishimori: num(p.nishimori.value), nishimoriSe: num(p.nishimori.se) } : {}),
    warmup: p.warmup,
    ...(p.acceptance !== undefined
      ? { acceptance: num(p.acceptance), stepSize: num(p.stepSize!), divergences: p.divergences }
      : {}),
    ...(p.loss !== undefined ? { loss: num(p.loss) } : {}),
    ...(p.change !== undefined ? { change: num(p.change), converged: p.converged } : {}),
  };
}

/**
 * Seconds of one step on tfjs' CPU backend on a slow core: a gradient ≈ 6·n·k·d flops at ≈ 5e8/s plus ≈ 10 ms of
 * op overhead (measured: 100 gradients at d = 24, α = 2 in 5 s), and the test set's forward pass; GAMP-RIE ≈ 4·n·d².
 */
export function stepSeconds(c: SimConfig): number {
  const n = c.alpha * c.d * c.d;
  const k = Math.max(c.gamma, c.gamma2 ?? 0, ...(c.gammas ?? [])) * c.d;
  if (c.algo === 'gamp') return (4 * n * c.d * c.d) / 5e8;
  const gradients = c.algo === 'hmc' ? c.leapfrog : 1;
  // Deeper layers cost at most as much as the first each (k_l ≤ the widest width); --nishimori runs two chains.
  const layers = c.depth ?? 1;
  const chains = c.nishimori ? 2 : 1;
  const step = gradients * (0.01 + (6 * n * k * c.d * layers) / 5e8) + 0.01 + (2 * c.nTest * k * c.d * layers) / 5e8;
  return chains * step;
}

/**
 * Whether a row is a finished, valid run (issue 21): progress rows are not final; a GAMP run that stopped before
 * converging says so; an HMC chain that accepted nothing after warm-up never moved from its start (frozen).
 */
function status(p: SimProgress, final: boolean, steps: number): Record<string, unknown> {
  if (p.converged !== undefined && final && !p.converged)
    return { converged: false, reason: `GAMP-RIE did not converge in ${steps} iterations` };
  if (p.converged !== undefined) return {};
  if (!final) return { converged: false, reason: 'in progress' };
  if (p.acceptance === 0 && !p.warmup)
    return {
      converged: false,
      reason: 'the HMC chain is frozen: no trajectory accepted after warm-up (lower --step-size)',
    };
  return { converged: true };
}

/** The L = 2 theory at the run's α (checked before the run so that a refusal costs nothing). */
function deepTheory(config: SimConfig): Record<string, unknown> {
  try {
    const model = getDeepModel(deepParamsOf(config));
    const pt = model.solvePoint(config.alpha);
    return {
      epsOpt: num(pt.eq.eps),
      epsUni: num(model.epsUniversal),
      theoryBranch: pt.equilibrium,
      theoryQ1: num(pt.eq.Q1mean),
      theoryQ2: num(pt.eq.Q2mean),
      theoryQ21: num(pt.eq.Q21mean),
      theoryConverged: pt.eq.converged,
    };
  } catch (e) {
    if (e instanceof ParamError) throw new UsageError(`--theory at depth 2: ${e.message}`);
    throw e;
  }
}

/** `--activations a,b,c` and `--gammas g1,g2,g3` at depth L ≥ 2: one entry per layer, checked here. */
function layerLists(f: Record<string, string | boolean>, depth: number): Pick<SimConfig, 'activations' | 'gammas'> {
  const out: Pick<SimConfig, 'activations' | 'gammas'> = {};
  if (f.activations !== undefined) {
    const names = String(f.activations)
      .split(',')
      .map((a) => a.trim());
    for (const a of names)
      if (!a.startsWith('expr:') && !(ACTIVATION_NAMES as readonly string[]).includes(a))
        throw new UsageError(
          `--activations: unknown activation '${a}' (one of ${ACTIVATION_NAMES.join(', ')} or expr:…)`,
        );
    out.activations = names;
  }
  if (f.gammas !== undefined) out.gammas = parseList('gammas', f.gammas as string);
  for (const [k, xs] of Object.entries(out) as [string, unknown[]][])
    if (xs.length !== depth) throw new UsageError(`--${k} needs ${depth} values (one per layer), got ${xs.length}`);
  return out;
}

/** The SimConfig of parsed `simulate` flags (bad values → UsageError). */
export function simConfigOf(f: Record<string, string | boolean>): SimConfig {
  const depth = int('depth', f.depth as string);
  if (depth < 1 || depth > MAX_DEPTH)
    throw new UsageError(`--depth must be an integer in 1…${MAX_DEPTH}, got ${depth}`);
  for (const k of ['activation2', 'gamma2'])
    if (depth !== 2 && f[k] !== undefined) throw new UsageError(`--${k} needs --depth 2 (use --${k.slice(0, -1)}s)`);
  if (depth === 1)
    for (const k of ['activations', 'gammas']) if (f[k] !== undefined) throw new UsageError(`--${k} needs --depth ≥ 2`);
  if (depth >= 2 && f.algo === 'gamp')
    throw new UsageError(
      `--algo gamp is L = 1 only (GAMP-RIE reduces one hidden layer to quadratic sensing): use --algo hmc or adam with --depth ${depth}`,
    );
  if (f.nishimori && f.algo !== 'hmc') throw new UsageError('--nishimori compares two HMC chains: it needs --algo hmc');
  if (f.theory && depth >= 3)
    throw new UsageError('--theory is available at depth 1 and 2 (the L ≥ 3 theory: `mlp --depth L`)');
  const perLayer = depth >= 2 ? layerLists(f, depth) : {};
  const config: SimConfig = {
    algo: f.algo as Algorithm,
    init: f.init as Init,
    activation: f.activation as string,
    readout: f.readout as ReadoutLaw,
    weights: f.weights as WeightPrior,
    gamma: parseNumber('gamma', f.gamma as string),
    delta: parseNumber('delta', f.delta as string),
    alpha: parseNumber('alpha', f.alpha as string),
    d: int('d', f.d as string),
    seed: seedFlag(f, 'seed'),
    steps: int('steps', f.steps as string),
    readouts: f.readouts as ReadoutMode,
    leapfrog: int('leapfrog', f.leapfrog as string),
    stepSize: parseNumber('step-size', f['step-size'] as string),
    warmup: f.warmup === undefined ? -1 : int('warmup', f.warmup as string),
    targetAccept: parseNumber('target-accept', f['target-accept'] as string),
    lr: parseNumber('lr', f.lr as string),
    batch: parseNumber('batch', f.batch as string),
    nTest: int('n-test', f['n-test'] as string),
    ...(depth === 2 && !perLayer.activations
      ? { activation2: (f.activation2 as string | undefined) ?? (f.activation as string) }
      : {}),
    ...(depth === 2 && f.gamma2 !== undefined && !perLayer.gammas
      ? { gamma2: parseNumber('gamma2', f.gamma2 as string) }
      : {}),
    ...(depth >= 2 ? { depth, ...perLayer } : {}),
    ...(f.nishimori ? { nishimori: true } : {}),
  };
  return config;
}

export async function runSimulate(f: Record<string, string | boolean>, emit: Emit): Promise<void> {
  const config = simConfigOf(f);
  const depth = config.depth ?? 1;
  const every = int('every', f.every as string);
  if (every < 1) throw new UsageError(`--every must be ≥ 1, got ${every}`);
  boundRun(
    every * stepSeconds(config),
    Math.ceil(config.steps / every),
    '--steps, --d, --alpha, --leapfrog or --every',
  );
  let sim: Simulation;
  let backend: string;
  let theory: Record<string, unknown> | null = null;
  try {
    const [{ useNodeBackend }, { Simulation }] = await Promise.all([
      import('../../sim/backendNode'),
      import('../../sim/simulation'),
    ]);
    backend = await useNodeBackend(f.backend as NodeBackend);
    sim = new Simulation(config);
    if (f.theory && depth === 2) theory = deepTheory(sim.config);
  } catch (e) {
    if (e instanceof SimConfigError) throw new UsageError(e.message);
    throw e;
  }
  try {
    while (!sim.done) {
      const p = sim.advance();
      if (p.step % every === 0 || sim.done) emit({ ...row(p), ...status(p, false, config.steps) });
    }
    const s = sim.summary(backend);
    const out: Record<string, unknown> = {
      ...row(s),
      ...status(s, true, config.steps),
      final: true,
      algo: s.algo,
      init: s.init,
      alpha: s.alpha,
      d: s.d,
      k: s.k,
      n: s.n,
      seed: s.seed,
      steps: s.steps,
      backend: s.backend,
      elapsedMs: num(s.elapsedMs),
      gradientsPerSecond: s.gradientsPerSecond === null ? null : num(s.gradientsPerSecond),
    };
    if (depth >= 2) Object.assign(out, { depth, k2: sim.k2, widths: sim.widths }, theory ?? {});
    else if (f.theory) {
      const model = getShallowModel(
        validateShallowParams({
          activation: config.activation,
          gamma: config.gamma,
          delta: config.delta,
          readout: config.readout,
          weights: config.weights,
        }),
      );
      const pt = model.solvePoint(config.alpha, null);
      out.epsOpt = num(pt.eps);
      out.epsUni = num(pt.epsUni);
    }
    emit(out);
  } finally {
    sim.dispose();
  }
}

export const simulateCommands: Record<string, Command> = {
  simulate: {
    help: 'finite-size HMC / ADAM / GAMP-RIE run of the teacher–student MLP (L = 1 … 8 hidden layers) on TensorFlow.js (fastest backend) or float64 (GAMP)',
    flags: SIMULATE_FLAGS,
    // GAMP has no Gibbs error or gradients; depth ≥ 2 prints q, Q1, Q2 (Q21 at L = 2 only) instead of Q and R2.
    nullable: ['gibbsHalf', 'Q', 'R2', 'Q21', 'gradientsPerSecond'],
    run: runSimulate,
  },
};
