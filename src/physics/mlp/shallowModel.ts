// The shallow-MLP model for one parameter set: branches, equilibrium (largest f_RS), α_sp and spinodals
// (docs/physics/mlp-shallow.md §§6–7). Tables are built once per (γ, P_v) and shared; models are cached by parameters.

import { Memo } from '../numerics/cache';
import { ParamError, Superseded } from '../errors';
import { bisect } from '../numerics/bisect';
import { getActivation, type Activation } from '../activations';
import { isContinuousLaw, readoutAtoms, rho2, spectralLaw } from '../priors';
import { buildSpectralTable, COARSE_TABLE, type SpectralTable, type TableOptions } from '../spectralTable';
import {
  ACTIVATION_NAMES,
  READOUT_LAWS,
  WEIGHT_PRIORS,
  type BranchChoice,
  type BranchSolution,
  type ReadoutAtoms,
  type ReadoutLaw,
  type ShallowParams,
  type ShallowPoint,
} from '../types';
import { solveContinuum, type ContinuumSolution, type ContinuumStart } from './readoutContinuum';
import { solveFromStart, solveUniversal, type ShallowSystem } from './shallow';
import { BranchCurve, transitionsOf, type Jump } from './branchCurve';

/** Checks and completes the parameters; throws ParamError with a one-line message. */
export function validateShallowParams(p: Partial<ShallowParams>): ShallowParams {
  const num = (name: string, x: unknown, lo: number, hi: number): number => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new ParamError(`${name} must be a number, got ${JSON.stringify(x)}`);
    if (x < lo || x > hi) throw new ParamError(`${name} must lie in [${lo}, ${hi}], got ${x}`);
    return x;
  };
  const gamma = num('gamma', p.gamma, 0.01, 20);
  const delta = num('delta', p.delta, 0, 100);
  const readout = p.readout;
  if (!readout || !(READOUT_LAWS as readonly string[]).includes(readout)) {
    throw new ParamError(`readout must be one of ${READOUT_LAWS.join(', ')}, got ${JSON.stringify(readout)}`);
  }
  const weights = p.weights;
  if (!weights || !(WEIGHT_PRIORS as readonly string[]).includes(weights)) {
    throw new ParamError(`weights must be one of ${WEIGHT_PRIORS.join(', ')}, got ${JSON.stringify(weights)}`);
  }
  const activation = p.activation;
  if (typeof activation !== 'string' || !activation) {
    throw new ParamError(`activation must be one of ${ACTIVATION_NAMES.join(', ')} or expr:<expression in x>`);
  }
  return { activation, gamma, delta, readout, weights };
}

export interface TransitionResult {
  /**
   * Specialisation transition: where the equilibrium jumps to a branch of larger overlap (first order); where Q
   * instead grows continuously from 0, the onset. Null where neither happens up to alphaMax.
   */
  alphaSp: number | null;
  /** Smallest α where a Q ≠ 0 stationary point is the equilibrium (≤ alphaSp). */
  alphaOnset: number | null;
  /** Smallest α where the branch that wins at α_sp exists as a distinct stationary point. */
  spinodalSpec: number | null;
  /** α where Q = 0 loses linear stability: max_v v² m_S(R̂2)/γ = 1 (null where it never does). */
  spinodalUni: number | null;
  /** 'first-order' if Q jumps at α_sp, 'continuous' if it grows from 0. */
  order: 'first-order' | 'continuous' | null;
  /** The continuous onset: Q grows from 0 where the universal branch loses stability (null if it does not). */
  onset: number | null;
  /** Every first-order jump of the equilibrium up to alphaMax, with its spinodals (α_sp is the largest). */
  jumps: Jump[];
  alphaMax: number;
  converged: boolean;
}

export interface ShallowModel {
  params: ShallowParams;
  atoms: ReadoutAtoms;
  activation: Activation;
  /** Human-readable: which branch is shown and why. */
  notes: string[];
  pinnedUniversal: boolean;
  theoryUnverified: boolean;
  system: ShallowSystem;
  /** Readout classes (distinct v²) of each atom. */
  classOfAtom: Int32Array;
  solvePoint(alpha: number, warm?: ShallowPoint | null): ShallowPoint;
  /** `shouldStop`: polled between the scan's α points; when it says so the scan throws Superseded. */
  transition(alphaMax?: number, shouldStop?: () => boolean): TransitionResult;
  /** α where Q = 0 loses linear stability (closed form; null where it never does, or beyond alphaMax). */
  spinodalUniversal(alphaMax?: number): number | null;
  /** Q(v) of a solution keyed by readout value (as the CLI prints it). */
  overlapByValue(sol: BranchSolution): Record<string, number>;
  /** A named stationary branch at the point's α (BRANCH_CHOICES; null where it does not exist there). */
  branchOf(pt: ShallowPoint, name: BranchChoice): BranchSolution | null;
  /** The continuum behind a continuous law's specialised solution at α, for Q(v) at any v (null: discrete or
   *  universal); solved again from its own (M, G, R̂2), one sweep. */
  continuumOf(sol: BranchSolution, alpha: number): ContinuumSolution | null;
}

