// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; mlp-shallow.md §6): for each row (a fixed γ or a
// fixed Δ) the equilibrium along α and the lines of the row, the specialisation transition α_sp (root of the
// free-entropy difference between branches) and the spinodals bounding the metastable region; and the lines
// followed from row to row by continuation (warm-started branches, predicted α_sp, root-finding on Δf).
//
// Branches of one row (one readout class, `ones`/`rad`: fast path by Newton continuation, phaseBranch.ts):
//   universal  Q = 0, stable below spinodalUni (closed form);
//   low        the small-Q branch born at spinodalUni (the matrix term of Q̂, §7), followed upwards until its fold;
//   high       the specialised branch found from Q = 0.99 at α_max, followed downwards until its fold.
// The equilibrium is the largest f_RS. Several readout classes (`4point`, `unif`, `gauss`) cascade through one jump
// per class (§7): there the rows use the curve engine (solvePoint with warm starts) and its 1-D transition.

import { Memo } from '../numerics/cache';
import { illinois } from '../numerics/illinois';
import { isContinuousLaw } from '../priors';
import { buildSpectralTable, type SpectralTable, type TableOptions } from '../spectralTable';
import { spectralLaw } from '../priors';
import type { BranchSolution, ShallowParams, ShallowPoint } from '../types';
import { solveFromStart, solveUniversal, type ShallowSystem } from './shallow';
import { createShallowModel, getSpectralTable, validateShallowParams, type ShallowModel } from './shallowModel';
import { newtonBranch, SATURATED } from './phaseBranch';

/** Which parameter varies between rows: the (α, γ) plane or the (α, Δ) plane. */
export type PhasePlane = 'gamma' | 'delta';
export const PHASE_PLANES: readonly PhasePlane[] = ['gamma', 'delta'];

/**
 * Tables of the phase diagrams: one per row of an (α, γ) diagram, so they must be cheap (≈ 20 ms instead of
 * ≈ 200 ms; the adaptive ∫ρ³ is costly above λ ≈ 2000, where the rank-deficiency tail C/λ takes over). Against
 * the curve engine's tables: |Δm_S| < 4e−6; α_sp and the spinodals move by < 2e−6 relative (measured for ReLU
 * and h23, γ ∈ [0.3, 1.2]; tested in phase.test.ts).
 */
export const PHASE_TABLE: TableOptions = { nodes: 100, lambdaMax: 2000, relTol: 1e-8 };
/** Continuous readout laws (many spectral atoms): coarser still; their discretisation error is ~1e−4 anyway. */
export const PHASE_TABLE_CONTINUOUS: TableOptions = { nodes: 100, lambdaMax: 2000, relTol: 1e-7 };

const NONZERO = 1e-6; // a branch with Q below this is the universal one
const JUMP = 0.05; // a continuation step that moves Q by more than this is refused (step halved)
const DISTINCT = 1e-3; // two stationary points closer than this are one

// ---------- caches (per worker / per process) ----------

const tables = new Memo<string, SpectralTable>(200);
const models = new Memo<string, ShallowModel>(400);

/** Empties the table and model caches (the benchmark's cold runs). */
export function clearPhaseCaches(): void {
  tables.clear();
  models.clear();
}

/** The phase-diagram table of (γ, P_v), cached (a 64-row diagram keeps all its tables). */
export function phaseTable(gamma: number, law: ShallowParams['readout']): SpectralTable {
  return tables.get(`${gamma}|${law}`, () => buildSpectralTable(spectralLaw(law, gamma), isContinuousLaw(law) ? PHASE_TABLE_CONTINUOUS : PHASE_TABLE));
}

/** A model of the phase diagrams: phase tables by default, the curve engine's own tables with `exactTables`. */
export function phaseModel(params: ShallowParams, exactTables = false): ShallowModel {
  const p = validateShallowParams(params);
  const key = JSON.stringify([p.activation, p.gamma, p.delta, p.readout, p.weights, exactTables]);
  return models.get(key, () => createShallowModel(p, exactTables ? getSpectralTable(p.gamma, p.readout) : phaseTable(p.gamma, p.readout)));
}

// ---------- results ----------

