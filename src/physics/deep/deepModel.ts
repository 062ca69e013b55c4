// The L = 2 model for one parameter set (arXiv 2510.24616, Result 3; docs/physics/mlp-deep.md §8): the four branches started
// from the authors' initialisations, the equilibrium by largest f, and ε(α) curves with warm starts.

import { Memo } from '../numerics/cache';
import { ParamError } from '../errors';
import { getActivation, type Activation } from '../activations';
import { readoutAtoms } from '../priors';
import { WEIGHT_PRIORS, type ReadoutAtoms } from '../types';
import { kd, type DeepSystem } from './deepSaddle';
import {
  DEEP_BRANCHES,
  flatten,
  hasPattern,
  pointKind,
  views,
  solveDeep,
  solveUniversalDeep,
  startVector,
  type DeepBranch,
  type DeepSolution,
  type DeepSolveOptions,
} from './deepSolver';
import { getDenoiser } from './denoiser';
import { climbThreshold, thresholdOf } from './thresholdClimb';
import { relaxClasses, relaxReadouts } from './classRelax';
import { checkHypothesis } from './hypothesis';
import { effectiveReadoutGrid, type SGrid } from './sGrid';
import { DEEP_READOUTS, type DeepParams } from './deepParams';

/** Checks the parameters (ranges, hypothesis H2); throws ParamError with a one-line message. */
export function validateDeepParams(p: Partial<DeepParams>): DeepParams {
  const num = (name: string, x: unknown, lo: number, hi: number): number => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new ParamError(`${name} must be a number, got ${JSON.stringify(x)}`);
    if (x < lo || x > hi) throw new ParamError(`${name} must lie in [${lo}, ${hi}], got ${x}`);
    return x;
  };
  const gamma = num('gamma', p.gamma, 0.05, 4);
  const gamma2 = num('gamma2', p.gamma2, 0.05, 4);
  const delta = num('delta', p.delta, 1e-4, 100); // Δ > 0: D = Δ + ε must stay positive at perfect recovery
  const readout = p.readout;
  if (!readout || !(DEEP_READOUTS as readonly string[]).includes(readout))
    throw new ParamError(`readout must be one of ${DEEP_READOUTS.join(', ')}, got ${JSON.stringify(readout)}`);
  const weights = p.weights;
  if (!weights || !(WEIGHT_PRIORS as readonly string[]).includes(weights))
    throw new ParamError(`weights must be one of ${WEIGHT_PRIORS.join(', ')}, got ${JSON.stringify(weights)}`);
  const activation = p.activation;
  if (typeof activation !== 'string' || !activation)
    throw new ParamError('activation must be a name or expr:<expression in x>');
  const activation2 = p.activation2 || activation;
  return { activation, activation2, gamma, gamma2, delta, readout, weights, quenched: !!p.quenched };
}

export interface DeepPoint {
  alpha: number;
  /** Every branch's stationary point (reached from its start), in DEEP_BRANCHES order. */
  branches: Record<DeepBranch, DeepSolution>;
  /** The kind of the equilibrium point (largest f). */
  equilibrium: DeepBranch;
  /**
   * The equilibrium point itself: the largest f among the universal and product points and the best member of each
   * threshold family the starts reached (each s class jumps on its own, so the starts alone can miss the largest f;
   * see thresholdClimb.ts).
   */
  eq: DeepSolution;
  /** The best member of each threshold family reached, or its entry where it cannot win (a neighbouring α continues from these). */
  families?: Partial<Record<'layer1' | 'specialised', DeepSolution>>;
}

/**
 * A threshold climb raises f by at most 2.1e−3 over α ∈ (0, 8] for ones, rad and gauss readouts in the authors'
 * setting (largest for rad, specialised family; 2e−4 for the layer1 family): a family entering 10× that far below
 * the best point is not climbed.
 */
const FAMILY_MARGIN = 0.02;

export interface DeepModel {
  params: DeepParams;
  act1: Activation;
  act2: Activation;
  system: DeepSystem;
  grid: SGrid;
  atoms: ReadoutAtoms;
  /** ε of the universal point, K_d − (μ1⁽¹⁾μ1⁽²⁾)² (quenched: minus μ1⁽²⁾² g⁽¹⁾(1)): the plateau only specialisation leaves. */
  epsUniversal: number;
  notes: string[];
  /**
   * All four branches at α and the equilibrium. Without `from` every start is the authors' initialisation (cold).
   * With `from` at a larger α each start continues from the point it reached there: far fewer iterations, the same
   * points (see warmStart and thresholdClimb.ts). Upwards in α a continued branch would keep s classes past their
   * own jumps or miss newly specialising ones, so `from` at a smaller α is ignored.
   */
  solvePoint(alpha: number, opts?: DeepSolveOptions, from?: DeepPoint | null): DeepPoint;
  /** The points at every α (any order), solved from the largest α down, each continued from the one above. */
  solveCurve(alphas: readonly number[], opts?: DeepSolveOptions): DeepPoint[];
  /** Q2:1 (or any per-class array) keyed by readout value. */
  byReadout(values: number[]): Record<string, number>;
  /** Readout class (distinct v², P_v) of each atom. */
  classOfAtom: number[];
}

