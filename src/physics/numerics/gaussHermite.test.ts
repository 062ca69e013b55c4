import { describe, expect, it } from 'vitest';
import { gaussHermite, gaussLegendre } from './gaussHermite';

/** (2k − 1)!! = E z^{2k} for z ~ N(0, 1). */
function doubleFactorial(k: number): number {
  let p = 1;
  for (let j = 2 * k - 1; j > 1; j -= 2) p *= j;
  return p;
}

describe('gaussHermite (probabilists’ weight)', () => {
  it('n = 1 and n = 2 are the textbook rules', () => {
    const r1 = gaussHermite(1);
    expect(r1.x[0]).toBe(0);
    expect(r1.w[0]).toBeCloseTo(1, 15);
    const r2 = gaussHermite(2);
    expect(r2.x[0]).toBeCloseTo(-1, 15);
    expect(r2.x[1]).toBeCloseTo(1, 15);
    expect(r2.w[0]).toBeCloseTo(0.5, 15);
    expect(r2.w[1]).toBeCloseTo(0.5, 15);
  });

  it('n = 3: nodes 0, ±√3 with weights 2/3, 1/6', () => {
    const { x, w } = gaussHermite(3);
    expect(Array.from(x)).toEqual([expect.closeTo(-Math.sqrt(3), 14), 0, expect.closeTo(Math.sqrt(3), 14)]);
    expect(w[1]).toBeCloseTo(2 / 3, 15);
    expect(w[0]).toBeCloseTo(1 / 6, 15);
  });

  it('weights sum to 1; nodes ascending and symmetric', () => {
    for (let n = 1; n <= 120; n++) {
      const { x, w } = gaussHermite(n);
      expect(x.length).toBe(n);
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += w[i];
        expect(w[i]).toBeGreaterThan(0);
        expect(x[i] + x[n - 1 - i]).toBeCloseTo(0, 12);
        if (i > 0) expect(x[i]).toBeGreaterThan(x[i - 1]);
      }
      expect(s).toBeCloseTo(1, 14);
    }
  });

  it('moments E z^{2k} = (2k − 1)!! are exact up to degree 2n − 1, for n up to 100', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100]) {
      const { x, w } = gaussHermite(n);
      for (let k = 1; 2 * k <= 2 * n - 1; k++) {
        let m = 0;
        let odd = 0;
        for (let i = 0; i < n; i++) {
          m += w[i] * x[i] ** (2 * k);
          odd += w[i] * x[i] ** (2 * k - 1);
        }
        expect(Math.abs(m / doubleFactorial(k) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(odd)).toBeLessThan(1e-12 * Math.sqrt(doubleFactorial(2 * k - 1)));
      }
    }
  });

  it('is not exact at degree 2n (the rule is exactly Gaussian, not better)', () => {
    const n = 5;
    const { x, w } = gaussHermite(n);
    let m = 0;
    for (let i = 0; i < n; i++) m += w[i] * x[i] ** (2 * n);
    expect(Math.abs(m - doubleFactorial(n))).toBeGreaterThan(1);
  });

  it('handles large n (500) without overflow (the outermost weights underflow to 0, as they should)', () => {
    const { x, w } = gaussHermite(500);
    let s = 0;
    for (let i = 0; i < 500; i++) {
      expect(Number.isFinite(x[i]) && w[i] >= 0).toBe(true);
      s += w[i];
    }
    expect(s).toBeCloseTo(1, 13);
    // E cos(z) = e^{−1/2}
    let c = 0;
    for (let i = 0; i < 500; i++) c += w[i] * Math.cos(x[i]);
    expect(c).toBeCloseTo(Math.exp(-0.5), 14);
  });

  it('is cached and rejects bad orders', () => {
    expect(gaussHermite(17)).toBe(gaussHermite(17));
    expect(() => gaussHermite(0)).toThrow(RangeError);
    expect(() => gaussHermite(2.5)).toThrow(RangeError);
    expect(() => gaussHermite(501)).toThrow(RangeError);
  });
});

describe('gaussLegendre on [−1, 1]', () => {
  it('n = 2: nodes ±1/√3, weights 1', () => {
    const { x, w } = gaussLegendre(2);
    expect(x[1]).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(x[0]).toBeCloseTo(-1 / Math.sqrt(3), 15);
    expect(w[0]).toBeCloseTo(1, 15);
  });

  it('integrates x^k exactly for k ≤ 2n − 1', () => {
    for (const n of [1, 2, 3, 4, 5, 7, 10, 16, 20, 24, 32, 64, 100]) {
      const { x, w } = gaussLegendre(n);
      for (let k = 0; k <= 2 * n - 1; k++) {
        let m = 0;
        for (let i = 0; i < n; i++) m += w[i] * x[i] ** k;
        const exact = k % 2 === 1 ? 0 : 2 / (k + 1);
        expect(Math.abs(m - exact)).toBeLessThan(2e-15);
      }
    }
  });

  it('integrates a generic polynomial of degree 2n − 1 on a shifted interval', () => {
    // ∫_0^3 (1 + 2t − t³ + t⁵) dt = 3 + 9 − 81/4 + 729/6
    const n = 3;
    const { x, w } = gaussLegendre(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const t = 1.5 + 1.5 * x[i];
      s += 1.5 * w[i] * (1 + 2 * t - t ** 3 + t ** 5);
    }
    expect(s).toBeCloseTo(3 + 9 - 81 / 4 + 729 / 6, 12);
  });

  it('nodes ascending, symmetric, weights sum to 2, cached', () => {
    for (let n = 1; n <= 80; n++) {
      const { x, w } = gaussLegendre(n);
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += w[i];
        expect(x[i] + x[n - 1 - i]).toBeCloseTo(0, 14);
        if (i > 0) expect(x[i]).toBeGreaterThan(x[i - 1]);
      }
      expect(s).toBeCloseTo(2, 14);
    }
    expect(gaussLegendre(12)).toBe(gaussLegendre(12));
    expect(() => gaussLegendre(-1)).toThrow(RangeError);
  });
});
