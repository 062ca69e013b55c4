import { describe, expect, it } from 'vitest';
import { gaussHermite } from '../numerics/gaussHermite';
import { channel3, outputState3, priorUpdate3 } from './committeeK3';
import {
  committeeCurve,
  committeeFreeEntropy,
  nonSpecialised,
  solveCommitteePoint,
  solveSymmetric,
  specialisationEigenvalue,
} from './committee';
import { brent } from '../numerics/brent';
import type { Sym2 } from './committeeOutput';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const G3 = { prior: 'gaussian', K: 3 } as const;

/**
 * Brute force: full tensor Gauss–Hermite in Cholesky coordinates of q (no eigenbasis, no symmetry reduction), the
 * Fisher matrix entry by entry, then averaged.
 */
function bruteForce(q: Sym2, n: number) {
  const L = [
    [Math.sqrt(q.a), 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  L[1][0] = q.b / L[0][0];
  L[1][1] = Math.sqrt(q.a - L[1][0] ** 2);
  L[2][0] = q.b / L[0][0];
  L[2][1] = (q.b - L[2][0] * L[1][0]) / L[1][1];
  L[2][2] = Math.sqrt(q.a - L[2][0] ** 2 - L[2][1] ** 2);
  const s = Math.sqrt(1 - q.a);
  const rho = -q.b / (1 - q.a);
  const gh = gaussHermite(n);
  const F = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  let psi = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const x = [gh.x[i], gh.x[j], gh.x[k]];
        const w = gh.w[i] * gh.w[j] * gh.w[k];
        const om = [0, 1, 2].map((r) => L[r][0] * x[0] + L[r][1] * x[1] + L[r][2] * x[2]);
        const { zp, zm, grad } = channel3(om, s, rho);
        for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) F[r][c] += w * grad[r] * grad[c] * (1 / zp + 1 / zm);
        psi += w * (zp * Math.log(zp) + zm * Math.log(zm));
      }
  return { diag: (F[0][0] + F[1][1] + F[2][2]) / 3, off: (F[0][1] + F[0][2] + F[1][2]) / 3, psi, F };
}

