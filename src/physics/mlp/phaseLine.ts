// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; docs/physics/mlp-shallow.md §6a): the transition
// lines over rows (γ or Δ), each row's transitions from the curve engine (one readout class: the curve α(Q), whose
// folds give every metastable window however narrow; several: the engine's scan), and the critical points where a
// first-order line ends between two rows.
import type { ShallowParams } from '../types';
import { phaseModel } from './phase';
import { rowAlphas, rowParams, type CriticalPoint, type LinePoint, type PhasePlane } from './phaseTypes';
import { lineOf, solveRow } from './phaseRow';

/** The line point of row y (the row's transitions; samples are not computed). */
function lineAt(base: ShallowParams, plane: PhasePlane, y: number, alphaMax: number, exact?: boolean): LinePoint {
  const model = phaseModel(rowParams(base, plane, y), exact);
  if (model.system.v2.length === 1 || model.pinnedUniversal) return lineOf(y, model.transition(alphaMax), 'row');
  return solveRow(base, plane, y, rowAlphas(alphaMax, 48), { alphaMax, exactTables: exact }).line;
}

/** The transition line over rows ys (γ or Δ values, in order). */
export function followLine(
  base: ShallowParams,
  plane: PhasePlane,
  ys: number[],
  alphaMax: number,
  opts: { exactTables?: boolean } = {},
): LinePoint[] {
  return ys.map((y) => lineAt(base, plane, y, alphaMax, opts.exactTables));
}

/**
 * Critical points between consecutive rows (one readout class): where a row has more first-order jumps than its
 * neighbour, the unmatched jump's window closes in between. Located by
 * bisection in y (to 1e−4 of the row spacing), following the jump's α; α and Q there are those of the last row
 * that still has it (the window is then far below the α resolution of any plot).
 */
export function criticalPoints(
  base: ShallowParams,
  plane: PhasePlane,
  lines: LinePoint[],
  alphaMax: number,
): Array<CriticalPoint & { after: number }> {
  const out: Array<CriticalPoint & { after: number }> = [];
  const near = (l: LinePoint, a: number) => l.jumps.find((j) => Math.abs(j.alpha - a) < 0.25 * a) ?? null;
  for (let k = 1; k < lines.length; k++) {
    const [l0, l1] = [lines[k - 1], lines[k]];
    if (phaseModel(rowParams(base, plane, l1.y)).system.v2.length !== 1) continue;
    for (const [withJ, without] of [
      [l0, l1],
      [l1, l0],
    ]) {
      // The jumps the neighbour lacks: the ones farthest from any of its jumps (as many as it has fewer).
      const extra = withJ.jumps.length - without.jumps.length;
      if (extra <= 0) continue;
      const gap = (a: number) => Math.min(Infinity, ...without.jumps.map((x) => Math.abs(x.alpha - a)));
      const closing = [...withJ.jumps].sort((a, b) => gap(b.alpha) - gap(a.alpha)).slice(0, extra);
      for (const j of closing) {
        // The jump must close continuously: its neighbour passes through the same region without a jump.
        if (without.alphaSp === null && without.onset === null) continue;
        if (j.alpha > 0.9 * alphaMax) continue; // leaves the plotted range rather than closing
        // Bisection in y, following the jump (its α moves with y): t = 0 is the row without it, t = 1 the row with.
        let lo = 0;
        let hi = 1;
        let jc = j;
        while (hi - lo > 1e-4) {
          const t = 0.5 * (lo + hi);
          const found = near(lineAt(base, plane, without.y + t * (withJ.y - without.y), alphaMax), jc.alpha);
          if (found) {
            hi = t;
            jc = found;
          } else lo = t;
        }
        const y = without.y + hi * (withJ.y - without.y);
        out.push({ y, alpha: jc.alpha, q: 0.5 * (jc.qBelow + jc.qAbove), after: k - 1 });
      }
    }
  }
  return out;
}
