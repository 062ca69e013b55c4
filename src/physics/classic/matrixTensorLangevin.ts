// Finite-N Langevin dynamics of the spiked matrix–tensor model, p = 3 (arXiv 1812.09066 §IV; note §7): one sample
// (x*, Y, T) and the dynamics dx/dt = −∇H(x) − μ x + η, ⟨η_i(t) η_j(s)⟩ = 2 T δ_ij δ(t − s), on the sphere |x|² = N
// (μ enforces it: each Euler–Maruyama step is projected back), at the Bayes temperature T = 1, where the stationary
// law is the posterior. H = −(1/Δ2) Σ_{i<j} Y_ij x_i x_j/√N − (√2/Δp) Σ_{i<j<k} T_ijk x_i x_j x_k/N. The overlap
// m(t) = x(t)·x*/N from a random start is what the tab draws beside the state-evolution branches.
import { MatrixTensorError } from '../errors';
import { Rng, SEED_MAX } from '../numerics/rng';

export interface LangevinParams {
  N: number;
  /** Matrix noise Δ2 and tensor noise Δp. */
  delta2: number;
  deltaP: number;
  /** Final time and Euler–Maruyama step. */
  tMax: number;
  dt: number;
  /** Temperature (1: Bayes-optimal sampling of the posterior; 0: gradient flow). */
  temperature: number;
  seed: number;
}

export interface LangevinPoint {
  t: number;
  m: number;
}

/** The tensor has N(N−1)(N−2)/6 entries; N ≤ 400 keeps it below 11 M doubles (85 MB). */
export const LANGEVIN_N_MAX = 400;

export function validateLangevin(q: LangevinParams): LangevinParams {
  if (!Number.isInteger(q.N) || q.N < 8 || q.N > LANGEVIN_N_MAX)
    throw new MatrixTensorError(`N must be an integer in [8, ${LANGEVIN_N_MAX}], got ${q.N}`);
  if (!(q.delta2 > 0 && q.delta2 <= 1e6)) throw new MatrixTensorError(`delta2 must lie in (0, 1e6], got ${q.delta2}`);
  if (!(q.deltaP > 0 && q.deltaP <= 1e6)) throw new MatrixTensorError(`deltaP must lie in (0, 1e6], got ${q.deltaP}`);
  if (!(q.tMax > 0 && q.tMax <= 1e4)) throw new MatrixTensorError(`tMax must lie in (0, 1e4], got ${q.tMax}`);
  if (!(q.dt > 0 && q.dt <= 0.1)) throw new MatrixTensorError(`dt must lie in (0, 0.1], got ${q.dt}`);
  if (!(q.temperature >= 0 && q.temperature <= 10))
    throw new MatrixTensorError(`temperature must lie in [0, 10], got ${q.temperature}`);
  if (!Number.isInteger(q.seed) || q.seed < 0 || q.seed > SEED_MAX)
    throw new MatrixTensorError(`seed must be an integer in [0, ${SEED_MAX}], got ${q.seed}`);
  if (langevinWork(q) > LANGEVIN_WORK_MAX)
    throw new MatrixTensorError(
      `N = ${q.N} up to t = ${q.tMax} is ${langevinWork(q).toExponential(1)} multiply-adds (at most ` +
        `${LANGEVIN_WORK_MAX.toExponential(0)}, tens of seconds): lower N or the final time`,
    );
  return q;
}

/** The most work one run may take (≈ 10–40 s in a browser worker). */
export const LANGEVIN_WORK_MAX = 2e9;

/** Multiply–adds of one run (for the callers' work bounds): a tensor pass and a matrix pass per step. */
export const langevinWork = (q: Pick<LangevinParams, 'N' | 'tMax' | 'dt'>): number =>
  Math.ceil(q.tMax / q.dt) * ((q.N * (q.N - 1) * (q.N - 2)) / 6 + q.N * q.N);

/** One sample of the model: the signal on the sphere, Y (upper triangle, row-major) and T (i < j < k, lexicographic). */
export interface MatrixTensorSample {
  N: number;
  xStar: Float64Array;
  Y: Float64Array;
  T: Float64Array;
}

/** A point uniform on the sphere |x|² = N. */
function sphere(rng: Rng, N: number): Float64Array {
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = rng.normal();
  return project(x);
}

function project(x: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  const f = Math.sqrt(x.length / s);
  for (let i = 0; i < x.length; i++) x[i] *= f;
  return x;
}

