// Spiked matrix–tensor model: limits, closed forms of p = 3, the two engines (root scan and state-evolution
// iteration), Φ stationary at the fixed points, and the landscape thresholds (docs/physics/matrix-tensor.md).
import { describe, expect, it } from 'vitest';
import { brent } from '../numerics/brent';
import { branches, fixedPoints, freeEntropy, iterateSE, validateMatrixTensor } from './matrixTensor';
import { complexityAt, gfThreshold, mostStableMinimum, thresholdsAt, trivThreshold } from './matrixTensorThresholds';

describe('spiked matrix–tensor state evolution', () => {
  it('is the spherical spiked Wigner model without the tensor: m = 1 − Δ2 below Δ2 = 1, else 0', () => {
    // BBP transition of the spherical spiked Wigner model (Baik, Ben Arous, Péché 2005; arXiv 1812.09066 §II).
    for (const delta2 of [0.2, 0.5, 0.9]) {
      const b = branches({ p: 3, delta2, deltaP: Infinity });
      expect(b.amp.m).toBeCloseTo(1 - delta2, 12);
      expect(b.informative.m).toBeCloseTo(1 - delta2, 12);
    }
    expect(branches({ p: 3, delta2: 1.1, deltaP: Infinity }).informative.m).toBe(0);
    const t = thresholdsAt(3, 1e6);
    expect(t.it).toBeCloseTo(1, 5);
    expect(t.amp).toBeCloseTo(1, 8);
  });

  it('has for p = 3 the fixed points of the quadratic k(m) = 0 (closed form)', () => {
    // (u + m/Δp)(1 − m) = 1  ⇔  m²/Δp − m(1/Δp − u) − (u − 1) = 0, u = 1/Δ2.
    for (const [u, deltaP] of [
      [0.9, 0.5],
      [1.5, 0.3],
      [0.5, 0.2],
    ]) {
      const b = 1 / deltaP - u;
      const disc = Math.sqrt(b * b + (4 * (u - 1)) / deltaP);
      const roots = [(b - disc) * deltaP * 0.5, (b + disc) * deltaP * 0.5].filter((m) => m > 0 && m < 1);
      const fps = fixedPoints({ p: 3, delta2: 1 / u, deltaP });
      expect(fps.map((f) => f.m)).toHaveLength(roots.length);
      fps.forEach((f, i) => expect(f.m).toBeCloseTo(roots[i], 12));
    }
  });

  it('agrees with the plain state-evolution iteration from m = 0⁺ and m = 1⁻ (two engines)', () => {
    for (const [delta2, deltaP] of [
      [1 / 0.9, 0.5], // first-order region: AMP stays at 0, the informed start finds the informative branch
      [1 / 1.3, 0.5],
      [0.6, 3],
      [0.95, 0.1],
    ]) {
      const q = { p: 3, delta2, deltaP };
      const b = branches(q);
      const fromZero = iterateSE(q, 1e-9);
      const fromOne = iterateSE(q, 1 - 1e-12);
      expect(fromZero.converged && fromOne.converged).toBe(true);
      expect(fromZero.m).toBeCloseTo(b.amp.m, 8);
      expect(fromOne.m).toBeCloseTo(b.informative.m, 8);
    }
    const q4 = { p: 4, delta2: 1 / 1.01, deltaP: 0.1 }; // p = 4: AMP stops on a low branch below the informative
    const b4 = branches(q4);
    expect(b4.amp.m).toBeGreaterThan(0);
    expect(b4.informative.m - b4.amp.m).toBeGreaterThan(0.3);
    expect(iterateSE(q4, 1e-9).m).toBeCloseTo(b4.amp.m, 8);
  });

  it('has Φ stationary at every fixed point and Φ(0) = 0', () => {
    const q = { p: 3, delta2: 1 / 0.9, deltaP: 0.5 };
    expect(freeEntropy(q, 0)).toBe(0);
    const h = 1e-6;
    for (const f of fixedPoints(q)) {
      const d = (freeEntropy(q, f.m + h) - freeEntropy(q, f.m - h)) / (2 * h);
      expect(Math.abs(d)).toBeLessThan(1e-8);
    }
  });

  it('refuses p < 3, a non-integer p and non-positive noise with one-line messages', () => {
    expect(() => validateMatrixTensor({ p: 2, delta2: 1, deltaP: 1 })).toThrow('p must be an integer in [3, 8], got 2');
    expect(() => validateMatrixTensor({ p: 3.5, delta2: 1, deltaP: 1 })).toThrow('p must be an integer');
    expect(() => validateMatrixTensor({ p: 3, delta2: 0, deltaP: 1 })).toThrow('delta2 must lie in (0, 1e6], got 0');
    expect(() => thresholdsAt(3, -1)).toThrow('deltaP must lie in (0, 1e6], got -1');
  });
});

