import { describe, expect, it } from 'vitest';
import { gaussExpect } from './gaussRule';
import { normalCdf } from './normal';
import { bivariateNormalCdf } from './bivariateNormal';
import { trivariateNormalCdf } from './trivariateNormal';

/**
 * Brute force, independent of Genz's Φ2: Φ3 = E_{x1}[1{x1 < c1} E_{x2|x1}[1{x2 < c2} Φ(h3(x1, x2))]], two nested
 * composite Gauss–Legendre rules with edges at the indicator jumps.
 */
function bruteForce(c: number[], r12: number, r13: number, r23: number): number {
  const s2 = Math.sqrt(1 - r12 * r12);
  const p23 = (r23 - r12 * r13) / s2; // X3 = r13 x1 + p23 e2 + s3 e3, X2 = r12 x1 + s2 e2
  const s3 = Math.sqrt(1 - r13 * r13 - p23 * p23);
  const opts = { points: 16, panelWidth: 0.5 };
  return gaussExpect(
    (x1) => {
      if (x1 >= c[0]) return 0;
      const e2max = (c[1] - r12 * x1) / s2;
      return gaussExpect((e2) => (e2 < e2max ? normalCdf((c[2] - r13 * x1 - p23 * e2) / s3) : 0), {
        ...opts,
        breakpoints: [e2max],
      });
    },
    { ...opts, breakpoints: [c[0]] },
  );
}

describe('trivariate normal CDF', () => {
  // Sheppard's orthant formula; near the singular R (ρ → −½, where the brute force below is itself inaccurate)
  // the error is 5e−13.
  it('orthant: Φ3(0, 0, 0) = 1/8 + (asin r12 + asin r13 + asin r23)/(4π)', () => {
    for (const [a, b, c] of [
      [0, 0, 0],
      [-0.49, -0.49, -0.49],
      [-0.3, -0.3, -0.3],
      [0.5, 0.2, -0.1],
      [0.9, 0.85, 0.8],
    ]) {
      const exact = 1 / 8 + (Math.asin(a) + Math.asin(b) + Math.asin(c)) / (4 * Math.PI);
      expect(Math.abs(trivariateNormalCdf(0, 0, 0, a, b, c) - exact)).toBeLessThan(1e-12);
    }
  });

  it('independent: a product; one bound at +∞: Φ2', () => {
    expect(trivariateNormalCdf(0.3, -1, 2, 0, 0, 0)).toBeCloseTo(normalCdf(0.3) * normalCdf(-1) * normalCdf(2), 13);
    expect(trivariateNormalCdf(0.4, -0.7, 40, -0.45, 0.2, 0.1)).toBeCloseTo(bivariateNormalCdf(0.4, -0.7, -0.45), 13);
  });

  it('agrees with a brute-force nested integral (equicorrelated ρ ∈ [−0.45, 0.6] and a general R)', () => {
    const cases: [number[], number, number, number][] = [];
    for (const rho of [-0.45, -0.2, 0.3, 0.6])
      for (const c of [
        [0.3, -1.1, 0.7],
        [-2, 1.5, 0.1],
        [1.7, 2.2, 2.5],
        [-0.4, -0.4, -0.4],
      ])
        cases.push([c, rho, rho, rho]);
    cases.push([[0.5, -0.2, 1.0], 0.4, -0.3, 0.2]);
    for (const [c, a, b, r] of cases) {
      const ref = bruteForce(c, a, b, r);
      expect(Math.abs(trivariateNormalCdf(c[0], c[1], c[2], a, b, r) - ref)).toBeLessThan(2e-14);
      // symmetric in the order of the variables
      expect(Math.abs(trivariateNormalCdf(c[2], c[0], c[1], b, r, a) - ref)).toBeLessThan(2e-14);
      // symmetric in the order of the variables
    }
  });
});
