// The L = 2 model for one parameter set (arXiv 2510.24616, Result 3; mlp-deep.md): the four branches started
// from the authors' initialisations, the equilibrium by largest f, and ε(α) curves with warm starts.

import { getActivation, type Activation } from '../activations';
import { ParamError } from '../mlp/shallowModel';
import { readoutAtoms } from '../priors';
import { READOUT_LAWS, WEIGHT_PRIORS, type ReadoutAtoms, type ReadoutLaw, type WeightPrior } from '../types';
import { kd, type DeepSystem } from './deepSaddle';
import { DEEP_BRANCHES, pointKind, solveDeep, solveUniversalDeep, startVector, type DeepBranch, type DeepSolution, type DeepSolveOptions } from './deepSolver';
import { getDenoiser } from './denoiser';
import { checkHypothesis } from './hypothesis';
import { effectiveReadoutGrid, type SGrid } from './sGrid';

export interface DeepParams {
  activation: string; // σ⁽¹⁾
  activation2: string; // σ⁽²⁾ (defaults to σ⁽¹⁾)
  gamma: number; // γ1 = k1/d
  gamma2: number; // γ2 = k2/d
  delta: number;
  readout: ReadoutLaw;
  weights: WeightPrior;
  quenched: boolean; // first layer given (Q1 ≡ 1)
}

export const DEEP_DEFAULTS: DeepParams = {
  activation: 'tanh2-unit',
  activation2: 'tanh2-unit',
  gamma: 0.5,
  gamma2: 0.5,
  delta: 0.2,
  readout: 'ones',
  weights: 'gaussian',
  quenched: false,
};

/** Readout laws of the L = 2 engine (continuous laws are discretised; their fine bins use the scalar channel). */
export const DEEP_READOUTS: readonly ReadoutLaw[] = READOUT_LAWS;

/** Checks the parameters (ranges, hypothesis H2); throws ParamError with a one-line message. */
export function validateDeepParams(p: Partial<DeepParams>): DeepParams {
  const num = (name: string, x: unknown, lo: number, hi: number): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ParamError(`${name} must be a number, got ${JSON.stringify(x)}`);
    if (x < lo || x > hi) throw new ParamError(`${name} must lie in [${lo}, ${hi}], got ${x}`);
    return x;
  };
  const gamma = num('gamma', p.gamma, 0.05, 4);
  const gamma2 = num('gamma2', p.gamma2, 0.05, 4);
  const delta = num('delta', p.delta, 1e-4, 100); // Δ > 0: D = Δ + ε must stay positive at perfect recovery
  const readout = p.readout;
  if (!readout || !(DEEP_READOUTS as readonly string[]).includes(readout)) throw new ParamError(`readout must be one of ${DEEP_READOUTS.join(', ')}, got ${JSON.stringify(readout)}`);
  const weights = p.weights;
  if (!weights || !(WEIGHT_PRIORS as readonly string[]).includes(weights)) throw new ParamError(`weights must be one of ${WEIGHT_PRIORS.join(', ')}, got ${JSON.stringify(weights)}`);
  const activation = p.activation;
  if (typeof activation !== 'string' || !activation) throw new ParamError('activation must be a name or expr:<expression in x>');
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
   * The equilibrium point itself: the best of the four starts, improved by moving the s threshold of the
   * specialised first-layer neurons (each s class jumps on its own, so the starts alone can miss the largest f).
   */
  eq: DeepSolution;
}

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
   * All four branches at α, each from the authors' initialisation (cold): continuing branches from a neighbouring
   * α instead keeps s classes past their own jumps and lands on other stationary points (at α = 4 in the authors'
   * setting a continued "specialised" branch has Q2 ≈ 0.33 and lower f than the cold start's Q2 ≈ 0.93).
   */
  solvePoint(alpha: number, opts?: DeepSolveOptions): DeepPoint;
  /** Q2:1 (or any per-class array) keyed by readout value. */
  byReadout(values: number[]): Record<string, number>;
  /** Readout class (distinct v², P_v) of each atom. */
  classOfAtom: number[];
}

