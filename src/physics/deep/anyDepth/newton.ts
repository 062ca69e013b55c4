// Newton's method for a few unknowns with a forward-difference Jacobian and backtracking: the finish of the
// any-depth fixed points (plain iteration slows down critically near the spinodal; docs/physics/mlp-any-depth.md).
import type { Convergence } from '../../types';
import { solveLinear } from '../../numerics/linearSolve';

export interface NewtonResult extends Convergence {
  y: number[];
}

const FD = 1e-7; // in logit units: Jacobian error ~1e−7 relative, each late step gains 7 digits
const MAX_STEP = 4; // largest change of one logit per step

function maxAbs(v: readonly number[]): number {
  let s = 0;
  for (const a of v) s = Math.max(s, Math.abs(a));
  return s;
}

/** Root of F near y0 (F returns null where it is undefined); converged when max |F| ≤ tol. */
export function newton(
  F: (y: number[]) => number[] | null,
  y0: readonly number[],
  tol = 1e-12,
  maxIter = 40,
): NewtonResult {
  let y = [...y0];
  let r = F(y);
  if (!r) return { y, converged: false, iterations: 0, residual: Infinity };
  let res = maxAbs(r);
  const n = y.length;
  for (let it = 1; it <= maxIter; it++) {
    if (res <= tol) return { y, converged: true, iterations: it - 1, residual: res };
    const J: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let j = 0; j < n; j++) {
      const yp = [...y];
      yp[j] += FD;
      const rp = F(yp);
      if (!rp) return { y, converged: false, iterations: it, residual: res };
      for (let i = 0; i < n; i++) J[i][j] = (rp[i] - r[i]) / FD;
    }
    const step = solveLinear(
      J,
      r.map((v) => -v),
    );
    if (!step) return { y, converged: false, iterations: it, residual: res };
    const big = maxAbs(step);
    let lambda = big > MAX_STEP ? MAX_STEP / big : 1;
    let accepted = false;
    for (let k = 0; k < 30; k++, lambda /= 2) {
      const yn = y.map((v, i) => v + lambda * step[i]);
      const rn = F(yn);
      if (rn && maxAbs(rn) < res * (1 - 1e-4 * lambda) + 1e-15) {
        y = yn;
        r = rn;
        res = maxAbs(rn);
        accepted = true;
        break;
      }
    }
    if (!accepted) return { y, converged: res <= tol, iterations: it, residual: res };
  }
  return { y, converged: res <= tol, iterations: maxIter, residual: res };
}
