// Ridge regression on random features σ(W x) (docs/physics/two-layer-lecture.md §1 simulation protocol): n = αd training
// points, x ~ N(0, I_d), θ* = e1, y = g(x1) + σ_ε ξ; â = argmin (1/n)‖y − Z a‖² + (p/d) λ ‖a‖² by the primal
// (p ≤ n) or dual (p > n) normal equations, which at λ = 0 give least squares / the minimum-norm interpolator.
// Test error E(y − â·σ(Wx))² on fresh points, label noise included.
import type { HermiteProfile } from '../../physics/twoLayer/profiles';
import type { Rng } from '../../physics/numerics/rng';
import { cholesky, choleskySolve, gramT, mulABt, mulTv, mulv } from '../linalg';

export interface RidgeSetting {
  activation: HermiteProfile;
  target: HermiteProfile;
  lambda: number;
  noise: number;
}

/** Draw n points: X (n×d, row-major) and labels. */
export function drawData(
  rng: Rng,
  target: HermiteProfile,
  n: number,
  d: number,
  noise: number,
): { X: Float64Array; y: Float64Array } {
  const X = rng.fillNormal(new Float64Array(n * d));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = target.f(X[i * d]) + noise * rng.normal();
  return { X, y };
}

/** p rows uniform on the unit sphere of R^d. */
export function sphereRows(rng: Rng, p: number, d: number): Float64Array {
  const F = rng.fillNormal(new Float64Array(p * d));
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let l = 0; l < d; l++) s += F[j * d + l] ** 2;
    const r = 1 / Math.sqrt(s);
    for (let l = 0; l < d; l++) F[j * d + l] *= r;
  }
  return F;
}

function features(
  act: HermiteProfile,
  X: Float64Array,
  W: Float64Array,
  n: number,
  p: number,
  d: number,
): Float64Array {
  const Z = mulABt(X, W, n, p, d);
  for (let i = 0; i < Z.length; i++) Z[i] = act.f(Z[i]);
  return Z;
}

/**
 * a solving (ZᵀZ + reg I) a = Zᵀy for Z (n×p, row-major) by the primal (p ≤ n) or dual (p > n) normal equations
 * (at reg = 0: least squares / the minimum-norm interpolator); null when the system is singular.
 */
export function solveRidge(Z: Float64Array, y: Float64Array, n: number, p: number, reg: number): Float64Array | null {
  if (p <= n) {
    const G = gramT(Z, n, p);
    for (let i = 0; i < p; i++) G[i * p + i] += reg;
    if (!cholesky(G, p)) return null;
    return choleskySolve(G, p, mulTv(Z, y, n, p));
  }
  const K = mulABt(Z, Z, n, n, p);
  for (let i = 0; i < n; i++) K[i * n + i] += reg;
  if (!cholesky(K, n)) return null;
  return mulTv(Z, choleskySolve(K, n, y), n, p);
}

/** Ridge on σ(W x), W (p×d); returns the test error on nTest fresh points (Infinity if the system is singular). */
export function ridgeTestError(
  rng: Rng,
  s: RidgeSetting,
  W: Float64Array,
  p: number,
  d: number,
  n: number,
  nTest: number,
): number {
  const { X, y } = drawData(rng, s.target, n, d, s.noise);
  const Z = features(s.activation, X, W, n, p, d);
  const a = solveRidge(Z, y, n, p, n * (p / d) * s.lambda); // (ZᵀZ + n β λ I) a = Zᵀ y
  if (!a) return Infinity;
  const test = drawData(rng, s.target, nTest, d, s.noise);
  const Zt = features(s.activation, test.X, W, nTest, p, d);
  const pred = mulv(Zt, a, nTest, p);
  let e = 0;
  for (let i = 0; i < nTest; i++) e += (test.y[i] - pred[i]) ** 2;
  return e / nTest;
}

/** Mean and standard error of a sample. */
export function meanSE(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, se: NaN };
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(v / n) };
}
