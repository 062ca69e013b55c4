// The exact g tables of the any-depth theory (docs/physics/mlp-any-depth.md "Numerics").
import { describe, expect, it } from 'vitest';
import { getActivation } from '../../activations';
import { buildLayerG, correlationsTrapezoid, type Sigma4 } from './gTrapezoid';
import { getLayerActivation, tanh2Nolin, TANH2_NOLIN } from './layerActivation';

describe('g tables by the trapezoid rule', () => {
  it("tanh2-nolin's μ1 and s are the spec's (13 digits)", () => {
    expect(TANH2_NOLIN.mu1).toBeCloseTo(0.7294775314861, 12);
    expect(TANH2_NOLIN.s).toBeCloseTo(0.3211288920572, 12);
  });

  it("g of tanh2-nolin at the spec's public points (13 digits), g(0) = 0 and g(1) = 1", () => {
    const a = getLayerActivation('tanh2-nolin');
    expect(a.g(0.5)).toBeCloseTo(0.08309705398709, 12);
    expect(a.g(0.9)).toBeCloseTo(0.6334581147667, 12);
    expect(a.g(0.99)).toBeCloseTo(0.9537628457692, 12);
    expect(a.g(0)).toBeCloseTo(0, 15); // μ0² by the rule
    expect(a.gPrime(0)).toBeCloseTo(0, 15);
    expect(a.g(1)).toBeCloseTo(1, 13);
  });

  it('the quintic interpolants equal the rule off the nodes to 1e−12, also at 1 − q = 1e−9', () => {
    const a = getLayerActivation('tanh2-nolin');
    const qs = [0.0123, 0.31, 0.577, 0.8123, 0.95, 0.9937, ...[3, 5, 7, 9].map((k) => 1 - 1.7 * 10 ** -k)];
    for (const q of qs) {
      const [g, g1, g2] = correlationsTrapezoid(tanh2Nolin, q, true);
      expect(Math.abs(a.g(q) - g)).toBeLessThan(1e-12);
      expect(Math.abs(a.gPrime(q) - g1)).toBeLessThan(1e-11 * Math.max(1, g1));
      expect(Math.abs(a.gSecond(q) - g2)).toBeLessThan(1e-7 * Math.max(1, g2)); // the slope of the g' interpolant
    }
  });

  it('the half sum over u ≥ 0 for odd σ equals the full sum', () => {
    const half = correlationsTrapezoid(tanh2Nolin, 0.73, true);
    const full = correlationsTrapezoid(tanh2Nolin, 0.73, false);
    for (let j = 0; j < 4; j++) expect(half[j]).toBeCloseTo(full[j], 13);
  });

  it('agrees with the registry table of tanh2-nolin (Gauss–Legendre, an independent quadrature) to its 2e−9', () => {
    const reg = getActivation('tanh2-nolin');
    const a = getLayerActivation('tanh2-nolin');
    for (let q = 0; q <= 1; q += 0.01) {
      expect(Math.abs(reg.g(q) - a.g(q))).toBeLessThan(2e-9);
      expect(Math.abs(reg.gPrime(q) - a.gPrime(q))).toBeLessThan(2e-8);
    }
  });

  it('He3/√6 by the rule is g = q³ (closed form) to 1e−13', () => {
    const s6 = Math.sqrt(6);
    const he3: Sigma4 = (x, out) => {
      out[0] = (x * x * x - 3 * x) / s6;
      out[1] = (3 * x * x - 3) / s6;
      out[2] = (6 * x) / s6;
      out[3] = 6 / s6;
    };
    const t = buildLayerG(he3, true);
    for (const q of [0.1, 0.5, 0.77, 0.999, 1]) {
      expect(t.g(q)).toBeCloseTo(q ** 3, 13);
      expect(t.gPrime(q)).toBeCloseTo(3 * q * q, 12);
      expect(t.gSecond(q)).toBeCloseTo(6 * q, 8);
    }
  });
});
