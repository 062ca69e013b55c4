// Trivariate normal CDF Φ3(c; R) = P(X1 < c1, X2 < c2, X3 < c3) for standard normals with correlations r12, r13,
// r23. Away from singular R: Plackett's reduction to a 1-D integral of φ2·Φ (below, ~10 µs). Near a singular R
// (det R < 0.15, e.g. the equicorrelated R at r → −½): conditioning on the variable with the smallest bound,
// Φ3 = ∫_{−∞}^{c1} φ(x) Φ2(h2(x), h3(x); r̃) dx with h_j = (c_j − r1j x)/√(1 − r1j²) and the conditional correlation
// r̃ = (r23 − r12 r13)/√((1 − r12²)(1 − r13²)), Φ2 by Genz's algorithm (bivariateNormal.ts), composite
// Gauss–Legendre in x with an edge where h2 + h3 = 0 (a kink as r̃ → −1). ~1e−13 absolute (tests: Sheppard's
// orthant formula, a brute-force nested integral).
import { bivariateNormalCdf } from './bivariateNormal';
import { gaussLegendre } from './gaussHermite';
import { panelPoints } from './gaussRule';
import { normalCdf, normalPdf } from './normal';

const LOWER = -9; // φ(−9) ≈ 1e−18
const PANEL = 1.5;
const POINTS = 12;

const PLACKETT = gaussLegendre(20);
const TWO_PI = 2 * Math.PI;

/** φ2(x, y; r), the bivariate normal density. */
function pdf2(x: number, y: number, r: number): number {
  const v = (1 - r) * (1 + r);
  return Math.exp(-(x * x - 2 * r * x * y + y * y) / (2 * v)) / (TWO_PI * Math.sqrt(v));
}

/**
 * Plackett's reduction (as in Genz 2004, Stat. Comput. 14, 251): with r12, r13 scaled by t ∈ [0, 1] and r23 kept,
 * ∂Φ3/∂r_ij = φ2(c_i, c_j; r_ij) Φ(u_k) (u_k the third variable's standardised bound given the other two), so
 * Φ3 = Φ(c1)Φ2(c2, c3; r23) + ∫_0^1 [r12 φ2(c1, c2; t r12) Φ(u3) + r13 φ2(c1, c3; t r13) Φ(u2)] dt, 20-point
 * Gauss–Legendre in t. Smooth in t while det R stays away from 0 (the caller checks).
 */
function plackett(c1: number, c2: number, c3: number, r12: number, r13: number, r23: number): number {
  let sum = 0;
  for (let k = 0; k < PLACKETT.x.length; k++) {
    const t = 0.5 * (PLACKETT.x[k] + 1);
    const a = t * r12;
    const b = t * r13;
    const v12 = (1 - a) * (1 + a);
    const v13 = (1 - b) * (1 + b);
    const det = 1 - a * a - b * b - r23 * r23 + 2 * a * b * r23;
    // X3 | X1 = c1, X2 = c2 and X2 | X1 = c1, X3 = c3.
    const u3 = (c3 - ((b - a * r23) * c1 + (r23 - a * b) * c2) / v12) / Math.sqrt(det / v12);
    const u2 = (c2 - ((a - b * r23) * c1 + (r23 - a * b) * c3) / v13) / Math.sqrt(det / v13);
    sum += PLACKETT.w[k] * (r12 * pdf2(c1, c2, a) * normalCdf(u3) + r13 * pdf2(c1, c3, b) * normalCdf(u2));
  }
  return normalCdf(c1) * bivariateNormalCdf(c2, c3, r23) + 0.5 * sum;
}

/** det R below which the conditioning integral is used instead of Plackett's reduction. */
const NEAR_SINGULAR = 0.15;

/** Φ3(c1, c2, c3; r12, r13, r23); requires |r| < 1 for r12, r13 and a positive semi-definite R. */
export function trivariateNormalCdf(c1: number, c2: number, c3: number, r12: number, r13: number, r23: number): number {
  // Condition on the variable with the smallest bound (the shortest range of x).
  if (c2 < c1 && c2 <= c3) return trivariateNormalCdf(c2, c1, c3, r12, r23, r13);
  if (c3 < c1 && c3 < c2) return trivariateNormalCdf(c3, c2, c1, r23, r13, r12);
  if (c1 <= LOWER) return 0;
  if (1 - r12 * r12 - r13 * r13 - r23 * r23 + 2 * r12 * r13 * r23 > NEAR_SINGULAR) {
    // Keep the largest |r| fixed (Genz): the t-path then stays far from singular matrices.
    const m = Math.max(Math.abs(r12), Math.abs(r13), Math.abs(r23));
    const p =
      m === Math.abs(r23)
        ? plackett(c1, c2, c3, r12, r13, r23)
        : m === Math.abs(r13)
          ? plackett(c2, c1, c3, r12, r23, r13)
          : plackett(c3, c1, c2, r13, r23, r12);
    return Math.min(1, Math.max(0, p));
  }
  const s2 = Math.sqrt((1 - r12) * (1 + r12));
  const s3 = Math.sqrt((1 - r13) * (1 + r13));
  const r = Math.max(-1, Math.min(1, (r23 - r12 * r13) / (s2 * s3)));
  const hi = Math.min(c1, -LOWER);
  // Panels of width 1.5 down from the upper bound, split where h2 + h3 = 0; fewer points where φ is negligible.
  const edges = [hi];
  for (let e = hi - PANEL; e > LOWER; e -= PANEL) edges.push(e);
  edges.push(LOWER);
  const slope = r12 / s2 + r13 / s3;
  if (Math.abs(slope) > 1e-12) {
    const kink = (c2 / s2 + c3 / s3) / slope;
    if (kink > LOWER && kink < hi) edges.push(kink);
  }
  edges.sort((p, q) => p - q);
  let sum = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    if (b - a < 1e-14) continue;
    const gl = gaussLegendre(panelPoints(a, b, POINTS, 1e-17));
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    for (let k = 0; k < gl.x.length; k++) {
      const x = mid + half * gl.x[k];
      sum += half * gl.w[k] * normalPdf(x) * bivariateNormalCdf((c2 - r12 * x) / s2, (c3 - r13 * x) / s3, r);
    }
  }
  return Math.min(1, Math.max(0, sum));
}
