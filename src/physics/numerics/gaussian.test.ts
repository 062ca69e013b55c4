import { describe, expect, it } from 'vitest';
import {
  erf,
  erfc,
  gaussExpect,
  gaussExpect2,
  gaussHermitePairQuadrature,
  gaussPairQuadrature,
  gaussRule,
  normalCdf,
  normalPdf,
  pairSum,
} from './gaussian';

const relu = (x: number): number => (x > 0 ? x : 0);
const step = (x: number): number => (x > 0 ? 1 : 0);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

// mpmath, 30 digits: [x, erf(x), erfc(x)]
const ERF_TABLE: [number, number, number][] = [
  [0.1, 0.1124629160182848984, 0.8875370839817151016],
  [0.3, 0.32862675945912741619, 0.67137324054087258381],
  [0.46875, 0.49261347321793799159, 0.50738652678206200841],
  [0.5, 0.52049987781304653768, 0.47950012218695346232],
  [0.75, 0.7111556336535151316, 0.2888443663464848684],
  [1, 0.84270079294971486934, 0.15729920705028513066],
  [1.5, 0.96610514647531072707, 0.033894853524689272933],
  [2, 0.99532226501895273416, 0.0046777349810472658379],
  [3, 0.99997790950300141456, 0.000022090496998585441373],
  [4, 0.99999998458274209972, 1.5417257900280018852e-8],
  [4.5, 0.99999999980338395585, 1.9661604415428874763e-10],
  [6, 0.99999999999999997848, 2.1519736712498913117e-17],
  [10, 1, 2.088487583762544757e-45],
  [15, 1, 7.2129941724512066666e-100],
  [20, 1, 5.3958656116079009289e-176],
  [26, 1, 5.6631924088561428465e-296],
  [-0.2, -0.22270258921047846618, 1.2227025892104784662],
  [-1.3, -0.93400794494065244585, 1.9340079449406524459],
  [-3.7, -0.99999983284894209085, 1.9999998328489420909],
];

describe('erf, erfc, normal law', () => {
  it('erf and erfc match 30-digit references to ~1e−15 relative', () => {
    for (const [x, e, c] of ERF_TABLE) {
      expect(Math.abs(erf(x) - e)).toBeLessThanOrEqual(2e-16 * Math.abs(e) + 1e-300);
      expect(Math.abs(erfc(x) - c)).toBeLessThanOrEqual(1e-15 * c);
    }
  });

  it('erf is odd, small arguments keep full relative precision, limits and NaN', () => {
    for (const x of [1e-300, 1e-20, 1e-8, 0.01, 0.4, 0.47, 0.9, 2.2, 5.5]) expect(erf(-x)).toBe(-erf(x));
    expect(erf(1e-10)).toBeCloseTo(1.128379167095512615e-10, 25);
    expect(Math.abs(erf(1e-10) / 1.128379167095512615e-10 - 1)).toBeLessThan(1e-15);
    expect(erf(0)).toBe(0);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });

  it('erf is smooth across Cody’s range boundaries (0.46875 and 4)', () => {
    for (const b of [0.46875, 4]) {
      const h = 1e-9;
      const slope = (erf(b + h) - erf(b - h)) / (2 * h);
      expect(slope).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-b * b), 6);
    }
  });

  it('normalCdf and normalPdf', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485177956379, 15);
    expect(Math.abs(normalCdf(-10) / 7.619853024160526066e-24 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-30) / 4.9067139271481870595e-198 - 1)).toBeLessThan(1e-13);
    expect(normalPdf(0)).toBeCloseTo(INV_SQRT_2PI, 16);
    expect(normalPdf(1.3)).toBeCloseTo(INV_SQRT_2PI * Math.exp(-0.845), 16);
  });
});