/**
 * State of one point: 0 = only the uninformed state is stable (Q = 0 or the small-Q branch), 1 = it is the
 * equilibrium but the specialised branch is metastable, 2 = specialised equilibrium with the uninformed state
 * metastable (where uninformed algorithms stay stuck), 3 = only the specialised state.
 */
export type PhaseState = 0 | 1 | 2 | 3;
export const PHASE_STATE_LABELS = [
  'uninformed only (Q = 0 or small Q)',
  'uninformed equilibrium, specialised metastable',
  'specialised equilibrium, uninformed metastable',
  'specialised only',
] as const;

export interface PhaseSample {
  alpha: number;
  epsOpt: number; // ε of the equilibrium (largest f_RS)
  epsUni: number; // ε of the universal branch Q = 0
  /** Equilibrium Q per readout class (classes = distinct v², see PhaseRow.classV2). */
  Q: number[];
  state: PhaseState;
}

export interface LinePoint {
  /** The row's γ or Δ. */
  y: number;
  /** First-order jump to the specialised branch; where Q instead grows continuously, the onset. */
  alphaSp: number | null;
  /** Smallest α where a Q ≠ 0 state is the equilibrium. */
  alphaOnset: number | null;
  /** Lower spinodal: the smallest α where the branch that wins at α_sp exists. */
  spinodalLow: number | null;
  /** Upper spinodal: the largest α where the branch that loses at α_sp is stable. */
  spinodalHigh: number | null;
  /** Where Q = 0 loses linear stability (closed form). */
  spinodalUni: number | null;
  order: 'first-order' | 'continuous' | null;
  /** Equilibrium Q (largest class) just below and just above α_sp. */
  qBelow: number | null;
  qAbove: number | null;
  converged: boolean;
  /** How the point was found: row sweep + root-finding, continuation from the previous row, or the 1-D engine. */
  method: 'row' | 'continuation' | 'curve-engine';
}

export interface PhaseRow {
  y: number;
  /** Ascending α; besides the grid, two samples at each line (just below and at it) so boundaries are sharp. */
  samples: PhaseSample[];
  line: LinePoint;
  classV2: number[];
  /** Solutions at α_sp for the continuation to the next row (not sent to the UI). */
  seed?: LineSeed;
}

/** Branch solutions at α_sp: the starting point of the continuation to the next row. */
export interface LineSeed {
  alphaSp: number;
  high: BranchSolution;
  old: BranchSolution; // universal or low
  oldKind: 'universal' | 'low';
}

export interface RowOptions {
  alphaMax: number;
}

/** The parameters of a row: `y` replaces γ or Δ. */
export function rowParams(base: ShallowParams, plane: PhasePlane, y: number): ShallowParams {
  return plane === 'gamma' ? { ...base, gamma: y } : { ...base, delta: y };
}

// ---------- continuation of one branch (one readout class) ----------

interface Followed {
  /** Solution at the target, or null when the branch ended (fold) before it. */
  sol: BranchSolution | null;
  /** α of the last point where the branch exists (the fold, to 1e−7 relative, when sol is null). */
  lastAlpha: number;
  last: BranchSolution;
}

/** Follows a stable Q > 0 branch from (a0, from) to a1 by Newton, halving the step where it fails. */
function follow(sys: ShallowSystem, from: BranchSolution, a0: number, a1: number): Followed {
  let cur = from;
  let ca = a0;
  let step = a1 - a0;
  while (ca !== a1) {
    const na = Math.abs(a1 - ca) <= Math.abs(step) ? a1 : ca + step;
    const res = newtonBranch(sys, na, cur.Q[0], cur.R2hat);
    if (res && res.sol.Q[0] > NONZERO && Math.abs(res.sol.Q[0] - cur.Q[0]) <= JUMP) {
      cur = res.sol;
      ca = na;
      step *= 2;
    } else {
      step *= 0.5;
      if (Math.abs(step) < 1e-7 * Math.max(1e-3, Math.abs(ca))) return { sol: null, lastAlpha: ca, last: cur };
    }
  }
  return { sol: cur, lastAlpha: ca, last: cur };
}

