import { describe, expect, it } from 'vitest';
import { gaussExpect } from './gaussRule';
import { normalCdf } from './normal';
import { bivariateNormalCdf } from './bivariateNormal';

/** Φ2(a, b; r) = E_x[1{x < a} Φ((b − r x)/√(1−r²))] by composite quadrature with a breakpoint at a. */
function reference(a: number, b: number, r: number): number {
  const c = Math.sqrt(1 - r * r);
  return gaussExpect((x) => (x < a ? normalCdf((b - r * x) / c) : 0), {
    breakpoints: [a],
    points: 30,
    panelWidth: 0.25,
  });
}

describe('bivariate normal CDF (Genz)', () => {
  it('Φ2(0, 0; r) = 1/4 + asin(r)/(2π)', () => {
    for (const r of [-0.99, -0.95, -0.5, 0, 0.2, 0.6, 0.93, 0.999]) {
      expect(bivariateNormalCdf(0, 0, r)).toBeCloseTo(0.25 + Math.asin(r) / (2 * Math.PI), 14);
    }
  });
  it('agrees with a direct 1-D integral across every branch of the algorithm', () => {
    for (const r of [-0.97, -0.8, -0.4, 0.1, 0.5, 0.8, 0.96]) {
      for (const [a, b] of [
        [0.3, -1.1],
        [-2, 1.5],
        [1.7, 2.2],
        [-0.4, -0.9],
        [3, -3],
      ]) {
        expect(Math.abs(bivariateNormalCdf(a, b, r) - reference(a, b, r))).toBeLessThan(1e-13);
      }
    }
  });
  it('r = 0 factorises; r → ±1 limits', () => {
    expect(bivariateNormalCdf(0.5, -0.3, 0)).toBeCloseTo(normalCdf(0.5) * normalCdf(-0.3), 15);
    expect(bivariateNormalCdf(0.5, -0.3, 1)).toBeCloseTo(normalCdf(-0.3), 15);
    expect(bivariateNormalCdf(0.5, -0.3, -1)).toBeCloseTo(normalCdf(0.5) - normalCdf(0.3), 15);
  });
});
