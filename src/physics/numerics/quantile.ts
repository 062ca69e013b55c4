// Sample quantiles of sorted values with right-censored entries stored as +∞ (runs still going at their budget).
// Definition 7 of Hyndman & Fan (Am. Stat. 50 (1996) 361; R's and NumPy's default): position h = p(n − 1),
// linear interpolation between the order statistics ⌊h⌋ and ⌊h⌋ + 1. A quantile whose interpolation puts weight
// on a censored entry is +∞ ("beyond the budget"): with one common censoring time the uncensored order statistics
// are exact, so every finite quantile returned is the one the uncensored sample would give.

/** The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` (+∞ = censored); NaN for an empty sample. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile level must lie in [0, 1], got ${p}`);
  const h = p * (n - 1);
  const k = Math.floor(h);
  const f = h - k;
  if (f === 0 || k + 1 >= n) return sorted[k];
  const a = sorted[k];
  const b = sorted[k + 1];
  return b === Infinity ? Infinity : a + f * (b - a);
}
