import { describe, expect, it } from 'vitest';
import { gradientFlowDynamics } from './matrixTensorGF';
import { langevinGap, langevinThreshold, marginalState } from './matrixTensorLangevinLine';
import { gfThreshold, thresholdsAt } from './matrixTensorThresholds';

const DELTA_PS = [0.05, 0.25, 0.5, 1, 1.5, 2, 4, 10, 100];

describe('Langevin threshold of the spiked matrix–tensor model (marginal states at T, note §4c)', () => {
  it('at T = 0 is the gradient-flow line u² = ξ″(1) of arXiv 1907.08226, for every p', () => {
    for (const p of [3, 4, 5, 6])
      for (const deltaP of DELTA_PS) {
        const r = langevinThreshold(p, deltaP, 0);
        expect(r.converged).toBe(true);
        expect(Math.abs(r.u - gfThreshold(p, deltaP))).toBeLessThan(1e-12 * r.u);
      }
  });

  it('p = 3, T = 1: u(u − 1)(u² − 2/Δp) = 0 gives u_L = max(1, √(2/Δp)) (closed form)', () => {
    for (const deltaP of DELTA_PS) {
      const r = langevinThreshold(3, deltaP, 1);
      expect(Math.abs(r.u - Math.max(1, Math.sqrt(2 / deltaP)))).toBeLessThan(1e-12 * r.u);
      // Langevin at the Bayes temperature needs no more signal than AMP-free gradient flow, and never less than AMP.
      expect(r.u).toBeLessThanOrEqual(gfThreshold(3, deltaP));
      expect(r.u).toBeGreaterThanOrEqual(1);
    }
    // between the lines the gap changes sign: stable below, unstable above
    expect(langevinGap(3, 1, 1.3, 1)).toBeLessThan(0);
    expect(langevinGap(3, 1, 1.5, 1)).toBeGreaterThan(0);
    // p ≥ 4 and intermediate T lie between the T = 0 line and u = T (the root is bracketed; spot values)
    const p4 = langevinThreshold(4, 0.1, 1).u;
    expect(Math.abs(langevinGap(4, 0.1, p4, 1))).toBeLessThan(1e-10 * p4 * p4);
    expect(p4).toBeLessThan(gfThreshold(4, 0.1));
    expect(langevinThreshold(3, 1, 0.5).u).toBeGreaterThan(langevinThreshold(3, 1, 1).u);
    expect(langevinThreshold(3, 1, 0.5).u).toBeLessThan(gfThreshold(3, 1));
  });

  it('at the line the plateau q = 1 − T/u is the marginal one, with 0 < x < 1 (one-step aging applies)', () => {
    for (const deltaP of [0.1, 0.5, 1, 1.5]) {
      const u = langevinThreshold(3, deltaP, 1).u;
      const s = marginalState(3, deltaP, u, 1)!;
      expect(Math.abs(s.q - (1 - 1 / u))).toBeLessThan(1e-12);
      expect(s.x).toBeGreaterThan(0);
      expect(s.x).toBeLessThan(1);
    }
    // Δp = 1: q = 1 − 1/√2 and x = √2 − 1 (values printed by the code: 0.292893, 0.414214)
    const s = marginalState(3, 1, Math.SQRT2, 1)!;
    expect(s.x).toBeCloseTo(Math.SQRT2 - 1, 10);
    // the step from the escape condition to u·β(1 − q) = 1: μ∞ − β[ξ′(1) − ξ′(q)] = T/(1 − q) on any CK state
    for (const [deltaP, u, T] of [
      [1, 1.8, 1],
      [0.5, 1.3, 1],
      [0.3, 3, 0.7],
    ]) {
      const st = marginalState(3, deltaP, u, T)!;
      const xi1 = (q: number) => u * q + (q * q) / deltaP;
      expect(st.mu - (xi1(1) - xi1(st.q)) / T).toBeCloseTo(T / (1 - st.q), 12);
    }
    // no aging where the paramagnet is stable (u < 1, no tensor to speak of)
    expect(marginalState(3, 1e6, 0.5, 1)).toBeNull();
  });

  it('reduces to the spherical p-spin (no matrix): x = (p − 2)(1 − q)/q (Cugliandolo–Kurchan), x = 1 at T_d', () => {
    // ξ = q³/3 (Δp = 1) is the 3-spin ξ = q³/2 at T√(3/2): T_d = √(3/8)·√(2/3) = 1/2, where x reaches 1.
    for (const T of [0.2, 0.35, 0.5]) {
      const s = marginalState(3, 1, 1e-12, T)!;
      expect(Math.abs(s.x - (1 - s.q) / s.q)).toBeLessThan(1e-9);
    }
    expect(marginalState(3, 1, 1e-12, 0.5)!.x).toBeCloseTo(1, 6);
    // T → 0: the threshold states, μ∞ → 2√ξ″(1) (the gradient-flow multiplier of note §4b)
    expect(marginalState(3, 1, 1, 1e-6)!.mu).toBeCloseTo(2 * Math.sqrt(3), 4);
  });

  it('CHSCK at T = 1, Δp = 1: μ(t) → μ∞ of the aging state; m escapes exponentially above u_L, not below', () => {
    const run = (u: number, temperature: number) => {
      const steps = 500;
      const r = gradientFlowDynamics({ p: 3, delta2: 1 / u, deltaP: 1, tMax: 50, steps, m0: 1e-15, temperature });
      // local exponent a(t) = d ln m / d ln t over [0.9t, t]: constant for a power law, ∝ t for an exponential
      const a = (k: number) => (r.t[k] * Math.log(r.m[k] / r.m[k - steps / 10])) / (r.t[k] - r.t[k - steps / 10]);
      return { rise: a(steps) - a(steps / 2), mu: r.mu[steps] };
    };
    const [below, above, gradientFlow] = [run(1.2, 1), run(1.8, 1), run(1.8, 0)];
    // measured 0.97 % (u = 1.2) and 0.99 % (u = 1.8) short at t = 50 (h = 0.1), approached from below
    for (const [u, r] of [
      [1.2, below],
      [1.8, above],
    ] as const) {
      const muInf = marginalState(3, 1, u, 1)!.mu;
      expect(r.mu).toBeLessThan(muInf);
      expect(r.mu).toBeGreaterThan(0.98 * muInf);
    }
    // u = 1.8 lies between u_L = √2 and u_GF = 2: Langevin escapes (a rises by 0.55 from t = 25 to 50), gradient
    // flow does not (0.06); u = 1.2, between u_AMP = 1 and u_L, is hard for Langevin too (0.03).
    expect(above.rise).toBeGreaterThan(0.3);
    expect(gradientFlow.rise).toBeLessThan(0.1);
    expect(below.rise).toBeLessThan(0.1);
  });

  it('is a line of the p = 3 diagram only (p ≥ 4: m = 0 unstable from u = 1 on; note §4c)', () => {
    expect(thresholdsAt(3, 0.5)).toMatchObject({ langevin: expect.closeTo(2, 12), converged: true });
    expect(thresholdsAt(3, 4)).toMatchObject({ langevin: 1, converged: true });
    expect(thresholdsAt(4, 0.25)).toMatchObject({ langevin: null, converged: true });
    // why: for p = 4 the gap u² − ξ″(1 − 1/u) is positive just above u = 1, negative further up, positive again
    expect(langevinGap(4, 0.25, 1.05, 1)).toBeGreaterThan(0);
    expect(langevinGap(4, 0.25, 2, 1)).toBeLessThan(0);
  });

  it('refuses bad input with one-line messages', () => {
    expect(() => langevinThreshold(3, 1, -0.1)).toThrow(/temperature/);
    expect(() => langevinThreshold(3, 1, 2)).toThrow(/temperature/);
    expect(() => marginalState(3, 1, 1, 0)).toThrow(/temperature/);
    expect(() => marginalState(3, 1, -1, 1)).toThrow(/1\/Δ2/);
    expect(() => langevinThreshold(2, 1)).toThrow(/p must be/);
  });
});
