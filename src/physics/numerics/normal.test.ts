import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf } from './normal';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

// mpmath, 30 digits (normal.fixtures.py): [x, erf(x), erfc(x)]
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
