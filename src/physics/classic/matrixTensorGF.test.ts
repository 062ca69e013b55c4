import { describe, expect, it } from 'vitest';
import { gradientFlowDynamics, LARGE_N_T_MAX, largeNOverlap } from './matrixTensorGF';
import { gfThreshold } from './matrixTensorThresholds';

/** Late-time growth rate of ln m over the last fifth of the run, and the BBP outlier rate there (note §4b). */
function run(u: number) {
  const steps = 500;
  const r = gradientFlowDynamics({ p: 3, delta2: 1 / u, deltaP: 1, tMax: 50, steps, m0: 1e-15 });
  const k = 0.8 * steps;
  const xi2 = u + 2; // ξ″(1) = 1/Δ2 + (p − 1)/Δp
  return {
    rate: Math.log(r.m[steps] / r.m[k]) / (r.t[steps] - r.t[k]),
    outlier: u + xi2 / u - r.mu[steps],
    mu: r.mu[steps],
    threshold: 2 * Math.sqrt(xi2),
  };
}

describe('gradient flow of the spiked matrix–tensor model (CHSCK, T = 0)', () => {
  it('without the tensor reaches the top eigenvector of the spiked matrix: m → √(1 − Δ2) (BBP closed form)', () => {
    const r = gradientFlowDynamics({ p: 3, delta2: 0.25, deltaP: 1e6, tMax: 40, steps: 400, m0: 1e-3 });
    // measured 0.866025 at t = 40 (h = 0.1)
    expect(Math.abs(r.m[400] - Math.sqrt(0.75))).toBeLessThan(1e-4);
  });

  it('p = 3, Δp = 1 (u_GF = 2): m grows at the threshold states’ BBP outlier rate above u_GF, not below', () => {
    expect(gfThreshold(3, 1)).toBe(2);
    for (const u of [2.6, 3]) {
      const a = run(u);
      // the flow sits at the threshold states, μ → 2√ξ″(1) from below (measured 1.0% and 0.9% short at t = 50) …
      expect(a.mu).toBeLessThan(a.threshold);
      expect(a.mu).toBeGreaterThan(0.98 * a.threshold);
      // … and m grows as e^{κt} with κ = u + ξ″(1)/u − μ(t), the outlier below the bulk (measured 1.2%, 0.1%)
      expect(Math.abs(a.rate - a.outlier)).toBeLessThan(0.03 * a.outlier);
    }
    // below u_GF there is no outlier (u < √ξ″(1)): m grows only as a power of t (measured κ = 0.0066, where the
    // outlier formula would give 0.105)
    const b = run(1.6);
    expect(b.mu).toBeGreaterThan(0.98 * b.threshold);
    expect(b.rate).toBeLessThan(0.1 * b.outlier);
  });

  it('Langevin at T = 1 without the tensor samples the posterior: m → 1 − Δ2 (Nishimori), to O(h)', () => {
    const at = (steps: number) =>
      gradientFlowDynamics({ p: 3, delta2: 0.25, deltaP: 1e6, tMax: 20, steps, m0: 1e-2, temperature: 1 }).m[steps];
    const [coarse, fine] = [at(200), at(400)];
    // measured 0.757906 (h = 0.1), 0.753475 (h = 0.05), 0.751644 (h = 0.025): first order in h; the Richardson
    // extrapolate 2m(h/2) − m(h) = 0.749044
    expect(Math.abs(fine - 0.75)).toBeLessThan(5e-3);
    expect(Math.abs(2 * fine - coarse - 0.75)).toBeLessThan(2e-3);
  });

  it('beside a finite-N run: from m(0) = 1/√N, 101 points up to min(tMax, 120)', () => {
    const req = { N: 100, delta2: 1 / 3, deltaP: 1, tMax: 40, temperature: 0 };
    const pts = largeNOverlap(req);
    expect(pts).toHaveLength(101);
    expect(pts[0]).toEqual([0, 0.1]);
    expect(pts[100][0]).toBeCloseTo(40, 12);
    // 1/Δ2 = 3 > u_GF = 2: from m(0) = 0.1 the flow reaches the informative minimum (m ≈ 0.85) by t = 40
    expect(pts[100][1]).toBeGreaterThan(0.8);
    expect(largeNOverlap({ ...req, tMax: 400 })[100][0]).toBeCloseTo(LARGE_N_T_MAX, 12);
  });

  it('refuses bad grids and starts with one-line messages', () => {
    const base = { p: 3, delta2: 1, deltaP: 1, tMax: 10, steps: 10, m0: 0.1 };
    expect(() => gradientFlowDynamics({ ...base, steps: 0 })).toThrow(/steps/);
    expect(() => gradientFlowDynamics({ ...base, tMax: -1 })).toThrow(/tMax/);
    expect(() => gradientFlowDynamics({ ...base, m0: 0 })).toThrow(/m0/);
    expect(() => gradientFlowDynamics({ ...base, temperature: -1 })).toThrow(/temperature/);
    expect(() => gradientFlowDynamics({ ...base, delta2: -1 })).toThrow();
  });
});
