// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; docs/physics/mlp-shallow.md §6–7): one row (a fixed γ or Δ) along α: the universal, low and
// high branches, the equilibrium (largest f_RS) and the state of each sample, α_sp (Illinois on the free-entropy
// difference) and the spinodals bounding the metastable region; rows with several readout classes use the curve
// engine (solvePoint with warm starts) and its 1-D transition instead.
import type { BranchSolution, ShallowParams, ShallowPoint } from '../types';
import { solveFromStart, solveUniversal } from './shallow';
import { Superseded } from '../errors';
import type { ShallowModel, TransitionResult } from './shallowModel';
import { newtonBranch, SATURATED } from './phaseBranch';
import { DISTINCT, NONZERO, phaseModel } from './phase';
import {
  rowParams,
  type LinePoint,
  type PhasePlane,
  type PhaseRow,
  type PhaseSample,
  type PhaseState,
  type RowOptions,
} from './phaseTypes';
import { follow, RowBranches } from './phaseContinuation';

interface RowCore {
  line: LinePoint;
  /** Equilibrium and state at α (valid for α in the row's range after solveRowFast). */
  pointAt(alpha: number, side?: 'old' | 'new'): PhaseSample;
}

/** Coexistence only (issue 15): outside the window of the α_sp jump there is one stable state, whatever its Q. */
function stateOf(line: LinePoint, alpha: number): PhaseState {
  const { alphaSp, spinodalLow, spinodalHigh, order } = line;
  if (order !== 'first-order' || spinodalLow === null || alpha < spinodalLow) return 0;
  if (alphaSp !== null && alpha < alphaSp) return 1;
  if (spinodalHigh === null || alpha < spinodalHigh) return 2;
  return 0;
}

/**
 * The line point of a row from the curve engine's transitions: α_sp is the (largest) first-order jump where one
 * exists, else the continuous onset; spinodalLow/High are that jump's (both equal to the onset where Q grows continuously).
 */
export function lineOf(y: number, tr: TransitionResult, method: LinePoint['method']): LinePoint {
  const first = tr.jumps.find((j) => j.alpha === tr.alphaSp) ?? null;
  const cont = tr.order === 'continuous' ? tr.alphaSp : null;
  return {
    y,
    alphaSp: tr.alphaSp,
    alphaOnset: tr.alphaOnset,
    spinodalLow: first ? first.spinodalLow : cont,
    spinodalHigh: first ? first.spinodalHigh : cont,
    spinodalUni: tr.spinodalUni,
    order: tr.order,
    qBelow: first ? first.qBelow : cont === null ? null : 0,
    qAbove: first ? first.qAbove : cont === null ? null : 0,
    onset: tr.onset,
    jumps: tr.jumps,
    converged: tr.converged,
    method,
  };
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
  if (model.pinnedUniversal) {
    const line = lineOf(y, model.transition(alphaMax), 'row');
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

  // The line: every transition from the curve α(Q) (branchCurve.ts), the same computation as the curve engine's
  // `transition`, so that both report one set of numbers; the branches above give the samples.
  const line = lineOf(y, model.transition(alphaMax), 'row');

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
  return { line, pointAt };
}

function sample(alpha: number, eq: BranchSolution, uni: BranchSolution, state: PhaseState): PhaseSample {
  return { alpha, epsOpt: eq.eps, epsUni: uni.eps, Q: eq.Q.slice(), state };
}

/** Generic path (several readout classes): the curve engine along the row and its 1-D transition. */
function solveRowGeneric(
  model: ShallowModel,
  y: number,
  alphas: number[],
  alphaMax: number,
  shouldStop: () => boolean,
): RowCore {
  const line = lineOf(y, model.transition(alphaMax, shouldStop), 'curve-engine');
  const pts = new Map<number, ShallowPoint>();
  let warm: ShallowPoint | null = null;
  for (const a of alphas) {
    if (shouldStop()) throw new Superseded('phase row');
    warm = model.solvePoint(a, warm);
    pts.set(a, warm);
  }
  const { pv } = model.system;
  const meanQ = (s: BranchSolution) => s.Q.reduce((acc, q, c) => acc + pv[c] * q, 0);
  const pointAt = (a: number, side?: 'old' | 'new'): PhaseSample => {
    let p = pts.get(a);
    if (!p) {
      p = model.solvePoint(a, nearestPoint(pts, a));
      pts.set(a, p);
    }
    let eq = p.equilibrium === 'specialised' && p.specialised ? p.specialised : p.universal;
    // At α_sp, each side on its own branch: the stationary point nearest the jump's mean Q below or above.
    const target = side === 'old' ? line.qBelow : side === 'new' ? line.qAbove : null;
    if (target !== null)
      for (const s of [p.universal, ...p.stationary])
        if (Math.abs(meanQ(s) - target) < Math.abs(meanQ(eq) - target)) eq = s;
    return sample(a, eq, p.universal, stateOf(line, a));
  };
  return { line, pointAt };
}

function nearestPoint(pts: Map<number, ShallowPoint>, a: number): ShallowPoint | null {
  let best: ShallowPoint | null = null;
  for (const [x, p] of pts) if (!best || Math.abs(x - a) < Math.abs(best.alpha - a)) best = p;
  return best;
}

/**
 * One row of a phase diagram: the equilibrium at every α of the grid (plus samples at its lines) and the row's
 * line point. `exactTables` uses the curve engine's tables (tests), otherwise the phase tables.
 */
export function solveRow(
  base: ShallowParams,
  plane: PhasePlane,
  y: number,
  alphas: number[],
  opts: RowOptions & { exactTables?: boolean },
): PhaseRow {
  const model = phaseModel(rowParams(base, plane, y), opts.exactTables);
  const core =
    model.system.v2.length === 1
      ? solveRowCore(model, y, alphas, opts.alphaMax)
      : solveRowGeneric(model, y, alphas, opts.alphaMax, opts.shouldStop ?? (() => false));
  const samples: PhaseSample[] = alphas.map((a) => core.pointAt(a));
  // Samples at the lines, just below (old side) and at them, so that jumps and regions have sharp edges.
  const { alphaSp, spinodalLow, spinodalHigh, order } = core.line;
  const extra: PhaseSample[] = [];
  const lo = alphas[0];
  const hi = alphas[alphas.length - 1];
  const inRange = (a: number | null): a is number => a !== null && a > lo && a < hi;
  if (inRange(alphaSp))
    extra.push(
      core.pointAt(alphaSp * (1 - 1e-9), 'old'),
      core.pointAt(alphaSp, order === 'first-order' ? 'new' : undefined),
    );
  if (order === 'first-order') {
    if (inRange(spinodalLow) && spinodalLow !== alphaSp)
      extra.push(core.pointAt(spinodalLow * (1 - 1e-9)), core.pointAt(spinodalLow));
    if (inRange(spinodalHigh) && spinodalHigh !== alphaSp)
      extra.push(core.pointAt(spinodalHigh * (1 - 1e-9)), core.pointAt(spinodalHigh));
  }
  samples.push(...extra);
  samples.sort((p, q) => p.alpha - q.alpha);
  return { y, samples, line: core.line, classV2: Array.from(model.system.v2) };
}
