// The continuum of readout classes for `gauss`, solved exactly where Q(v) is explicit, against the solver's classes
// (issue 15 §1; docs/physics/mlp-shallow.md §7). For h23 (g′(q) = q²/2) with Gaussian W (m_W = q̂/(1 + q̂)), given the
// global order parameters each u = v² solves Q = m_W(c1 Q + c2 Q²), c1 = uA/γ (A the matrix term), c2 = uα/(2γD):
// besides Q = 0 the roots of c2 Q² + (c1 − c2) Q + 1 − c1 = 0; the informative start follows the upper one, which
// exists from its fold u_f = 4k2/(k1 + k2)² (c_i = k_i u) on, with a square-root singularity there. So Q(u) jumps at
// u_f, and E_u[·] over u ~ χ²₁ is taken exactly by Gauss–Legendre in s, u = u_f + s² (smooth in s).

import { describe, expect, it } from 'vitest';
import { gaussLegendre } from '../numerics/gaussHermite';
import { solveFromStart, solveR2hat } from './shallow';
import { getShallowModel } from './shallowModel';

const gl = gaussLegendre(24);

/** E_u[f(u); u > uf] for u ~ χ²₁, by 60 Gauss–Legendre panels in s = √(u − uf) up to u = uf + 90. */
function chi2Above(f: (u: number) => number, uf: number): number {
  const sMax = Math.sqrt(90);
  let acc = 0;
  for (let k = 0; k < 60; k++) {
    const a = (k * sMax) / 60;
    const h = sMax / 120;
    for (let i = 0; i < gl.x.length; i++) {
      const s = a + h * (1 + gl.x[i]);
      const u = uf + s * s;
      acc += h * gl.w[i] * f(u) * (Math.exp(-u / 2) / Math.sqrt(2 * Math.PI * u)) * 2 * s;
    }
  }
  return acc;
}

describe('gauss readouts: the continuum of classes (h23, Gaussian W, Δ = 0.1, γ = 0.5, informative start)', () => {
  const model = getShallowModel({ activation: 'h23', gamma: 0.5, delta: 0.1, readout: 'gauss', weights: 'gaussian' });
  const sys = model.system;
  const { gamma, table } = sys;

  /** The informative branch of the continuum: damped fixed point on (M, G) = (E v²Q², E v² g(Q)). */
  const continuum = (alpha: number) => {
    let M = 0.6;
    let G = 0.08;
    let r = 1;
    let eps = NaN;
    for (let it = 0; it < 3000; it++) {
      const tau = table.mSInverse(M);
      r = solveR2hat(sys, alpha, tau, G, r).r;
      eps = 0.5 * sys.mu2sq * (1 - table.mS(tau + r)) + sys.g1 - G;
      const k1 = table.gain(tau, r) / gamma;
      const k2 = alpha / (2 * gamma * (sys.delta + eps));
      const uf = (4 * k2) / (k1 + k2) ** 2;
      const Q = (u: number) => {
        const disc = u * ((k1 + k2) ** 2 * u - 4 * k2);
        return (k2 * u - k1 * u + Math.sqrt(Math.max(0, disc))) / (2 * k2 * u);
      };
      const Mn = chi2Above((u) => u * Q(u) ** 2, uf);
      const Gn = chi2Above((u) => u * sys.g(Q(u)), uf);
      if (Math.abs(Mn - M) + Math.abs(Gn - G) < 1e-14) break;
      M += 0.3 * (Mn - M);
      G += 0.3 * (Gn - G);
    }
    return eps;
  };

  it('gives ε = 0.2318242, 0.0606460, 0.0272990 at α = 0.4, 1.04, 2', () => {
    // The values from a 420-node m_S table to λ = 2·10⁴ (docs/physics/mlp-shallow.md §7); the model's own table
    // (2e−7 of the exact m_S, coarser m_S′) moves them by 2.5e−6 relative.
    const want = [0.23182416, 0.06064605, 0.02729901];
    [0.4, 1.04, 2].forEach((alpha, i) => expect(Math.abs(continuum(alpha) / want[i] - 1)).toBeLessThan(5e-6));
  });

  it('the solver’s 24 equal-mass classes are not converged: +1.5 %, +0.5 %, +0.35 % (the jump of Q(v) at the fold)', () => {
    // Open (issue 15 §1): a class straddles the fold u_f, where Q(u) jumps; equal-mass or Gauss nodes converge only
    // like the class width there. This pins the present error so that a better quadrature shows up here.
    const Q0 = new Float64Array(sys.v2.length).fill(0.8);
    for (const [alpha, lo, hi] of [
      [0.4, 0.014, 0.017],
      [1.04, 0.004, 0.006],
      [2, 0.003, 0.004],
    ]) {
      const off = solveFromStart(sys, alpha, Q0).eps / continuum(alpha) - 1;
      expect(off).toBeGreaterThan(lo);
      expect(off).toBeLessThan(hi);
    }
  });
});