describe('K = 3 sign-committee channel', () => {
  it('Z(+1) + Z(−1) = 1, Z(+1) = ½ at ω = 0, and ∇Z(+1) (pivotal unit) matches finite differences of Z(+1)', () => {
    expect(channel3([0, 0, 0], 0.8, -0.2).zp).toBeCloseTo(0.5, 14);
    const om = [0.3, -0.5, 0.8];
    const s = 0.7;
    const rho = -0.3;
    const c = channel3(om, s, rho);
    expect(c.zp + c.zm).toBeCloseTo(1, 14);
    const h = 1e-5;
    for (let k = 0; k < 3; k++) {
      const up = [...om];
      const dn = [...om];
      up[k] += h;
      dn[k] -= h;
      const fd = (channel3(up, s, rho).zp - channel3(dn, s, rho).zp) / (2 * h);
      expect(Math.abs(fd - c.grad[k])).toBeLessThan(1e-9);
    }
  });

  it('q = 0: Fisher = (1/2π)·11ᵀ (∂Z(+1)/∂ω_k = φ(0)·½ at ω = 0, Z = ½), Ψ_out = −ln 2, ε = ½', () => {
    const o = outputState3({ a: 0, b: 0, c: 0 });
    expect(o.fisher.a).toBeCloseTo(1 / (2 * Math.PI), 14);
    expect(o.fisher.b).toBeCloseTo(1 / (2 * Math.PI), 14);
    expect(o.psi).toBeCloseTo(-Math.LN2, 14);
    expect(o.epsSq).toBeCloseTo(0.5, 14);
  });

  it('3-D rules against a brute-force tensor Gauss–Hermite (order 40, Cholesky coordinates) at q11 = 0.5, q12 = 0.1', () => {
    const q = { a: 0.5, b: 0.1, c: 0.5 };
    const ref = bruteForce(q, 40);
    // the brute force's Fisher matrix is committee-symmetric to its own accuracy
    expect(Math.abs(ref.F[0][0] - ref.F[2][2])).toBeLessThan(1e-6);
    // Measured: Gauss–Hermite 16 within 2.2e−5 (Fisher), the sinh-graded rule within 2e−5.
    for (const [acc, tol] of [
      ['fast', 3e-5],
      ['accurate', 3e-5],
    ] as const) {
      const o = outputState3(q, acc);
      expect(rel(o.fisher.a, ref.diag)).toBeLessThan(tol);
      expect(rel(o.fisher.b, ref.off)).toBeLessThan(tol);
      expect(rel(o.psi, ref.psi)).toBeLessThan(tol);
    }
  });

  it('small V (q11 = 0.9): the accurate (sinh-graded) rule is within 3e−3 of its refinement, Gauss–Hermite is not', () => {
    // Measured: F_diag 0.841078 (accurate) vs 0.841742 (n = 28, 20), F_off 2.0e−3 apart; Gauss–Hermite 16: F_diag
    // 0.848701, F_off off by 4%. This is the accuracy of the K = 3 specialised branch at large α (docs §2.2).
    const q = { a: 0.9, b: 0.02, c: 0.9 };
    const ref = outputState3(q, 'accurate', 0, [28, 20]);
    const acc = outputState3(q);
    expect(rel(acc.fisher.a, ref.fisher.a)).toBeLessThan(1e-3);
    expect(rel(acc.fisher.b, ref.fisher.b)).toBeLessThan(3e-3);
    expect(rel(acc.psi, ref.psi)).toBeLessThan(1e-4);
    expect(rel(outputState3(q, 'fast').fisher.b, ref.fisher.b)).toBeGreaterThan(1e-2);
  });

  it('the non-specialised 1-D rule and the 3-D rule agree next to the rank-one manifold', () => {
    const x = 0.25;
    const one = outputState3({ a: x, b: x, c: x });
    const three = outputState3({ a: x + 1e-7, b: x, c: x + 1e-7 }, 'fast', 32);
    expect(rel(three.fisher.a, one.fisher.a)).toBeLessThan(2e-5);
    expect(rel(three.fisher.b, one.fisher.b)).toBeLessThan(2e-5);
    expect(rel(three.psi, one.psi)).toBeLessThan(2e-6);
  });
});

describe('K = 3 prior side', () => {
  const gh = gaussHermite(80);
  const E = (f: (z: number) => number) => gh.x.reduce((s, z, i) => s + gh.w[i] * f(z), 0);

  it('±1 weights with q̂ = d·I: independent units, q11 = E tanh(d + √d ξ), q12 = 0 (Nishimori)', () => {
    const d = 0.8;
    const p = priorUpdate3('rademacher', { a: d, b: 0, c: d });
    const t = E((z) => Math.tanh(d + Math.sqrt(d) * z));
    expect(p.q.a).toBeCloseTo(t, 6);
    expect(Math.abs(p.q.b)).toBeLessThan(1e-9); // 5e−11: the 30-point rule's error
    const lnCosh = E((z) => Math.log(Math.cosh(d + Math.sqrt(d) * z)));
    expect(p.psiMinusTrace).toBeCloseTo(3 * (lnCosh - d / 2) - 1.5 * t * d, 6);
  });

  it('Gaussian weights: q = q̂(I + q̂)⁻¹ and both priors give q ≈ q̂ at small q̂ (E w wᵀ = I)', () => {
    const qh = { a: 0.5, b: 0.2, c: 0.5 };
    const g = priorUpdate3('gaussian', qh).q;
    // (I + q̂) q = q̂ entry (1, 1) and (1, 2): (1 + a)q11 + 2b q12 = a, b q11 + (1 + a) q12 + b q12 = b
    expect((1 + qh.a) * g.a + 2 * qh.b * g.b).toBeCloseTo(qh.a, 14);
    expect(qh.b * g.a + (1 + qh.a) * g.b + qh.b * g.b).toBeCloseTo(qh.b, 14);
    const small = { a: 1e-4, b: 3e-5, c: 1e-4 };
    for (const prior of ['gaussian', 'rademacher'] as const) {
      const q = priorUpdate3(prior, small).q;
      expect(rel(q.a, small.a)).toBeLessThan(1e-3);
      expect(rel(q.b, small.b)).toBeLessThan(1e-3);
    }
  });
});

