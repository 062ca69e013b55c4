import { describe, expect, it } from 'vitest';
import { deepOverlaps, layerOverlaps, productRows } from './deepOverlaps';
import { Rng } from '../physics/numerics/rng';
import { sampleTeacher, type Network } from './teacher';

const d = 40;
const k1 = 20;
const k2 = 20;
const odd = { odd1: true, odd2: true, readoutsFixed: true };

const teacherOf = (seed: number, readout: 'ones' | 'rad' = 'ones'): Network =>
  sampleTeacher({ d, k: k1, deeper: [k2], readout, weights: 'gaussian' }, new Rng(seed));

/** The same function with first-layer units permuted (π1) and sign-flipped (with their W2 columns) and second-layer units permuted within equal readouts. */
function symmetricCopy(t: Network, rng: Rng, flip: boolean): Network {
  const perm1 = Array.from({ length: k1 }, (_, i) => i);
  rng.shuffle(perm1);
  const sign = perm1.map(() => (flip && rng.uniform() < 0.5 ? -1 : 1));
  const v = t.v;
  // Permute second-layer units only among equal readouts: sort indices by (v, random key).
  const keys = Array.from({ length: k2 }, () => rng.uniform());
  const perm2 = Array.from({ length: k2 }, (_, i) => i).sort((a, b) => v[a] - v[b] || keys[a] - keys[b]);
  const byValue = Array.from({ length: k2 }, (_, i) => i).sort((a, b) => v[a] - v[b] || a - b);
  const rowOf = new Int32Array(k2); // student row r holds teacher row byValue[r]'s… permuted
  byValue.forEach((ti, r) => (rowOf[perm2[r]] = ti));
  const W1 = new Float64Array(k1 * d);
  const W2 = new Float64Array(k2 * k1);
  const vs = new Float64Array(k2);
  // Student unit perm1[j] is teacher unit j (times sign j).
  for (let j = 0; j < k1; j++) for (let a = 0; a < d; a++) W1[perm1[j] * d + a] = sign[j] * t.layers[0].W[j * d + a];
  for (let r = 0; r < k2; r++) {
    const ti = rowOf[r];
    vs[r] = v[ti];
    for (let j = 0; j < k1; j++) W2[r * k1 + perm1[j]] = sign[j] * t.layers[1].W[ti * k1 + j];
  }
  return {
    layers: [
      { W: W1, rows: k1, cols: d },
      { W: W2, rows: k2, cols: k1 },
    ],
    v: vs,
  };
}

