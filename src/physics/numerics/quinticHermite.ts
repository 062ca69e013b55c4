// Piecewise quintic Hermite interpolation: on each interval [x_k, x_{k+1}] of width h_k the degree-5 polynomial in
// t = (x − x_k)/h_k ∈ [0, 1] that matches the values, slopes and curvatures given at both nodes (error O(h⁶) for a
// smooth function). Used by the g tables of the activations (activation/gTable.ts, deep/anyDepth/gTrapezoid.ts).

/**
 * The 6 coefficients per interval, lowest power of t first, from values f, slopes d and curvatures s at the N + 1
 * nodes (derivatives with respect to x); `width(k)` is h_k.
 */
export function quinticHermiteCoefficients(
  f: Float64Array,
  d: Float64Array,
  s: Float64Array,
  width: (k: number) => number,
): Float64Array {
  const N = f.length - 1;
  const c = new Float64Array(6 * N);
  for (let k = 0; k < N; k++) {
    const h = width(k);
    const df = f[k + 1] - f[k];
    const d0 = d[k] * h;
    const d1 = d[k + 1] * h;
    const s0 = s[k] * h * h;
    const s1 = s[k + 1] * h * h;
    const i = 6 * k;
    c[i] = f[k];
    c[i + 1] = d0;
    c[i + 2] = 0.5 * s0;
    c[i + 3] = 10 * df - 6 * d0 - 4 * d1 - 0.5 * (3 * s0 - s1);
    c[i + 4] = -15 * df + 8 * d0 + 7 * d1 + 0.5 * (3 * s0 - 2 * s1);
    c[i + 5] = 6 * df - 3 * d0 - 3 * d1 - 0.5 * (s0 - s1);
  }
  return c;
}
