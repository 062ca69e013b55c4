// Bisection on a monotone predicate: the point where `test` switches from false (at lo) to true (at hi), for
// thresholds decided by a yes/no question (is the equilibrium specialised? do two branches coexist?) where there
// is no smooth function to hand to a root finder.

export interface Bracket {
  lo: number;
  hi: number;
}

/** Halves [lo, hi] (test false at lo, true at hi) until hi − lo ≤ rtol·hi or maxIter halvings; the final bracket. */
export function bisect(test: (x: number) => boolean, lo: number, hi: number, rtol: number, maxIter: number): Bracket {
  for (let k = 0; k < maxIter && hi - lo > rtol * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (test(mid)) hi = mid;
    else lo = mid;
  }
  return { lo, hi };
}
