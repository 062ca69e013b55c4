// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; docs/physics/mlp-shallow.md §6–7): one branch of one readout class followed along α by Newton
// continuation (phaseBranch.ts), with step halving where Q would jump, and the row's branches (low, high) kept by α.
import type { BranchSolution } from '../types';
import { newtonBranch } from './phaseBranch';
import { JUMP, NONZERO } from './phase';
import type { ShallowSystem } from './shallow';

interface Followed {
  /** Solution at the target, or null when the branch ended (fold) before it. */
  sol: BranchSolution | null;
  /** α of the last point where the branch exists (the fold, to 1e−7 relative, when sol is null). */
  lastAlpha: number;
  last: BranchSolution;
}

/** Follows a stable Q > 0 branch from (a0, from) to a1 by Newton, halving the step where it fails. */
export function follow(sys: ShallowSystem, from: BranchSolution, a0: number, a1: number): Followed {
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
export class RowBranches {
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
