// Order parameters of a student against the teacher (docs/physics/mlp-shallow.md §3):
//   Q(v) = (1/d) w⁰_i·w_i averaged over hidden units with readout v⁰_i = v, after matching student units to
//          teacher units (the posterior is invariant under permutations of units with equal readouts);
//   R2   = Tr(S2⁰ S2)/d with S2 = Wᵀ diag(v) W/√(kd), so that ‖S2‖²_F/d → ρ2 and R2 ∈ [ρ2 − 1, ρ2].

import type { Network } from './teacher';

export interface OverlapByValue {
  v: number; // readout value (a group's mean for continuous laws)
  Q: number;
  units: number;
}

export interface Overlaps {
  Q: OverlapByValue[];
  /** Unit-averaged Q. */
  Qmean: number;
  R2: number;
}

/** Groups of teacher units: equal readouts for discrete laws, at most `maxGroups` quantile bins otherwise. */
export function readoutGroups(v: Float64Array, maxGroups = 4): number[][] {
  const distinct = new Map<number, number[]>();
  v.forEach((x, i) => {
    const list = distinct.get(x);
    if (list) list.push(i);
    else distinct.set(x, [i]);
  });
  if (distinct.size <= maxGroups) return [...distinct.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const order = Array.from(v, (_, i) => i).sort((i, j) => v[i] - v[j]);
  const groups: number[][] = [];
  for (let g = 0; g < maxGroups; g++) {
    const lo = Math.round((g * order.length) / maxGroups);
    const hi = Math.round(((g + 1) * order.length) / maxGroups);
    groups.push(order.slice(lo, hi));
  }
  return groups;
}

/**
 * Greedy matching of student units to teacher units by largest overlap, among student units whose readout is
 * interchangeable with the teacher unit's (equal v when readouts are fixed; any when they are learnt).
 */
export function matchUnits(O: Float64Array, k: number, compatible: (i: number, j: number) => boolean): Int32Array {
  const match = new Int32Array(k).fill(-1);
  const used = new Uint8Array(k);
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (compatible(i, j)) pairs.push([O[i * k + j], i, j]);
  pairs.sort((a, b) => b[0] - a[0]);
  for (const [, i, j] of pairs) {
    if (match[i] >= 0 || used[j]) continue;
    match[i] = j;
    used[j] = 1;
  }
  return match;
}

/** Q(v) and R2 of an L = 1 student against the teacher. `readoutsFixed`: student v equals the teacher's. */
export function shallowOverlaps(teacher: Network, student: Network, readoutsFixed: boolean): Overlaps {
  const { W: W0, rows: k, cols: d } = teacher.layers[0];
  const { W } = student.layers[0];
  const v0 = teacher.v;
  const v = student.v;
  // O_ij = w⁰_i·w_j / d
  const O = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += W0[i * d + a] * W[j * d + a];
      O[i * k + j] = s / d;
    }
  }
  let R2 = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) R2 += v0[i] * v[j] * O[i * k + j] * O[i * k + j];
  R2 /= k; // Σ v⁰_i v_j (w⁰_i·w_j)²/(k d²) = (1/k) Σ v⁰_i v_j O_ij²
  const match = matchUnits(O, k, readoutsFixed ? (i, j) => v0[i] === v[j] : () => true);
  const Q: OverlapByValue[] = [];
  let total = 0;
  for (const group of readoutGroups(v0)) {
    let s = 0;
    let vs = 0;
    for (const i of group) {
      s += O[i * k + match[i]];
      vs += v0[i];
    }
    total += s;
    Q.push({ v: vs / group.length, Q: s / group.length, units: group.length });
  }
  return { Q, Qmean: total / k, R2 };
}