/** Branch values of one row at arbitrary α, continued from the nearest known solution. */
class RowBranches {
  readonly low = new Map<number, BranchSolution>();
  readonly high = new Map<number, BranchSolution>();
  constructor(readonly sys: ShallowSystem) {}
  private nearest(m: Map<number, BranchSolution>, alpha: number): [number, BranchSolution] | null {
    let best: [number, BranchSolution] | null = null;
    for (const [a, s] of m) if (!best || Math.abs(a - alpha) < Math.abs(best[0] - alpha)) best = [a, s];
    return best;
  }
  /** The branch at α (null if it does not exist there); caches the result. */
  at(which: 'low' | 'high', alpha: number, lo: number | null, hi: number | null): BranchSolution | null {
    if ((lo !== null && alpha < lo) || (hi !== null && alpha > hi)) return null;
    const m = which === 'low' ? this.low : this.high;
    const hit = m.get(alpha);
    if (hit) return hit;
    const near = this.nearest(m, alpha);
    if (!near) return null;
    const r = follow(this.sys, near[1], near[0], alpha);
    if (r.sol) m.set(alpha, r.sol);
    return r.sol;
  }
}

// ---------- one row ----------

interface RowCore {
  line: LinePoint;
  seed?: LineSeed;
  /** Equilibrium and state at α (valid for α in the row's range after solveRowFast). */
  pointAt(alpha: number, side?: 'old' | 'new'): PhaseSample;
}

function stateOf(line: LinePoint, alpha: number): PhaseState {
  const { alphaSp, spinodalLow, spinodalHigh, order } = line;
  if (order === 'continuous') return alphaSp !== null && alpha >= alphaSp ? 3 : 0;
  if (order === null) return spinodalLow !== null && alpha >= spinodalLow ? 1 : 0;
  if (spinodalLow !== null && alpha < spinodalLow) return 0;
  if (alphaSp !== null && alpha < alphaSp) return 1;
  if (spinodalHigh === null || alpha < spinodalHigh) return 2;
  return 3;
}

