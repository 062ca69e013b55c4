// Which Q(v) curves to draw: one per distinct |v| for discrete readout laws, a handful of representative |v| otherwise.
import { BLUE_RAMP, COLOURS } from '../../platform/plots/palette';

export interface VGroup {
  /** |v| of the group. */
  absV: number;
  /** Index into the atoms (and into each branch's Q) that represents it. */
  index: number;
  /** Total probability of the atoms with this |v| (for continuous laws: of the atom itself). */
  weight: number;
}

/** Q(v) depends on v only through v² in the RS equations, so ±v share a curve. */
export function vGroups(v: ArrayLike<number>, p: ArrayLike<number>, maxGroups = 5): VGroup[] {
  const byAbs = new Map<string, VGroup>();
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    const key = a.toPrecision(9);
    const g = byAbs.get(key);
    if (g) g.weight += p[i];
    else byAbs.set(key, { absV: a, index: i, weight: p[i] });
  }
  const groups = [...byAbs.values()].sort((x, y) => x.absV - y.absV);
  if (groups.length <= maxGroups) return groups;
  // Continuous law: |v| at evenly spaced quantiles of its distribution (10 %, 30 %, …, 90 % for five groups).
  const total = groups.reduce((s, g) => s + g.weight, 0);
  const picked: VGroup[] = [];
  let cum = 0;
  let j = 0;
  for (let k = 0; k < maxGroups; k++) {
    const target = ((k + 0.5) / maxGroups) * total;
    while (j < groups.length - 1 && cum + groups[j].weight < target) cum += groups[j++].weight;
    if (!picked.includes(groups[j])) picked.push(groups[j]);
  }
  return picked;
}

/** ρ2 − 1 = γ (E v)²: the part of R2 already known from the linear term; R2 − (ρ2 − 1) lies in [0, 1]. */
export function r2Offset(gamma: number, v: ArrayLike<number>, p: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += p[i] * v[i];
  return gamma * m * m;
}

/** Ordered colours for |v| groups (small |v| light, large |v| dark; readable on white). */
export function vColour(rank: number, count: number): string {
  if (count <= 1) return BLUE_RAMP[2];
  const t = rank / (count - 1);
  return BLUE_RAMP[Math.round(t * (BLUE_RAMP.length - 1))];
}

export const R2_COLOUR = COLOURS.orange;