// ---------- tables and models, cached ----------

const tables = new Memo<string, SpectralTable>(16);

/** The table options of a readout law in the model (continuous laws: the coarser table, spectralTable.ts). */
export const tableOptionsOf = (law: ReadoutLaw): TableOptions => (isContinuousLaw(law) ? COARSE_TABLE : {});

/** `shouldStop`: polled while a missing table is built (Superseded; nothing cached). */
export function getSpectralTable(gamma: number, law: ReadoutLaw, shouldStop?: () => boolean): SpectralTable {
  return tables.get(`${gamma}|${law}`, () =>
    buildSpectralTable(spectralLaw(law, gamma), { ...tableOptionsOf(law), shouldStop }),
  );
}

const models = new Memo<string, ShallowModel>(64);

/**
 * Builds (and caches) the model of `params` ahead of need, stopping with Superseded, nothing cached, once
 * `shouldStop` says so while its spectral table (most of a model's cost) is built.
 */
export function prepareShallowModel(params: ShallowParams, shouldStop: () => boolean): void {
  const p = validateShallowParams(params);
  getSpectralTable(p.gamma, p.readout, shouldStop);
  getShallowModel(p);
}

export function getShallowModel(params: ShallowParams): ShallowModel {
  const p = validateShallowParams(params);
  return models.get(JSON.stringify([p.activation, p.gamma, p.delta, p.readout, p.weights]), () =>
    createShallowModel(p),
  );
}

/** A continuous-law solution's global order parameters (M = E v²Q², G = E v² g(Q)) and R̂2. */
interface ContinuumState {
  M: number;
  G: number;
  R2hat: number;
}

const SAME = 1e-6; // two stationary points with max|ΔQ| below this are one
const NONZERO = 1e-7; // a solution with max Q below this is the universal branch
const F_TIE = 1e-12; // free-entropy ties go to the universal branch

export interface ModelOptions {
  /**
   * Continuous laws: start the continuum's Newton for a continued branch from the previous α's solution (moved as
   * the classes' solution moved) with a Jacobian at once (default true). False starts it from the classes' solution
   * with half a plain step first: the reference path the fast one is tested against (1e−9, shallowModel.test.ts).
   */
  continuumWarmStarts?: boolean;
}

/**
 * A model on a given spectral table (e.g. the coarser tables of the phase diagrams, src/physics/mlp/phase.ts);
 * params must be validated. Not cached: callers that pass their own table keep their own cache.
 */
