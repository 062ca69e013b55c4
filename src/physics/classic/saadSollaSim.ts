// Online SGD of the soft committee machine at finite N (Saad & Solla, PRE 52, 4225, 1995; Biehl, Riegler &
// Wöhler, J. Phys. A 29, 4769, 1996): the microscopic process whose N → ∞ limit are the ODEs of saadSolla.ts.
// Student weights J_i ∈ ℝ^N, teacher B_n with B_n·B_m/N = δ_nm (T = I exactly), one fresh x ~ N(0, I_N) a step:
//   λ_i = J_i·x/√N, ν_n = B_n·x/√N, y = Σ_n g(ν_n) + σξ, δ_i = g'(λ_i)(y − Σ_j g(λ_j)),
//   J_i ← J_i + (η/√N) δ_i x,
// so that α = steps/N, and Q = J Jᵀ/N, R = J Bᵀ/N are measured from the weights as the ODEs define them
// (docs/physics/classic.md §3.2).
import { SaadSollaError } from '../errors';
import { erf } from '../numerics/normal';
import { Rng } from '../numerics/rng';
import { generalisationError, initialState, sampleTimes, type OrderParams, type SaadSollaParams } from './saadSolla';

export interface SimulationPoint {
  alpha: number;
  eps: number;
  Q: number[];
  R: number[];
}

/** N of the simulation: at least K + M + 1 (the start needs K + M orthogonal directions), at most 10⁴. */
export function validateSimulationSize(N: number, p: SaadSollaParams): number {
  if (!Number.isInteger(N) || N < p.K + p.M + 1 || N > 10000)
    throw new SaadSollaError(`N must be an integer in [${p.K + p.M + 1}, 10000], got ${N}`);
  return N;
}

/** Multiply–adds of a run to alphaMax: α·N steps of (2K + M)·N each, plus N normals a step (counted as 4). */
export const simulationCost = (p: SaadSollaParams, N: number, alphaMax: number) =>
  alphaMax * N * N * (2 * p.K + p.M + 4);

/** Multiply–adds a simulation request may cost in all (about a minute of one core). */
export const SIMULATION_BUDGET = 5e9;

/** Refuses a request of `seeds` runs to alphaMax at size N beyond SIMULATION_BUDGET. */
export function validateSimulationCost(p: SaadSollaParams, N: number, alphaMax: number, seeds: number): void {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 64)
    throw new SaadSollaError(`seeds must be an integer in [1, 64], got ${seeds}`);
  const cost = seeds * simulationCost(p, N, alphaMax);
  if (cost > SIMULATION_BUDGET)
    throw new SaadSollaError(
      `simulating N = ${N} to α = ${alphaMax} with ${seeds} seeds costs ${cost.toExponential(1)} multiply–adds (at most ${SIMULATION_BUDGET.toExponential(0)}): lower the α range, N or the seeds`,
    );
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const SQRT1_2 = Math.SQRT1_2;
/** g(u) = erf(u/√2). */
const erfOverRoot2 = (u: number) => erf(u * SQRT1_2);

/** Lower Cholesky factor of the K×K matrix A (row-major), or null when A is not positive definite. */
function cholesky(A: Float64Array, K: number): Float64Array | null {
  const L = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * K + j];
      for (let k = 0; k < j; k++) s -= L[i * K + k] * L[j * K + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * K + i] = Math.sqrt(s);
      } else L[i * K + j] = s / L[j * K + j];
    }
  }
  return L;
}

/**
 * Weights realising the ODEs' initial state exactly: K + M orthonormal directions e_a (Gram–Schmidt of Gaussian
 * vectors, scaled to |e_a|² = N), B_n = e_n and J_i = Σ_n R_in e_n + Σ_k L_ik e_{M+k} with L Lᵀ = Q − R Rᵀ.
 */
function initialWeights(s0: OrderParams, N: number, rng: Rng): { J: Float64Array[]; B: Float64Array[] } {
  const { K, M } = s0;
  const G = new Float64Array(K * K);
  for (let i = 0; i < K; i++)
    for (let k = 0; k < K; k++) {
      let rr = 0;
      for (let n = 0; n < M; n++) rr += s0.R[i * M + n] * s0.R[k * M + n];
      G[i * K + k] = s0.Q[i * K + k] - rr;
    }
  const L = cholesky(G, K);
  if (!L) throw new SaadSollaError('the initial overlaps are not realisable: Q − R Rᵀ must be positive definite');
  const basis: Float64Array[] = [];
  for (let a = 0; a < K + M; a++) {
    const e = rng.normals(N);
    for (let pass = 0; pass < 2; pass++)
      for (const f of basis) {
        let d = 0;
        for (let t = 0; t < N; t++) d += e[t] * f[t];
        d /= N;
        for (let t = 0; t < N; t++) e[t] -= d * f[t];
      }
    let norm = 0;
    for (let t = 0; t < N; t++) norm += e[t] * e[t];
    const scale = Math.sqrt(N / norm);
    for (let t = 0; t < N; t++) e[t] *= scale;
    basis.push(e);
  }
  const B = basis.slice(0, M);
  const J = Array.from({ length: K }, (_, i) => {
    const w = new Float64Array(N);
    const add = (c: number, e: Float64Array) => {
      for (let t = 0; t < N; t++) w[t] += c * e[t];
    };
    for (let n = 0; n < M; n++) add(s0.R[i * M + n], basis[n]);
    for (let k = 0; k <= i; k++) add(L[i * K + k], basis[M + k]);
    return w;
  });
  return { J, B };
}

