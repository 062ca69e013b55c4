// What the landing view shows near α ≈ 4.3 for ReLU, Δ = 0.1: after a continuous onset, the overlap Q of the one
// specialised branch can rise steeply again further on. The engine finds no second stationary point there and
// no jump (the same branch from below and from above; docs/physics/mlp-shallow.md §6a, "Steep but continuous"),
// so it is a crossover, not a transition. This finds it on the curve so that the plot can mark and name it.
import type { TransitionResult } from '../../physics/mlp/shallowModel';
import type { ShallowPoint } from '../../physics/types';

export interface Crossover {
  /** Where Q rises fastest (the middle of the steepest step). */
  alpha: number;
  /** Mean Q (over the readout values) at the ends of the steep stretch: the points around the steepest step. */
  from: [number, number];
  to: [number, number];
}

const meanQ = (p: ShallowPoint): number | null => {
  const s = p.equilibrium === 'specialised' ? p.specialised : null;
  return s && s.Q.length ? s.Q.reduce((a, q) => a + q, 0) / s.Q.length : null;
};

/** How much steeper than the flattest stretch on either side a rise must be to be named. */
const STEEPER = 3;

/**
 * The steepest rise of Q after a continuous onset, when it is a bump of its own: dQ/dα has a local maximum at
 * least STEEPER times its smallest value between the onset and it and after it, and every point from the onset on
 * has at most one specialised stationary point (no coexisting branch, so no hidden jump). Null otherwise (a
 * first-order transition is marked as such).
 */
export function steepCrossover(points: readonly ShallowPoint[], t: TransitionResult | null): Crossover | null {
  if (!t || t.order !== 'continuous' || t.jumps.length > 0 || t.alphaOnset === null) return null;
  const onset = t.alphaOnset;
  const after = points.filter((p) => p.alpha > onset);
  if (after.some((p) => p.stationary.length > 1)) return null;
  const pts = after.flatMap((p) => {
    const q = meanQ(p);
    return q === null ? [] : [[p.alpha, q] as [number, number]];
  });
  if (pts.length < 6) return null;
  const slope = pts.slice(1).map((b, i) => (b[1] - pts[i][1]) / (b[0] - pts[i][0]));
  let k = 0;
  for (let i = 1; i < slope.length; i++) if (slope[i] > slope[k]) k = i;
  // Not the first steps (the onset's own rise) nor the last (the range's end): a bump between flatter stretches.
  const before = slope.slice(0, k);
  const later = slope.slice(k + 1);
  if (before.length < 2 || later.length < 1) return null;
  if (slope[k] < STEEPER * Math.min(...before) || slope[k] < STEEPER * Math.min(...later)) return null;
  // The steep stretch: the neighbouring steps that are at least half as steep.
  let i0 = k;
  let i1 = k;
  while (i0 > 0 && slope[i0 - 1] >= slope[k] / 2) i0--;
  while (i1 + 1 < slope.length && slope[i1 + 1] >= slope[k] / 2) i1++;
  return { alpha: (pts[k][0] + pts[k + 1][0]) / 2, from: pts[i0], to: pts[i1 + 1] };
}
