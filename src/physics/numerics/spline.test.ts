import { describe, expect, it } from 'vitest';
import { clampedSpline, splineAt, splineEval, splineIntegral, uniformSpline } from './spline';

// A cubic is reproduced exactly by any cubic spline whose end conditions it satisfies.
const p = (x: number) => 0.5 - x + 0.75 * x * x - 0.2 * x * x * x;
const dp = (x: number) => -1 + 1.5 * x - 0.6 * x * x;

describe('uniform not-a-knot spline', () => {
  it('reproduces a cubic exactly (value and derivative), between and beyond the middle knots', () => {
    const h = 0.25;
    const s = uniformSpline(
      Float64Array.from({ length: 9 }, (_, i) => p(i * h)),
      h,
    );
    const out = { v: 0, d: 0 };
    for (const u of [0, 0.1, 0.37, 1, 1.6, 1.99, 2]) {
      splineEval(s, u, out);
      expect(out.v).toBeCloseTo(p(u), 13);
      expect(out.d).toBeCloseTo(dp(u), 12);
    }
  });

  it('interpolates sin to O(h⁴)', () => {
    const err = (n: number) => {
      const h = Math.PI / (n - 1);
      const s = uniformSpline(
        Float64Array.from({ length: n }, (_, i) => Math.sin(i * h)),
        h,
      );
      const out = { v: 0, d: 0 };
      let e = 0;
      for (let k = 0; k <= 200; k++) {
        splineEval(s, (k / 200) * Math.PI, out);
        e = Math.max(e, Math.abs(out.v - Math.sin((k / 200) * Math.PI)));
      }
      return e;
    };
    expect(err(17) / err(33)).toBeGreaterThan(12); // 2⁴ = 16 asymptotically
  });
});

describe('clamped spline on non-uniform knots', () => {
  // q(x) = (x − 2)³ + x has q''(2) = 0, so it meets the natural right end at t = 2.
  const q = (x: number) => (x - 2) ** 3 + x;
  const dq = (x: number) => 3 * (x - 2) ** 2 + 1;
  const Q = (x: number) => ((x - 2) ** 4 - 16) / 4 + (x * x) / 2; // ∫_0^x q
  const t = Float64Array.from([0, 0.1, 0.35, 0.5, 0.9, 1.4, 2]);
  const s = clampedSpline(t, t.map(q), dq(0));

  it('reproduces a cubic that meets its end conditions, with the exact antiderivative', () => {
    const out = { v: 0, d: 0 };
    for (const u of [0, 0.05, 0.3, 0.77, 1.2, 2]) {
      splineAt(s, u, out);
      expect(out.v).toBeCloseTo(q(u), 12);
      expect(out.d).toBeCloseTo(dq(u), 11);
      expect(splineIntegral(s, u)).toBeCloseTo(Q(u), 12);
    }
  });
});
