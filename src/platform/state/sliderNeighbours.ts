// Where a slider goes next, for work done ahead (the tables of a γ step, built while the user is idle).

/**
 * The values a slider move is likely to go to next: one slider step further in the direction of the last move, then
 * one step back (keyboard arrows and slow drags move by one step), inside [min, max]; none when the value did not move.
 */
export function sliderNeighbours(
  value: number,
  previous: number | null,
  range: { min: number; max: number; step: number },
): number[] {
  if (previous === null || previous === value) return [];
  const dir = value > previous ? 1 : -1;
  const decimals = Math.max(0, -Math.floor(Math.log10(range.step) + 1e-9));
  return [dir, -dir]
    .map((k) => Number((value + k * range.step).toFixed(decimals)))
    .filter((g) => g >= range.min && g <= range.max);
}
