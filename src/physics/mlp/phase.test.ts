// Phase diagrams (src/physics/mlp/phase.ts): the lines against the curve engine's 1-D transition
// (shallowModel.transition), continuation against row sweeps, continuity of the lines, spinodals bracketing α_sp.
import { describe, expect, it } from 'vitest';
import { followLine } from './phaseLine';
import { solveRow } from './phaseRow';
import { rowAlphas, type LinePoint } from './phaseTypes';
import { Superseded } from '../errors';
import { getShallowModel } from './shallowModel';
import { SATURATED } from './phaseBranch';
import type { ShallowParams } from '../types';

const rel = (a: number | null, b: number | null) => Math.abs((a as number) - (b as number)) / Math.abs(b as number);
const RELU_BIN: ShallowParams = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'rademacher' };
const H23_BIN: ShallowParams = { activation: 'h23', gamma: 0.5, delta: 1.25, readout: 'ones', weights: 'rademacher' };
const ALPHA_MAX = 16;
const grid = rowAlphas(ALPHA_MAX, 48);

describe('phase rows against the curve engine (same tables)', () => {
  it.each([
    ['relu, Rademacher W, γ = 0.5', RELU_BIN],
    ['h23, Rademacher W, γ = 0.5', H23_BIN],
    [
      'tanh(2x), Rademacher W, rad readouts, γ = 0.7',
      { activation: 'tanh2', gamma: 0.7, delta: 0.1, readout: 'rad', weights: 'rademacher' } as ShallowParams,
    ],
  ])('first-order α_sp and lower spinodal: %s', (_, p) => {
    const tr = getShallowModel(p).transition(ALPHA_MAX);
    const row = solveRow(p, 'gamma', p.gamma, grid, { alphaMax: ALPHA_MAX, exactTables: true });
    expect(tr.order).toBe('first-order');
    expect(row.line.order).toBe('first-order');
    // Both bisect/root-find to ~1e−7 relative: the curve engine on f(new) > f(old), the row on Δf = 0.
    expect(rel(row.line.alphaSp, tr.alphaSp)).toBeLessThan(1e-6);
    expect(rel(row.line.spinodalLow, tr.spinodalSpec)).toBeLessThan(1e-6);
    expect(row.line.spinodalLow as number).toBeLessThanOrEqual(row.line.alphaSp as number);
    if (row.line.spinodalHigh !== null)
      expect(row.line.spinodalHigh).toBeGreaterThanOrEqual(row.line.alphaSp as number);
  });

  it('continuous onset (ReLU, Gaussian W): α_sp is where Q = 0 loses stability', () => {
    const p: ShallowParams = { ...RELU_BIN, weights: 'gaussian' };
    const tr = getShallowModel(p).transition(ALPHA_MAX);
    const row = solveRow(p, 'gamma', 0.5, grid, { alphaMax: ALPHA_MAX, exactTables: true });
    expect(tr.order).toBe('continuous');
    expect(row.line.order).toBe('continuous');
    expect(row.line.alphaSp).toBe(tr.spinodalUni);
    // The curve engine bisects on "the equilibrium is specialised", which its plain fixed point only resolves once
    // the small-Q state converges within 4000 iterations (critical slowing down at a pitchfork): it lands 3.4e−4
    // above the bifurcation. The row takes the bifurcation itself (closed form for spinodalUni).
    expect(rel(row.line.alphaSp, tr.alphaSp)).toBeLessThan(5e-4);
    expect(row.line.alphaSp as number).toBeLessThanOrEqual(tr.alphaSp as number);
  });

  it('equilibrium values along the row equal solvePoint', () => {
    const m = getShallowModel(RELU_BIN);
    const row = solveRow(RELU_BIN, 'gamma', 0.5, grid, { alphaMax: ALPHA_MAX, exactTables: true });
    // Over the whole range (binary W drives 1 − Q below float64 resolution of m_S from α ≈ 8; both engines keep the
    // specialised state). At α_sp itself the two branches tie in f and either is the equilibrium: skipped.
    const alphaSp = row.line.alphaSp as number;
    for (const s of row.samples.filter((x, i) => i % 5 === 3 && Math.abs(x.alpha - alphaSp) > 1e-6)) {
      const pt = m.solvePoint(s.alpha);
      // Where Q is within SATURATED = 1e−5 of 1 the row takes Q as saturated: ε then differs by ≈ g'(1)(1 − Q).
      expect(Math.abs(s.epsOpt - pt.eps)).toBeLessThan(1 - s.Q[0] < SATURATED ? 1e-5 : 1e-8);
      expect(Math.abs(s.epsUni - pt.epsUni)).toBeLessThan(1e-10);
    }
  });

  it('regions by coexistence: one state → lower-Q equilibrium → higher-Q equilibrium → one state', () => {
    const row = solveRow(RELU_BIN, 'gamma', 0.5, grid, { alphaMax: ALPHA_MAX });
    const { spinodalLow, alphaSp, spinodalHigh } = row.line as Required<LinePoint>;
    for (const s of row.samples) {
      const want =
        s.alpha < (spinodalLow as number)
          ? 0
          : s.alpha < (alphaSp as number)
            ? 1
            : s.alpha < (spinodalHigh as number)
              ? 2
              : 0;
      if (Math.abs(s.alpha - (alphaSp as number)) > 1e-6) expect(s.state).toBe(want);
    }
    // The equilibrium jumps at α_sp: samples just below and at it carry the two branches.
    const i = row.samples.findIndex((s) => s.alpha === alphaSp);
    expect(row.samples[i - 1].Q[0]).toBeLessThan(0.3);
    expect(row.samples[i].Q[0]).toBeGreaterThan(0.98);
  });
});

