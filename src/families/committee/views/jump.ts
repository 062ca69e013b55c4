// The committee tab's equilibrium ε with a vertical segment at a first-order transition (K = 3 specialisation, exact
// recovery with ±1 weights); no gap at a continuous one.
import type { CommitteePoint } from '../../../physics/classic/committee';
import type { Polyline } from '../../../platform/plots/branches';

/**
 * The equilibrium branch with a vertical segment at a first-order transition α_J: lower(p) below it, upper(p) above,
 * and at α_J both, each interpolated linearly from its neighbours (a continuous transition has no α_J: no gap).
 */
export function jumpAt(
  points: CommitteePoint[],
  alphaJ: number | null | undefined,
  lower: (p: CommitteePoint) => number | null,
  upper: (p: CommitteePoint) => number | null,
  equilibrium: (p: CommitteePoint) => number | null,
): Polyline {
  const plain: Polyline = points.map((p) => {
    const v = equilibrium(p);
    return v === null ? null : [p.alpha, v];
  });
  if (alphaJ === null || alphaJ === undefined) return plain;
  const i = points.findIndex((p) => p.alpha >= alphaJ);
  if (i <= 0) return plain;
  const at = (f: (p: CommitteePoint) => number | null): number | null => {
    const a = points[i - 1];
    const b = points[i];
    const fa = f(a);
    const fb = f(b);
    if (fa === null || fb === null) return fa ?? fb;
    return fa + ((fb - fa) * (alphaJ - a.alpha)) / (b.alpha - a.alpha);
  };
  const lo = at(lower);
  const hi = at(upper);
  const below = points.slice(0, i).map((p): [number, number] | null => {
    const v = lower(p);
    return v === null ? null : [p.alpha, v];
  });
  const above = points.slice(i).map((p): [number, number] | null => {
    const v = upper(p);
    return v === null ? null : [p.alpha, v];
  });
  const mid: Polyline =
    lo !== null && hi !== null
      ? [
          [alphaJ, lo],
          [alphaJ, hi],
        ]
      : [];
  return [...below, ...mid, ...above];
}