/** Fast path (one readout class): branches by Newton continuation, α_sp by root-finding on Δf. */
function solveRowCore(model: ShallowModel, y: number, alphas: number[], alphaMax: number): RowCore {
  const sys = model.system;
  const n = alphas.length;
  const spUni = model.spinodalUniversal(Infinity);
  const uniCache = new Map<number, BranchSolution>();
  let rUni = 0;
  const uniAt = (a: number) => {
    let u = uniCache.get(a);
    if (!u) {
      u = solveUniversal(sys, a, rUni);
      rUni = u.R2hat;
      uniCache.set(a, u);
    }
    return u;
  };
  for (const a of alphas) uniAt(a);
  const br = new RowBranches(sys);
  const none: LinePoint = {
    y, alphaSp: null, alphaOnset: null, spinodalLow: null, spinodalHigh: null, spinodalUni: spUni !== null && spUni <= alphaMax ? spUni : null,
    order: null, qBelow: null, qAbove: null, converged: true, method: 'row',
  };
  if (model.pinnedUniversal) {
    const line = { ...none, spinodalUni: null };
    return { line, pointAt: (a) => sample(a, uniAt(a), uniAt(a), 0) };
  }

  // Low branch: born at spinodalUni (supercritical), followed upwards until its fold.
  let lowStart: number | null = null;
  let lowEnd: number | null = null; // fold, null if it reaches α_max
  if (spUni !== null && spUni < alphas[n - 1]) {
    // Plain iteration from a small Q converges to the stable small-Q state (Newton could fall back to Q = 0);
    // started a little above the onset so that it is not slowed down by the bifurcation.
    const a0 = Math.min(spUni * 1.05, alphas[n - 1]);
    const s0 = solveFromStart(sys, a0, Float64Array.of(0.05), uniAt(a0).R2hat);
    // Q ≥ 0.5 means the iteration jumped to the specialised branch: Q = 0 became unstable without a small-Q state.
    if (s0.converged && s0.Q[0] > NONZERO && s0.Q[0] < 0.5) {
      lowStart = spUni;
      br.low.set(a0, s0);
      let cur = s0;
      let ca = a0;
      for (let i = 0; i < n; i++) {
        if (alphas[i] <= a0) continue;
        const r = follow(sys, cur, ca, alphas[i]);
        if (!r.sol) {
          lowEnd = r.lastAlpha;
          br.low.set(r.lastAlpha, r.last);
          break;
        }
        cur = r.sol;
        ca = alphas[i];
        br.low.set(ca, cur);
      }
    }
  }
  const lowAt = (a: number) => (lowStart === null ? null : br.at('low', a, lowStart * (1 + 1e-6), lowEnd));

  // High branch: from the informative start at the largest α, followed downwards until its fold.
  let highEnd: number | null = null; // lower fold
  let highTop: number | null = null;
  let merged = false;
  {
    // Informative start (Q = 0.99) by the plain fixed point, which falls into the stable specialised state,
    // polished by Newton (near Q = 1 for binary W the plain iteration creeps; Newton accepts saturation).
    const iTop = n - 1;
    const aTop = alphas[iTop];
    const p0 = solveFromStart(sys, aTop, Float64Array.of(0.99), 0, { maxIter: 300 });
    const polished = newtonBranch(sys, aTop, p0.Q[0], p0.R2hat);
    const s = polished ? polished.sol : p0;
    const lowTop = lowAt(aTop);
    if ((s.converged || 1 - s.Q[0] < SATURATED) && s.Q[0] > NONZERO) {
      if (lowTop && Math.abs(lowTop.Q[0] - s.Q[0]) < DISTINCT) merged = true;
      else {
        highTop = aTop;
        br.high.set(aTop, s);
        let cur = s;
        let i = iTop - 1;
        for (; i >= 0; i--) {
          const r = follow(sys, cur, alphas[i + 1], alphas[i]);
          if (!r.sol) {
            highEnd = r.lastAlpha;
            br.high.set(r.lastAlpha, r.last);
            break;
          }
          cur = r.sol;
          br.high.set(alphas[i], cur);
          const lo = lowAt(alphas[i]);
          if (lo && Math.abs(lo.Q[0] - cur.Q[0]) < DISTINCT) {
            merged = true; // the specialised branch is the continuation of the small-Q one
            break;
          }
        }
        // A branch that descends to Q → 0 is the one born continuously at the onset, not a separate branch.
        const bottom = br.high.get(highEnd ?? alphas[Math.max(i, 0)]);
        if (!merged && spUni !== null && bottom && bottom.Q[0] < 1e-3) merged = true;
        if (!merged && i < 0) {
          // Exists over the whole grid: find its fold below it (down to 1e−3 α_1), as the curve engine does.
          const r = follow(sys, cur, alphas[0], 1e-3 * alphas[0]);
          highEnd = r.sol ? null : r.lastAlpha;
          if (!r.sol) br.high.set(r.lastAlpha, r.last);
        }
      }
    }
  }
  const highAt = (a: number) => (highTop === null || merged ? null : br.at('high', a, highEnd, highTop));
  const oldAt = (a: number): BranchSolution => {
    const u = uniAt(a);
    const l = lowAt(a);
    return l && l.f > u.f ? l : u;
  };

  let line: LinePoint;
  let seed: LineSeed | undefined;
  const lowExists = lowStart !== null;
  const onset = lowExists ? lowStart : null;
  if (merged || highTop === null) {
    // No separate specialised branch: Q grows continuously from the onset (or nothing happens).
    const eqAtTop = oldAt(alphas[n - 1]);
    if (onset !== null && eqAtTop.kind === 'specialised') {
      line = { ...none, alphaSp: onset, alphaOnset: onset, spinodalLow: onset, spinodalHigh: onset, order: 'continuous', qBelow: 0, qAbove: 0 };
    } else line = none;
  } else {
    // α_sp: the first grid interval where the high branch beats the old equilibrium, then the root of Δf.
    const df = (a: number) => {
      const h = highAt(a);
      return h ? h.f - oldAt(a).f : -Infinity;
    };
    let iSp = -1;
    for (let i = 0; i < n; i++) {
      if (df(alphas[i]) > 0) {
        iSp = i;
        break;
      }
    }
    let alphaSp: number | null = null;
    if (iSp >= 0) {
      const b = alphas[iSp];
      const a = Math.max(iSp > 0 ? alphas[iSp - 1] : 0, highEnd ?? 0);
      const fa = df(a);
      const fb = df(b);
      alphaSp = fa >= 0 ? a : illinois(df, a, b, fa, fb);
    }
    const oldSp = alphaSp !== null ? oldAt(alphaSp) : null;
    const oldIsLow = oldSp !== null && oldSp.kind === 'specialised';
    const spinodalHigh = alphaSp === null ? null : oldIsLow ? lowEnd : none.spinodalUni;
    const hSp = alphaSp !== null ? highAt(alphaSp) : null;
    line = {
      ...none,
      alphaSp,
      alphaOnset: onset !== null && alphaSp !== null ? Math.min(onset, alphaSp) : alphaSp,
      spinodalLow: highEnd,
      spinodalHigh,
      order: alphaSp === null ? null : 'first-order',
      qBelow: oldSp ? Math.max(...oldSp.Q) : null,
      qAbove: hSp ? Math.max(...hSp.Q) : null,
      converged: alphaSp === null || (hSp !== null && hSp.converged),
    };
    if (alphaSp !== null && oldSp && hSp) seed = { alphaSp, high: hSp, old: oldSp, oldKind: oldIsLow ? 'low' : 'universal' };
  }

  const pointAt = (a: number, side?: 'old' | 'new'): PhaseSample => {
    const u = uniAt(a);
    const old = oldAt(a);
    const h = highAt(a);
    let eq = h && h.f > old.f ? h : old;
    if (side === 'old') eq = old;
    if (side === 'new' && h) eq = h;
    let state = stateOf(line, a);
    if (side === 'old' && state === 2) state = 1;
    return sample(a, eq, u, state);
  };
  return { line, seed, pointAt };
}

