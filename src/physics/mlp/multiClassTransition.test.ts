// Transitions with several readout classes (shallowModel.transition, the scan): every jump, windows narrower than
// the α grid found by following the branches to their folds, and the same numbers from the phase engine.
import { describe, expect, it } from 'vitest';
import type { ShallowParams } from '../types';
import { solveRow } from './phaseRow';
import { rowAlphas } from './phaseTypes';
import { solveFromStart } from './shallow';
import { getShallowModel } from './shallowModel';

const P = (activation: string, weights: ShallowParams['weights'], delta: number): ShallowParams => ({
  activation,
  gamma: 0.5,
  delta,
  readout: '4point',
  weights,
});
const RELU_4 = P('relu', 'rademacher', 0.1);
const TANH2_4 = P('tanh2', 'gaussian', 0.1);
const H23_4 = P('h23', 'rademacher', 1.25);

describe('multi-class scan: every first-order jump, with its spinodals', () => {
  it('ReLU, 4-point readouts, binary W: a jump whose window (0.004) is far narrower than the grid (0.13)', () => {
    const tr = getShallowModel(RELU_4).transition(8);
    expect(tr.order).toBe('first-order');
    expect(tr.jumps).toHaveLength(1);
    const [j] = tr.jumps;
    // Independent evidence: plain solves swept up from the small-Q state and down from the large-Q one on a fine
    // grid (step 5e−4) coexist exactly on [spinodalLow, spinodalHigh] and their f cross at α_sp.
    const sys = getShallowModel(RELU_4).system;
    const big = sys.v2[0] > sys.v2[1] ? 0 : 1; // the |v| = 1.34 class, the one that specialises
    const alphas = Array.from({ length: 61 }, (_, i) => 0.855 + 5e-4 * i);
    const sweep = (q0: number, order: number[]) => {
      const out = new Map<number, { q: number; f: number }>();
      let q = Float64Array.from([0, 0]);
      q[big] = q0;
      let r = 1;
      for (const a of order) {
        const s = solveFromStart(sys, a, q, r);
        q = Float64Array.from(s.Q);
        r = s.R2hat;
        out.set(a, { q: s.Q[big], f: s.f });
      }
      return out;
    };
    const up = sweep(0.6, alphas);
    const down = sweep(0.95, [...alphas].reverse());
    for (const a of alphas) {
      const apart = Math.abs(up.get(a)!.q - down.get(a)!.q) > 0.05;
      if (a < j.spinodalLow - 5e-4 || a > (j.spinodalHigh as number) + 5e-4) expect(apart).toBe(false);
      if (a > j.spinodalLow + 5e-4 && a < (j.spinodalHigh as number) - 5e-4) expect(apart).toBe(true);
      if (apart) expect(down.get(a)!.f > up.get(a)!.f).toBe(a > j.alpha);
    }
    expect(j.spinodalLow).toBeCloseTo(0.86674, 4);
    expect(j.spinodalHigh as number).toBeCloseTo(0.87095, 4);
    expect(j.alpha).toBeCloseTo(0.86865, 4);
    expect(tr.onset).toBeCloseTo(0.30805, 4); // the |v| = 1.34 class grows from Q = 0 first
  });

  it('tanh(2x), 4-point readouts: each class jumps at its own α (both reported)', () => {
    const tr = getShallowModel(TANH2_4).transition(8);
    expect(tr.jumps.map((j) => +j.alpha.toFixed(3))).toEqual([0.991, 5.489]);
    for (const j of tr.jumps) expect(j.qAbove - j.qBelow).toBeGreaterThan(0.3); // mean Q over the classes
    expect(tr.alphaSp).toBe(tr.jumps[0].alpha); // the larger jump in mean Q
  });
});

describe('the curve engine and the phase engine report the same transitions (numbers)', () => {
  // The phase rows run the same scan on their own, coarser spectral tables: α_sp, spinodals and ε on both sides
  // agree to 1e−4 (measured ≤ 8e−6), the continuous onset (most sensitive to m_S) to 2e−4 (measured 1.0e−4).
  it.each([
    ['ReLU, binary W', RELU_4],
    ['tanh(2x), Gaussian W', TANH2_4],
    ['h23, binary W', H23_4],
  ])('%s, 4-point readouts, γ = 0.5', (_, params) => {
    const curve = getShallowModel(params).transition(8);
    const row = solveRow(params, 'gamma', 0.5, rowAlphas(8, 32), { alphaMax: 8 });
    const line = row.line;
    expect(line.order).toBe(curve.order);
    expect(line.jumps).toHaveLength(curve.jumps.length);
    expect(Math.abs((line.alphaSp as number) - (curve.alphaSp as number))).toBeLessThan(2e-4);
    if (curve.onset !== null) expect(Math.abs((line.onset as number) - curve.onset)).toBeLessThan(2e-4);
    else expect(line.onset).toBeNull();
    curve.jumps.forEach((j, k) => {
      const p = line.jumps[k];
      expect(Math.abs(p.alpha - j.alpha)).toBeLessThan(1e-4);
      expect(Math.abs(p.spinodalLow - j.spinodalLow)).toBeLessThan(1e-4);
      if (j.spinodalHigh === null) expect(p.spinodalHigh).toBeNull();
      else expect(Math.abs((p.spinodalHigh as number) - j.spinodalHigh)).toBeLessThan(1e-4);
      expect(Math.abs((p.epsBelow as number) - (j.epsBelow as number))).toBeLessThan(1e-4);
      expect(Math.abs((p.epsAbove as number) - (j.epsAbove as number))).toBeLessThan(1e-4);
      expect(j.epsAbove as number).toBeLessThan(j.epsBelow as number); // the jump lowers ε
      if (p.alpha !== line.alphaSp) return;
      // The row's samples at α_sp, old side and new side, lie on the two branches of the jump.
      const at = (a: number) => row.samples.find((x) => x.alpha === a)?.epsOpt as number;
      expect(Math.abs(at(p.alpha * (1 - 1e-9)) - (p.epsBelow as number))).toBeLessThan(1e-6);
      expect(Math.abs(at(p.alpha) - (p.epsAbove as number))).toBeLessThan(1e-6);
    });
  });
});
