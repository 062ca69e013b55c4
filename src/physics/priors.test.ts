// m_W and its slope (docs/physics/mlp-shallow.md §5): one pass gives both; the slope is checked against central
// differences of m_W, and the Gaussian case against m_W = q̂/(1 + q̂).

import { describe, expect, it } from 'vitest';
import { overlapW, overlapWSlope } from './priors';

describe('overlapWSlope', () => {
  for (const prior of ['gaussian', 'rademacher'] as const) {
    it(`${prior}: m_W as overlapW, m_W′ as its central difference (1e−7)`, () => {
      const out = { v: 0, d: 0 };
      for (const q of [0.01, 0.5, 3, 10, 20]) {
        overlapWSlope(prior, q, out);
        expect(out.v).toBeCloseTo(overlapW(prior, q), 14);
        const h = 1e-4 * q;
        const fd = (overlapW(prior, q + h) - overlapW(prior, q - h)) / (2 * h);
        expect(Math.abs(out.d - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
        if (prior === 'gaussian') expect(out.d).toBeCloseTo(1 / (1 + q) ** 2, 14);
      }
      // q̂ → 0 (Stein's form for Rademacher): m_W′(0) = 1, m_W″(0) = −2 for both priors.
      overlapWSlope(prior, 1e-12, out);
      expect(Math.abs(out.d - 1)).toBeLessThan(1e-10);
      overlapWSlope(prior, 1e-11, out);
      expect(Math.abs(out.d - (1 - 2e-11))).toBeLessThan(1e-13);
    });
  }
});