export function createShallowModel(
  params: ShallowParams,
  spectralTable?: SpectralTable,
  opts: ModelOptions = {},
): ShallowModel {
  const activation = getActivation(params.activation);
  const atoms = readoutAtoms(params.readout);
  // Classes by v²: the equations see v only through v², so ±v share one Q.
  const v2List: number[] = [];
  const pList: number[] = [];
  const classOfAtom = new Int32Array(atoms.v.length);
  for (let j = 0; j < atoms.v.length; j++) {
    const v2 = atoms.v[j] * atoms.v[j];
    let c = v2List.findIndex((u) => Math.abs(u - v2) < 1e-12);
    if (c < 0) {
      c = v2List.length;
      v2List.push(v2);
      pList.push(0);
    }
    pList[c] += atoms.p[j];
    classOfAtom[j] = c;
  }
  const table = spectralTable ?? getSpectralTable(params.gamma, params.readout);
  const mu = activation.mu;
  const system: ShallowSystem = {
    gamma: params.gamma,
    delta: params.delta,
    prior: params.weights,
    mu2sq: mu[2] * mu[2],
    g1: activation.g1,
    g: activation.g,
    gPrime: activation.gPrime,
    rho2: rho2(atoms, params.gamma),
    v2: Float64Array.from(v2List),
    pv: Float64Array.from(pList),
    table,
  };
  const K = v2List.length;
  const discrete = !isContinuousLaw(params.readout);
  const quadraticGaussian = activation.isQuadratic && params.weights === 'gaussian';
  // g ≡ 0, Gaussian W, discrete P_v: the posterior is invariant under rotations of W within each readout class,
  // so Q ≡ 0 exactly and the Q > 0 stationary point of the RS equations is spurious (§7; arXiv 2408.03733).
  const pinnedUniversal = quadraticGaussian && discrete;
  // With continuous P_v that symmetry argument fails: branches are shown but the theory is unverified (§7).
  const theoryUnverified = quadraticGaussian && !discrete;
  const notes: string[] = [];
  if (pinnedUniversal) {
    notes.push(
      'σ has no Hermite components beyond order 2 (g ≡ 0) and W is Gaussian: the posterior is invariant under rotations of W within each readout class, so Q ≡ 0 and ε_opt is the universal branch (arXiv 2408.03733). The Q > 0 stationary point of the RS equations is spurious and is not shown.',
    );
  } else if (theoryUnverified) {
    notes.push(
      'g ≡ 0 with Gaussian W and a continuous readout law: the rotation-invariance argument that pins Q ≡ 0 does not apply, and the specialised branches shown are unverified by any proof or simulation (theory unverified).',
    );
  }
  // The matrix term of Q̂ destabilises Q = 0 whatever P_W (§7): linear gain max v²·m_S(R̂2)/γ, which needs μ2 ≠ 0.
  if (!pinnedUniversal && system.mu2sq > 0) {
    notes.push(
      'Q = 0 loses stability once max v²·m_S(R̂2) exceeds γ, so a small-Q specialised solution can be the equilibrium at moderate α, before any jump to large Q. This onset is a prediction of the RS theory (arXiv 2510.24616), not a proven result.',
    );
  }
  if (!discrete) {
    notes.push(
      `The continuous readout law is exact: the saddle point is solved on the continuum of v (through its global order parameters; ${atoms.v.length} deterministic atoms only start it) and Q(v) is shown at those atoms; the spectrum of S also uses the exact law.`,
    );
  }
  if (params.readout === 'gauss') {
    notes.push(
      'Gaussian readouts have readout weights of every size: at any α > 0 the neurons with |v| above a cutoff specialise (the cutoff recedes to infinity as α → 0, and E v²Q² vanishes faster than any power of α), so Q rises continuously from α = 0. A printed onset is where f of that branch exceeds the universal one by 1e−12 relative, a resolution limit rather than a transition.',
    );
  }
  notes.push(
    'Equilibrium = the stationary point with the largest RS free entropy f; the other branches are drawn dashed where metastable.',
  );

  // Threshold starts Q0(v) = 0.99·1{v² > v_c²}: each Q(v) of a non-homogeneous discrete law jumps at its own α (§7).
  // A continuous law needs none: its continuum takes the cutoff of largest f itself (the Maxwell cut, §7).
  const order = Array.from({ length: K }, (_, c) => c).sort((a, b) => system.v2[a] - system.v2[b]);
  const thresholdStarts: Float64Array[] = [];
  if (K > 1 && discrete) {
    const nThr = Math.min(K - 1, 8);
    for (let k = 1; k <= nThr; k++) {
      const cut = Math.round((k * K) / (nThr + 1));
      const q0 = new Float64Array(K);
      for (let i = cut; i < K; i++) q0[order[i]] = 0.99;
      thresholdStarts.push(q0);
    }
  }
  const informativeStart = new Float64Array(K).fill(0.99);
  const smallStart = new Float64Array(K).fill(0.05);
  const maxV2 = Math.max(...v2List);

  // Continuous laws: a branch continues from its continuum state (M, G, R̂2), Newton with a Jacobian at once,
  // without the classes (the reference path of the tests continues through the classes instead).
  const warmStarts = !discrete && opts.continuumWarmStarts !== false;
  /** (M, G, R̂2) of a continuous-law solution, read back from τ = m_S⁻¹(M) and ε = ½μ2²(1 − m_S(τ + R̂2)) + g1 − G. */
  const continuumStateOf = (s: BranchSolution): ContinuumState => ({
    M: s.M ?? table.mS(s.tau),
    G: 0.5 * system.mu2sq * (1 - table.mS(s.tau + s.R2hat)) + system.g1 - s.eps,
    R2hat: s.R2hat,
  });
  // The continuum's own starts: informative (Q = 0.99 at every v) and from M = G = 0. The latter finds the branch
  // where only a tail of large |v| specialises (a Gaussian law has such a tail at every α > 0), which no class
  // start sees once the cutoff lies beyond the last class.
  const ev2 = system.pv.reduce((acc, p, c) => acc + p * system.v2[c], 0);
  const continuumStarts: ContinuumStart[] = [
    { M: 0.99 * 0.99 * ev2, G: ev2 * system.g(0.99), R2hat: 0 },
    { M: 0, G: 0, R2hat: 0 },
    { M: 0.25 * ev2, G: ev2 * system.g(0.5), R2hat: 0 },
  ];
  /** A start continuing `s` through the classes, from its Q(v). */
  const classStart = (s: BranchSolution) => ({ q: Float64Array.from(s.Q), r: s.R2hat });
  /**
   * How far apart two stationary points are: max |ΔQ(v)| over the classes; for a continuous law |ΔM|, M = E v²Q²
   * (0 on the universal branch): its Q at the classes steps where the moving cutoff passes one, and is 0 at every
   * class where only |v| beyond the last one specialise. (The plots' branch tracking, platform/plots/branches.ts,
   * measures the same way.)
   */
  const branchGap = (a: BranchSolution, b: BranchSolution): number => {
    if (!discrete) return Math.abs((a.M ?? 0) - (b.M ?? 0));
    let d = 0;
    a.Q.forEach((q, c) => (d = Math.max(d, Math.abs(q - b.Q[c]))));
    return d;
  };
  const sameAs = (a: BranchSolution, b: BranchSolution, tol: number) => branchGap(a, b) < tol;

  const globals = (sol: BranchSolution) => {
    let M = 0;
    let G = 0;
    for (let c = 0; c < K; c++) {
      M += system.pv[c] * system.v2[c] * sol.Q[c] * sol.Q[c];
      G += system.pv[c] * system.v2[c] * system.g(sol.Q[c]);
    }
    return { M, G };
  };
  /** The continuum's equilibrium (Maxwell-cut) solution from `start`. */
  const maxwellContinuum = (alpha: number, start: ContinuumStart) =>
    solveContinuum(system, params.readout as 'gauss' | 'unif', alpha, start, 'maxwell');
  /** The same as a branch: Q(v), Q̂(v) at the classes' v². */
  const continuum = (alpha: number, start: ContinuumStart): BranchSolution => {
    const cont = maxwellContinuum(alpha, start);
    const at = Array.from(system.v2, (u) => (cont.atKnown ? { Q: 0, Qhat: 0 } : cont.overlapAt(u)));
    const out: BranchSolution = {
      kind: cont.M > 0 ? 'specialised' : 'universal',
      eps: cont.eps,
      f: cont.f,
      R2: system.rho2 - 1 + cont.mS,
      R2hat: cont.R2hat,
      tau: cont.tau,
      Q: at.map((x) => x.Q),
      Qhat: at.map((x) => x.Qhat),
      converged: cont.converged,
      iterations: cont.iterations,
      residual: cont.residual,
      M: cont.M,
    };
    return out;
  };
  /**
   * Continuous laws: a converged solution of the classes only starts the continuum (readoutContinuum.ts), which
   * replaces ε, f, R̂2, τ and gives Q(v) at the classes' v² (issue 15 §1: fixed classes converge only like the class
   * width at the fold). Discrete laws: the solution itself.
   */
  const refine = (alpha: number, sol: BranchSolution): BranchSolution => {
    if (discrete || !sol.converged || Math.max(...sol.Q) < NONZERO) return sol;
    const { M, G } = globals(sol);
    return continuum(alpha, { M, G, R2hat: sol.R2hat });
  };
  /** A specialised solution worth keeping: converged, Q > 0 somewhere (continuous laws: M > 0). */
  const isSpecialised = (sol: BranchSolution) =>
    sol.converged && (discrete ? Math.max(...sol.Q) >= NONZERO : sol.kind === 'specialised');

  /** Linear gain of Q = 0 under the fixed-point map: max v² m_S(R̂2)/γ (m_S'(0) = 1, m_W'(0) = 1, g''(0) = 0). */
  const universalGain = (uni: BranchSolution) => (maxV2 * table.mS(uni.R2hat)) / params.gamma;

  const solvePoint = (alpha: number, warm?: ShallowPoint | null): ShallowPoint => {
    if (!(alpha >= 0) || !Number.isFinite(alpha))
      throw new ParamError(`alpha must be a finite number ≥ 0, got ${alpha}`);
    const universal = solveUniversal(system, alpha, warm?.universal.R2hat ?? 0);
    const stationary: BranchSolution[] = [];
    if (!pinnedUniversal && alpha > 0) {
      const starts: Array<{ q: Float64Array; r: number }> = [];
      const keep = (sol: BranchSolution) => {
        if (isSpecialised(sol) && !stationary.some((o) => sameAs(o, sol, SAME))) stationary.push(sol);
      };
      const found: BranchSolution[] = []; // the classes' solutions (refined below for continuous laws)
      const tryStart = (st: { q: Float64Array; r: number }) => {
        const raw = solveFromStart(system, alpha, st.q, st.r, { known: found });
        if (!raw || !raw.converged || Math.max(...raw.Q) < NONZERO) return;
        if (found.some((o) => o.Q.every((q, c) => Math.abs(q - raw.Q[c]) < SAME))) return;
        found.push(raw);
        keep(refine(alpha, raw));
      };
      for (const s of warm?.stationary ?? []) {
        if (warmStarts) keep(continueFrom(s, (warm as ShallowPoint).alpha, alpha));
        else starts.push(classStart(s));
      }
      if (discrete) {
        // The continued branches first. One with every Q ≥ 0.9 found here is the one the informative start (Q = 0.99)
        // falls into: it is skipped then, but not when such a branch was lost on the way (binary W near Q = 1).
        starts.forEach(tryStart);
        starts.length = 0;
        if (!stationary.some((s) => Math.min(...s.Q) >= 0.9)) starts.push({ q: informativeStart, r: 0 });
        if (universalGain(universal) > 1) starts.push({ q: smallStart, r: universal.R2hat });
      } else {
        // The informative start unless a continued branch is already as specialised (Q ≥ 0.9 at every v), the tail
        // start only where nothing else was found.
        const [informative, tail, middle] = continuumStarts;
        if (!stationary.some((s) => (s.M ?? 0) >= 0.81 * ev2)) {
          // Stopped early once it reaches a branch already found here (a duplicate; most points of a curve).
          const known = stationary.map(continuumStateOf);
          const probe = continuum(alpha, { ...informative, R2hat: universal.R2hat, known });
          keep(probe);
          // Q = 0.99 can fall to Q = 0 (or fail) beside a branch of middling Q, which the continued branches do not
          // have yet where it has just appeared (h2, binary W, γ = 1.5 above α ≈ 2.3; mlp-shallow.md §7): Q = 0.5 too.
          if (!isSpecialised(probe) && stationary.length === 0)
            keep(continuum(alpha, { ...middle, R2hat: universal.R2hat }));
        }
        if (stationary.length === 0) keep(continuum(alpha, { ...tail, R2hat: universal.R2hat }));
      }
      starts.forEach(tryStart);
      if (discrete) for (const q of thresholdStarts) tryStart({ q, r: 0 });
    }
    let specialised: BranchSolution | null = null;
    for (const s of stationary) if (!specialised || s.f > specialised.f) specialised = s;
    const specWins = specialised !== null && specialised.f > universal.f + F_TIE * Math.abs(universal.f);
    const eq = specWins ? (specialised as BranchSolution) : universal;
    return {
      alpha,
      eps: eq.eps,
      epsUni: universal.eps,
      equilibrium: specWins ? 'specialised' : 'universal',
      universal,
      specialised,
      stationary,
    };
  };

  // Continuous laws: how each continued solution's (M, G, R̂2) moved per unit α since the branch's previous point,
  // so that the next α's Newton starts from a linear prediction (a secant; the coarse pass steps 0.3 in α, where a
  // start at the previous state took 5–11 Newton sweeps).
  const secants = new WeakMap<BranchSolution, { alpha: number; slope: ContinuumState }>();
  const continueFrom = (s: BranchSolution, from: number, alpha: number): BranchSolution => {
    const st = continuumStateOf(s);
    const sec = secants.get(s);
    const da = alpha - from;
    let sol: BranchSolution | null = null;
    if (sec && sec.alpha === from && da !== 0) {
      const predicted = {
        M: Math.max(0, st.M + sec.slope.M * da),
        G: st.G + sec.slope.G * da,
        R2hat: Math.max(0, st.R2hat + sec.slope.R2hat * da),
      };
      sol = continuum(alpha, { ...predicted, near: true });
    }
    if (!sol || !sol.converged || sol.kind !== 'specialised') sol = continuum(alpha, { ...st, near: true });
    if (sol.converged && da !== 0) {
      const now = continuumStateOf(sol);
      secants.set(sol, {
        alpha,
        slope: { M: (now.M - st.M) / da, G: (now.G - st.G) / da, R2hat: (now.R2hat - st.R2hat) / da },
      });
    }
    return sol;
  };

  /** Distinct stationary points: some overlap differs by more than 1e−3. */
  const distinct = (a: BranchSolution, b: BranchSolution) => !sameAs(a, b, 1e-3);
  /** Continues a branch to α from the solution `from` (the universal branch continues as itself). */
  const continueBranch = (alpha: number, from: BranchSolution): BranchSolution => {
    if (from.kind === 'universal') return solveUniversal(system, alpha, from.R2hat);
    if (warmStarts) return continuum(alpha, { ...continuumStateOf(from), near: true });
    const st = classStart(from);
    return refine(alpha, solveFromStart(system, alpha, st.q, st.r));
  };
  const equilibriumOf = (p: ShallowPoint): BranchSolution =>
    p.equilibrium === 'specialised' ? (p.specialised as BranchSolution) : p.universal;

  const spinodalUniversal = (alphaMax = 16): number | null => {
    const mu2sq = system.mu2sq;
    // Spinodal of the universal branch in closed form: m_S(R̂2*) = γ/max v², α* = R̂2*·D(R̂2*)/μ2².
    const target = params.gamma / maxV2;
    if (pinnedUniversal || !(mu2sq > 0) || !(target < 1)) return null;
    const r = table.mSInverse(target);
    const a = (r * (params.delta + 0.5 * mu2sq * (1 - target) + system.g1)) / mu2sq;
    return Number.isFinite(a) && a <= alphaMax ? a : null;
  };

  // One readout class: the stationary points are the curve α(Q) (branchCurve.ts), built once per model.
  let curve: BranchCurve | null = null;
  const branchCurve = (): BranchCurve => (curve ??= new BranchCurve(system, spinodalUniversal(Infinity)));

  // The last result (the page asks for it for the readout panel and for each phase row of the same parameters).
  let lastTransition: TransitionResult | null = null;
  const transition = (alphaMax = 16, shouldStop?: () => boolean): TransitionResult => {
    if (lastTransition && lastTransition.alphaMax === alphaMax) return lastTransition;
    lastTransition = computeTransition(alphaMax, shouldStop ?? (() => false));
    return lastTransition;
  };
  const computeTransition = (alphaMax: number, shouldStop: () => boolean): TransitionResult => {
    const spinodalUni = spinodalUniversal(alphaMax);
    const none: TransitionResult = {
      alphaSp: null,
      alphaOnset: null,
      spinodalSpec: null,
      spinodalUni,
      order: null,
      onset: null,
      jumps: [],
      alphaMax,
      converged: true,
    };
    if (pinnedUniversal) return { ...none, spinodalUni: null };
    if (K === 1) {
      // Folds and crossings of f from the curve α(Q): windows of any width, never by sampling α (§6a).
      const set = transitionsOf(branchCurve(), alphaMax);
      // α_sp is the specialisation jump: the largest jump in Q (a small one can precede it where the onset is
      // subcritical, §6a).
      let first: Jump | null = null;
      for (const j of set.jumps) if (!first || j.qAbove - j.qBelow > first.qAbove - first.qBelow) first = j;
      const onset = set.onset !== null && set.onset <= alphaMax ? set.onset : null;
      const alphaSp = first ? first.alpha : onset;
      return {
        ...none,
        alphaSp,
        alphaOnset: onset !== null && alphaSp !== null ? Math.min(onset, alphaSp) : alphaSp,
        spinodalSpec: first ? first.spinodalLow : onset,
        order: first ? 'first-order' : onset !== null ? 'continuous' : null,
        onset,
        jumps: set.jumps,
      };
    }
    // The first α where `test` holds, to 1e−7 relative.
    const firstWhere = (lo: number, hi: number, test: (alpha: number) => boolean): number =>
      bisect(test, lo, hi, 1e-7, 40).hi;
    // Scan α with warm starts. A first-order jump is where the equilibrium leaves the branch it was on for another
    // one with larger f; the old branch, continued, still exists there (metastable) up to its fold, which may lie
    // before the next grid point (then continuing it lands on the new branch). Every jump is kept (each class of a
    // multi-class law can jump at its own α); α_sp is the largest in Q, as for one class (branchCurve.ts).
    const n = 96;
    const grid = Array.from({ length: n }, (_, i) => alphaMax * Math.pow((i + 1) / n, 1.5));
    let prev: ShallowPoint | null = null;
    let alphaOnset: number | null = null;
    let converged = true;
    const jumps: Jump[] = [];
    /** `from` continued to α, when it is still a stationary point apart from `other` continued there. */
    const apart = (a: number, from: BranchSolution, other: BranchSolution): BranchSolution | null => {
      const x = continueBranch(a, from);
      return x.converged && distinct(x, continueBranch(a, other)) ? x : null;
    };
    for (let i = 0; i < n; i++) {
      if (shouldStop()) throw new Superseded('transition scan');
      const alpha = grid[i];
      const pt = solvePoint(alpha, prev);
      if (!pt.universal.converged) converged = false;
      const lo = i === 0 ? 0 : grid[i - 1];
      if (alphaOnset === null && pt.equilibrium === 'specialised')
        alphaOnset = firstWhere(lo, alpha, (a) => solvePoint(a).equilibrium === 'specialised');
      const jump = prev && jumpBetween(lo, alpha, equilibriumOf(prev), equilibriumOf(pt));
      prev = pt;
      if (!jump) continue;
      jumps.push(jump);
    }
    /**
     * A branch followed from (a0, from) towards a1 in steps that each move Q by < 0.05 (halved down to 1e−7
     * relative): the points passed and where it ends (a1, or its fold, past which a step lands elsewhere).
     */
    type Path = Array<[number, BranchSolution]>;
    function follow(from: BranchSolution, a0: number, a1: number): { path: Path; end: number } {
      const path: Path = [[a0, from]];
      let a = a0;
      let cur = from;
      let h = a1 - a0; // the whole way first: a smooth stretch is one step
      while (a !== a1 && Math.abs(h) > 1e-7 * Math.abs(a)) {
        const next = Math.abs(a1 - a) <= Math.abs(h) ? a1 : a + h;
        const x = continueBranch(next, cur);
        if (x.converged && branchGap(x, cur) <= 0.05) {
          a = next;
          cur = x;
          path.push([a, x]);
          h *= 1.5;
        } else h /= 2;
      }
      return { path, end: a };
    }
    /** The branch of `path` solved at α, from its point nearest to α. */
    function onPath(path: Path, a: number): BranchSolution {
      let best = path[0];
      for (const q of path) if (Math.abs(q[0] - a) < Math.abs(best[0] - a)) best = q;
      return best[0] === a ? best[1] : continueBranch(a, best[1]);
    }
    /** The jump between grid points lo < hi where the equilibrium goes from `before` to `now`, if first order. */
    function jumpBetween(lo: number, hi: number, before: BranchSolution, now: BranchSolution): Jump | null {
      if (!distinct(before, now)) return null;
      // Follow the old branch up and the new one down: they coexist on [newEnd, oldEnd], a window that may be far
      // narrower than the grid (folds found by continuation, never by sampling α).
      const old = before.kind === 'universal' ? null : follow(before, lo, hi);
      const oldEnd = old ? old.end : hi;
      // The old branch, continued to hi, is the new equilibrium: a steep rise between the grid points, no jump.
      if (old && oldEnd === hi && sameAs(onPath(old.path, hi), now, 1e-6)) return null;
      // The new branch, followed down over the interval first (further only for a real jump).
      let fresh = follow(now, hi, lo);
      const extend = () => {
        if (fresh.end !== lo) return;
        const more = follow(fresh.path[fresh.path.length - 1][1], lo, 1e-3 * lo);
        fresh = { path: [...fresh.path, ...more.path], end: more.end };
      };
      const oldAt = (a: number) => (old ? onPath(old.path, a) : solveUniversal(system, a, before.R2hat));
      const newAt = (a: number) => onPath(fresh.path, a);
      const beats = (a: number) => newAt(a).f > oldAt(a).f;
      let alphaSp: number;
      if (oldEnd === hi) {
        if (!beats(hi)) return null; // the old branch still wins at hi: no jump here
        if (beats(lo)) extend(); // already ahead at lo (the grid point there missed the new branch)
        const from = Math.max(fresh.end, 1e-3 * lo);
        alphaSp = beats(from) ? from : firstWhere(from, hi, beats);
      } else if (fresh.end < oldEnd && beats(oldEnd)) alphaSp = firstWhere(Math.max(fresh.end, lo), oldEnd, beats);
      else alphaSp = oldEnd; // the old branch ends while still ahead: the jump is at its fold
      // A continuous onset also passes these tests (Q = 0 survives as an unstable point): a first-order jump keeps
      // a finite gap between the two branches at α_sp.
      const a = newAt(alphaSp);
      const b = oldAt(Math.min(alphaSp, oldEnd));
      if (branchGap(a, b) <= 0.05) return null;
      extend(); // the new branch's spinodal may lie below lo
      const newEnd = fresh.end;
      return {
        alpha: alphaSp,
        spinodalLow: Math.max(newEnd, 1e-3 * lo),
        // Where the old branch ends: its fold, or where Q = 0 loses stability (the universal branch).
        spinodalHigh: old === null ? spinodalUni : oldEnd < hi ? oldEnd : oldEndAbove(hi, onPath(old.path, hi), now),
        qBelow: meanQ(b),
        qAbove: meanQ(a),
        epsBelow: b.eps,
        epsAbove: a.eps,
      };
    }
    /** The fold of the old branch above hi (continued along the grid; null if it lasts to alphaMax). */
    function oldEndAbove(hi: number, before: BranchSolution, now: BranchSolution): number | null {
      let lo = hi;
      let from = continueBranch(hi, before);
      let to = continueBranch(hi, now);
      for (const a of grid) {
        if (a <= hi) continue;
        const x = continueBranch(a, from);
        const y = continueBranch(a, to);
        if (!x.converged || !distinct(x, y)) return firstWhere(lo, a, (t) => !apart(t, from, to));
        lo = a;
        from = x;
        to = y;
      }
      return null;
    }
    if (jumps.length) {
      let main = jumps[0];
      for (const j of jumps) if (j.qAbove - j.qBelow > main.qAbove - main.qBelow) main = j;
      const onset = alphaOnset !== null && alphaOnset < jumps[0].alpha ? alphaOnset : null;
      return {
        alphaSp: main.alpha,
        alphaOnset: alphaOnset ?? jumps[0].alpha,
        spinodalSpec: main.spinodalLow,
        spinodalUni,
        order: 'first-order',
        onset,
        jumps,
        alphaMax,
        converged,
      };
    }
    // No jump: the specialised state grows continuously from Q = 0 at the onset (if any).
    return {
      ...none,
      alphaSp: alphaOnset,
      alphaOnset,
      spinodalSpec: alphaOnset,
      order: alphaOnset === null ? null : 'continuous',
      onset: alphaOnset,
      converged,
    };
  };

  const overlapByValue = (sol: BranchSolution): Record<string, number> => {
    const out: Record<string, number> = {};
    for (let j = 0; j < atoms.v.length; j++) out[String(+atoms.v[j].toPrecision(12))] = sol.Q[classOfAtom[j]];
    return out;
  };

  /** Mean Q over the readout law (orders the stationary points of several classes). */
  const meanQ = (sol: BranchSolution) => sol.Q.reduce((acc, q, c) => acc + system.pv[c] * q, 0);
  const branchOf = (pt: ShallowPoint, name: BranchChoice): BranchSolution | null => {
    if (name === 'universal') return pt.universal;
    if (name === 'equilibrium') return equilibriumOf(pt);
    if (pinnedUniversal || pt.alpha === 0) return null;
    let small: BranchSolution | null;
    let large: BranchSolution | null;
    if (K === 1) {
      // One class: the segments of the curve α(Q), continued in Q (the same points as the cold starts, tested).
      const c = branchCurve();
      const top = c.segments.findIndex((s) => s.alphaHi === Infinity && s.qHi === 1);
      const low = c.segments.findIndex((s) => s.fromZero);
      large = top >= 0 ? c.at(top, pt.alpha) : null;
      small = low >= 0 && low !== top ? c.at(low, pt.alpha) : null;
    } else {
      const sorted = [...pt.stationary].sort((a, b) => meanQ(a) - meanQ(b));
      large = sorted.length ? sorted[sorted.length - 1] : null;
      small = sorted.length > 1 ? sorted[0] : null;
    }
    if (name === 'large-Q') return large;
    if (name === 'small-Q') return small;
    return large ?? small; // specialised: the largest Q that exists at this α
  };

  return {
    branchOf,
    continuumOf: (sol, alpha) =>
      discrete || sol.kind !== 'specialised' ? null : maxwellContinuum(alpha, { ...continuumStateOf(sol), near: true }),
    params,
    atoms,
    activation,
    notes,
    pinnedUniversal,
    theoryUnverified,
    system,
    classOfAtom,
    solvePoint,
    transition,
    spinodalUniversal,
    overlapByValue,
  };
}