describe('L = 2 overlaps Q1, Q2, Q2:1', () => {
  it('teacher against itself gives exactly 1', () => {
    const t = teacherOf(1);
    const o = deepOverlaps(t, t, odd);
    expect(o.Q1).toBeCloseTo(1, 12);
    expect(o.Q2).toBeCloseTo(1, 12);
    expect(o.Q21).toBeCloseTo(1, 12);
    expect(o.Q21byValue).toHaveLength(1);
  });

  for (const readout of ['ones', 'rad'] as const) {
    it(`a permuted and sign-flipped copy (${readout}) gives 1; the product rows are invariant`, () => {
      const t = teacherOf(2, readout);
      const s = symmetricCopy(t, new Rng(9), true);
      const o = deepOverlaps(t, s, odd);
      expect(o.Q1).toBeCloseTo(1, 12);
      expect(o.Q2).toBeCloseTo(1, 12);
      expect(o.Q21).toBeCloseTo(1, 12);
      expect(o.Q21byValue.map((g) => g.v)).toEqual(readout === 'ones' ? [1] : [-1, 1]);
      for (const g of o.Q21byValue) expect(g.Q).toBeCloseTo(1, 12);
      // Without the sign symmetry (even σ1) the flipped units count as anti-aligned: Q1 < 1.
      expect(deepOverlaps(t, s, { ...odd, odd1: false }).Q1).toBeLessThan(0.9);
    });
  }

  it('an independent draw gives ≈ 0 within 3/√size (no matching bias, thanks to cross-fitting)', () => {
    // Sizes: Q1 averages k1·d entries, Q2 k2·k1, Q2:1 k2·d. Over 12 seeds the means must also be near 0.
    const sums = { Q1: 0, Q2: 0, Q21: 0 };
    const seeds = 12;
    for (let seed = 0; seed < seeds; seed++) {
      const o = deepOverlaps(teacherOf(100 + seed), teacherOf(200 + seed), odd);
      expect(Math.abs(o.Q1)).toBeLessThan(3 / Math.sqrt(k1 * d));
      expect(Math.abs(o.Q2)).toBeLessThan(3 / Math.sqrt(k2 * k1));
      expect(Math.abs(o.Q21)).toBeLessThan(3 / Math.sqrt(k2 * d));
      sums.Q1 += o.Q1 / seeds;
      sums.Q2 += o.Q2 / seeds;
      sums.Q21 += o.Q21 / seeds;
    }
    expect(Math.abs(sums.Q1)).toBeLessThan(3 / Math.sqrt(seeds * k1 * d));
    expect(Math.abs(sums.Q2)).toBeLessThan(3 / Math.sqrt(seeds * k2 * k1));
    expect(Math.abs(sums.Q21)).toBeLessThan(3 / Math.sqrt(seeds * k2 * d));
  });

  it('a noisy copy W = √Q W⁰ + √(1 − Q) Z has Q1 ≈ Q2 ≈ Q and Q2:1 ≈ Q (product of two noisy layers)', () => {
    const t = teacherOf(3);
    const rng = new Rng(33);
    const q = 0.8;
    const noisy = (W: Float64Array) => W.map((w) => Math.sqrt(q) * w + Math.sqrt(1 - q) * rng.normal());
    const s: Network = {
      layers: [
        { ...t.layers[0], W: noisy(t.layers[0].W) },
        { ...t.layers[1], W: noisy(t.layers[1].W) },
      ],
      v: t.v,
    };
    const o = deepOverlaps(t, symmetricCopy(s, new Rng(5), true), odd);
    expect(Math.abs(o.Q1 - Math.sqrt(q))).toBeLessThan(0.05); // w⁰·w/‖w⁰‖² → √Q for this construction
    expect(Math.abs(o.Q2 - Math.sqrt(q))).toBeLessThan(0.05);
    expect(Math.abs(o.Q21 - q)).toBeLessThan(0.06); // P⁰·P/‖P⁰‖² → √Q·√Q
  });

  it('productRows is W2 W1/√k1', () => {
    const t = teacherOf(4);
    const P = productRows(t);
    let s = 0;
    for (let j = 0; j < k1; j++) s += t.layers[1].W[3 * k1 + j] * t.layers[0].W[j * d + 7];
    expect(P[3 * d + 7]).toBeCloseTo(s / Math.sqrt(k1), 12);
  });
});

/** A copy computing the same function: units of every hidden layer permuted, those of inner layers sign-flipped
 * with their outgoing weights (odd σ); last-layer units carry their readout along. */
function symmetricCopyDeep(t: Network, rng: Rng, flip: boolean): Network {
  const L = t.layers.length;
  const perms = t.layers.map((l) => {
    const p = Array.from({ length: l.rows }, (_, i) => i);
    rng.shuffle(p);
    return p;
  });
  const signs = t.layers.map((l, i) =>
    Array.from({ length: l.rows }, () => (flip && i < L - 1 && rng.uniform() < 0.5 ? -1 : 1)),
  );
  const layers = t.layers.map(({ W, rows, cols }, l) => {
    const S = new Float64Array(rows * cols);
    for (let j = 0; j < rows; j++)
      for (let c = 0; c < cols; c++) {
        const [pc, sc] = l === 0 ? [c, 1] : [perms[l - 1][c], signs[l - 1][c]];
        S[perms[l][j] * cols + pc] = signs[l][j] * sc * W[j * cols + c];
      }
    return { W: S, rows, cols };
  });
  const v = new Float64Array(t.v.length);
  t.v.forEach((x, j) => (v[perms[L - 1][j]] = x));
  return { layers, v };
}

