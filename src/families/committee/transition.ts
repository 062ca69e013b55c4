// Where the committee's curves change branch, and the α values solved there after the grid so that the plot draws
// the transition as it is: a first-order one as a vertical step at α_IT, a continuous one without a gap at α_spec.
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';

export interface Transition {
  alpha: number;
  /** First order (ε jumps: α_IT) or continuous (the specialised branch leaves the non-specialised one: α_spec). */
  firstOrder: boolean;
}

/** The equilibrium's change of branch: α_IT where there is one (first order), else α_spec (continuous), else none. */
export function transitionOf(t: CommitteeThresholds | null | undefined): Transition | null {
  if (t?.alphaIT !== null && t?.alphaIT !== undefined) return { alpha: t.alphaIT, firstOrder: true };
  if (t?.alphaSpec !== null && t?.alphaSpec !== undefined) return { alpha: t.alphaSpec, firstOrder: false };
  return null;
}

/**
 * α values solved once the thresholds are known: the transition itself (both branches there), and above a
 * continuous one two more points, where the specialised branch leaves q11 = q12 with a kink (the first one solved
 * above α_spec crawls, λ ≈ 1: 2 % above it costs ~0.5 s, 0.5 % above ~2 s).
 */
export function transitionAlphas(t: CommitteeThresholds | null | undefined): number[] {
  const tr = transitionOf(t);
  if (!tr) return [];
  return tr.firstOrder ? [tr.alpha] : [1, 1.02, 1.05].map((f) => tr.alpha * f);
}
