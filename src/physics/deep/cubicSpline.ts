// Cubic spline on non-uniform knots with a clamped first derivative at the left end and a not-a-knot right end,
// with its exact antiderivative (for ι = ½∫mmse). Small tridiagonal solve; evaluation by binary search.

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
  for (let i = 1; i < n; i++) {
    const w = a[i] / b[i - 1];
    b[i] -= w * c[i - 1];
    d[i] -= w * d[i - 1];
  }
  const m = new Float64Array(n);
  m[n - 1] = d[n - 1] / b[n - 1];
  for (let i = n - 2; i >= 0; i--) m[i] = (d[i] - c[i] * m[i + 1]) / b[i];
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
  const m0 = s.m[i];
  const m1 = s.m[i + 1];
  out.v = A * s.y[i] + B * s.y[i + 1] + (((A * A * A - A) * m0 + (B * B * B - B) * m1) * h * h) / 6;
  out.d = (s.y[i + 1] - s.y[i]) / h + ((-(3 * A * A - 1) * m0 + (3 * B * B - 1) * m1) * h) / 6;
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