describe('spiked matrix–tensor thresholds', () => {
  it('p = 3: the spinodal is u = 2/√Δp − 1/Δp and the transition is continuous at u = 1 for Δp ≥ 1', () => {
    // Zero discriminant of the quadratic above; k(m) ≈ (u − 1) + m(1/Δp − u) near m = 0 (tricritical Δp = 1).
    for (const deltaP of [0.3, 0.5, 0.8]) {
      expect(thresholdsAt(3, deltaP).spinodal).toBeCloseTo(2 / Math.sqrt(deltaP) - 1 / deltaP, 8);
    }
    for (const deltaP of [1.5, 4]) {
      const t = thresholdsAt(3, deltaP);
      expect(t.it).toBeCloseTo(1, 6);
      expect(t.spinodal).toBeCloseTo(1, 8);
    }
  });

  it('p = 3: the IT line equals an independent solution of {k(m) = 0, Φ(m) = 0} with the quadratic roots', () => {
    const deltaP = 0.4;
    // Φ of the upper quadratic root as a function of u, solved for Φ = 0 by Brent (independent of the scan).
    const phiTop = (u: number) => {
      const b = 1 / deltaP - u;
      const m = (b + Math.sqrt(b * b + (4 * (u - 1)) / deltaP)) * deltaP * 0.5;
      return freeEntropy({ p: 3, delta2: 1 / u, deltaP }, m);
    };
    const uSp = 2 / Math.sqrt(deltaP) - 1 / deltaP;
    const ref = brent(phiTop, uSp + 1e-12, 1, 1e-14).x;
    expect(thresholdsAt(3, deltaP).it).toBeCloseTo(ref, 8);
    expect(ref).toBeGreaterThan(uSp);
  });

  it('reaches 1/Δ2 = 0 at the pure spiked-tensor IT threshold', () => {
    // At u = 0: 1/Δp = 1/(m^{p−2}(1 − m)) and Φ = m²/(2p(1 − m)) + ½[ln(1 − m) + m] = 0 (reduction in the note §3).
    const p = 3;
    const m = brent((x) => (x * x) / (2 * p * (1 - x)) + 0.5 * (Math.log1p(-x) + x), 0.05, 0.99, 1e-15).x;
    const deltaPc = m ** (p - 2) * (1 - m);
    expect(thresholdsAt(p, deltaPc * (1 - 1e-4)).it).toBe(0);
    expect(thresholdsAt(p, deltaPc * (1 + 1e-3)).it).toBeGreaterThan(0);
  });

  it('GF: u² = u + (p − 1)/Δp; the trivialisation lies above it; both tend to 1 as Δp → ∞', () => {
    // arXiv 1907.08226 (threshold-state BBP); 1902.00139 Fig. 1: triv above GF above ML-AMP, all → 1.
    const u = gfThreshold(3, 1);
    expect(u * u).toBeCloseTo(u + 2, 12);
    for (const deltaP of [0.2, 1, 5]) {
      const t = thresholdsAt(3, deltaP);
      expect(t.triv!).toBeGreaterThan(t.gf);
      expect(t.gf).toBeGreaterThan(t.amp!);
    }
    expect(trivThreshold(3, 1e6).u).toBeCloseTo(1, 2);
    expect(gfThreshold(3, 1e6)).toBeCloseTo(1, 5);
  });

  it('the Kac–Rice complexity reproduces the pure spherical 3-spin threshold and ground state', () => {
    // Pure p-spin: r = ξ''/ξ' = p − 1. Threshold complexity ½ ln(p − 1) − (p − 2)/p (Auffinger, Ben Arous, Černý,
    // CPAM 66, 2013); ground-state energy of the 3-spin −1.6567 (Crisanti & Sommers 1992), E = −x √(p(p − 1))/p.
    expect(complexityAt(2, 2)).toBeCloseTo(0.5 * Math.log(2) - 1 / 3, 12);
    const x = mostStableMinimum(2).x;
    expect((x * Math.sqrt(6)) / 3).toBeCloseTo(1.6567, 3);
  });

  it('p ≥ 4: weak recovery at 1/Δ2 = 1 on a low branch, the hard phase only from the first-order jump on', () => {
    // p = 6, Δp = 0.1: at u = 1 the informative branch exists with Φ < 0, so m > 0 comes continuously from the
    // low branch at u = 1 (IT = 1), and AMP is Bayes-optimal until the informative branch overtakes it in Φ.
    const t = thresholdsAt(6, 0.1);
    expect(t.it).toBeCloseTo(1, 8);
    expect(t.hard!).toBeGreaterThan(1.05);
    expect(t.amp!).toBeGreaterThan(t.hard!);
    const below = branches({ p: 6, delta2: 1 / (t.hard! - 1e-6), deltaP: 0.1 });
    const above = branches({ p: 6, delta2: 1 / (t.hard! + 1e-6), deltaP: 0.1 });
    expect(below.equilibrium).toBe('amp');
    expect(below.amp.m).toBeGreaterThan(0);
    expect(above.equilibrium).toBe('informative');
    expect(above.informative.m - above.amp.m).toBeGreaterThan(0.3);
    expect(thresholdsAt(3, 0.5).hard).toBe(thresholdsAt(3, 0.5).it); // p = 3: the hard phase starts at IT
  });
});
