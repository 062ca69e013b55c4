// Online SGD of a soft committee machine, student Σ_{i≤K} g(J_i·x/√N), teacher Σ_{n≤M} g(B_n·x/√N),
// g(u) = erf(u/√2), in the N → ∞ limit: the ODEs of Saad & Solla (PRL 74, 4337; PRE 52, 4225, 1995) for
// Q_ik = J_i·J_k/N and R_in = J_i·B_n/N with time α = steps/N (docs/physics/classic.md §3). Integrated by RK4.
import { SaadSollaError } from '../errors';
import { Rng, SEED_MAX } from '../numerics/rng';
import { solveLinear } from '../numerics/linearSolve';

export interface SaadSollaParams {
  K: number;
  M: number;
  /** Learning rate η. */
  eta: number;
  /** Standard deviation σ of the output noise on the teacher's labels. */
  noise: number;
  /** Initial Q_ii (students' squared norms). */
  q0: number;
  /** Initial asymmetry: R_in = asym · U(0, 1) (0 gives the perfectly symmetric start). */
  asym: number;
  seed: number;
}

export function validateSaadSolla(p: SaadSollaParams): SaadSollaParams {
  const int = (x: number, lo: number, hi: number, what: string) => {
    if (!Number.isInteger(x) || x < lo || x > hi)
      throw new SaadSollaError(`${what} must be an integer in [${lo}, ${hi}], got ${x}`);
  };
  int(p.K, 1, 8, 'K');
  int(p.M, 1, 8, 'M');
  int(p.seed, 0, SEED_MAX, 'seed');
  if (!(p.eta > 0 && p.eta <= 10)) throw new SaadSollaError(`eta must lie in (0, 10], got ${p.eta}`);
  if (!(p.noise >= 0 && p.noise <= 10)) throw new SaadSollaError(`noise must lie in [0, 10], got ${p.noise}`);
  if (!(p.q0 > 0 && p.q0 <= 10)) throw new SaadSollaError(`q0 must lie in (0, 10], got ${p.q0}`);
  if (!(p.asym >= 0 && p.asym <= 1)) throw new SaadSollaError(`asym must lie in [0, 1], got ${p.asym}`);
  return p;
}

/** Order parameters: Q (K×K, row-major), R (K×M), T (M×M, fixed). */
export interface OrderParams {
  K: number;
  M: number;
  Q: Float64Array;
  R: Float64Array;
  T: Float64Array;
}

/** Initial condition: Q = q0 I, R_in = asym·U(0,1) from the seed, T = I (orthonormal teacher). */
export function initialState(p: SaadSollaParams): OrderParams {
  const rng = new Rng(p.seed);
  const Q = new Float64Array(p.K * p.K);
  const R = new Float64Array(p.K * p.M);
  const T = new Float64Array(p.M * p.M);
  for (let i = 0; i < p.K; i++) Q[i * p.K + i] = p.q0;
  for (let k = 0; k < R.length; k++) R[k] = p.asym * rng.uniform();
  for (let n = 0; n < p.M; n++) T[n * p.M + n] = 1;
  return { K: p.K, M: p.M, Q, R, T };
}

/** Covariance C of (λ_1..λ_K, ν_1..ν_M). */
function covariance(s: OrderParams, C: Float64Array): void {
  const D = s.K + s.M;
  for (let i = 0; i < s.K; i++) {
    for (let k = 0; k < s.K; k++) C[i * D + k] = s.Q[i * s.K + k];
    for (let n = 0; n < s.M; n++) {
      C[i * D + s.K + n] = s.R[i * s.M + n];
      C[(s.K + n) * D + i] = s.R[i * s.M + n];
    }
  }
  for (let n = 0; n < s.M; n++) for (let m = 0; m < s.M; m++) C[(s.K + n) * D + s.K + m] = s.T[n * s.M + m];
}

const TWO_OVER_PI = 2 / Math.PI;
const FOUR_OVER_PI2 = 4 / (Math.PI * Math.PI);

/** I3(a,b,c) = E[g'(u_a) u_b g(u_c)]. */
function I3(C: Float64Array, D: number, a: number, b: number, c: number): number {
  const caa = 1 + C[a * D + a];
  const lambda3 = caa * (1 + C[c * D + c]) - C[a * D + c] * C[a * D + c];
  return (TWO_OVER_PI * (C[b * D + c] * caa - C[a * D + b] * C[a * D + c])) / (caa * Math.sqrt(lambda3));
}

