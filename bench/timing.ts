// Timing helpers shared by every bench section: the median of repeated wall-clock runs.
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median wall time (ms) of `reps` calls of f. */
export function time(f: () => void, reps: number): number {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return median(out);
}