export function drawSample(N: number, delta2: number, deltaP: number, seed: number): MatrixTensorSample {
  const rng = Rng.stream(seed, 'matrix-tensor-sample');
  const xStar = sphere(rng, N);
  const Y = new Float64Array((N * (N - 1)) / 2);
  const sd2 = Math.sqrt(delta2);
  const sdP = Math.sqrt(deltaP);
  let a = 0;
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++) Y[a++] = (xStar[i] * xStar[j]) / Math.sqrt(N) + sd2 * rng.normal();
  const T = new Float64Array((N * (N - 1) * (N - 2)) / 6);
  const c = Math.SQRT2 / N; // √((p − 1)!)/N^{(p−1)/2}, p = 3
  let b = 0;
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++)
      for (let k = j + 1; k < N; k++) T[b++] = c * xStar[i] * xStar[j] * xStar[k] + sdP * rng.normal();
  return { N, xStar, Y, T };
}

/** H(x) (the loss) of the sample. */
export function energy(s: MatrixTensorSample, delta2: number, deltaP: number, x: Float64Array): number {
  const N = s.N;
  let h2 = 0;
  let a = 0;
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) h2 += s.Y[a++] * x[i] * x[j];
  let h3 = 0;
  let b = 0;
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++) for (let k = j + 1; k < N; k++) h3 += s.T[b++] * x[i] * x[j] * x[k];
  return -h2 / (delta2 * Math.sqrt(N)) - (Math.SQRT2 * h3) / (deltaP * N);
}

/** ∇H(x) into g. */
export function gradient(s: MatrixTensorSample, delta2: number, deltaP: number, x: Float64Array, g: Float64Array) {
  const N = s.N;
  const c2 = -1 / (delta2 * Math.sqrt(N));
  const c3 = -Math.SQRT2 / (deltaP * N);
  g.fill(0);
  let a = 0;
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++) {
      const y = c2 * s.Y[a++];
      g[i] += y * x[j];
      g[j] += y * x[i];
    }
  let b = 0;
  for (let i = 0; i < N; i++) {
    const xi = x[i];
    for (let j = i + 1; j < N; j++) {
      const xj = x[j];
      const xij = xi * xj;
      let gi = 0;
      let gj = 0;
      for (let k = j + 1; k < N; k++) {
        const t = c3 * s.T[b++];
        const xk = x[k];
        gi += t * xk;
        gj += t * xi * xk;
        g[k] += t * xij;
      }
      g[i] += gi * xj;
      g[j] += gj;
    }
  }
}

/** A run in progress: m(0), then `next()` advances to the next of `points` evenly spaced times (false when done). */
export interface LangevinRunner {
  first: LangevinPoint;
  /** How many `next()` calls reach tMax. */
  chunks: number;
  next(): LangevinPoint;
}

/** Starts a run from a random point of the sphere (the worker advances it chunk by chunk, reporting each). */
export function startLangevin(q: LangevinParams, points = 100): LangevinRunner {
  validateLangevin(q);
  const { N, delta2, deltaP, dt, temperature } = q;
  const s = drawSample(N, delta2, deltaP, q.seed);
  const rng = Rng.stream(q.seed, 'matrix-tensor-langevin');
  const x = sphere(rng, N);
  const g = new Float64Array(N);
  const steps = Math.ceil(q.tMax / dt);
  const every = Math.max(1, Math.floor(steps / points));
  const noise = Math.sqrt(2 * temperature * dt);
  const overlap = () => {
    let m = 0;
    for (let i = 0; i < N; i++) m += x[i] * s.xStar[i];
    return m / N;
  };
  let n = 0;
  return {
    first: { t: 0, m: overlap() },
    chunks: Math.ceil(steps / every),
    next() {
      const end = Math.min(n + every, steps);
      for (; n < end; n++) {
        gradient(s, delta2, deltaP, x, g);
        for (let i = 0; i < N; i++) x[i] += -dt * g[i] + noise * rng.normal();
        project(x);
      }
      return { t: n * dt, m: overlap() };
    },
  };
}

/** m(t) at t = 0 and `points` evenly spaced times up to tMax, from a random start on the sphere. */
export function langevinRun(q: LangevinParams, points = 100): LangevinPoint[] {
  const run = startLangevin(q, points);
  const out = [run.first];
  for (let c = 0; c < run.chunks; c++) out.push(run.next());
  return out;
}