describe('K = 3 fixed points', () => {
  it('non-specialised at small α: q11 = q12 → α/(2π) (the q = 0 Fisher information), 0.3% at α = 0.01', () => {
    const p = nonSpecialised(G3, 0.01);
    expect(p.q11).toBe(p.q12);
    expect(rel(p.q11, 0.01 / (2 * Math.PI))).toBeLessThan(3e-3);
  });

  it('Gaussian weights, α = 15: the specialised point is the equilibrium and Φ is stationary there (to the quadrature)', () => {
    const alpha = 15;
    const p = solveCommitteePoint(G3, alpha);
    expect(p.lambda).toBeLessThan(1); // q_d = 0 still locally stable: first-order specialisation
    const sp = p.specialised!;
    expect(sp.converged).toBe(true);
    expect(p.equilibrium).toBe('specialised');
    expect(sp.q11).toBeGreaterThan(0.9);
    expect(sp.q12).toBeLessThan(0.02);
    const q = { a: sp.q11, b: sp.q12, c: sp.q11 };
    const F = outputState3(q).fisher;
    const qh = { a: alpha * F.a, b: alpha * F.b, c: alpha * F.c };
    const h = 1e-4;
    const d = (f: (s: number) => number) => (f(h) - f(-h)) / (2 * h);
    const grads = [
      d((s) => committeeFreeEntropy(G3, alpha, q, { ...qh, a: qh.a + s, c: qh.c + s })),
      d((s) => committeeFreeEntropy(G3, alpha, q, { ...qh, b: qh.b + s })),
      d((s) => committeeFreeEntropy(G3, alpha, { ...q, a: q.a + s, c: q.c + s }, qh)),
      d((s) => committeeFreeEntropy(G3, alpha, { ...q, b: q.b + s }, qh)),
    ];
    // In q̂ exactly (the prior side is closed form); in q to the Fisher matrix's quadrature error (measured 0.11 and
    // 0.03 against α·3F = 57 and α·6F_off = 25: 0.2%, the sinh-graded rule's error at q11 ≈ 0.94).
    expect(Math.abs(grads[0])).toBeLessThan(1e-8);
    expect(Math.abs(grads[1])).toBeLessThan(1e-8);
    expect(Math.abs(grads[2])).toBeLessThan(5e-3 * alpha * 3 * F.a);
    expect(Math.abs(grads[3])).toBeLessThan(5e-3 * alpha * 6 * Math.max(F.b, 0.1));
    // and far from it Φ is not stationary
    const off = d((s) => committeeFreeEntropy(G3, alpha, { ...q, a: 0.8 + s, c: 0.8 + s }, qh));
    expect(Math.abs(off)).toBeGreaterThan(1);
  });

  it('±1 weights: α_IT (Φ_nonspec = −3 ln 2) ≈ 3.766, far below the point where q11 = q12 loses stability', () => {
    const R3 = { prior: 'rademacher', K: 3 } as const;
    const r = brent((a) => nonSpecialised(R3, a).f + 3 * Math.LN2, 3, 5, 1e-9);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x - 3.7662)).toBeLessThan(1e-3); // this code's value (the CLI's --thresholds), no paper value
    expect(specialisationEigenvalue(R3, r.x)).toBeLessThan(0.2); // AMP stays non-specialised: the hard phase
  });

  it('Gaussian weights: q11 = q12 loses stability (λ = 1) between α = 19 and 19.5 (α_AMP ≈ 19.2)', () => {
    expect(specialisationEigenvalue(G3, 19)).toBeLessThan(1);
    expect(specialisationEigenvalue(G3, 19.5)).toBeGreaterThan(1);
  });
});

