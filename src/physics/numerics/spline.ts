// Cubic spline on a uniform grid u_i = i·h (i = 0 … n−1), not-a-knot ends.
// Uniform spacing makes lookup an index computation, which keeps table interpolation in hot loops cheap.

export interface UniformSpline {
  h: number;
  y: Float64Array; // node values
  m: Float64Array; // second derivatives at nodes
}

/** Builds a not-a-knot cubic spline through (i·h, y_i); needs n ≥ 4. */
export function uniformSpline(y: Float64Array, h: number): UniformSpline {
  const n = y.length;
  if (n < 4) throw new Error('uniformSpline needs at least 4 nodes');
  // Unknowns M_0..M_{n-1}. Interior rows: M_{i-1} + 4M_i + M_{i+1} = 6(y_{i+1} − 2y_i + y_{i-1})/h².
  // Not-a-knot: M_0 − 2M_1 + M_2 = 0 and M_{n-3} − 2M_{n-2} + M_{n-1} = 0 (third derivative continuous).
  // Eliminating M_0 and M_{n-1} gives a tridiagonal system for M_1..M_{n-2}.
  const k = n - 2;
  const a = new Float64Array(k); // sub-diagonal
  const b = new Float64Array(k); // diagonal
  const c = new Float64Array(k); // super-diagonal
  const d = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const i = j + 1;
    a[j] = 1;
    b[j] = 4;
    c[j] = 1;
    d[j] = (6 * (y[i + 1] - 2 * y[i] + y[i - 1])) / (h * h);
  }
  // Row 1: M_0 + 4M_1 + M_2 with M_0 = 2M_1 − M_2 → 6M_1 + 0·M_2.
  b[0] = 6;
  c[0] = 0;
  // Row n−2: M_{n-3} + 4M_{n-2} + M_{n-1} with M_{n-1} = 2M_{n-2} − M_{n-3} → 0·M_{n-3} + 6M_{n-2}.
  b[k - 1] = 6;
  a[k - 1] = 0;
  if (k === 1) {
    b[0] = 6;
  }
  // Thomas algorithm.
  for (let j = 1; j < k; j++) {
    const w = a[j] / b[j - 1];
    b[j] -= w * c[j - 1];
    d[j] -= w * d[j - 1];
  }
  const mInner = new Float64Array(k);
  mInner[k - 1] = d[k - 1] / b[k - 1];
  for (let j = k - 2; j >= 0; j--) mInner[j] = (d[j] - c[j] * mInner[j + 1]) / b[j];
  const m = new Float64Array(n);
  for (let j = 0; j < k; j++) m[j + 1] = mInner[j];
  m[0] = 2 * m[1] - m[2];
  m[n - 1] = 2 * m[n - 2] - m[n - 3];
  return { h, y, m };
}

/** Value, first derivative (d/du) of the spline at u ∈ [0, (n−1)h]; clamps to the ends. */
export function splineEval(s: UniformSpline, u: number, out: { v: number; d: number }): void {
  const n = s.y.length;
  let i = Math.floor(u / s.h);
  if (i < 0) i = 0;
  if (i > n - 2) i = n - 2;
  const h = s.h;
  const t = u - i * h; // distance from left node
  const A = (h - t) / h;
  const B = t / h;
  const y0 = s.y[i];
  const y1 = s.y[i + 1];
  const m0 = s.m[i];
  const m1 = s.m[i + 1];
  out.v = A * y0 + B * y1 + (((A * A * A - A) * m0 + (B * B * B - B) * m1) * h * h) / 6;
  out.d = (y1 - y0) / h + ((-(3 * A * A - 1) * m0 + (3 * B * B - 1) * m1) * h) / 6;
}
