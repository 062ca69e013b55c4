// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; docs/physics/mlp-shallow.md §6–7): the transition line followed from row to row by continuation
// (warm-started branches, predicted α_sp, root-finding on Δf), with a row sweep where the continuation cannot go on.
import { illinois } from '../numerics/illinois';
import type { BranchSolution, ShallowParams } from '../types';
import { solveUniversal } from './shallow';
import type { ShallowModel } from './shallowModel';
import { newtonBranch } from './phaseBranch';
import { NONZERO, phaseModel, rowParams, type LinePoint, type LineSeed, type PhasePlane } from './phase';
import { follow } from './phaseContinuation';
import { rowAlphas, solveRow } from './phaseRow';

/**
 * The transition line over rows ys (γ or Δ values, in order), followed by continuation: at each new row both
 * branches are warm-started from their solutions at the previous α_sp, α_sp is predicted by extrapolation and
 * refined by root-finding on f_high − f_old, and the spinodals by following the branches to their folds. A row
 * where the continuation cannot proceed (the transition appears, vanishes or changes order) is solved by a row
 * sweep on `sweepPoints` α values instead.
 */
export function followLine(
  base: ShallowParams,
  plane: PhasePlane,
  ys: number[],
  alphaMax: number,
  opts: { sweepPoints?: number; exactTables?: boolean } = {},
): LinePoint[] {
  const sweep = rowAlphas(alphaMax, opts.sweepPoints ?? 48);
  const out: LinePoint[] = [];
  let prev: { line: LinePoint; seed: LineSeed } | null = null;
  let prev2: LinePoint | null = null;
  for (const y of ys) {
    const model = phaseModel(rowParams(base, plane, y), opts.exactTables);
    let got: { line: LinePoint; seed?: LineSeed } | null = null;
    if (prev && model.system.v2.length === 1 && !model.pinnedUniversal)
      got = continueLine(model, y, prev, prev2, alphaMax);
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

function continueLine(
  model: ShallowModel,
  y: number,
  prev: { line: LinePoint; seed: LineSeed },
  prev2: LinePoint | null,
  alphaMax: number,
): { line: LinePoint; seed: LineSeed } | null {
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
  const oldAt = (a: number): BranchSolution | null =>
    seed.oldKind === 'low' ? at(low, a) : solveUniversal(sys, a, seed.old.R2hat);
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
  for (let k = 0; k < 8 && fb > 0 === fa > 0; k++) {
    b = fa > 0 ? a - width : a + width;
    if (b <= 0 || b > alphaMax) return null;
    fb = df(b);
    if (!Number.isFinite(fb)) return null;
    if (fb > 0 === fa > 0) {
      a = b;
      fa = fb;
    }
    width *= 2;
  }
  if (fb > 0 === fa > 0) return null;
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
      y,
      alphaSp,
      alphaOnset: onset,
      spinodalLow,
      spinodalHigh,
      spinodalUni: spUni !== null && spUni <= alphaMax ? spUni : null,
      order: 'first-order',
      qBelow: oSp.Q[0],
      qAbove: hSp.Q[0],
      converged: hSp.converged && oSp.converged,
      method: 'continuation',
    },
    seed: { alphaSp, high: hSp, old: oSp, oldKind: seed.oldKind },
  };
}