describe('gaussExpect', () => {
  it('integrates polynomials exactly (moments (2k − 1)!!)', () => {
    expect(gaussExpect(() => 1)).toBeCloseTo(1, 15);
    expect(gaussExpect((z) => z)).toBeCloseTo(0, 15);
    expect(gaussExpect((z) => z * z)).toBeCloseTo(1, 14);
    expect(gaussExpect((z) => z ** 4)).toBeCloseTo(3, 14);
    expect(gaussExpect((z) => z ** 6)).toBeCloseTo(15, 13);
    expect(gaussExpect((z) => z ** 12)).toBeCloseTo(10395, 9);
  });

  it('kinks at 0 are integrated exactly: ReLU, |z|, step', () => {
    expect(gaussExpect(relu)).toBeCloseTo(INV_SQRT_2PI, 15);
    expect(gaussExpect((z) => relu(z) ** 2)).toBeCloseTo(0.5, 15);
    expect(gaussExpect(Math.abs)).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
    expect(gaussExpect(step)).toBeCloseTo(0.5, 15);
    expect(gaussExpect((z) => Math.max(z, 0.01 * z))).toBeCloseTo(0.99 * INV_SQRT_2PI, 15);
  });

  it('kinks elsewhere need their breakpoint', () => {
    const exact1 = 0.083315470587686298383; // E relu(z − 1) = φ(1) − (1 − Φ(1))
    expect(Math.abs(gaussExpect((z) => relu(z - 1), { breakpoints: [1] }) - exact1)).toBeLessThan(1e-15);
    const c = 1.3;
    const f = (z: number): number => relu(z - c);
    const exact = normalPdf(c) - c * normalCdf(-c);
    expect(Math.abs(gaussExpect(f, { breakpoints: [c] }) - exact)).toBeLessThan(1e-15);
    expect(Math.abs(gaussExpect(f) - exact)).toBeGreaterThan(1e-10); // panel edges only at integers
  });

  it('smooth non-polynomial integrands to ~1e−15', () => {
    expect(gaussExpect(Math.exp)).toBeCloseTo(Math.exp(0.5), 14);
    expect(gaussExpect(Math.cos)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(gaussExpect((z) => Math.tanh(2 * z) ** 2)).toBeCloseTo(0.63526123425693992486, 15);
    expect(gaussExpect((z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))))).toBeCloseTo(0.80605918334743978453, 15);
  });

  it('the rule is cached and its weights sum to 1', () => {
    const r = gaussRule();
    expect(gaussRule()).toBe(r);
    let s = 0;
    for (const w of r.w) s += w;
    expect(s).toBeCloseTo(1, 15);
  });
});

describe('gaussExpect2 (corr(z, z′) = q)', () => {
  const mu0 = INV_SQRT_2PI;
  const reluG = (x: number): number =>
    (-1 - 0.5 * x * x + Math.sqrt(1 - x * x) + x * Math.asin(x)) / (2 * Math.PI);
  const reluCov = (q: number): number => mu0 * mu0 + 0.25 * q + 0.5 * mu0 * mu0 * q * q + reluG(q);
  const QS = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999, 1 - 1e-6, 1 - 1e-9, 1];

  it('E relu(z) relu(z′) and E step(z) step(z′) to ~1e−14, even as q → 1', () => {
    for (const q of QS) {
      expect(Math.abs(gaussExpect2((a, b) => relu(a) * relu(b), q) - reluCov(q))).toBeLessThan(1e-14);
      expect(Math.abs(gaussExpect2((a, b) => step(a) * step(b), q) - (0.25 + Math.asin(q) / (2 * Math.PI)))).toBeLessThan(1e-14);
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
    expect(gaussExpect2(f, 1)).toBeCloseTo(gaussExpect((z) => f(z, z)), 15);
  });

  it('polynomials and closed forms: E z²z′² = 1 + 2q², E erf·erf = (2/π) arcsin(2q/3), E |z||z′|', () => {
    for (const q of [0.2, 0.6, 0.95, 0.99999]) {
      expect(gaussExpect2((a, b) => a * a * b * b, q)).toBeCloseTo(1 + 2 * q * q, 13);
      expect(gaussExpect2((a, b) => erf(a) * erf(b), q, { breakpoints: [] })).toBeCloseTo((2 / Math.PI) * Math.asin((2 * q) / 3), 14);
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
      expect(pairSum(gaussPairQuadrature(q, {}, true), kinked)).toBeCloseTo(pairSum(gaussPairQuadrature(q), kinked), 14);
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
