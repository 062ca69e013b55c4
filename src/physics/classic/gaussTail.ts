// Stable Gaussian tails for the classic models: Mills ratio, log Φ and φ/Φ far in the tails, where the plain
// ratio of two underflowing numbers would give 0/0 (docs/physics/classic.md §1, numerics (2)).
import { normalCdf, normalPdf } from '../numerics/normal';

const LN_SQRT_2PI = 0.9189385332046728; // ln √(2π)
/** Beyond this the direct ratio Φ(−x)/φ(x) would underflow; the asymptotic series is exact to ~1e−17 there. */
const TAIL = 35;

/** Mills ratio R(x) = Φ(−x)/φ(x) for x ≥ 0 (≈ 1/x for large x). */
export function millsRatio(x: number): number {
  if (x < TAIL) return normalCdf(-x) / normalPdf(x);
  const t = 1 / (x * x);
  return (1 - t * (1 - t * (3 - t * (15 - t * (105 - 945 * t))))) / x;
}

/** ln Φ(x), accurate for every x (no underflow in the lower tail, no cancellation in the upper). */
export function logNormalCdf(x: number): number {
  if (x > 0) return Math.log1p(-normalCdf(-x));
  if (x > -TAIL) return Math.log(normalCdf(x));
  return -0.5 * x * x - LN_SQRT_2PI + Math.log(millsRatio(-x));
}

/** φ(x)/Φ(x) (the inverse Mills ratio of the lower tail), finite for every x. */
export function pdfOverCdf(x: number): number {
  if (x >= 0) return normalPdf(x) / normalCdf(x);
  return 1 / millsRatio(-x);
}

/** Σ_{y=±1} Φ(yu) ln Φ(yu): the entropy term of the sign channel, even in u. */
export function signEntropyTerm(u: number): number {
  const p = normalCdf(u);
  const m = normalCdf(-u);
  return p * logNormalCdf(u) + m * logNormalCdf(-u);
}
