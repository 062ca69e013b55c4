import { describe, expect, it } from 'vitest';
import { quinticHermiteCoefficients } from './quinticHermite';

const evalAt = (c: Float64Array, k: number, t: number) =>
  c[6 * k] + t * (c[6 * k + 1] + t * (c[6 * k + 2] + t * (c[6 * k + 3] + t * (c[6 * k + 4] + t * c[6 * k + 5]))));

describe('quintic Hermite', () => {
  it('reproduces a degree-5 polynomial exactly on uneven nodes', () => {
    const p = (x: number) => 1 - 2 * x + 0.5 * x ** 3 - 3 * x ** 5;
    const dp = (x: number) => -2 + 1.5 * x ** 2 - 15 * x ** 4;
    const sp = (x: number) => 3 * x - 60 * x ** 3;
    const x = Float64Array.from([0, 0.1, 0.35, 0.4, 0.8, 1.3]);
    const c = quinticHermiteCoefficients(x.map(p), x.map(dp), x.map(sp), (k) => x[k + 1] - x[k]);
    for (let k = 0; k < x.length - 1; k++)
      for (const t of [0, 0.3, 0.77, 1]) {
        const xt = x[k] + t * (x[k + 1] - x[k]);
        expect(evalAt(c, k, t)).toBeCloseTo(p(xt), 13);
      }
  });

  it('converges as h⁶ for a smooth non-polynomial function', () => {
    const err = (N: number) => {
      const x = Float64Array.from({ length: N + 1 }, (_, k) => k / N);
      const c = quinticHermiteCoefficients(x.map(Math.exp), x.map(Math.exp), x.map(Math.exp), () => 1 / N);
      let e = 0;
      for (let k = 0; k < N; k++) e = Math.max(e, Math.abs(evalAt(c, k, 0.5) - Math.exp((k + 0.5) / N)));
      return e;
    };
    const ratio = err(4) / err(8);
    expect(ratio).toBeGreaterThan(50); // 2⁶ = 64
    expect(ratio).toBeLessThan(80);
  });
});
