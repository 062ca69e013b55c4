// Layer-wise order parameters of an L = 2 student against its teacher (arXiv 2510.24616; docs/physics/mlp-deep.md
// §2), after undoing the network's symmetries:
//   Q1   = first-layer overlap w1⁰_i·w1_π1(i) s_i / ‖w1⁰_i‖² over matched units (theory: E_s Q1(s));
//   Q2   = overlap of W2 after the same matching of its columns and the second-layer matching of its rows
//          (theory: E_{v,s} Q2(v, s));
//   Q2:1 = overlap of the rows of the product P = W2 W1/√k1, per readout value (theory: Q2:1(v)).
// Symmetries: permuting first-layer units together with the columns of W2; for odd σ1 also flipping the sign
// of a unit with its W2 column (P is invariant under both); permuting second-layer units with equal readouts
// (all of them when v is learnt, then with a sign flip of (row of W2, v_i) for odd σ2).
// Normalisation: divided by the teacher's own squared norms (→ d, k1, d as d → ∞), so the teacher itself gives
// exactly 1 and an independent draw ≈ 0, as the theory's Q's (E W² = 1).
// Cross-fitting: matching by largest overlap biases the matched overlaps of unrelated units upward (the maximum
// of k noise terms of size 1/√d: ≈ 0.3 at d = 30, which would make a run that has learnt nothing look half
// specialised). So units are matched on one half of the input coordinates and their overlap is measured on the
// other half (then the halves swap and the two estimates are averaged): for an independent draw each estimate
// has mean 0. The second-layer matching uses the half the first layer's evaluation used (the other one than its
// own matching), which keeps Q2 free of that bias too.

import { matchUnits, readoutGroups, type OverlapByValue } from './overlaps';
import type { Network } from './teacher';

export interface DeepOverlapOptions {
  /** σ1 odd: a first-layer unit may be sign-flipped together with its column of W2. */
  odd1: boolean;
  /** σ2 odd (used only with learned readouts): a second-layer unit may be flipped together with v_i. */
  odd2: boolean;
  /** Student readouts equal the teacher's: only units with equal v are interchangeable. */
  readoutsFixed: boolean;
}

export interface DeepOverlaps {
  Q1: number;
  Q2: number;
  /** Unit-averaged Q2:1. */
  Q21: number;
  /** Q2:1 per readout value (one group for `ones`). */
  Q21byValue: OverlapByValue[];
}

/** P = W2 W1/√k1 (k2×d), row-major. */
export function productRows(net: Network): Float64Array {
  const [l1, l2] = net.layers;
  const { rows: k1, cols: d } = l1;
  const k2 = l2.rows;
  const P = new Float64Array(k2 * d);
  const s = 1 / Math.sqrt(k1);
  for (let i = 0; i < k2; i++) {
    for (let j = 0; j < k1; j++) {
      const w = l2.W[i * k1 + j] * s;
      if (w === 0) continue;
      for (let a = 0; a < d; a++) P[i * d + a] += w * l1.W[j * d + a];
    }
  }
  return P;
}

/** O_ij = Σ_{a ∈ [lo, hi)} A_ia B_ja for row-major A, B with `cols` columns and k rows each. */
function crossOverlaps(
  A: Float64Array,
  B: Float64Array,
  k: number,
  cols: number,
  lo: number,
  hi: number,
): Float64Array {
  const O = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let a = lo; a < hi; a++) s += A[i * cols + a] * B[j * cols + a];
      O[i * k + j] = s;
    }
  }
  return O;
}

/** Greedy matching on O (or |O| when signs may flip); returns the student unit and the sign per teacher unit. */
function matchSigned(O: Float64Array, k: number, flips: boolean, compatible: (i: number, j: number) => boolean) {
  const score = flips ? O.map(Math.abs) : O;
  const match = matchUnits(score, k, compatible);
  const sign = Float64Array.from(match, (j, i) => (flips && O[i * k + j] < 0 ? -1 : 1));
  return { match, sign };
}

/** Σ over teacher rows in `rows` of sign_i A⁰_i·A_match(i) on [lo, hi), and Σ ‖A⁰_i‖² there. */
function matchedSums(
  A0: Float64Array,
  A: Float64Array,
  cols: number,
  rows: number[],
  match: Int32Array,
  sign: Float64Array,
  lo: number,
  hi: number,
): [number, number] {
  let num = 0;
  let den = 0;
  for (const i of rows) {
    const j = match[i];
    for (let a = lo; a < hi; a++) {
      num += sign[i] * A0[i * cols + a] * A[j * cols + a];
      den += A0[i * cols + a] ** 2;
    }
  }
  return [num, den];
}

