// Brent's root finder (Brent 1973, ch. 4) and a bracketed maximiser, shared by every model: thresholds are located on
// a robust criterion instead of by long fixed-point iteration (critical slowing down near spinodals).

export interface Root {
  x: number;
  converged: boolean;
  iterations: number;
  /** |f(x)| at the returned point. */
  residual: number;
}

/** Brent's method on [a, b] with f(a)·f(b) ≤ 0 (a root is returned even if f is discontinuous there). */
export function brent(f: (x: number) => number, a: number, b: number, xtol = 1e-12, maxIter = 200): Root {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { x: a, converged: true, iterations: 0, residual: 0 };
  if (fb === 0) return { x: b, converged: true, iterations: 0, residual: 0 };
  if (fa * fb > 0 || !Number.isFinite(fa) || !Number.isFinite(fb)) return { x: NaN, converged: false, iterations: 0, residual: NaN };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let it = 1; it <= maxIter; it++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { x: b, converged: true, iterations: it, residual: Math.abs(fb) };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { x: b, converged: false, iterations: maxIter, residual: Math.abs(fb) };
}

/**
 * Maximum of f on [a, b]: the best of `samples` evenly spaced points, then golden-section search in the
 * neighbouring cells (f need not be unimodal on the whole interval, only near its maximum).
 */
export function maximise(f: (x: number) => number, a: number, b: number, samples = 24, xtol = 1e-13): { x: number; value: number } {
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