function sample(alpha: number, eq: BranchSolution, uni: BranchSolution, state: PhaseState): PhaseSample {
  return { alpha, epsOpt: eq.eps, epsUni: uni.eps, Q: eq.Q.slice(), state };
}

/** Generic path (several readout classes): the curve engine along the row and its 1-D transition. */
function solveRowGeneric(model: ShallowModel, y: number, alphas: number[], alphaMax: number): RowCore {
  const tr = model.transition(alphaMax);
  const line: LinePoint = {
    y,
    alphaSp: tr.alphaSp,
    alphaOnset: tr.alphaOnset,
    spinodalLow: tr.spinodalSpec,
    // The curve engine reports the universal branch's spinodal; the upper end of a small-Q old branch is not
    // followed for several classes.
    spinodalHigh: tr.order === 'continuous' ? tr.alphaSp : tr.spinodalUni,
    spinodalUni: tr.spinodalUni,
    order: tr.order,
    qBelow: null,
    qAbove: null,
    converged: tr.converged,
    method: 'curve-engine',
  };
  const pts = new Map<number, ShallowPoint>();
  let warm: ShallowPoint | null = null;
  for (const a of alphas) {
    warm = model.solvePoint(a, warm);
    pts.set(a, warm);
  }
  const pointAt = (a: number): PhaseSample => {
    let p = pts.get(a);
    if (!p) {
      p = model.solvePoint(a, nearestPoint(pts, a));
      pts.set(a, p);
    }
    const eq = p.equilibrium === 'specialised' && p.specialised ? p.specialised : p.universal;
    return sample(a, eq, p.universal, stateOf(line, a));
  };
  return { line, pointAt };
}

function nearestPoint(pts: Map<number, ShallowPoint>, a: number): ShallowPoint | null {
  let best: ShallowPoint | null = null;
  for (const [x, p] of pts) if (!best || Math.abs(x - a) < Math.abs(best.alpha - a)) best = p;
  return best;
}

/** The default α grid of a row: n points evenly spaced on (0, α_max]. */
export function rowAlphas(alphaMax: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (alphaMax * (i + 1)) / n);
}

/**
 * One row of a phase diagram: the equilibrium at every α of the grid (plus samples at its lines) and the row's
 * line point. `exactTables` uses the curve engine's tables (tests), otherwise the phase tables.
 */