describe('a row asked to stop', () => {
  it('several readout classes: throws Superseded between its α points; the full row is unaffected', () => {
    const p: ShallowParams = { activation: 'relu', gamma: 0.6, delta: 0.1, readout: '4point', weights: 'gaussian' };
    const alphas = rowAlphas(8, 16);
    const full = solveRow(p, 'gamma', p.gamma, alphas, { alphaMax: 8 });
    let polls = 0;
    // The transition scan is cached by the model after `full`: the polls are the α points' (16 of them).
    expect(() => solveRow(p, 'gamma', p.gamma, alphas, { alphaMax: 8, shouldStop: () => ++polls > 3 })).toThrow(
      Superseded,
    );
    expect(polls).toBe(4);
    const again = solveRow(p, 'gamma', p.gamma, alphas, { alphaMax: 8, shouldStop: () => false });
    expect(again.samples.map((s) => s.epsOpt)).toEqual(full.samples.map((s) => s.epsOpt));
  });
});

describe('lines over rows', () => {
  const gammas = Array.from({ length: 10 }, (_, i) => +(0.3 + 0.05 * i).toFixed(2));
  const line = followLine(RELU_BIN, 'gamma', gammas, ALPHA_MAX);

  it('the line of each row is the row line (one computation for rows, lines and the CLI)', () => {
    for (const k of [3, 9]) {
      const row = solveRow(RELU_BIN, 'gamma', gammas[k], grid, { alphaMax: ALPHA_MAX });
      expect(rel(line[k].alphaSp, row.line.alphaSp)).toBeLessThan(1e-7);
      expect(rel(line[k].spinodalLow, row.line.spinodalLow)).toBeLessThan(1e-6);
      expect(rel(line[k].spinodalHigh, row.line.spinodalHigh)).toBeLessThan(1e-6);
    }
  });

  it('α_sp at each γ equals the 1-D transition of the curve engine (phase tables vs its tables)', () => {
    for (const k of [0, 4]) {
      const tr = getShallowModel({ ...RELU_BIN, gamma: gammas[k] }).transition(ALPHA_MAX);
      // Phase tables (140 nodes, relTol 1e−8) against the engine's (420 nodes, 1e−11): ~1e−7 on α_sp.
      expect(rel(line[k].alphaSp, tr.alphaSp)).toBeLessThan(1e-5);
      expect(rel(line[k].spinodalLow, tr.spinodalSpec)).toBeLessThan(1e-5);
    }
  });

  it('is continuous and monotone in γ, with the spinodals bracketing α_sp', () => {
    for (let k = 0; k < line.length; k++) {
      const l = line[k];
      expect(l.order).toBe('first-order');
      expect(l.spinodalLow as number).toBeLessThan(l.alphaSp as number);
      expect(l.spinodalHigh as number).toBeGreaterThan(l.alphaSp as number);
      if (k > 0) {
        const d = (l.alphaSp as number) - (line[k - 1].alphaSp as number);
        // α_sp grows with γ (more hidden units to specialise), by a bounded slope (≈ 4.5–5.5 here).
        expect(d).toBeGreaterThan(0);
        expect(d / 0.05).toBeLessThan(8);
      }
    }
  });

  it('(α, Δ) plane: α_sp grows with the noise', () => {
    const l = followLine(H23_BIN, 'delta', [0.75, 1, 1.25], ALPHA_MAX);
    expect(rel(l[2].alphaSp, 1.6112233180834594)).toBeLessThan(1e-5); // curve engine, h23 Rademacher, Δ = 1.25
    expect(l[0].alphaSp as number).toBeLessThan(l[1].alphaSp as number);
    expect(l[1].alphaSp as number).toBeLessThan(l[2].alphaSp as number);
  });

  it('row sweeps give a continuous line across the table seam (h23, binary W, 64-row diagram rows)', () => {
    // Rows of the UI's diagram (γ = 0.1 + 1.9 i/63, α ≤ 8). Near 1 − Q ≈ 2.4e−4 the specialised branch crosses
    // τ = λ_max of the phase table, where m_S' jumps; Newton used to stop there and report a spurious fold
    // (α_sp jumped from 2.85 to 5.5 and back between neighbouring rows).
    const ys = Array.from({ length: 14 }, (_, i) => 0.1 + (1.9 * (20 + i)) / 63);
    const sp = ys.map((y) => solveRow(H23_BIN, 'gamma', y, rowAlphas(8, 64), { alphaMax: 8 }).line.alphaSp as number);
    for (let k = 1; k < sp.length; k++) {
      expect(sp[k] - sp[k - 1]).toBeGreaterThan(0);
      expect(sp[k] - sp[k - 1]).toBeLessThan(0.25); // slope ≈ 5–6 in γ, rows 0.03 apart
    }
    // (Against the curve engine's transition these 14 rows agree to 4 decimals; not rerun here: its exact table at
    // γ ≈ 0.85 alone takes ~15 s to build.)
  });
});
