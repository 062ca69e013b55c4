// The fine profile Q(v) at one α (issue 15 §1): through the atoms' Q, the closed form of h23 with Gaussian W,
// smooth apart from its one jump at ±v_low, converged in the continuum's quadrature, and the same from a copied point.
import { describe, expect, it } from 'vitest';
import type { ReadoutLaw, ShallowPoint } from '../types';
import { CONTINUOUS_ATOMS, readoutAtoms } from '../priors';
import { solveContinuum } from './readoutContinuum';
import { solveFromStart } from './shallow';
import { getShallowModel } from './shallowModel';
import { overlapProfile, profileGrid } from './profile';
import type { ProfileBranch } from './profileTypes';

const modelOf = (activation: string, readout: ReadoutLaw) =>
  getShallowModel({ activation, gamma: 0.5, delta: 0.1, readout, weights: 'gaussian' });

/** The branch of the profile drawn as the equilibrium. */
const eqOf = (branches: ProfileBranch[]) => branches.find((b) => b.equilibrium) as ProfileBranch;

describe('overlapProfile, continuous laws', () => {
  // ReLU, gauss, α = 0.5: the equilibrium specialises only |v| ≳ 1.3 (partial), α = 2 almost all of v.
  const cases: Array<[string, ReadoutLaw, number]> = [
    ['relu', 'gauss', 0.5],
    ['relu', 'unif', 0.5],
    ['relu', 'gauss', 2],
  ];
  for (const [activation, law, alpha] of cases) {
    describe(`${activation}, ${law}, α = ${alpha}`, () => {
      const model = modelOf(activation, law);
      const pt = model.solvePoint(alpha);
      const fine = overlapProfile(model, pt);

      it('passes through the atoms’ Q and Q̂ of every branch drawn (1e−9)', () => {
        const atoms = overlapProfile(model, pt, Array.from(model.atoms.v));
        const byKind = [pt.universal, ...pt.stationary];
        expect(atoms.branches.length).toBeGreaterThanOrEqual(2);
        for (const b of atoms.branches) {
          // The solution this branch was drawn from: same f.
          const sol = byKind.find((s) => s.f === b.f);
          expect(sol).toBeDefined();
          model.atoms.v.forEach((v, j) => {
            const i = b.v.indexOf(v);
            expect(Math.abs(b.Q[i] - sol!.Q[model.classOfAtom[j]])).toBeLessThan(1e-9);
            expect(Math.abs(b.Qhat[i] - sol!.Qhat[model.classOfAtom[j]])).toBeLessThan(1e-9 * (1 + b.Qhat[i]));
          });
        }
      });

      it('is smooth: monotone in |v|, one jump at ±v_low, elsewhere no step beyond the local slope', () => {
        const eq = eqOf(fine.branches);
        expect(eq.name).toBe('large-Q');
        const cont = model.continuumOf(pt.specialised!, alpha)!;
        const low = Math.sqrt(eq.uLow);
        const h = (2 * profileGrid(law)[160]) / 160;
        const qAt = (v: number) => (Math.abs(v) > low ? cont.overlapAt(v * v).Q : 0);
        const slope = (v: number) => Math.abs(qAt(v + 1e-5) - qAt(v - 1e-5)) / 2e-5;
        let jumps = 0;
        for (let i = 1; i < eq.v.length; i++) {
          const [a, b] = [eq.v[i - 1], eq.v[i]];
          const dq = eq.Q[i] - eq.Q[i - 1];
          if (a === b) {
            // The jump: from 0 to Q(v_low⁺), at ±v_low.
            expect(Math.abs(a)).toBeCloseTo(low, 12);
            expect(Math.abs(dq)).toBeCloseTo(cont.overlapAt(eq.uLow).Q, 12);
            jumps++;
            continue;
          }
          expect(Math.sign(dq) * Math.sign(a + b)).toBeGreaterThanOrEqual(0); // grows with |v|
          if (Math.abs(a) === low || Math.abs(b) === low) continue; // the slope is infinite at the fold
          expect(Math.abs(dq)).toBeLessThanOrEqual(1.5 * (b - a) * Math.max(slope(a), slope(b)) + 1e-12);
          expect(b - a).toBeLessThanOrEqual(h + 1e-12);
        }
        expect(jumps).toBe(low < profileGrid(law)[160] ? 2 : 0);
        // Partial specialisation: Q = 0 at v = 0, large at the top of the range.
        expect(eq.Q[eq.v.indexOf(0)]).toBe(0);
        expect(eq.Q[eq.Q.length - 1]).toBeGreaterThan(0.5);
      });

      it('is converged: the continuum at twice the quadrature moves Q(v) by < 1e−8 at every grid v above the fold', () => {
        const cont = model.continuumOf(pt.specialised!, alpha)!;
        const start = { M: 0.9 * cont.M, G: 0.9 * cont.G, R2hat: cont.R2hat }; // solved afresh, not from the answer
        const fine2 = solveContinuum(model.system, law as 'gauss' | 'unif', alpha, start, 'maxwell', {
          perPanel: 4,
          nodes: 24,
        });
        expect(fine2.converged).toBe(true);
        const eq = eqOf(fine.branches);
        let checked = 0;
        eq.v.forEach((v, i) => {
          if (!(v * v > 1.01 * eq.uLow)) return; // at the fold itself Q(v) moves with u_f, steeply
          expect(Math.abs(eq.Q[i] - fine2.overlapAt(v * v).Q)).toBeLessThan(1e-8); // measured ≤ 6e−12
          checked++;
        });
        expect(checked).toBeGreaterThan(20);
      });

      it('does not depend on the classes that start the continuum: 96 instead of 48 give the same Q(v)', () => {
        // The continuum's equations see P_v only through its exact density (readoutContinuum.ts): the classes only
        // start Newton. Each of 96 atoms as its own class (±v not merged), informative start as the model's.
        const atoms = readoutAtoms(law, 2 * CONTINUOUS_ATOMS);
        const sys = { ...model.system, v2: Float64Array.from(atoms.v, (x) => x * x), pv: Float64Array.from(atoms.p) };
        const cls = solveFromStart(sys, alpha, new Float64Array(atoms.v.length).fill(0.99));
        let M = 0;
        let G = 0;
        cls.Q.forEach((q, c) => ((M += sys.pv[c] * sys.v2[c] * q * q), (G += sys.pv[c] * sys.v2[c] * sys.g(q))));
        const cont = solveContinuum(sys, law as 'gauss' | 'unif', alpha, { M, G, R2hat: cls.R2hat }, 'maxwell');
        expect(cls.converged && cont.converged).toBe(true);
        const eq = eqOf(fine.branches);
        const low = Math.sqrt(eq.uLow); // at ±v_low the profile holds both sides of the jump; measured ≤ 5e−12
        eq.v.forEach(
          (v, i) => Math.abs(v) === low || expect(Math.abs(eq.Q[i] - cont.overlapAt(v * v).Q)).toBeLessThan(1e-9),
        );
      });

      it('is the same from a copy of the point (as the page sends it), solved again from itself (1e−9)', () => {
        const copy = overlapProfile(model, JSON.parse(JSON.stringify(pt)) as ShallowPoint);
        expect(copy.branches.map((b) => b.name)).toEqual(fine.branches.map((b) => b.name));
        copy.branches.forEach((b, k) =>
          b.Q.forEach((q, i) => expect(Math.abs(q - fine.branches[k].Q[i])).toBeLessThan(1e-9)),
        );
      });
    });
  }

  it('h23, gauss, Gaussian W: Q(v) is the closed form’s upper root above the fold (1e−10; readoutContinuum.test.ts)', () => {
    // Q = m_W(c1 Q + c2 Q²), m_W = q̂/(1 + q̂), c1 = uA/γ, c2 = uα/(2γD): the upper root of c2Q² + (c1 − c2)Q + 1 − c1.
    const model = modelOf('h23', 'gauss');
    const { table, gamma, delta } = model.system;
    for (const alpha of [0.4, 1.04]) {
      const pt = model.solvePoint(alpha);
      const sol = pt.specialised!;
      const k1 = table.gain(sol.tau, sol.R2hat) / gamma;
      const k2 = alpha / (2 * gamma * (delta + sol.eps));
      const eq = eqOf(overlapProfile(model, pt).branches);
      eq.v.forEach((v, i) => {
        const u = v * v;
        if (!(u > eq.uLow)) return expect(eq.Q[i] === 0 || Math.abs(v) === Math.sqrt(eq.uLow)).toBe(true);
        const root = (k2 * u - k1 * u + Math.sqrt(u * ((k1 + k2) ** 2 * u - 4 * k2))) / (2 * k2 * u);
        expect(Math.abs(eq.Q[i] - root)).toBeLessThan(1e-10);
      });
      // α = 0.4: k1 > k2, Q rises from 0 at u = 1/k1 (no jump); α = 1.04: the fold u_f = 4k2/(k1 + k2)².
      expect(eq.uLow).toBeCloseTo(k1 >= k2 ? 1 / k1 : (4 * k2) / (k1 + k2) ** 2, 6);
    }
  });
});

describe('overlapProfile, discrete laws: the atoms themselves', () => {
  it('4point, ReLU, α = 2: one Q per atom, ±v equal, the equilibrium named', () => {
    const model = modelOf('relu', '4point');
    const pt = model.solvePoint(2);
    const pr = overlapProfile(model, pt);
    expect(pr.continuous).toBe(false);
    expect(pr.density.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const eq = eqOf(pr.branches);
    expect(eq.v).toEqual(Array.from(model.atoms.v));
    expect(eq.Q[0]).toBe(eq.Q[3]);
    expect(eq.Q).toEqual(Array.from(model.atoms.v, (_, j) => pt.specialised!.Q[model.classOfAtom[j]]));
    expect(pr.branches[0]).toMatchObject({ name: 'universal', Q: [0, 0, 0, 0] });
  });
});
