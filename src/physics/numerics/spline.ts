// Cubic splines through tabulated values (C. de Boor, "A Practical Guide to Splines", 1978, ch. IV): the second
// derivatives M_i at the knots solve a tridiagonal system (Thomas algorithm), and on each interval the spline is
// A y_i + B y_{i+1} + h²/6 [(A³ − A) M_i + (B³ − B) M_{i+1}] with A = 1 − B the local coordinates.
// - uniformSpline: knots u_i = i·h, not-a-knot ends; lookup is an index computation, which keeps table
//   interpolation in hot loops cheap (spectralTable.ts).
// - clampedSpline: non-uniform knots, clamped first derivative at the left end, natural right end, with its exact
//   antiderivative (for ι = ½∫mmse, deep/denoiser.ts); evaluation by binary search.

/** Solves the tridiagonal system (a sub-, b main, c super-diagonal) for x in place of the Thomas algorithm; b, d are overwritten. */
function solveTridiagonal(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, x: Float64Array): void {
  const k = b.length;
  for (let j = 1; j < k; j++) {
    const w = a[j] / b[j - 1];
    b[j] -= w * c[j - 1];
    d[j] -= w * d[j - 1];
  }
  x[k - 1] = d[k - 1] / b[k - 1];
  for (let j = k - 2; j >= 0; j--) x[j] = (d[j] - c[j] * x[j + 1]) / b[j];
}

/** Value and d/du of the cubic piece of width h at local coordinates A = (u_{i+1} − u)/h, B = (u − u_i)/h. */
function cubicPiece(
  A: number,
  B: number,
  h: number,
  y0: number,
  y1: number,
  m0: number,
  m1: number,
  out: { v: number; d: number },
): void {
  out.v = A * y0 + B * y1 + (((A * A * A - A) * m0 + (B * B * B - B) * m1) * h * h) / 6;
  out.d = (y1 - y0) / h + ((-(3 * A * A - 1) * m0 + (3 * B * B - 1) * m1) * h) / 6;
}

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
  const mInner = new Float64Array(k);
  solveTridiagonal(a, b, c, d, mInner);
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
  cubicPiece(A, B, h, s.y[i], s.y[i + 1], s.m[i], s.m[i + 1], out);
}

export interface CubicSpline {
  t: Float64Array; // knots, ascending
  y: Float64Array;
  m: Float64Array; // second derivatives at the knots
  cum: Float64Array; // ∫_{t0}^{t_i} spline
}

/** Spline through (t_i, y_i) with y'(t_0) = slope0 (clamped) and a natural right end; n ≥ 3. */
export function clampedSpline(t: Float64Array, y: Float64Array, slope0: number): CubicSpline {
  const n = t.length;
  if (n < 3) throw new Error('clampedSpline needs at least 3 knots');
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  const h0 = t[1] - t[0];
  // Clamped left: 2h0 M0 + h0 M1 = 6[(y1 − y0)/h0 − slope0]
  b[0] = 2 * h0;
  c[0] = h0;
  d[0] = 6 * ((y[1] - y[0]) / h0 - slope0);
  for (let i = 1; i < n - 1; i++) {
    const hl = t[i] - t[i - 1];
    const hr = t[i + 1] - t[i];
    a[i] = hl;
    b[i] = 2 * (hl + hr);
    c[i] = hr;
    d[i] = 6 * ((y[i + 1] - y[i]) / hr - (y[i] - y[i - 1]) / hl);
  }
  // Natural right end (the function is flat there: x·mmse → const).
  b[n - 1] = 1;
  d[n - 1] = 0;
  const m = new Float64Array(n);
  solveTridiagonal(a, b, c, d, m);
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const h = t[i] - t[i - 1];
    cum[i] = cum[i - 1] + (h * (y[i - 1] + y[i])) / 2 - (h * h * h * (m[i - 1] + m[i])) / 24;
  }
  return { t, y, m, cum };
}

function interval(s: CubicSpline, u: number): number {
  const { t } = s;
  let lo = 0;
  let hi = t.length - 1;
  if (u <= t[0]) return 0;
  if (u >= t[hi]) return hi - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= u) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Value and derivative at u (cubic extension beyond the knots). */
export function splineAt(s: CubicSpline, u: number, out: { v: number; d: number }): void {
  const i = interval(s, u);
  const h = s.t[i + 1] - s.t[i];
  const A = (s.t[i + 1] - u) / h;
  const B = (u - s.t[i]) / h;
  cubicPiece(A, B, h, s.y[i], s.y[i + 1], s.m[i], s.m[i + 1], out);
}

/** ∫_{t0}^{u} spline, u within the knots. */
export function splineIntegral(s: CubicSpline, u: number): number {
  const i = interval(s, u);
  const h = s.t[i + 1] - s.t[i];
  const B = (u - s.t[i]) / h; // ∫ from t_i to u in the local variable B ∈ [0, B]
  const A0 = 1;
  // ∫_0^B [A y0 + B' y1 + h²/6((A³−A) m0 + (B'³−B') m1)] h dB' with A = 1 − B'
  const Ia = B - (B * B) / 2; // ∫ A
  const Ib = (B * B) / 2; // ∫ B'
  const Ia3 = (A0 - Math.pow(1 - B, 4)) / 4; // ∫ A³
  const Ib3 = Math.pow(B, 4) / 4;
  const val = s.y[i] * Ia + s.y[i + 1] * Ib + ((h * h) / 6) * ((Ia3 - Ia) * s.m[i] + (Ib3 - Ib) * s.m[i + 1]);
  return s.cum[i] + val * h;
}