export function buildDeepModel(input: Partial<DeepParams>): DeepModel {
  const params = validateDeepParams(input);
  const act1 = getActivation(params.activation);
  const act2 = getActivation(params.activation2);
  checkHypothesis(act1, act2);
  const grid = effectiveReadoutGrid();
  const atoms = readoutAtoms(params.readout);
  const V = atoms.v.length;
  // The equations see a readout value only through v² and its block size η_v = γ2 P_v(v): atoms ±v with equal
  // probability are identical classes (weight 2p, but each keeps its own block, η = γ2 p), which halves the work.
  const classKey = (j: number) => `${(atoms.v[j] * atoms.v[j]).toPrecision(12)}|${atoms.p[j].toPrecision(12)}`;
  const classIndex = new Map<string, number>();
  const classOfAtom: number[] = [];
  const cv2: number[] = [];
  const cp: number[] = [];
  const ceta: number[] = [];
  for (let j = 0; j < V; j++) {
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
  const var1 = act1.mu[1] ** 2 + act1.g1;
  if (Math.abs(var1 - 1) > 1e-6) notes.push(`E σ⁽¹⁾² = ${var1.toFixed(4)} ≠ 1: the theory assumes unit-variance hidden layers (as tanh2-unit); the second layer's g is evaluated at E σ⁽¹⁾².`);
  if (params.quenched) notes.push('Quenched: the first layer is given (Q1 ≡ 1); only W⁽²⁾ and the product are learnt.');
  if (den.some((d) => d.kind === 'scalar')) notes.push('Fine readout bins (η_v < 0.02) use the scalar Gaussian channel for mmse_v (error O(η)).');
  // Nothing learnt beyond the linear part (the given first layer's non-linear part too when quenched): α-independent.
  const epsUniversal = params.quenched ? solveUniversalDeep(system, 1).eps : system.Kd - (act1.mu[1] * act2.mu[1]) ** 2;

  const solvePoint = (alpha: number, opts?: DeepSolveOptions): DeepPoint => {
    if (!(alpha > 0) || !Number.isFinite(alpha)) throw new ParamError(`alpha must be a finite number > 0, got ${alpha}`);
    const branches = {} as Record<DeepBranch, DeepSolution>;
    const found: DeepSolution[] = [];
    // Least informative first, so that a start collapsing onto an already found point stops early.
    for (const b of ['universal', 'layer1', 'product', 'specialised'] as const) {
      if (b === 'universal') branches[b] = solveUniversalDeep(system, alpha);
      else branches[b] = solveDeep(system, alpha, startVector(system, b), b, { ...opts, known: found });
      found.push(branches[b]);
    }
    // Largest f; where several starts reach the same point, name it by its kind (e.g. the informative start
    // falls onto the layer1-type point at α = 2 in the authors' setting).
    let fBest = -Infinity;
    for (const b of DEEP_BRANCHES) if (branches[b].converged) fBest = Math.max(fBest, branches[b].f);
    const tied = DEEP_BRANCHES.filter((b) => branches[b].converged && branches[b].f >= fBest - 1e-10 * Math.abs(fBest));
    const best = tied.find((b) => pointKind(branches[b], params.quenched) === b) ?? tied[0] ?? 'universal';
    const eq = refineThreshold(alpha, branches[best], found, opts);
    return { alpha, branches, equilibrium: pointKind(eq, params.quenched), eq };
  };

  /**
   * Hill-climb on the s threshold of the first layer: large-|s| neurons specialise first and each s class has its
   * own first-order jump (as each readout value in the shallow case, mlp-shallow.md §7), so the stationary points
   * come in families Q1(s) ≈ 1{|s| > s_c}. Re-solve with the boundary moved by 1, 2, 4 classes either way; keep a
   * point with larger f; repeat while f improves.
   */
  const refineThreshold = (alpha: number, start: DeepSolution, known: DeepSolution[], opts?: DeepSolveOptions): DeepSolution => {
    if (params.quenched || !start.converged) return start;
    const S = grid.s2.length;
    let cur = start;
    for (let round = 0; round < 8; round++) {
      // First specialised class from the top: the boundary of the threshold pattern.
      let c = S;
      while (c > 0 && cur.Q1[c - 1] > 0.5) c--;
      if (c === S && cur.Q1mean < 1e-3) return cur; // nothing specialised: no threshold to move
      let improved: DeepSolution | null = null;
      for (const shift of [-1, 1, -2, 2, -4, 4]) {
        const cNew = c + shift;
        if (cNew < 0 || cNew > S) continue;
        const x0 = Float64Array.from([...cur.Q1, ...cur.Q2, ...cur.Q21]);
        for (let i = 0; i < S; i++) if (i >= cNew) x0[i] = Math.max(x0[i], 0.99);
        for (let i = 0; i < cNew; i++) x0[i] = 0;
        // A start that does not settle quickly is not a better point nearby: cap its iterations.
        const sol = solveDeep(system, alpha, x0, cur.branch, { ...opts, known, maxIter: Math.min(opts?.maxIter ?? 3000, 3000) });
        if (sol.converged && sol.f > cur.f + 1e-12 * Math.abs(cur.f)) {
          improved = sol;
          break;
        }
      }
      if (!improved) return cur;
      cur = improved;
      known.push(cur);
    }
    return cur;
  };

  const byReadout = (values: number[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (let j = 0; j < V; j++) out[String(+atoms.v[j].toPrecision(12))] = values[classOfAtom[j]];
    return out;
  };

  return { params, act1, act2, system, grid, atoms, epsUniversal, notes, solvePoint, byReadout, classOfAtom };
}

const cache = new Map<string, DeepModel>();

/** Models cached by parameters (the denoiser tables are cached separately, per (η, γ1)). */
export function getDeepModel(p: Partial<DeepParams>): DeepModel {
  const params = validateDeepParams(p);
  const key = JSON.stringify(params);
  let m = cache.get(key);
  if (!m) {
    m = buildDeepModel(params);
    if (cache.size > 16) cache.delete(cache.keys().next().value as string);
    cache.set(key, m);
  }
  return m;
}
