// Ridge regression on sampled hidden-manifold data at finite N (docs/physics/hidden-manifold.md §3), one seed a call:
// c ~ N(0, I_D), F ∈ R^{D×N} with i.i.d. N(0, 1) entries, x = f(Fᵀc/√D), θ ~ N(0, I_D) rescaled to ‖θ‖² = D,
// y = g(θ·c/√D) + σ_ε ξ; ŵ = argmin Σ_μ (y_μ − ŵ·x_μ/√N)² + λ‖ŵ‖² (a = ŵ/√N: (XᵀX + λN I) a = Xᵀy);
// test error E(y − ŵ·x/√N)² on fresh points. This is the generative model of 1909.11500 itself, not the
// random-features sampler of twoLayer/ridge.ts: the test that both give the same error checks the mapping.
import { HiddenManifoldError } from '../../physics/errors';
import { Rng } from '../../physics/numerics/rng';
import type { HmmRidgeParams } from '../../physics/hiddenManifold/ridge';
import { cholesky, choleskySolve, mulABt, mulv } from '../linalg';
import { solveRidge } from '../twoLayer/ridge';

export interface HmmRidgeSimParams extends HmmRidgeParams {
  alpha: number; // n/N
  N: number;
}

/** The fixed part of one sample: Fᵀ (N×D, row-major, already divided by √D) and θ/√D. */
export interface HmmManifold {
  N: number;
  D: number;
  Ft: Float64Array;
  theta: Float64Array;
}

export function drawManifold(rng: Rng, N: number, D: number): HmmManifold {
  const Ft = rng.fillNormal(new Float64Array(N * D));
  const s = 1 / Math.sqrt(D);
  for (let i = 0; i < Ft.length; i++) Ft[i] *= s;
  const theta = rng.fillNormal(new Float64Array(D));
  let norm = 0;
  for (let r = 0; r < D; r++) norm += theta[r] * theta[r];
  const t = 1 / Math.sqrt(norm); // ‖θ‖²/D = 1 exactly, so θ·c/√D ~ N(0, 1)
  for (let r = 0; r < D; r++) theta[r] *= t;
  return { N, D, Ft, theta };
}

/** n points: X (n×N, row-major) = f(C F/√D) and labels y = g(θ·c/√D) + σ_ε ξ. */
export function drawHmmData(
  rng: Rng,
  m: HmmManifold,
  p: Pick<HmmRidgeParams, 'activation' | 'target' | 'noise'>,
  n: number,
): { X: Float64Array; y: Float64Array } {
  const C = rng.fillNormal(new Float64Array(n * m.D));
  const X = mulABt(C, m.Ft, n, m.N, m.D);
  for (let i = 0; i < X.length; i++) X[i] = p.activation.f(X[i]);
  const u = mulv(C, m.theta, n, m.D);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = p.target.f(u[i]) + p.noise * rng.normal();
  return { X, y };
}

/** Test error of ridge on one sampled hidden-manifold problem (Infinity if the normal equations are singular). */
export function simulateHmmRidgeSeed(p: HmmRidgeSimParams, seed: number, nTest = 2000): number {
  const rng = Rng.stream(seed, 'hidden-manifold-ridge');
  const D = Math.max(1, Math.round(p.delta * p.N));
  const n = Math.max(1, Math.round(p.alpha * p.N));
  const m = drawManifold(rng, p.N, D);
  const train = drawHmmData(rng, m, p, n);
  const a = solveRidge(train.X, train.y, n, p.N, p.lambda * p.N);
  if (!a) return Infinity;
  const test = drawHmmData(rng, m, p, nTest);
  const pred = mulv(test.X, a, nTest, p.N);
  let e = 0;
  for (let i = 0; i < nTest; i++) e += (test.y[i] - pred[i]) ** 2;
  return e / nTest;
}

/** N the page's ridge simulation accepts, and its multiply–add budget (a few seconds of one core). */
export const RIDGE_SIM_N = { min: 20, max: 400 };
export const RIDGE_SIM_BUDGET = 2e9;