describe('K = 3, Gaussian weights: the branch located with the fast rule, polished with the accurate one', () => {
  it('equals chord-Newton with finite-difference Jacobians on the accurate rule (the former path) to 1e−8', () => {
    // Measured: 2e−9 at α = 12.5 and 25 (both stop at a residual < 1e−9).
    for (const alpha of [12.5, 25]) {
      const sp = solveCommitteePoint(G3, alpha).specialised!;
      const chord = solveSymmetric(G3, alpha, sp.q11 - 0.01, sp.q12 + 0.002, true);
      expect(chord.converged).toBe(true);
      expect(Math.abs(sp.q11 - chord.q11)).toBeLessThan(1e-8);
      expect(Math.abs(sp.q12 - chord.q12)).toBeLessThan(1e-8);
      expect(Math.abs(sp.eps - chord.eps)).toBeLessThan(1e-8);
      expect(sp.located).toBeDefined();
    }
  });

  it('along a curve (start moved by the previous offset between the rules) it equals the cold solution to 1e−8', () => {
    const [, warm] = committeeCurve(G3, [14, 15]);
    const cold = solveCommitteePoint(G3, 15);
    expect(Math.abs(warm.specialised!.q11 - cold.specialised!.q11)).toBeLessThan(1e-8);
    expect(Math.abs(warm.specialised!.q12 - cold.specialised!.q12)).toBeLessThan(1e-8);
    expect(warm.equilibrium).toBe(cold.equilibrium);
  });

  it("the coarse pass ('fast') agrees with the accurate point within the fast rule's quadrature error", () => {
    // Gauss–Hermite 16 is off by 1–4% in the Fisher entries at q11 ≥ 0.9 (above); measured on the branch: q11 9.8e−3,
    // q12 4.4e−3, ε 7.7e−3 apart at α = 12.5, 5.1e−3, 1.5e−3, 2.6e−3 at α = 20.
    for (const alpha of [12.5, 20]) {
      const fast = solveCommitteePoint(G3, alpha, undefined, 'fast');
      const acc = solveCommitteePoint(G3, alpha);
      expect(fast.accuracy).toBe('fast');
      expect(acc.accuracy).toBeUndefined();
      const [f, a] = [fast.specialised!, acc.specialised!];
      expect(Math.abs(f.q11 - a.q11)).toBeLessThan(1.5e-2);
      expect(Math.abs(f.q12 - a.q12)).toBeLessThan(6e-3);
      expect(Math.abs(f.eps - a.eps)).toBeLessThan(1.2e-2);
      expect(fast.equilibrium).toBe(acc.equilibrium);
    }
  });
});

describe('K = 3 on the trend to K → ∞ (Aubin et al. 1806.05451: first order at α̃ = α/K ≈ 7.65, AMP at α = Θ(K²))', () => {
  it('α̃_IT rises from K = 2 (continuous, below α̃ = 3.5) to K = 3 (between α̃ = 3.5 and the large-K 7.65)', () => {
    // K = 2, Gaussian W: q_d = 0 already unstable at α = 7 (α̃ = 3.5): α_spec = 2.052, α̃ ≈ 1.03.
    expect(specialisationEigenvalue('gaussian', 7)).toBeGreaterThan(1);
    // K = 3: no specialised equilibrium at α̃ = 3.5 (below the spinodal 10.93), the specialised one at α̃ = 7.65.
    expect(solveCommitteePoint(G3, 3 * 3.5).equilibrium).toBe('nonSpecialised');
    const large = solveCommitteePoint(G3, 3 * 7.65);
    expect(large.equilibrium).toBe('specialised');
    expect(large.specialised!.converged).toBe(true);
  });
});