/** I4(a,b,c,d) = E[g'(u_a) g'(u_b) g(u_c) g(u_d)]. */
function I4(C: Float64Array, D: number, a: number, b: number, c: number, d: number): number {
  const caa = 1 + C[a * D + a];
  const cbb = 1 + C[b * D + b];
  const cab = C[a * D + b];
  const cac = C[a * D + c];
  const cad = C[a * D + d];
  const cbc = C[b * D + c];
  const cbd = C[b * D + d];
  const lambda4 = caa * cbb - cab * cab;
  const lambda0 = lambda4 * C[c * D + d] - cbc * cbd * caa - cac * cad * cbb + cab * cac * cbd + cab * cad * cbc;
  const lambda1 = lambda4 * (1 + C[c * D + c]) - cbc * cbc * caa - cac * cac * cbb + 2 * cab * cac * cbc;
  const lambda2 = lambda4 * (1 + C[d * D + d]) - cbd * cbd * caa - cad * cad * cbb + 2 * cab * cad * cbd;
  const arg = Math.max(-1, Math.min(1, lambda0 / Math.sqrt(lambda1 * lambda2)));
  return (FOUR_OVER_PI2 / Math.sqrt(lambda4)) * Math.asin(arg);
}

/** dQ/dα and dR/dα (docs/physics/classic.md §3), written into dQ, dR. */
export function derivatives(s: OrderParams, eta: number, noise: number, dQ: Float64Array, dR: Float64Array): void {
  const { K, M } = s;
  const D = K + M;
  const C = new Float64Array(D * D);
  covariance(s, C);
  for (let i = 0; i < K; i++) {
    for (let n = 0; n < M; n++) {
      let acc = 0;
      for (let m = 0; m < M; m++) acc += I3(C, D, i, K + n, K + m);
      for (let j = 0; j < K; j++) acc -= I3(C, D, i, K + n, j);
      dR[i * M + n] = eta * acc;
    }
  }
  for (let i = 0; i < K; i++) {
    for (let k = i; k < K; k++) {
      let lin = 0;
      for (let m = 0; m < M; m++) lin += I3(C, D, i, k, K + m) + I3(C, D, k, i, K + m);
      for (let j = 0; j < K; j++) lin -= I3(C, D, i, k, j) + I3(C, D, k, i, j);
      let quad = 0;
      for (let n = 0; n < M; n++) for (let m = 0; m < M; m++) quad += I4(C, D, i, k, K + n, K + m);
      for (let j = 0; j < K; j++) for (let n = 0; n < M; n++) quad -= 2 * I4(C, D, i, k, j, K + n);
      for (let j = 0; j < K; j++) for (let l = 0; l < K; l++) quad += I4(C, D, i, k, j, l);
      const qii = C[i * D + i];
      const qkk = C[k * D + k];
      const qik = C[i * D + k];
      const noiseTerm =
        noise > 0 ? (TWO_OVER_PI * noise * noise) / Math.sqrt(1 + qii + qkk + qii * qkk - qik * qik) : 0;
      const v = eta * lin + eta * eta * (quad + noiseTerm);
      dQ[i * K + k] = v;
      dQ[k * K + i] = v;
    }
  }
}

/** Generalisation error ε_g = ½E(σ − y)² (noise-free labels). */
export function generalisationError(s: OrderParams): number {
  const { K, M, Q, R, T } = s;
  let acc = 0;
  for (let i = 0; i < K; i++)
    for (let k = 0; k < K; k++) acc += Math.asin(Q[i * K + k] / Math.sqrt((1 + Q[i * K + i]) * (1 + Q[k * K + k])));
  for (let n = 0; n < M; n++)
    for (let m = 0; m < M; m++) acc += Math.asin(T[n * M + m] / Math.sqrt((1 + T[n * M + n]) * (1 + T[m * M + m])));
  for (let i = 0; i < K; i++)
    for (let n = 0; n < M; n++) acc -= 2 * Math.asin(R[i * M + n] / Math.sqrt((1 + Q[i * K + i]) * (1 + T[n * M + n])));
  return acc / Math.PI;
}

function clone(s: OrderParams): OrderParams {
  return { ...s, Q: s.Q.slice(), R: s.R.slice() };
}