export function solveRow(base: ShallowParams, plane: PhasePlane, y: number, alphas: number[], opts: RowOptions & { exactTables?: boolean }): PhaseRow {
  const model = phaseModel(rowParams(base, plane, y), opts.exactTables);
  const core = model.system.v2.length === 1 ? solveRowCore(model, y, alphas, opts.alphaMax) : solveRowGeneric(model, y, alphas, opts.alphaMax);
  const samples: PhaseSample[] = alphas.map((a) => core.pointAt(a));
  // Samples at the lines, just below (old side) and at them, so that jumps and regions have sharp edges.
  const { alphaSp, spinodalLow, spinodalHigh, order } = core.line;
  const extra: PhaseSample[] = [];
  const lo = alphas[0];
  const hi = alphas[alphas.length - 1];
  const inRange = (a: number | null): a is number => a !== null && a > lo && a < hi;
  if (inRange(alphaSp)) extra.push(core.pointAt(alphaSp * (1 - 1e-9), 'old'), core.pointAt(alphaSp, order === 'first-order' ? 'new' : undefined));
  if (order === 'first-order') {
    if (inRange(spinodalLow) && spinodalLow !== alphaSp) extra.push(core.pointAt(spinodalLow * (1 - 1e-9)), core.pointAt(spinodalLow));
    if (inRange(spinodalHigh) && spinodalHigh !== alphaSp) extra.push(core.pointAt(spinodalHigh * (1 - 1e-9)), core.pointAt(spinodalHigh));
  }
  samples.push(...extra);
  samples.sort((p, q) => p.alpha - q.alpha);
  return { y, samples, line: core.line, classV2: Array.from(model.system.v2), seed: core.seed };
}

// ---------- lines by continuation from row to row ----------

/**
 * The transition line over rows ys (γ or Δ values, in order), followed by continuation: at each new row both
 * branches are warm-started from their solutions at the previous α_sp, α_sp is predicted by extrapolation and
 * refined by root-finding on f_high − f_old, and the spinodals by following the branches to their folds. A row
 * where the continuation cannot proceed (the transition appears, vanishes or changes order) is solved by a row
 * sweep on `sweepPoints` α values instead.
 */
export function followLine(base: ShallowParams, plane: PhasePlane, ys: number[], alphaMax: number, opts: { sweepPoints?: number; exactTables?: boolean } = {}): LinePoint[] {
  const sweep = rowAlphas(alphaMax, opts.sweepPoints ?? 48);
  const out: LinePoint[] = [];
  let prev: { line: LinePoint; seed: LineSeed } | null = null;
  let prev2: LinePoint | null = null;
  for (const y of ys) {
    const model = phaseModel(rowParams(base, plane, y), opts.exactTables);
    let got: { line: LinePoint; seed?: LineSeed } | null = null;
    if (prev && model.system.v2.length === 1 && !model.pinnedUniversal) got = continueLine(model, y, prev, prev2, alphaMax);
    if (!got) {
      const row = solveRow(base, plane, y, sweep, { alphaMax, exactTables: opts.exactTables });
      got = { line: row.line, seed: row.seed };
    }
    out.push(got.line);
    prev2 = prev ? prev.line : null;
    prev = got.seed ? { line: got.line, seed: got.seed } : null;
  }
  return out;
}

