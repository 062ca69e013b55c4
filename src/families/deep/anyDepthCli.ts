// `mlp --depth L` for L ≥ 3: the any-depth theory (arXiv 2510.24616; docs/physics/mlp-any-depth.md), one line per
// α, or the transition with the keys of the L = 1 one. Routed here from the mlp command (families/mlp/cli.ts).
import { listWhere, numberWhere, parseList, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { num, type Emit } from '../../platform/cli/command';
import { getAnyDepthModel, MAX_DEPTH, type AnyDepthSolution } from '../../physics/deep/anyDepth/anyDepthModel';
import type { ReadoutLaw, WeightPrior } from '../../physics/types';
import { COMPARE_DEPTHS } from './anyDepthProtocol';

export const ANY_DEPTH_FLAGS: Record<string, FlagSpec> = {
  gammas: { kind: 'string', help: `depth ≥ 3: widths γ_1,…,γ_L, input side first (default: --gamma in every layer)` },
  activations: {
    kind: 'string',
    help: 'depth ≥ 3: activations σ_1,…,σ_L, input side first (default: --activation in every layer)',
  },
  'alpha-per-layer': { kind: 'boolean', help: 'depth ≥ 3: the --alpha values are α/L (the paper’s axis)' },
  compare: { kind: 'boolean', help: 'depth ≥ 3: also the depths 1 … 5 (same σ and γ in every layer), key depth' },
};

/** Splits "a,b,expr:max(x,0)" at the commas outside parentheses. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** One layer value per layer: the per-layer list (exactly L entries) or the single value repeated. */
function perLayer<T>(L: number, flag: string, list: T[] | null, single: T): T[] {
  if (!list) return new Array<T>(L).fill(single);
  if (list.length !== L) throw new UsageError(`--${flag} needs ${L} values at --depth ${L}, got ${list.length}`);
  return list;
}

const DEPTH2_ONLY = ['activation2', 'gamma2', 'quenched'];

export function runAnyDepth(depth: number, flags: Record<string, string | boolean>, emit: Emit): void {
  if (!(Number.isInteger(depth) && depth >= 3 && depth <= MAX_DEPTH))
    throw new UsageError(`--depth must be an integer in 1…${MAX_DEPTH}, got ${flags.depth}`);
  for (const f of DEPTH2_ONLY) if (flags[f] !== undefined) throw new UsageError(`--${f} needs --depth 2`);
  const branch = flags.branch as string;
  if (!['equilibrium', 'specialised', 'universal'].includes(branch))
    throw new UsageError(`--branch ${branch} at --depth ${depth}: use equilibrium, specialised or universal`);
  const gammas = perLayer(
    depth,
    'gammas',
    typeof flags.gammas === 'string' ? parseList('gammas', flags.gammas) : null,
    parseNumber('gamma', flags.gamma as string),
  );
  const activations = perLayer(
    depth,
    'activations',
    typeof flags.activations === 'string' ? splitList(flags.activations) : null,
    (flags.activation as string | undefined) ?? 'tanh2-nolin',
  );
  const modelAt = (L: number) =>
    getAnyDepthModel({
      activations: L === depth ? activations : new Array<string>(L).fill(activations[0]),
      gammas: L === depth ? gammas : new Array<number>(L).fill(gammas[0]),
      delta: parseNumber('delta', flags.delta as string),
      readout: flags.readout as ReadoutLaw,
      weights: flags.weights as WeightPrior,
    });
  const model = modelAt(depth);
  const depths = flags.compare ? [depth, ...COMPARE_DEPTHS.filter((L) => L !== depth)] : [depth];
  if (flags.compare && (flags.gammas !== undefined || flags.activations !== undefined))
    throw new UsageError('--compare takes one σ and γ for every layer (--activation, --gamma), not per-layer lists');
  if (flags.transition) {
    const given = flags['alpha-max'] as string | undefined;
    const alphaMax =
      given === undefined ? 16 * depth : numberWhere(flags, 'alpha-max', (a) => a > 0 && a <= 1e4, '(0, 1e4]');
    const tr = model.transition(alphaMax);
    emit({
      alphaSp: num(tr.alphaSp ?? NaN),
      spinodalSpec: num(tr.spinodalSpec ?? NaN),
      epsSp: num(tr.epsSp ?? NaN),
      alphaMax,
      converged: tr.converged,
      iterations: tr.iterations,
      residual: num(tr.residual),
    });
    return;
  }
  // As at depth 1: beyond α = 1e6 the answer is ε → 0 and the solve only loses precision.
  const given = listWhere(flags, 'alpha', (a) => a > 0 && a <= 1e6, `(0, 1e6] at --depth ${depth}`);
  for (const L of depths) {
    const alphas = flags['alpha-per-layer'] ? given.map((a) => a * L) : given;
    for (const pt of modelAt(L).curve(alphas)) {
      const sol: AnyDepthSolution | null =
        branch === 'universal' ? pt.universal : branch === 'specialised' ? pt.specialised : pt.eq;
      emit({
        alpha: pt.alpha,
        eps: sol ? num(sol.eps) : null,
        branch: sol ? sol.branch : null,
        f: sol ? num(sol.f) : null,
        q: sol ? sol.q.map(num) : null, // layer overlaps, input side first
        converged: sol ? sol.converged : false,
        equilibrium: pt.equilibrium,
        iterations: sol ? sol.iterations : 0,
        residual: sol ? num(sol.residual) : null,
        ...(flags.compare ? { depth: L } : {}),
        ...(sol ? {} : { note: 'no specialised stationary point at this alpha (below the spinodal α_sp)' }),
      });
    }
  }
}
