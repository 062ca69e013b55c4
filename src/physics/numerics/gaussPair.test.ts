import { describe, expect, it } from 'vitest';
import { gaussExpect2, gaussHermitePairQuadrature, gaussPairQuadrature, pairSum } from './gaussPair';
import { gaussExpect } from './gaussRule';
import { erf } from './normal';

const relu = (x: number): number => (x > 0 ? x : 0);
const step = (x: number): number => (x > 0 ? 1 : 0);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

describe('gaussExpect2 (corr(z, z′) = q)', () => {
  const mu0 = INV_SQRT_2PI;
  const reluG = (x: number): number => (-1 - 0.5 * x * x + Math.sqrt(1 - x * x) + x * Math.asin(x)) / (2 * Math.PI);
  const reluCov = (q: number): number => mu0 * mu0 + 0.25 * q + 0.5 * mu0 * mu0 * q * q + reluG(q);
  const QS = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999, 1 - 1e-6, 1 - 1e-9, 1];

  it('E relu(z) relu(z′) and E step(z) step(z′) to ~1e−14, even as q → 1', () => {
    for (const q of QS) {
      expect(Math.abs(gaussExpect2((a, b) => relu(a) * relu(b), q) - reluCov(q))).toBeLessThan(1e-14);
      expect(
        Math.abs(gaussExpect2((a, b) => step(a) * step(b), q) - (0.25 + Math.asin(q) / (2 * Math.PI))),
      ).toBeLessThan(1e-14);
    }
  });

  it('negative correlations', () => {
    for (const q of [-0.3, -0.9, -0.999, -1]) {
      expect(Math.abs(gaussExpect2((a, b) => relu(a) * relu(b), q) - reluCov(q))).toBeLessThan(1e-14);
    }
  });

  it('q = 0 factorises and q = 1 is the 1-D expectation', () => {
    const f = (a: number, b: number): number => Math.tanh(2 * a) * Math.cos(b) + a * a * b * b;
    expect(gaussExpect2(f, 0)).toBeCloseTo(1, 14);
    expect(gaussExpect2(f, 1)).toBeCloseTo(
      gaussExpect((z) => f(z, z)),
      15,
    );
  });

  it('polynomials and closed forms: E z²z′² = 1 + 2q², E erf·erf = (2/π) arcsin(2q/3), E |z||z′|', () => {
    for (const q of [0.2, 0.6, 0.95, 0.99999]) {
      expect(gaussExpect2((a, b) => a * a * b * b, q)).toBeCloseTo(1 + 2 * q * q, 13);
      expect(gaussExpect2((a, b) => erf(a) * erf(b), q, { breakpoints: [] })).toBeCloseTo(
        (2 / Math.PI) * Math.asin((2 * q) / 3),
        14,
      );
      const absCov = (2 / Math.PI) * (Math.sqrt(1 - q * q) + q * Math.asin(q));
      expect(gaussExpect2((a, b) => Math.abs(a) * Math.abs(b), q)).toBeCloseTo(absCov, 14);
    }
  });

  it('a kink away from 0, given as a breakpoint', () => {
    const f = (a: number, b: number): number => relu(a - 1) * relu(b - 1);
    const ref: [number, number][] = [
      [0.6, 0.034878892886238716],
      [0.99, 0.07384424233038361],
      [0.9999, 0.07532400882995248],
    ]; // scipy nested adaptive quadrature
    for (const [q, v] of ref) expect(Math.abs(gaussExpect2(f, q, { breakpoints: [1] }) - v)).toBeLessThan(1e-13);
  });

  it('folded (half) and Gauss–Hermite pair quadratures agree with the full composite one', () => {
    const even = (a: number, b: number): number => Math.tanh(a) * Math.tanh(b); // invariant under (z, z′) → −(z, z′)
    for (const q of [0.3, 0.9, 0.999]) {
      const full = pairSum(gaussPairQuadrature(q, { breakpoints: [] }), even);
      expect(pairSum(gaussPairQuadrature(q, { breakpoints: [] }, true), even)).toBeCloseTo(full, 14);
      expect(pairSum(gaussHermitePairQuadrature(q, 120), even)).toBeCloseTo(full, 12);
      expect(pairSum(gaussHermitePairQuadrature(q, 120, true), even)).toBeCloseTo(full, 12);
      const kinked = (a: number, b: number): number => Math.abs(a) * Math.abs(b);
      expect(pairSum(gaussPairQuadrature(q, {}, true), kinked)).toBeCloseTo(
        pairSum(gaussPairQuadrature(q), kinked),
        14,
      );
    }
  });

  it('inner nodes report ξ on request', () => {
    const q = 0.8;
    const pq = gaussPairQuadrature(q);
    const y = new Float64Array(pq.maxInner);
    const w = new Float64Array(pq.maxInner);
    const xi = new Float64Array(pq.maxInner);
    const n = pq.inner(3, y, w, xi);
    for (let j = 0; j < n; j++) expect(y[j]).toBeCloseTo(q * pq.z[3] + 0.6 * xi[j], 14);
  });

  it('rejects |q| > 1 and asymmetric breakpoints when folded', () => {
    expect(() => gaussExpect2(() => 1, 1.01)).toThrow(RangeError);
    expect(() => gaussPairQuadrature(0.5, { breakpoints: [1] }, true)).toThrow(RangeError);
  });
});