/**
 * The readout classes: the equations see a readout value only through v² and its block size η_v = γ2 P_v(v), so
 * atoms ±v with equal probability are identical classes (weight 2p, but each keeps its own block, η = γ2 p), which
 * halves the work.
 */
function readoutClasses(params: DeepParams) {
  const atoms = readoutAtoms(params.readout);
  const classKey = (j: number) => `${(atoms.v[j] * atoms.v[j]).toPrecision(12)}|${atoms.p[j].toPrecision(12)}`;
  const classIndex = new Map<string, number>();
  const classOfAtom: number[] = [];
  const cv2: number[] = [];
  const cp: number[] = [];
  const ceta: number[] = [];
  for (let j = 0; j < atoms.v.length; j++) {
    const key = classKey(j);
    let c = classIndex.get(key);
    if (c === undefined) {
      c = cv2.length;
      classIndex.set(key, c);
      cv2.push(atoms.v[j] * atoms.v[j]);
      cp.push(0);
      ceta.push(params.gamma2 * atoms.p[j]);
    }
    cp[c] += atoms.p[j];
    classOfAtom.push(c);
  }
  return { atoms, classOfAtom, cv2, cp, ceta };
}

/** The rectangular channels (η, γ1) a model of these parameters needs: its tables, the costly part of a γ move. */
export function denoiserShapes(input: Partial<DeepParams>): { eta: number; gamma1: number }[] {
  const params = validateDeepParams(input);
  return readoutClasses(params).ceta.map((eta) => ({ eta, gamma1: params.gamma }));
}