/** Multiply–adds of `seeds` fits at each α: data n·N·D, normal equations min(n, N)²·max(n, N), test nTest·N·D. */
export function ridgeSimCost(
  N: number,
  delta: number,
  alphas: readonly number[],
  seeds: number,
  nTest: number,
): number {
  const D = Math.max(1, Math.round(delta * N));
  const one = (a: number) => {
    const n = Math.round(a * N);
    return n * N * D + Math.min(n, N) ** 2 * Math.max(n, N) + nTest * N * D;
  };
  return seeds * alphas.reduce((s, a) => s + one(a), 0);
}

/** Refuses a page request outside RIDGE_SIM_N, with bad seeds or beyond RIDGE_SIM_BUDGET. */
export function validateRidgeSim(N: number, delta: number, alphas: readonly number[], seeds: number, nTest: number) {
  const { min, max } = RIDGE_SIM_N;
  if (!(Number.isInteger(N) && N >= min && N <= max))
    throw new HiddenManifoldError(`N must be an integer in [${min}, ${max}], got ${N}`);
  if (!(Number.isInteger(seeds) && seeds >= 1 && seeds <= 16))
    throw new HiddenManifoldError(`seeds must be an integer in [1, 16], got ${seeds}`);
  const cost = ridgeSimCost(N, delta, alphas, seeds, nTest);
  if (!(cost <= RIDGE_SIM_BUDGET))
    throw new HiddenManifoldError(
      `the ridge simulation would cost ${cost.toExponential(1)} multiply–adds (at most ${RIDGE_SIM_BUDGET.toExponential(0)}): lower N, D/N or the α range`,
    );
}

/** Labels y = sign(θ·c/√D) for the classification runs (only `f` is read by drawHmmData). */
const SIGN_TARGET = { f: (u: number) => (u >= 0 ? 1 : -1) } as HmmRidgeParams['target'];

/**
 * Logistic regression on one sampled hidden-manifold problem with y = sign(θ·c/√D): ŵ = argmin Σ_μ log(1 +
 * e^{−y_μ ŵ·x_μ/√N}) + (λ/2)‖ŵ‖², by Newton's method on a = ŵ/√N; returns the classification error on nTest fresh
 * points (null when Newton did not converge in 50 steps).
 */
export function simulateHmmLogisticSeed(
  p: Pick<HmmRidgeParams, 'activation' | 'delta' | 'lambda'> & { alpha: number; N: number },
  seed: number,
  nTest = 4000,
): number | null {
  const rng = Rng.stream(seed, 'hidden-manifold-logistic');
  const { N } = p;
  const D = Math.max(1, Math.round(p.delta * N));
  const n = Math.max(1, Math.round(p.alpha * N));
  const m = drawManifold(rng, N, D);
  const labels = { activation: p.activation, target: SIGN_TARGET, noise: 0 };
  const { X, y } = drawHmmData(rng, m, labels, n);
  const a = new Float64Array(N);
  const reg = p.lambda * N;
  let converged = false;
  for (let it = 0; it < 50 && !converged; it++) {
    const z = mulv(X, a, n, N);
    const grad = new Float64Array(N);
    const H = new Float64Array(N * N);
    for (let j = 0; j < N; j++) {
      grad[j] = reg * a[j];
      H[j * N + j] = reg;
    }
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp(y[i] * z[i])); // σ(−y z)
      const c = -y[i] * s;
      const h = s * (1 - s);
      const o = i * N;
      for (let j = 0; j < N; j++) {
        grad[j] += c * X[o + j];
        const hx = h * X[o + j];
        for (let k = 0; k <= j; k++) H[j * N + k] += hx * X[o + k];
      }
    }
    for (let j = 0; j < N; j++) for (let k = 0; k < j; k++) H[k * N + j] = H[j * N + k];
    if (!cholesky(H, N)) return null;
    const step = choleskySolve(H, N, grad);
    let size = 0;
    for (let j = 0; j < N; j++) {
      a[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    converged = size < 1e-10 * (1 + Math.max(...a.map(Math.abs)));
  }
  if (!converged) return null;
  const test = drawHmmData(rng, m, labels, nTest);
  const pred = mulv(test.X, a, nTest, N);
  let wrong = 0;
  for (let i = 0; i < nTest; i++) if (pred[i] * test.y[i] <= 0) wrong++;
  return wrong / nTest;
}
