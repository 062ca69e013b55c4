// Trivariate normal CDF Φ3(c; R) = P(X1 < c1, X2 < c2, X3 < c3) for standard normals with correlations r12, r13,
// r23, by conditioning on the variable with the smallest bound: Φ3 = ∫_{−∞}^{c1} φ(x) Φ2(h2(x), h3(x); r̃) dx with
// h_j = (c_j − r1j x)/√(1 − r1j²) and the conditional correlation r̃ = (r23 − r12 r13)/√((1 − r12²)(1 − r13²)); Φ2 by
// Genz's algorithm (bivariateNormal.ts). Composite Gauss–Legendre in x with an edge where h2 + h3 = 0 (a kink when
// the conditional correlation nears −1, as for the equicorrelated R at r → −½). ~1e−13 absolute (tests).
import { bivariateNormalCdf } from './bivariateNormal';
import { gaussLegendre } from './gaussHermite';
import { panelPoints } from './gaussRule';
import { normalPdf } from './normal';

const LOWER = -9; // φ(−9) ≈ 1e−18
const PANEL = 1.5;
const POINTS = 12;

/** Φ3(c1, c2, c3; r12, r13, r23); requires |r| < 1 for r12, r13 and a positive semi-definite R. */
export function trivariateNormalCdf(c1: number, c2: number, c3: number, r12: number, r13: number, r23: number): number {
  // Condition on the variable with the smallest bound (the shortest range of x).
  if (c2 < c1 && c2 <= c3) return trivariateNormalCdf(c2, c1, c3, r12, r23, r13);
  if (c3 < c1 && c3 < c2) return trivariateNormalCdf(c3, c2, c1, r23, r13, r12);
  if (c1 <= LOWER) return 0;
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
