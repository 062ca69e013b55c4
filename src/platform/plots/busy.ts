// What a figure says about a solve in progress (Progress.tsx draws it): from a family store's state.

/** True, or how much of a known amount is done (`phase` replaces the count, e.g. "thresholds"). */
export type Busy = boolean | { done: number; total: number; unit?: string; phase?: string };

/** A streamed curve (platform/state/slices.ts, the MLP's store): its grid slots and the points filled so far. */
interface StreamedLike {
  gen: number;
  slots: readonly unknown[];
  points: readonly unknown[];
}

/**
 * The progress of a streamed curve: the filled α slots of the newest request's curve; just "computing" while the
 * curve on hand is an older one (its count would read as done) and once every slot is in (the rest of the solve).
 */
export function curveBusy(computing: boolean, curve: StreamedLike | null, requestedGen: number): Busy {
  if (!computing) return false;
  if (!curve || curve.gen !== requestedGen || curve.points.length >= curve.slots.length) return true;
  return { done: curve.points.length, total: curve.slots.length, unit: 'α' };
}
