// Brent's root finder (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4): inverse
// quadratic interpolation and secant steps safeguarded by bisection on a bracket, shared by every model:
// thresholds are located on a robust criterion instead of by long fixed-point iteration (critical slowing down
// near spinodals).

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
  if (fa * fb > 0 || !Number.isFinite(fa) || !Number.isFinite(fb))
    return { x: NaN, converged: false, iterations: 0, residual: NaN };
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