function continueLine(model: ShallowModel, y: number, prev: { line: LinePoint; seed: LineSeed }, prev2: LinePoint | null, alphaMax: number): { line: LinePoint; seed: LineSeed } | null {
  const sys = model.system;
  const { seed, line: pl } = prev;
  const extrapolate = (x1: number | null, x0: number | null | undefined): number | null => {
    if (x1 === null) return null;
    if (x0 === null || x0 === undefined || !prev2) return x1;
    const t = (y - pl.y) / (pl.y - prev2.y);
    return x1 + t * (x1 - x0);
  };
  let aPred = extrapolate(seed.alphaSp, prev2?.alphaSp) as number;
  if (!(aPred > 0) || aPred > alphaMax) return null;
  const spUni = model.spinodalUniversal(Infinity);
  // Warm starts across rows: the previous row's solutions at its α_sp. Without a slope yet, the prediction may lie
  // below the new row's spinodal (no specialised branch there): move up in 5 % steps.
  let h0 = newtonBranch(sys, aPred, seed.high.Q[0], seed.high.R2hat);
  for (let k = 0; k < 6 && (!h0 || Math.abs(h0.sol.Q[0] - seed.high.Q[0]) > 0.2) && aPred * 1.05 <= alphaMax; k++) {
    aPred *= 1.05;
    h0 = newtonBranch(sys, aPred, seed.high.Q[0], seed.high.R2hat);
  }
  if (!h0 || Math.abs(h0.sol.Q[0] - seed.high.Q[0]) > 0.2) return null;
  const high = new Map<number, BranchSolution>([[aPred, h0.sol]]);
  let lowSol: BranchSolution | null = null;
  if (seed.oldKind === 'low') {
    const l0 = newtonBranch(sys, aPred, seed.old.Q[0], seed.old.R2hat);
    if (!l0 || Math.abs(l0.sol.Q[0] - seed.old.Q[0]) > 0.2 || l0.sol.Q[0] < NONZERO) return null;
    lowSol = l0.sol;
  } else if (spUni !== null && aPred > spUni) return null; // the old state changed nature: sweep this row
  const low = new Map<number, BranchSolution>(lowSol ? [[aPred, lowSol]] : []);
  const at = (m: Map<number, BranchSolution>, a: number): BranchSolution | null => {
    const hit = m.get(a);
    if (hit) return hit;
    let best: [number, BranchSolution] | null = null;
    for (const e of m) if (!best || Math.abs(e[0] - a) < Math.abs(best[0] - a)) best = e;
    if (!best) return null;
    const r = follow(sys, best[1], best[0], a);
    if (r.sol) m.set(a, r.sol);
    return r.sol;
  };
  const oldAt = (a: number): BranchSolution | null => (seed.oldKind === 'low' ? at(low, a) : solveUniversal(sys, a, seed.old.R2hat));
  const df = (a: number): number => {
    const h = at(high, a);
    const o = oldAt(a);
    return h && o ? h.f - o.f : NaN;
  };
  // Bracket the root of Δf around the prediction, widening geometrically.
  let a = aPred;
  let fa = df(a);
  if (!Number.isFinite(fa)) return null;
  let width = 0.01 * aPred;
  let b = a;
  let fb = fa;
  for (let k = 0; k < 8 && (fb > 0) === (fa > 0); k++) {
    b = fa > 0 ? a - width : a + width;
    if (b <= 0 || b > alphaMax) return null;
    fb = df(b);
    if (!Number.isFinite(fb)) return null;
    if ((fb > 0) === (fa > 0)) {
      a = b;
      fa = fb;
    }
    width *= 2;
  }
  if ((fb > 0) === (fa > 0)) return null;
  const alphaSp = illinois(df, Math.min(a, b), Math.max(a, b), a < b ? fa : fb, a < b ? fb : fa);
  const hSp = at(high, alphaSp);
  const oSp = oldAt(alphaSp);
  if (!hSp || !oSp || Math.abs(hSp.Q[0] - oSp.Q[0]) < 0.05) return null; // no longer a first-order jump
  // Spinodals: follow the winning branch down and the losing one up to their folds.
  const down = follow(sys, hSp, alphaSp, 1e-3 * alphaSp);
  const spinodalLow = down.sol ? null : down.lastAlpha;
  let spinodalHigh: number | null = spUni !== null && spUni <= alphaMax ? spUni : null;
  if (seed.oldKind === 'low') {
    const up = follow(sys, oSp, alphaSp, alphaMax);
    spinodalHigh = up.sol ? null : up.lastAlpha;
  }
  const onset = seed.oldKind === 'low' && spUni !== null ? Math.min(spUni, alphaSp) : alphaSp;
  return {
    line: {
      y, alphaSp, alphaOnset: onset, spinodalLow, spinodalHigh, spinodalUni: spUni !== null && spUni <= alphaMax ? spUni : null,
      order: 'first-order', qBelow: oSp.Q[0], qAbove: hSp.Q[0], converged: hSp.converged && oSp.converged, method: 'continuation',
    },
    seed: { alphaSp, high: hSp, old: oSp, oldKind: seed.oldKind },
  };
}

