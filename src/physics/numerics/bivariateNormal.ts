// Bivariate normal CDF Φ2(a, b; r) = P(X < a, Y < b), corr(X, Y) = r, by Genz's algorithm (A. Genz, "Numerical
// computation of rectangular bivariate and trivariate normal and t probabilities", Stat. Comput. 14 (2004) 251;
// Drezner–Wesolowsky with Gauss–Legendre rules of 6, 12 or 20 points by |r|), accurate to ~1e−15 absolute.
import { gaussLegendre } from './gaussHermite';
import { normalCdf } from './normal';

const TWO_PI = 2 * Math.PI;
// Gauss–Legendre rules on [−1, 1]; the algorithm uses their nodes in the form (1 ± x)/2.
const RULES = [gaussLegendre(6), gaussLegendre(12), gaussLegendre(20)];

/** P(X > h, Y > k) for standard normals with correlation r (Genz's BVNU). */
export function bvnUpper(h: number, k: number, r: number): number {
  const rule = Math.abs(r) < 0.3 ? RULES[0] : Math.abs(r) < 0.75 ? RULES[1] : RULES[2];
  const { x, w } = rule;
  const n = x.length;
  let hk = h * k;
  let bvn = 0;
  if (Math.abs(r) < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < n; i++) {
      const sn = Math.sin((asr * (x[i] + 1)) / 2);
      bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    // Σ over the full rule = Genz's Σ over half the nodes with both signs.
    return (bvn * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) * (h - k);
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    let asr = -(bs / as + hk) / 2;
    if (asr > -100) bvn = a * Math.exp(asr) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (-hk < 100) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < n; i++) {
      const xs = (a * (x[i] + 1)) ** 2;
      const rs = Math.sqrt(1 - xs);
      asr = -(bs / xs + hk) / 2;
      if (asr > -100)
        bvn +=
          a * w[i] * Math.exp(asr) * (Math.exp((-hk * (1 - rs)) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  bvn = -bvn;
  if (k > h) bvn += normalCdf(k) - normalCdf(h);
  return bvn;
}

/** Φ2(a, b; r) = P(X < a, Y < b), clamped to [0, 1]. */
export function bivariateNormalCdf(a: number, b: number, r: number): number {
  if (r >= 1) return normalCdf(Math.min(a, b));
  if (r <= -1) return Math.max(0, normalCdf(a) - normalCdf(-b));
  return Math.min(1, Math.max(0, bvnUpper(-a, -b, r)));
}
