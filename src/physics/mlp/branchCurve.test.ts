// The stationary curve α(Q) of one readout class and its transitions (docs/physics/mlp-shallow.md §6a): evidence
// from residual scans over Q that do not use α(Q), agreement of every engine on one set of transitions.
import { describe, expect, it } from 'vitest';
import { overlapW } from '../priors';
import type { ShallowParams } from '../types';
import { alphaOfQ, BranchCurve } from './branchCurve';
import { phaseModel } from './phase';
import { newtonBranch } from './phaseBranch';
import { criticalPoints, followLine } from './phaseLine';
import type { LinePoint } from './phaseTypes';
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

describe("every branch by name: the authors' binary-W points (arXiv 2510.24616; repository Minh-Toan/statphys-deep-NN @ c45c86f, rademacher-W/data/<act>/W_rad/Delta_<Δ>/v_ones/unified.csv)", () => {
  const model = (activation: string, delta: number) =>
    getShallowModel({ activation, gamma: 0.5, delta, readout: 'ones', weights: 'rademacher' });
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  it.each([
    // act, Δ, α, their large-Q (qw_, mmse_), their small-Q (qw, mmse), tolerance on ε
    ['h23', 1.25, 1.6006, [0.9392041375932946, 0.11416884869860544], [0.45612256615067015, 0.3868233290123149], 1e-4],
    // h2: ε = 0.0077 is ∝ 1 − Q ≈ 4e−3, which their 401-point continuation carries to ~1e−3 relative.
    ['h2', 1.25, 3.00025, [0.9959312619591902, 0.007722213849195471], [0.3341843326813019, 0.13386985933091292], 2e-3],
  ] as const)('%s, Δ = %s, α = %s: large-Q and small-Q coexist', (act, delta, alpha, large, small, tol) => {
    const m = model(act, delta);
    const pt = m.solvePoint(alpha);
    const L = m.branchOf(pt, 'large-Q');
    const S = m.branchOf(pt, 'small-Q');
    expect(m.branchOf(pt, 'specialised')).toEqual(L); // the branch a reader expects: the authors' large-Q one
    expect(Math.abs((L as { Q: number[] }).Q[0] - large[0])).toBeLessThan(1e-4);
    expect(rel((L as { eps: number }).eps, large[1])).toBeLessThan(tol);
    expect(Math.abs((S as { Q: number[] }).Q[0] - small[0])).toBeLessThan(1e-4);
    expect(rel((S as { eps: number }).eps, small[1])).toBeLessThan(1e-4);
    // Cold starts (solvePoint: Q = 0.99, small Q) find the same two points as the continuation in Q.
    for (const b of [L, S]) {
      const cold = pt.stationary.find((s) => Math.abs(s.Q[0] - (b as { Q: number[] }).Q[0]) < 1e-6);
      expect(cold).toBeDefined();
      expect(Math.abs((cold as { eps: number }).eps - (b as { eps: number }).eps)).toBeLessThan(1e-8);
    }
  });

  it('ELU, Δ = 0.1, α = 3.5003: large-Q ε within the 15-term Hermite truncation of their g', () => {
    const m = model('elu', 0.1);
    const L = m.branchOf(m.solvePoint(3.5003), 'large-Q') as { eps: number };
    // Theirs 0.0045653 with g truncated at 15 Hermite terms; the exact g gives 0.00446 (−2.3 %).
    expect(rel(L.eps, 0.0045652861039714235)).toBeLessThan(0.03);
    expect(L.eps).toBeLessThan(0.0045652861039714235);
  });

  it('names that do not exist at α are null (below the large-Q spinodal; pinned universal)', () => {
    const m = model('h23', 1.25);
    expect(m.branchOf(m.solvePoint(1.2), 'large-Q')).toBeNull();
    expect(m.branchOf(m.solvePoint(1.2), 'small-Q')).not.toBeNull();
    expect(m.branchOf(m.solvePoint(0.5), 'specialised')).toBeNull(); // below the onset 0.638: only Q = 0
    const pinned = getShallowModel({ activation: 'h2', gamma: 0.5, delta: 1.25, readout: 'ones', weights: 'gaussian' });
    expect(pinned.branchOf(pinned.solvePoint(2), 'specialised')).toBeNull();
  });
});

describe('critical points: where a first-order line ends (h23, Δ = 1.25, v = ±1, binary W)', () => {
  it('in the (α, γ) plane just below γ = 0.5, and the window closes as (γ − γ_c)^{3/2}', () => {
    const lines = followLine(H23_RAD, 'gamma', [0.45, 0.5, 0.55], 16);
    expect(lines[0].jumps).toHaveLength(0);
    expect(lines[1].jumps).toHaveLength(1);
    const cps = criticalPoints(H23_RAD, 'gamma', lines, 16);
    expect(cps).toHaveLength(1);
    const c = cps[0];
    expect(c.after).toBe(0);
    expect(c.y).toBeGreaterThan(0.495);
    expect(c.y).toBeLessThan(0.5);
    expect(c.alpha).toBeCloseTo(1.476, 2);
    // Cusp: width w ∝ (γ − γ_c)^{3/2}; from γ = 0.5 and 0.55, the exponent is 1.5 ± 0.2 for γ_c found above.
    const w = (l: LinePoint) => (l.jumps[0].spinodalHigh as number) - l.jumps[0].spinodalLow;
    const exponent = Math.log(w(lines[2]) / w(lines[1])) / Math.log((0.55 - c.y) / (0.5 - c.y));
    expect(Math.abs(exponent - 1.5)).toBeLessThan(0.2);
  });
});