/** One RK4 step of size h (in place). */
export function rk4Step(s: OrderParams, eta: number, noise: number, h: number): void {
  const nQ = s.Q.length;
  const nR = s.R.length;
  const kQ = [0, 1, 2, 3].map(() => new Float64Array(nQ));
  const kR = [0, 1, 2, 3].map(() => new Float64Array(nR));
  const tmp = clone(s);
  derivatives(s, eta, noise, kQ[0], kR[0]);
  for (let stage = 1; stage < 4; stage++) {
    const f = stage === 3 ? h : h / 2;
    for (let j = 0; j < nQ; j++) tmp.Q[j] = s.Q[j] + f * kQ[stage - 1][j];
    for (let j = 0; j < nR; j++) tmp.R[j] = s.R[j] + f * kR[stage - 1][j];
    derivatives(tmp, eta, noise, kQ[stage], kR[stage]);
  }
  for (let j = 0; j < nQ; j++) s.Q[j] += (h / 6) * (kQ[0][j] + 2 * kQ[1][j] + 2 * kQ[2][j] + kQ[3][j]);
  for (let j = 0; j < nR; j++) s.R[j] += (h / 6) * (kR[0][j] + 2 * kR[1][j] + 2 * kR[2][j] + kR[3][j]);
}

export interface TrajectoryPoint {
  alpha: number;
  eps: number;
  Q: number[];
  R: number[];
}

/** Step size: RK4 is accurate to ~1e−8 when η·h stays ≲ 0.05 (rates scale with η and η²). */
export const stepFor = (eta: number) => Math.min(0.5, 0.05 / Math.max(eta, eta * eta));

/** Seconds of one RK4 step per K²(K + M)² (its I4 terms), on a slow core: measured 0.5–0.8 µs at K = M = 2 and 8. */
const STEP_UNIT_S = 5e-7;
/** The most one integration may take: well inside the tab's 30 s watchdog and the CLI's minute (issue 21). */
export const INTEGRATION_LIMIT_S = 20;

/** Estimated seconds to integrate from 0 to `alpha` (α/h RK4 steps). */
export function integrationSeconds(p: SaadSollaParams, alpha: number): number {
  return (alpha / stepFor(p.eta)) * p.K * p.K * (p.K + p.M) ** 2 * STEP_UNIT_S;
}

