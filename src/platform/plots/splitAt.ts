// Two branches of a curve against α split at the transition α_T where the equilibrium changes branch: a vertical
// segment at a first-order transition, the branches meeting at a continuous one (no gap, no sloped segment).
// Used by the classic tabs (GLM, committee), whose points carry both branches.
import type { Polyline } from './branches';

interface AtAlpha {
  alpha: number;
}
type Value<P> = (p: P) => number | null;

const valuesOf = <P extends AtAlpha>(points: readonly P[], f: Value<P>): Polyline =>
  points.map((p) => {
    const v = f(p);
    return v === null ? null : [p.alpha, v];
  });

/** f at α, linear between the neighbouring points (exact where a point sits at α); null if neither has a value. */
function valueAt<P extends AtAlpha>(points: readonly P[], alpha: number, f: Value<P>): number | null {
  const i = points.findIndex((p) => p.alpha >= alpha);
  if (i < 0) return null;
  if (i === 0 || points[i].alpha === alpha) return f(points[i]);
  const a = points[i - 1];
  const b = points[i];
  const fa = f(a);
  const fb = f(b);
  if (fa === null || fb === null) return fa ?? fb;
  return fa + ((fb - fa) * (alpha - a.alpha)) / (b.alpha - a.alpha);
}

export interface Split {
  /** The lower branch on α < α_T, ending at (α_T, lower(α_T)). */
  before: Polyline;
  /** From (α_T, lower(α_T)) up to (α_T, upper(α_T)) — a point at a continuous transition — then the upper branch. */
  after: Polyline;
  /** The lower branch from α_T on (where it is no longer the equilibrium). */
  lowerAfter: Polyline;
  /** The upper branch up to α_T (where it exists but is not the equilibrium), ending at (α_T, upper(α_T)). */
  upperBefore: Polyline;
}

/**
 * Two branches split at α_T (points in ascending α). At a continuous transition (`meet`) the upper branch starts at
 * the lower one's value, even before the point at α_T has arrived; at a first-order one a vertical step joins them.
 */
export function splitAt<P extends AtAlpha>(
  points: readonly P[],
  alphaT: number,
  lower: Value<P>,
  upper: Value<P>,
  meet = false,
): Split {
  const lo = valueAt(points, alphaT, lower);
  const hi = meet ? lo : (valueAt(points, alphaT, upper) ?? lo);
  const below = points.filter((p) => p.alpha < alphaT);
  const above = points.filter((p) => p.alpha > alphaT);
  const at = (v: number | null): Polyline => (v === null ? [] : [[alphaT, v]]);
  return {
    before: [...valuesOf(below, lower), ...at(lo)],
    after: [...at(lo), ...(hi !== lo ? at(hi) : []), ...valuesOf(above, upper)],
    lowerAfter: [...at(lo), ...valuesOf(above, lower)],
    upperBefore: [...valuesOf(below, upper), ...(valuesOf(below, upper).some(Boolean) ? at(hi) : [])],
  };
}
