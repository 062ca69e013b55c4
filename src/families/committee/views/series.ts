// The committee tab's series (pure): q11, q12 and ε against α on the non-specialised and specialised branches,
// split at the transition (transition.ts): a vertical step at a first-order one, the branches meeting at a
// continuous one; metastable parts dashed; the fixed point of AMP from the uninformed start thin.
import { ampFixedPoint, type CommitteePoint } from '../../../physics/classic/committee';
import type { Polyline } from '../../../platform/plots/branches';
import type { Series } from '../../../platform/plots/lineGeometry';
import { COLOURS } from '../../../platform/plots/palette';
import type { Transition } from '../transition';
import { splitAt, type Split } from '../../../platform/plots/splitAt';

const C = { q11: COLOURS.blue, q12: COLOURS.rose, ns: COLOURS.grey, amp: COLOURS.green };

type Value = (p: CommitteePoint) => number | null;

export function committeeSeries(
  unsorted: readonly CommitteePoint[],
  transition: Transition | null,
  /** Where AMP from the uninformed start jumps (to q = I, or to the specialised branch for K = 3). */
  alphaAMP: number | null = null,
): { q: Series[]; eps: Series[] } {
  // The points at the transition arrive after the grid.
  const points = [...unsorted].sort((a, b) => a.alpha - b.alpha);
  const line = (f: Value): Polyline => points.map((p) => (f(p) === null ? null : [p.alpha, f(p)!]));
  const spEq = (p: CommitteePoint) => p.equilibrium === 'specialised';
  const ns =
    (k: 'q11' | 'q12' | 'eps'): Value =>
    (p) =>
      p.nonSpecialised[k];
  const sp =
    (k: 'q11' | 'q12' | 'eps'): Value =>
    (p) =>
      p.specialised?.[k] ?? null;
  // Before the thresholds arrive the worker's equilibrium flag, point by point, with nothing drawn between the
  // branches (a step or a joint would claim an order of the transition not yet known).
  const split = (lower: Value, upper: Value): Split =>
    transition
      ? splitAt(points, transition.alpha, lower, upper, !transition.firstOrder)
      : {
          before: line((p) => (spEq(p) ? null : lower(p))),
          after: line((p) => (spEq(p) ? upper(p) : null)),
          lowerAfter: line((p) => (spEq(p) ? lower(p) : null)),
          upperBefore: line((p) => (spEq(p) ? null : upper(p))),
        };
  // AMP's fixed point jumps at α_AMP: a vertical step there, held at its last value below it (no sloped segment).
  const ampEps = (): Polyline => {
    if (alphaAMP === null) return line((p) => ampFixedPoint(p).eps);
    const amp =
      (keep: (a: number) => boolean): Value =>
      (p) =>
        keep(p.alpha) ? ampFixedPoint(p).eps : null;
    const s = splitAt(
      points,
      alphaAMP,
      amp((a) => a < alphaAMP),
      amp((a) => a > alphaAMP),
    );
    return [...s.before, ...s.after.slice(1)];
  };
  const q11 = split(ns('q11'), sp('q11'));
  const q12 = split(ns('q12'), sp('q12'));
  const eps = split(ns('eps'), sp('eps'));
  return {
    q: [
      {
        mark: 'line',
        id: 'q-nonspecialised',
        data: q11.before,
        colour: C.ns,
        weight: 'bold',
        label: 'q11 = q12, non-specialised',
      },
      {
        mark: 'line',
        id: 'q-nonspecialised-metastable',
        data: q11.lowerAfter,
        colour: C.ns,
        dashed: true,
        label: 'non-specialised, not the equilibrium',
      },
      {
        mark: 'line',
        id: 'q11-specialised',
        data: q11.after,
        colour: C.q11,
        weight: 'bold',
        label: 'q11, specialised',
      },
      {
        mark: 'line',
        id: 'q12-specialised',
        data: q12.after,
        colour: C.q12,
        weight: 'bold',
        label: 'q12, specialised',
      },
      { mark: 'line', id: 'q11-specialised-metastable', data: q11.upperBefore, colour: C.q11, dashed: true },
      ...(['q11', 'q12'] as const).map((k): Series => ({
        mark: 'line',
        id: `${k}-amp`,
        data: line((p) => (p.partial ? p.partial[k] : null)),
        colour: C[k],
        weight: 'thin',
        label: `${k}, AMP partially specialised (±1 weights)`,
      })),
    ],
    eps: [
      {
        mark: 'line',
        id: 'eps-equilibrium',
        data: transition
          ? [...eps.before, ...eps.after.slice(1)]
          : line((p) => (spEq(p) && p.specialised ? p.specialised.eps : p.nonSpecialised.eps)),
        colour: COLOURS.equilibrium,
        weight: 'bold',
        label: 'ε, equilibrium',
      },
      {
        mark: 'line',
        id: 'eps-nonspecialised',
        data: eps.lowerAfter,
        colour: C.ns,
        dashed: true,
        label: 'ε, non-specialised',
      },
      {
        mark: 'line',
        id: 'eps-amp',
        data: ampEps(),
        colour: C.amp,
        weight: 'thin',
        label: 'ε of AMP from the uninformed start',
      },
    ],
  };
}