export function buildDeepModel(input: Partial<DeepParams>): DeepModel {
  const params = validateDeepParams(input);
  const act1 = getActivation(params.activation);
  const act2 = getActivation(params.activation2);
  checkHypothesis(act1, act2);
  const grid = effectiveReadoutGrid();
  const { atoms, classOfAtom, cv2, cp, ceta } = readoutClasses(params);
  const v2 = Float64Array.from(cv2);
  // Each readout value v owns a block of η_v d rows of W⁽²⁾: the rectangular channel of that block.
  const den = ceta.map((eta) => getDenoiser(eta, params.gamma));
  const system: DeepSystem = {
    gamma1: params.gamma,
    gamma2: params.gamma2,
    delta: params.delta,
    prior: params.weights,
    quenched: params.quenched,
    mu1a: act1.mu[1],
    mu1b: act2.mu[1],
    g1: act1.g,
    g1p: act1.gPrime,
    g2: act2.g,
    g2p: act2.gPrime,
    Kd: kd(act1.mu[1], act2.mu[1], act1.g, act2.g),
    s2: grid.s2,
    ps: grid.p,
    v2,
    pv: Float64Array.from(cp),
    den,
  };
  const notes: string[] = [];
  if (params.quenched) notes.push('Quenched: the first layer is given (Q1 ≡ 1); only W⁽²⁾ and the product are learnt.');
  if (den.some((d) => d.kind === 'scalar'))
    notes.push('Fine readout bins (η_v < 0.02) use the scalar Gaussian channel for mmse_v (error O(η)).');
  // Nothing learnt beyond the linear part (the given first layer's non-linear part too when quenched): α-independent.
  const epsUniversal = params.quenched ? solveUniversalDeep(system, 1).eps : system.Kd - (act1.mu[1] * act2.mu[1]) ** 2;

  const solvePoint = (alpha: number, opts?: DeepSolveOptions, from?: DeepPoint | null): DeepPoint => {
    if (!(alpha > 0) || !Number.isFinite(alpha))
      throw new ParamError(`alpha must be a finite number > 0, got ${alpha}`);
    const branches = {} as Record<DeepBranch, DeepSolution>;
    const found: DeepSolution[] = [];
    // Continuation only downwards in α (see warmStart): a larger-α point of the same start.
    const warm = from && from.alpha > alpha ? from : null;
    // Least informative first, so that a start collapsing onto an already found point stops early.
    for (const b of ['universal', 'layer1', 'product', 'specialised'] as const) {
      if (b === 'universal') branches[b] = solveUniversalDeep(system, alpha);
      else branches[b] = solveDeep(system, alpha, warmStart(alpha, b, warm), b, { ...opts, known: found });
      found.push(branches[b]);
    }
    // Each family (layer1-type, specialised-type) reached by a start is climbed to its member of largest f; the
    // equilibrium is the largest f among those and the universal and product points.
    const families: DeepPoint['families'] = {};
    const candidates: DeepSolution[] = [];
    for (const b of DEEP_BRANCHES) {
      const sol = branches[b];
      if (!sol.converged) continue;
      const kind = pointKind(sol, params.quenched);
      if (kind !== 'layer1' && kind !== 'specialised') candidates.push(sol);
      else if (!families[kind] || sol.f > (families[kind] as DeepSolution).f) families[kind] = sol;
    }
    // Best entry first; a family whose entry lies more than FAMILY_MARGIN below the best point found cannot win.
    const kinds = (['layer1', 'specialised'] as const)
      .filter((k) => families[k])
      .sort((a, b) => (families[b] as DeepSolution).f - (families[a] as DeepSolution).f);
    for (const kind of kinds) {
      const entry = families[kind] as DeepSolution;
      const fBest = Math.max(-Infinity, ...candidates.map((c) => c.f));
      if (entry.f < fBest - FAMILY_MARGIN) {
        candidates.push(entry);
        continue;
      }
      const top = climbThreshold(
        system,
        alpha,
        familyStart(alpha, kind, entry, warm, branches, found, opts),
        found,
        opts,
      );
      families[kind] = top;
      candidates.push(top);
    }
    // Largest f; ties (several starts on one point) are named by their kind, preferring a start of that name.
    let fBest = -Infinity;
    for (const c of candidates) fBest = Math.max(fBest, c.f);
    const tied = candidates.filter((c) => c.f >= fBest - 1e-10 * Math.abs(fBest));
    const eq = tied.find((c) => pointKind(c, params.quenched) === c.branch) ?? tied[0] ?? branches.universal;
    return { alpha, branches, equilibrium: pointKind(eq, params.quenched), eq, families };
  };

  /**
   * The start of branch b: the authors' initialisation, or the point the same start reached at a larger α. The map
   * is cooperative (every Q̂ grows with every Q and with α, D falls as K* grows), so the damped iteration from a start
   * above the fixed points descends to the largest fixed point below it; that point grows with α, so the larger-α
   * point lies between it and the authors' start and the descent ends on the same point, in far fewer iterations.
   * (Upwards in α the previous point lies below, and a class that specialises only at the new α would be missed.)
   */
  const warmStart = (alpha: number, b: Exclude<DeepBranch, 'universal'>, warm: DeepPoint | null): Float64Array => {
    const prev = warm?.branches[b];
    if (!prev || !prev.converged) return startVector(system, b);
    // The classes that have to fall through their own jumps at the new α do so on their own first (classRelax.ts).
    const x0 = flatten(prev);
    relaxClasses(system, alpha, views(system, x0));
    relaxReadouts(system, alpha, views(system, x0));
    return x0;
  };

  /**
   * Where the climb of a family starts: its best member at the neighbouring (larger) α, continued to this α with its
   * threshold pattern kept, when that works; otherwise the point a start reached. The climb ends on the same member
   * from either (f is unimodal along the family), the continued one is just a class or two away.
   */
  const familyStart = (
    alpha: number,
    kind: 'layer1' | 'specialised',
    entry: DeepSolution,
    warm: DeepPoint | null,
    branchesNow: Record<DeepBranch, DeepSolution>,
    found: DeepSolution[],
    opts?: DeepSolveOptions,
  ): DeepSolution => {
    const prev = warm?.families?.[kind];
    if (!prev) return entry;
    // The best member there was a start's own point: its continuation is that start's point here.
    for (const b of DEEP_BRANCHES) {
      if (warm?.branches[b] === prev)
        return branchesNow[b] && pointKind(branchesNow[b], params.quenched) === kind ? branchesNow[b] : entry;
    }
    const c = thresholdOf(prev.Q1);
    const x0 = flatten(prev);
    relaxClasses(system, alpha, views(system, x0));
    if (!hasPattern(x0.subarray(0, grid.s2.length), c)) return entry;
    const sol = solveDeep(system, alpha, x0, entry.branch, { ...opts, known: found, pattern: { specialisedFrom: c } });
    return sol.converged && pointKind(sol, params.quenched) === kind ? sol : entry;
  };

  const solveCurve = (alphas: readonly number[], opts?: DeepSolveOptions): DeepPoint[] => {
    const order = alphas.map((_, i) => i).sort((a, b) => alphas[b] - alphas[a]);
    const out: DeepPoint[] = new Array(alphas.length);
    let prev: DeepPoint | null = null;
    for (const i of order) prev = out[i] = solvePoint(alphas[i], opts, prev);
    return out;
  };

  const byReadout = (values: number[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (let j = 0; j < atoms.v.length; j++) out[String(+atoms.v[j].toPrecision(12))] = values[classOfAtom[j]];
    return out;
  };

  return {
    params,
    act1,
    act2,
    system,
    grid,
    atoms,
    epsUniversal,
    notes,
    solvePoint,
    solveCurve,
    byReadout,
    classOfAtom,
  };
}

const models = new Memo<string, DeepModel>(16);

/** Models cached by parameters (the denoiser tables are cached separately, per (η, γ1)). */
export function getDeepModel(p: Partial<DeepParams>): DeepModel {
  const params = validateDeepParams(p);
  return models.get(JSON.stringify(params), () => buildDeepModel(params));
}