/** Refuses, before any step, an integration that would run for minutes or hours (e.g. K = M = 5, η = 3, α = 1e6). */
function checkCost(p: SaadSollaParams, alpha: number, what: string): void {
  const s = integrationSeconds(p, alpha);
  if (s > INTEGRATION_LIMIT_S)
    throw new SaadSollaError(
      `${what} up to α = ${+alpha.toPrecision(3)} needs ${(alpha / stepFor(p.eta)).toPrecision(2)} RK4 steps at η = ${p.eta}, K = ${p.K}, M = ${p.M}: about ${s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`} (limit ${INTEGRATION_LIMIT_S} s). Lower α_max, η, K or M.`,
    );
}

/** The `points` log-spaced output times from min(1, alphaMax/10) to alphaMax (α = 0 comes first, apart). */
export function sampleTimes(alphaMax: number, points: number): number[] {
  const a0 = Math.min(1, alphaMax / 10);
  return Array.from({ length: points }, (_, i) => a0 * Math.pow(alphaMax / a0, i / (points - 1)));
}

/**
 * Integrates from α = 0 to alphaMax and samples `points` log-spaced times (plus α = 0). Non-finite values (an η
 * beyond the stable range blows up) stop the run and are reported by `diverged`.
 */
export function trajectory(
  p: SaadSollaParams,
  alphaMax: number,
  points = 200,
  start?: OrderParams,
): { points: TrajectoryPoint[]; diverged: boolean } {
  const it = trajectorySteps(p, alphaMax, points, start);
  for (let r = it.next(); ; r = it.next()) if (r.done) return r.value;
}

/**
 * The same integration as `trajectory`, yielding the α reached after each sample (so that a worker can hand over
 * the thread and stop a superseded run between samples); returns what `trajectory` returns.
 */
export function* trajectorySteps(
  p: SaadSollaParams,
  alphaMax: number,
  points = 200,
  start?: OrderParams,
): Generator<number, { points: TrajectoryPoint[]; diverged: boolean }> {
  checkCost(p, alphaMax, 'The trajectory');
  const s = start ? clone(start) : initialState(p);
  const h = stepFor(p.eta);
  const out: TrajectoryPoint[] = [{ alpha: 0, eps: generalisationError(s), Q: Array.from(s.Q), R: Array.from(s.R) }];
  const times = sampleTimes(alphaMax, points);
  let alpha = 0;
  for (const t of times) {
    while (alpha < t - 1e-12) {
      const step = Math.min(h, t - alpha);
      rk4Step(s, p.eta, p.noise, step);
      alpha += step;
    }
    const eps = generalisationError(s);
    if (!Number.isFinite(eps) || !s.Q.every(Number.isFinite)) return { points: out, diverged: true };
    out.push({ alpha: t, eps, Q: Array.from(s.Q), R: Array.from(s.R) });
    yield t;
  }
  return { points: out, diverged: false };
}

export interface Plateau {
  /** ε_g on the symmetric plateau (the fixed point reached from a perfectly symmetric start). */
  epsPlateau: number;
  /** The symmetric fixed point's R (all R_in equal) and Q_ii, Q_ik. */
  R: number;
  Qdiag: number;
  Qoff: number;
  converged: boolean;
  alphaReached: number;
}

/** Symmetric state: R_in = r, Q_ii = qd, Q_ik = qo (i ≠ k), T = I. */
function symmetricState(K: number, M: number, r: number, qd: number, qo: number): OrderParams {
  const Q = new Float64Array(K * K).fill(qo);
  for (let i = 0; i < K; i++) Q[i * K + i] = qd;
  const T = new Float64Array(M * M);
  for (let n = 0; n < M; n++) T[n * M + n] = 1;
  return { K, M, Q, R: new Float64Array(K * M).fill(r), T };
}

/**
 * The symmetric plateau: the fixed point of the flow restricted to the symmetric subspace (R_in = r, Q_ii = qd,
 * Q_ik = qo), which is invariant (a perfectly symmetric start never leaves it). The flow reaches it only slowly
 * (its slowest direction inside the subspace is weak), so a short RK4 run from the symmetric start brings it
 * near and Newton (finite-difference Jacobian on (r, qd, qo)) finishes.
 */
export function symmetricPlateau(p: SaadSollaParams): Plateau {
  const { K, M } = p;
  const s = symmetricState(K, M, p.asym > 0 ? p.asym / 2 : 1e-3, p.q0, 0);
  const h = stepFor(p.eta);
  let alpha = 0;
  const dQ = new Float64Array(K * K);
  const dR = new Float64Array(K * M);
  // Until ε_g stops falling fast (the plateau): at most α = 200/η, and never past the time limit (Newton finishes
  // from wherever this stops, and says whether it converged).
  const alphaStop = Math.min(200 / p.eta, INTEGRATION_LIMIT_S / 2 / integrationSeconds(p, 1));
  let prev = generalisationError(s);
  while (alpha < alphaStop) {
    for (let j = 0; j < 50; j++) rk4Step(s, p.eta, p.noise, h);
    alpha += 50 * h;
    const e = generalisationError(s);
    if (Math.abs(prev - e) < 1e-4 * e * 50 * h * p.eta) break;
    prev = e;
  }
  const n = K > 1 ? 3 : 2;
  let x = [s.R[0], s.Q[0], K > 1 ? s.Q[1] : 0];
  const F = (v: number[]): number[] => {
    derivatives(symmetricState(K, M, v[0], v[1], v[2]), p.eta, p.noise, dQ, dR);
    return K > 1 ? [dR[0], dQ[0], dQ[1]] : [dR[0], dQ[0]];
  };
  let fx = F(x);
  let converged = false;
  for (let it = 0; it < 50; it++) {
    const res = Math.max(...fx.map(Math.abs));
    if (res < 1e-13) {
      converged = true;
      break;
    }
    const J: number[][] = [];
    for (let c = 0; c < n; c++) {
      const hh = 1e-7 * Math.max(1, Math.abs(x[c]));
      const xp = x.slice();
      xp[c] += hh;
      const fp = F(xp);
      for (let r = 0; r < n; r++) (J[r] ??= [])[c] = (fp[r] - fx[r]) / hh;
    }
    const dx = solveLinear(
      J,
      fx.map((v) => -v),
    );
    if (!dx) break; // a singular Jacobian: stop, not converged
    let t = 1;
    let next = x.map((v, i) => v + dx[i]);
    let fn = F(next);
    while (t > 1e-4 && Math.max(...fn.map(Math.abs)) > res) {
      t /= 2;
      next = x.map((v, i) => v + t * dx[i]);
      fn = F(next);
    }
    x = next;
    fx = fn;
  }
  const fixed = symmetricState(K, M, x[0], x[1], x[2]);
  return {
    epsPlateau: generalisationError(fixed),
    R: x[0],
    Qdiag: x[1],
    Qoff: K > 1 ? x[2] : NaN,
    converged,
    alphaReached: alpha,
  };
}

/** First α after which ε_g stays below half the plateau value (the escape), or null. */
export function escapeAlpha(points: readonly TrajectoryPoint[], epsPlateau: number): number | null {
  for (let i = 0; i < points.length; i++) {
    if (points[i].alpha > 0 && points[i].eps < epsPlateau / 2 && points.slice(i).every((q) => q.eps < epsPlateau / 2))
      return points[i].alpha;
  }
  return null;
}