describe('per-layer overlaps q_1 … q_L (any depth)', () => {
  const deepTeacher = (seed: number, widths: number[], readout: 'ones' | 'rad' = 'ones'): Network =>
    sampleTeacher({ d, k: widths[0], deeper: widths.slice(1), readout, weights: 'gaussian' }, new Rng(seed));
  const allOdd = (L: number) => ({ odd: Array<boolean>(L).fill(true), readoutsFixed: true });

  for (const readout of ['ones', 'rad'] as const) {
    it(`L = 4: the teacher and a permuted, sign-flipped copy (${readout}) give 1 in every layer`, () => {
      const t = deepTeacher(1, [20, 16, 12, 10], readout);
      for (const x of layerOverlaps(t, t, allOdd(4))) expect(x).toBeCloseTo(1, 12);
      const s = symmetricCopyDeep(t, new Rng(4), true);
      for (const x of layerOverlaps(t, s, allOdd(4))) expect(x).toBeCloseTo(1, 12);
    });
  }

  it('L = 3: an independent draw gives ≈ 0 within 4/√size per layer, and over 12 seeds within 3/√(12 size)', () => {
    // Measured over 200 pairs: mean 0.001, −0.003, 0.001 and s.d. 0.037, 0.052, 0.052 = 1.04/√size, so 4/√size is
    // a 3.8σ bound for each of the 36 values (a false alarm in ~0.5 % of seed sets) and the mean is unbiased.
    const widths = [20, 20, 20];
    const sizes = [20 * d, 20 * 20, 20 * 20];
    const seeds = 12;
    const mean = [0, 0, 0];
    for (let seed = 0; seed < seeds; seed++) {
      const q = layerOverlaps(deepTeacher(300 + seed, widths), deepTeacher(400 + seed, widths), allOdd(3));
      q.forEach((x, l) => {
        expect(Math.abs(x)).toBeLessThan(4 / Math.sqrt(sizes[l]));
        mean[l] += x / seeds;
      });
    }
    mean.forEach((x, l) => expect(Math.abs(x)).toBeLessThan(3 / Math.sqrt(seeds * sizes[l])));
  });

  it('a noisy copy W_l = √Q W⁰_l + √(1 − Q) Z gives q_l ≈ √Q in every layer; at L = 2 it agrees with deepOverlaps', () => {
    const rng = new Rng(33);
    const Q = 0.8;
    for (const widths of [
      [20, 20],
      [20, 16, 12],
    ]) {
      const t = deepTeacher(5, widths);
      const s: Network = {
        layers: t.layers.map((l) => ({ ...l, W: l.W.map((w) => Math.sqrt(Q) * w + Math.sqrt(1 - Q) * rng.normal()) })),
        v: t.v,
      };
      const copy = symmetricCopyDeep(s, new Rng(6), true);
      const q = layerOverlaps(t, copy, allOdd(widths.length));
      // w⁰·w/‖w⁰‖² → √Q for this construction; 0.06 ≈ 3 s.d. of the smallest layer (12 × 16 entries).
      for (const x of q) expect(Math.abs(x - Math.sqrt(Q))).toBeLessThan(0.06);
      if (widths.length === 2) {
        // Two estimators of the same layer overlaps (W2 rows matched after aligning columns here, by the rows of
        // W2 W1 there): both see the same matched units, so they agree far inside their noise.
        const o = deepOverlaps(t, copy, odd);
        expect(Math.abs(q[0] - o.Q1)).toBeLessThan(1e-12);
        expect(Math.abs(q[1] - o.Q2)).toBeLessThan(0.02);
      }
    }
  });
});