/** Q = J Jᵀ/N, R = J Bᵀ/N, T = I (B is orthonormal by construction), and ε_g of them. */
function measure(J: Float64Array[], B: Float64Array[], N: number, alpha: number): SimulationPoint {
  const dot = (u: Float64Array, v: Float64Array) => {
    let d = 0;
    for (let t = 0; t < N; t++) d += u[t] * v[t];
    return d / N;
  };
  const K = J.length;
  const M = B.length;
  const Q = J.flatMap((u) => J.map((v) => dot(u, v)));
  const R = J.flatMap((u) => B.map((v) => dot(u, v)));
  const T = new Float64Array(M * M);
  for (let n = 0; n < M; n++) T[n * M + n] = 1;
  const eps = generalisationError({ K, M, Q: Float64Array.from(Q), R: Float64Array.from(R), T });
  return { alpha, eps, Q, R };
}

/**
 * One simulated run at size N with the stream `run` of the seed p.seed, started from the ODEs' initial state
 * (initialState(p)); yields α = 0 and then the ODE's sample times (sampleTimes), each rounded to a whole number
 * of steps. Stops early (and returns true) when the weights blow up (η beyond the stable range).
 */
export function* simulateOnline(
  p: SaadSollaParams,
  N: number,
  alphaMax: number,
  points: number,
  run: number,
): Generator<SimulationPoint, boolean> {
  const { K, M, eta, noise } = p;
  const rng = Rng.stream(p.seed, 'saad-solla-sim', run);
  const { J, B } = initialWeights(initialState(p), N, rng);
  const rootN = Math.sqrt(N);
  const x = new Float64Array(N);
  const lambda = new Float64Array(K);
  const delta = new Float64Array(K);
  let step = 0;
  yield measure(J, B, N, 0);
  for (const t of sampleTimes(alphaMax, points)) {
    const target = Math.max(step, Math.round(t * N));
    for (; step < target; step++) {
      rng.fillNormal(x);
      let y = noise > 0 ? noise * rng.normal() : 0;
      for (let n = 0; n < M; n++) {
        let d = 0;
        const b = B[n];
        for (let s = 0; s < N; s++) d += b[s] * x[s];
        y += erfOverRoot2(d / rootN);
      }
      for (let i = 0; i < K; i++) {
        let d = 0;
        const w = J[i];
        for (let s = 0; s < N; s++) d += w[s] * x[s];
        lambda[i] = d / rootN;
        y -= erfOverRoot2(lambda[i]);
      }
      // y now holds the error y − σ(x) of the student's output.
      for (let i = 0; i < K; i++)
        delta[i] = (eta / rootN) * SQRT_2_OVER_PI * Math.exp((-lambda[i] * lambda[i]) / 2) * y;
      for (let i = 0; i < K; i++) {
        const w = J[i];
        const c = delta[i];
        for (let s = 0; s < N; s++) w[s] += c * x[s];
      }
    }
    const pt = measure(J, B, N, step / N);
    if (!Number.isFinite(pt.eps) || !pt.Q.every(Number.isFinite)) return true;
    yield pt;
  }
  return false;
}

/** All points of one run and whether it diverged. */
export function simulate(
  p: SaadSollaParams,
  N: number,
  alphaMax: number,
  points: number,
  run: number,
): { points: SimulationPoint[]; diverged: boolean } {
  const it = simulateOnline(p, N, alphaMax, points, run);
  const out: SimulationPoint[] = [];
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { points: out, diverged: r.value };
    out.push(r.value);
  }
}

/**
 * Plateau length of a run: the α where ε_g last falls through half the plateau value ε_p/2 (linear in α between
 * samples, so that runs on the same time grid still differ), or null when it ends above it. The same rule as
 * escapeAlpha, interpolated.
 */
export function plateauLength(points: readonly { alpha: number; eps: number }[], epsPlateau: number): number | null {
  const half = epsPlateau / 2;
  const last = points.length - 1;
  if (last < 1 || !(points[last].eps < half)) return null;
  let i = last;
  while (i > 0 && points[i - 1].eps < half) i--;
  if (i === 0) return points[0].alpha;
  const a = points[i - 1];
  const b = points[i];
  return a.alpha + ((a.eps - half) / (a.eps - b.eps)) * (b.alpha - a.alpha);
}

/** Median and quartiles (linear interpolation between order statistics, as numpy's default) of the values. */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
  if (values.length === 0) throw new SaadSollaError('quartiles of no values');
  const v = [...values].sort((a, b) => a - b);
  const at = (f: number) => {
    const x = f * (v.length - 1);
    const lo = Math.floor(x);
    return lo + 1 < v.length ? v[lo] + (x - lo) * (v[lo + 1] - v[lo]) : v[lo];
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
