// Maximum of a function on an interval: a coarse scan, then golden-section search (J. Kiefer, Proc. AMS 4 (1953)
// 502) around the best sample. Used where a threshold is where a bump of a map closes (classic/glm.ts α_AMP).

/**
 * Maximum of f on [a, b]: the best of `samples` evenly spaced points, then golden-section search in the
 * neighbouring cells (f need not be unimodal on the whole interval, only near its maximum).
 */
export function maximise(
  f: (x: number) => number,
  a: number,
  b: number,
  samples = 24,
  xtol = 1e-13,
): { x: number; value: number } {
  let best = a;
  let bestV = -Infinity;
  const h = (b - a) / samples;
  for (let i = 0; i <= samples; i++) {
    const x = a + i * h;
    const v = f(x);
    if (v > bestV) {
      bestV = v;
      best = x;
    }
  }
  let lo = Math.max(a, best - h);
  let hi = Math.min(b, best + h);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < 200 && hi - lo > xtol * (1 + Math.abs(lo)); it++) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    }
  }
  const xm = f1 > f2 ? x1 : x2;
  const vm = Math.max(f1, f2);
  return vm > bestV ? { x: xm, value: vm } : { x: best, value: bestV };
}
