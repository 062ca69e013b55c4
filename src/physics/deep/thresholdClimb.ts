// The equilibrium within one family of L = 2 stationary points (arXiv 2510.24616; docs/physics/mlp-deep.md §8):
// first-layer neurons with large |s| specialise first and each s class has its own first-order jump (as each
// readout value in the shallow case, docs/physics/mlp-shallow.md §7), so the stationary points of a kind (layer1-type,
// specialised-type) come in families P(c) with Q1(s_i) > 0.5 exactly for the classes i ≥ c. A start reaches the
// member with the most classes specialised that still exist; the equilibrium is the member of largest f.
//
// f(P(c)) is unimodal in c: each class prefers its specialised state above its own transition, and the classes
// couple only through D, so the hill climb by single classes ends on the same member from any start in the family.
// That is what makes the answer independent of the path (damping, continuation from a neighbouring α).

import type { DeepSystem } from './deepSaddle';
import { relaxClasses } from './classRelax';
import { flatten, hasPattern, solveDeep, views, type DeepSolution, type DeepSolveOptions } from './deepSolver';

/** The boundary c of a threshold pattern (first class, from the top, with Q1 ≤ 0.5, plus one); S if none is specialised. */
export function thresholdOf(Q1: ArrayLike<number>): number {
  let c = Q1.length;
  while (c > 0 && Q1[c - 1] > 0.5) c--;
  return c;
}

/**
 * The member of largest f of the family of `start`, by moving the threshold one class at a time (the lowest
 * specialised class down, or the highest unspecialised one up) while f grows. Trials that leave the family (a class
 * crosses 0.5) are not members and stop at once. Returns `start` when it is not a threshold pattern.
 */
export function climbThreshold(
  sys: DeepSystem,
  alpha: number,
  start: DeepSolution,
  known: DeepSolution[],
  opts: DeepSolveOptions = {},
): DeepSolution {
  const S = sys.s2.length;
  if (sys.quenched || !start.converged) return start;
  let cur = start;
  let c = thresholdOf(cur.Q1);
  if (c === S || !hasPattern(cur.Q1, c)) return cur; // nothing specialised, or not a threshold pattern
  // Trials only compare f, which is stationary at the fixed points: a residual r moves f by O(r²), so 1e−7 decides
  // differences of 1e−12; the member the climb ends on is polished to the requested tolerance.
  const tol = opts.tol ?? 1e-11;
  const trialOpts: DeepSolveOptions = {
    ...opts,
    tol: Math.max(tol, 1e-7),
    maxIter: Math.min(opts.maxIter ?? 3000, 3000),
  };
  for (let round = 0; round <= S; round++) {
    let improved: DeepSolution | null = null;
    for (const shift of [-1, 1]) {
      const cNew = c + shift;
      if (cNew < 0 || cNew > S) continue;
      const x0 = flatten(cur);
      const moved = shift < 0 ? cNew : c;
      x0[moved] = shift < 0 ? Math.max(x0[moved], 0.99) : 0;
      // The moved class settles on its own first; if it crosses back, the member does not exist.
      relaxClasses(sys, alpha, views(sys, x0), { classes: [moved] });
      if (!hasPattern(x0.subarray(0, S), cNew)) continue;
      const sol = solveDeep(sys, alpha, x0, cur.branch, { ...trialOpts, known, pattern: { specialisedFrom: cNew } });
      if (sol.converged && hasPattern(sol.Q1, cNew) && sol.f > cur.f + 1e-12 * Math.abs(cur.f)) {
        improved = sol;
        c = cNew;
        break;
      }
    }
    if (!improved) break;
    cur = improved;
  }
  if (cur === start) return cur;
  const polished = solveDeep(sys, alpha, flatten(cur), cur.branch, { ...opts, pattern: { specialisedFrom: c } });
  if (polished.converged) known.push(polished);
  return polished.converged ? polished : start;
}
