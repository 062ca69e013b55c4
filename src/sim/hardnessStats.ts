// Statistics of the time to specialise (docs/physics/simulations.md §8): per d, the runs' first-passage times
// below the threshold ε̄, right-censored at the budget (a run that has not crossed is known only to need more);
// quartiles over seeds with censored runs counted as +∞ (numerics/quantile.ts: a quartile that reaches into the
// censored runs is reported as null, "beyond the budget"); and a growth fit of the median against d, exponential
// T = A e^{b d} against power law T = A d^b, both by least squares on ln T. The fit describes the measured
// medians; it is not a claim about the asymptotic law (a few d values cannot tell the two apart reliably).
import { quantileSorted } from '../physics/numerics/quantile';

/** One run: steps to the first crossing (0 = already below at the start), or null when censored at `budget`. */
export interface EscapeTime {
  steps: number | null;
  budget: number;
}

export interface TimeSummary {
  runs: number;
  censored: number;
  /** Quartiles of the steps; null where they fall beyond the budget (too many runs censored). */
  median: number | null;
  q1: number | null;
  q3: number | null;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Median and quartiles of a set of runs, censored runs counted as +∞. */
export function summariseTimes(times: readonly EscapeTime[]): TimeSummary {
  if (!times.length) throw new Error('no runs to summarise');
  for (const t of times)
    if (t.steps !== null && !(t.steps >= 0 && t.steps <= t.budget))
      throw new Error(`a crossing time must lie in [0, budget = ${t.budget}], got ${t.steps}`);
  const sorted = Float64Array.from(times, (t) => (t.steps === null ? Infinity : t.steps)).sort();
  return {
    runs: times.length,
    censored: times.filter((t) => t.steps === null).length,
    median: finiteOrNull(quantileSorted(sorted, 0.5)),
    q1: finiteOrNull(quantileSorted(sorted, 0.25)),
    q3: finiteOrNull(quantileSorted(sorted, 0.75)),
  };
}

/** A straight line y = a + b x fitted by least squares, with its residual sum of squares. */
export interface Line {
  a: number;
  b: number;
  rss: number;
}

export function fitLine(x: readonly number[], y: readonly number[]): Line {
  const n = x.length;
  if (n < 2 || y.length !== n) throw new Error('a line fit needs at least two (x, y) pairs of equal length');
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) throw new Error('a line fit needs at least two distinct x values');
  const b = sxy / sxx;
  const a = my - b * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - a - b * x[i]) ** 2;
  return { a, b, rss };
}

export interface GrowthFit {
  /** Points used: d with an uncensored median > 0 (a median of 0 steps has no logarithm). */
  points: number;
  /** T ≈ A e^{rate·d}: ln A and the rate per unit of d. */
  exponential: { lnA: number; rate: number; rss: number };
  /** T ≈ A d^exponent. */
  power: { lnA: number; exponent: number; rss: number };
  /** The smaller residual on ln T, or null with fewer than 3 points (two parameters fit two points exactly). */
  better: 'exponential' | 'power' | null;
}

/** Growth of the median time with d; null when fewer than two d have an uncensored positive median. */
export function fitGrowth(rows: readonly { d: number; median: number | null }[]): GrowthFit | null {
  const use = rows.filter((r): r is { d: number; median: number } => r.median !== null && r.median > 0);
  if (new Set(use.map((r) => r.d)).size < 2) return null;
  const lnT = use.map((r) => Math.log(r.median));
  const exp = fitLine(
    use.map((r) => r.d),
    lnT,
  );
  const pow = fitLine(
    use.map((r) => Math.log(r.d)),
    lnT,
  );
  return {
    points: use.length,
    exponential: { lnA: exp.a, rate: exp.b, rss: exp.rss },
    power: { lnA: pow.a, exponent: pow.b, rss: pow.rss },
    better: use.length < 3 ? null : exp.rss <= pow.rss ? 'exponential' : 'power',
  };
}

/** The fitted median at d under one growth law. */
export function growthAt(fit: GrowthFit, law: 'exponential' | 'power', d: number): number {
  return law === 'exponential'
    ? Math.exp(fit.exponential.lnA + fit.exponential.rate * d)
    : Math.exp(fit.power.lnA + fit.power.exponent * Math.log(d));
}
