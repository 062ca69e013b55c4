// The stationary curve α(Q) of one readout class and its transitions (docs/physics/mlp-shallow.md §6a): evidence
// from residual scans over Q that do not use α(Q), agreement of every engine on one set of transitions.
import { describe, expect, it } from 'vitest';
import { overlapW } from '../priors';
import type { ShallowParams } from '../types';
import { alphaOfQ, BranchCurve } from './branchCurve';
import { phaseModel } from './phase';
import { newtonBranch } from './phaseBranch';
import { followLine } from './phaseLine';
import { conjugateQ, evaluate, solveFromStart, type Evaluation, type ShallowSystem } from './shallow';
import { getShallowModel } from './shallowModel';

const H23_RAD: ShallowParams = { activation: 'h23', gamma: 0.5, delta: 1.25, readout: 'rad', weights: 'rademacher' };

/** G(Q) = m_W(Q̂(Q)) − Q at fixed α, straight from the saddle-point equations (no α(Q)). */
function residual(sys: ShallowSystem, alpha: number, q: number): number {
  const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: 0, mS: 0, D: 1, eps: 0, innerOk: true };
  const Q = Float64Array.of(q);
  const Qhat = new Float64Array(1);
  evaluate(sys, alpha, Q, 0, ev);
  conjugateQ(sys, alpha, Q, ev, Qhat);
  return overlapW(sys.prior, Qhat[0]) - q;
}
/** Sign changes of G over Q ∈ [a, b] on n points. */
function roots(sys: ShallowSystem, alpha: number, a: number, b: number, n: number): number[] {
  const out: number[] = [];
  let prev = residual(sys, alpha, a);
  for (let i = 1; i <= n; i++) {
    const q = a + ((b - a) * i) / n;
    const g = residual(sys, alpha, q);
    if (g * prev < 0) out.push(q);
    prev = g;
  }
  return out;
}

describe('h23, Δ = 1.25, γ = 0.5, v = ±1, binary W: a narrow first-order jump (issue 15 §2)', () => {
  const m = getShallowModel(H23_RAD);
  const tr = m.transition(16);
  const j = tr.jumps[0];

  it('the curve engine reports the onset and the jump with its spinodals', () => {
    expect(tr.onset).toBeCloseTo(0.76124, 5); // = spinodalUni (closed form)
    expect(tr.jumps).toHaveLength(1);
    expect(tr.alphaSp).toBe(j.alpha);
    expect(tr.order).toBe('first-order');
    // Window 1.48656 … 1.48665 (9e−5 wide), Q 0.757 → 0.805.
    expect(j.spinodalLow).toBeCloseTo(1.48656, 5);
    expect(j.spinodalHigh as number).toBeCloseTo(1.48665, 5);
    expect(j.qBelow).toBeCloseTo(0.757, 3);
    expect(j.qAbove).toBeCloseTo(0.805, 3);
  });

  it('residual scan over Q: three roots inside the window, one outside', () => {
    const sys = m.system;
    const inside = 0.5 * (j.spinodalLow + (j.spinodalHigh as number));
    expect(roots(sys, inside, 0.6, 0.9, 3000)).toHaveLength(3); // stable, unstable, stable
    expect(roots(sys, j.spinodalLow - 2e-5, 0.6, 0.9, 3000)).toHaveLength(1);
    expect(roots(sys, (j.spinodalHigh as number) + 2e-5, 0.6, 0.9, 3000)).toHaveLength(1);
  });

  it('f of the two stable roots (Newton at fixed α, not α(Q)) cross at α_sp', () => {
    const sys = m.system;
    const df = (alpha: number) => {
      const lo = newtonBranch(sys, alpha, j.qBelow, 0);
      const hi = newtonBranch(sys, alpha, j.qAbove, 0);
      expect(lo && hi).toBeTruthy();
      expect(
        Math.abs((hi as { sol: { Q: number[] } }).sol.Q[0] - (lo as { sol: { Q: number[] } }).sol.Q[0]),
      ).toBeGreaterThan(0.03);
      return (hi as { sol: { f: number } }).sol.f - (lo as { sol: { f: number } }).sol.f;
    };
    expect(df(j.alpha - 1e-5)).toBeLessThan(0);
    expect(df(j.alpha + 1e-5)).toBeGreaterThan(0);
  });
});

describe('the curve α(Q)', () => {
  it('each point is a fixed point of the plain iteration (h23 ones and ReLU Gaussian W)', () => {
    for (const p of [
      { ...H23_RAD, readout: 'ones' },
      { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' },
    ] as ShallowParams[]) {
      const sys = getShallowModel(p).system;
      for (const q of [0.1, 0.5, 0.9]) {
        const a = alphaOfQ(sys, q);
        expect(a).not.toBeNull();
        expect(Math.abs(residual(sys, (a as { alpha: number }).alpha, q))).toBeLessThan(1e-11);
      }
    }
  });

  it('cold starts land on the curve: the informative start at α = 1.6006 (h23, v = 1) is the large-Q branch', () => {
    const m = getShallowModel({ ...H23_RAD, readout: 'ones' });
    const curve = new BranchCurve(m.system, m.spinodalUniversal(Infinity));
    const cold = solveFromStart(m.system, 1.6006, Float64Array.of(0.99));
    const k = curve.segments.findIndex((s) => s.alphaHi === Infinity);
    const warm = curve.at(k, 1.6006);
    expect(cold.converged).toBe(true);
    expect(Math.abs(cold.Q[0] - (warm as { Q: number[] }).Q[0])).toBeLessThan(1e-8);
    expect(Math.abs(cold.eps - (warm as { eps: number }).eps)).toBeLessThan(1e-8);
  });
});

describe('one vocabulary: curve engine and phase engine, 30-row sweeps (ReLU, h23, h2; both P_W; ones, rad)', () => {
  const gammas = Array.from({ length: 30 }, (_, i) => 0.1 + (1.4 * i) / 29);
  const ALPHA_MAX = 8;
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
  for (const [activation, delta] of [
    ['relu', 0.1],
    ['h23', 1.25],
    ['h2', 1.25],
  ] as const)
    for (const weights of ['gaussian', 'rademacher'] as const)
      for (const readout of ['ones', 'rad'] as const)
        it(`${activation}, ${weights} W, ${readout}`, () => {
          const base: ShallowParams = { activation, gamma: gammas[0], delta, readout, weights };
          const line = followLine(base, 'gamma', gammas, ALPHA_MAX);
          gammas.forEach((gamma, i) => {
            const tr = phaseModel({ ...base, gamma }).transition(ALPHA_MAX);
            const l = line[i];
            expect(close(l.alphaSp, tr.alphaSp)).toBe(true);
            expect(l.jumps).toHaveLength(tr.jumps.length);
            tr.jumps.forEach((jt, n) => {
              expect(close(l.jumps[n].alpha, jt.alpha)).toBe(true);
              expect(close(l.jumps[n].spinodalLow, jt.spinodalLow)).toBe(true);
              expect(close(l.jumps[n].spinodalHigh, jt.spinodalHigh)).toBe(true);
            });
            const main = tr.jumps.find((x) => x.alpha === tr.alphaSp);
            if (main) {
              expect(close(l.spinodalLow, main.spinodalLow)).toBe(true);
              expect(close(l.spinodalHigh, main.spinodalHigh)).toBe(true);
            }
          });
        });
});