/** Q1, Q2, Q2:1 (per readout value) of an L = 2 student against the teacher. */
export function deepOverlaps(teacher: Network, student: Network, opts: DeepOverlapOptions): DeepOverlaps {
  const [t1, t2] = teacher.layers;
  const [s1, s2] = student.layers;
  const { rows: k1, cols: d } = t1;
  const k2 = t2.rows;
  const v0 = teacher.v;
  const v = student.v;
  const P0 = productRows(teacher);
  const P = productRows(student);
  const groups = readoutGroups(v0);
  const all1 = Array.from({ length: k1 }, (_, i) => i);
  const all2 = Array.from({ length: k2 }, (_, i) => i);
  const compatible2 = opts.readoutsFixed ? (i: number, j: number) => v0[i] === v[j] : () => true;
  const flips2 = !opts.readoutsFixed && opts.odd2;
  const half = Math.floor(d / 2);
  const halves: [number, number][] = [
    [0, half],
    [half, d],
  ];
  let q1 = 0;
  let q2 = 0;
  const q21 = new Float64Array(groups.length);
  for (let h = 0; h < 2; h++) {
    const [mLo, mHi] = halves[h]; // first-layer matching; Q2:1 measured here
    const [eLo, eHi] = halves[1 - h]; // Q1 measured here; second-layer matching
    const m1 = matchSigned(crossOverlaps(t1.W, s1.W, k1, d, mLo, mHi), k1, opts.odd1, () => true);
    const [n1, d1] = matchedSums(t1.W, s1.W, d, all1, m1.match, m1.sign, eLo, eHi);
    q1 += n1 / d1 / 2;
    const m2 = matchSigned(crossOverlaps(P0, P, k2, d, eLo, eHi), k2, flips2, compatible2);
    groups.forEach((g, gi) => {
      const [n, dd] = matchedSums(P0, P, d, g, m2.match, m2.sign, mLo, mHi);
      q21[gi] += n / dd / 2;
    });
    // W2 with rows and columns matched: W̃2_ij = s2_i s1_j W2[π2(i), π1(j)].
    let n2 = 0;
    let d2 = 0;
    for (const i of all2) {
      const r = m2.match[i] * k1;
      for (let j = 0; j < k1; j++) {
        const w0 = t2.W[i * k1 + j];
        n2 += w0 * m2.sign[i] * m1.sign[j] * s2.W[r + m1.match[j]];
        d2 += w0 * w0;
      }
    }
    q2 += n2 / d2 / 2;
  }
  const Q21byValue: OverlapByValue[] = groups.map((g, gi) => ({
    v: g.reduce((a, i) => a + v0[i], 0) / g.length,
    Q: q21[gi],
    units: g.length,
  }));
  const Q21 = Q21byValue.reduce((a, g) => a + g.Q * g.units, 0) / k2;
  return { Q1: q1, Q2: q2, Q21, Q21byValue };
}

export interface LayerOverlapOptions {
  /** σ_l odd, per layer: a unit of layer l may be sign-flipped together with its outgoing weights. */
  odd: boolean[];
  /** Student readouts equal the teacher's: only last-layer units with equal v are interchangeable. */
  readoutsFixed: boolean;
}

/**
 * The theory's per-layer overlaps q_1 … q_L (docs/physics/simulations.md §6, arXiv 2510.24616's order parameters,
 * layer 1 on the input side): q_l = Σ_i s_i w⁰_{l,i}·w̃_{l,π(i)} / Σ_i ‖w⁰_{l,i}‖² over the rows of W_l, where
 * the student's columns are first aligned with the teacher's by the layer below's matching (π_{l−1} and its signs),
 * and its rows are then matched to the teacher's. Cross-fitted as deepOverlaps: for each half h of the fan-in
 * coordinates, rows are matched on half h and measured on the other half; the two estimates are averaged (the
 * whole chain of matchings is run once per h). The teacher gives exactly 1 in every layer, an independent draw 0 on
 * average. Any depth L ≥ 1.
 */
export function layerOverlaps(teacher: Network, student: Network, opts: LayerOverlapOptions): number[] {
  const L = teacher.layers.length;
  const v0 = teacher.v;
  const v = student.v;
  const q = new Float64Array(L);
  for (let h = 0; h < 2; h++) {
    let prev: { match: Int32Array; sign: Float64Array } | null = null;
    teacher.layers.forEach((t, l) => {
      const { rows: k, cols } = t;
      // Student rows with columns aligned to the teacher's units of layer l − 1: S̃_jc = s_c S_{j, π(c)}.
      const S = student.layers[l].W;
      const aligned = prev
        ? Float64Array.from({ length: k * cols }, (_, x) => {
            const c = x % cols;
            return prev!.sign[c] * S[x - c + prev!.match[c]];
          })
        : S;
      const last = l === L - 1;
      const flips = last ? !opts.readoutsFixed && opts.odd[l] : opts.odd[l];
      const compatible = last && opts.readoutsFixed ? (i: number, j: number) => v0[i] === v[j] : () => true;
      const half = Math.floor(cols / 2);
      const [mLo, mHi] = h === 0 ? [0, half] : [half, cols];
      const [eLo, eHi] = h === 0 ? [half, cols] : [0, half];
      const m = matchSigned(crossOverlaps(t.W, aligned, k, cols, mLo, mHi), k, flips, compatible);
      const all = Array.from({ length: k }, (_, i) => i);
      const [num, den] = matchedSums(t.W, aligned, cols, all, m.match, m.sign, eLo, eHi);
      q[l] += num / den / 2;
      prev = m;
    });
  }
  return Array.from(q);
}
