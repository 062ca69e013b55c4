// Online SGD of a two-layer network on hidden-manifold data and on i.i.d. Gaussian inputs, at finite N, in float64
// (docs/physics/hidden-manifold.md §4, eq. (HM5); Goldt, Mézard, Krzakala, Zdeborová arXiv 1909.11500; the SGD
// scaling of both layers as in Goldt et al. arXiv 1906.08632). One fresh sample a step, time α = steps/N.
//   'hmm': c ~ N(0, I_D), x = (f(Fᵀc/√D) − κ0)/√(E f² − κ0²)  (standardised: zero mean, unit variance a component),
//          teacher on the latent  y = Σ_m g(w̃_m·c/√D) + σξ,  ‖w̃_m‖² = D;
//   'iid': x ~ N(0, I_N), the same teacher on the input  y = Σ_m g(w̃_m·x/√N) + σξ,  ‖w̃_m‖² = N.
// Student ŷ = Σ_k v_k g(λ_k), λ_k = J_k·x/√N, both layers trained on ½(y − ŷ)²:
//   J_k ← J_k + (η/√N) v_k g'(λ_k) Δ x,  v_k ← v_k + (η/N) g(λ_k) Δ,  Δ = y − ŷ.
// Test error ε_g = ½ E(y − ŷ)² (noise-free labels) on a fixed set of fresh points.
import { HiddenManifoldError } from '../errors';
import { erf } from '../numerics/normal';
import { Rng } from '../numerics/rng';
import { sampleTimes } from '../classic/saadSolla';
import type { HermiteProfile } from '../twoLayer/profiles';

export const SGD_ACTIVATIONS = ['erf', 'relu'] as const;
export type SgdActivation = (typeof SGD_ACTIVATIONS)[number];
export const DATA_KINDS = ['hmm', 'iid'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export interface HmmSgdParams {
  f: HermiteProfile; // the manifold's non-linearity (x = f(Fᵀc/√D), standardised)
  g: SgdActivation; // teacher and student hidden units: erf(u/√2) or max(0, u)
  K: number; // student hidden units
  M: number; // teacher hidden units
  N: number; // input dimension
  delta: number; // D/N
  eta: number; // η
  noise: number; // σ of the training labels
  alphaMax: number; // steps/N
  seed: number;
}

export interface SgdPoint {
  alpha: number;
  testError: number; // ε_g
}

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/** g and g' of the hidden units. */
const UNITS: Record<SgdActivation, [(u: number) => number, (u: number) => number]> = {
  erf: [(u) => erf(u * SQRT1_2), (u) => SQRT_2_OVER_PI * Math.exp(-0.5 * u * u)],
  relu: [(u) => (u > 0 ? u : 0), (u) => (u > 0 ? 1 : 0)],
};

/** Fresh points the test error is measured on. */
export const TEST_POINTS = 1000;
/** Multiply–adds a request may cost in all (a few seconds of one core). */
export const SGD_BUDGET = 6e9;

/** Multiply–adds of one run: α·N steps of (D·N for an HMM input) + (2K + M)·(N or D), plus the test evaluations. */
export function sgdCost(p: HmmSgdParams, kind: DataKind, points: number): number {
  const D = latentDim(p);
  const step = (kind === 'hmm' ? p.N * D + p.M * D : p.M * p.N) + 3 * p.K * p.N;
  return p.alphaMax * p.N * step + points * TEST_POINTS * p.K * p.N + TEST_POINTS * p.N * D;
}

export const latentDim = (p: Pick<HmmSgdParams, 'N' | 'delta'>) => Math.max(1, Math.round(p.delta * p.N));

export function validateSgd(p: HmmSgdParams, seeds: number, points: number): HmmSgdParams {
  const bad = (m: string) => {
    throw new HiddenManifoldError(m);
  };
  const intIn = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
  if (!(SGD_ACTIVATIONS as readonly string[]).includes(p.g)) bad(`g must be one of ${SGD_ACTIVATIONS.join(', ')}`);
  if (!intIn(p.K, 1, 8)) bad(`K must be an integer in [1, 8], got ${p.K}`);
  if (!intIn(p.M, 1, 8)) bad(`M must be an integer in [1, 8], got ${p.M}`);
  if (!intIn(p.N, 20, 2000)) bad(`N must be an integer in [20, 2000], got ${p.N}`);
  if (!(p.delta >= 0.02 && p.delta <= 4)) bad(`δ = D/N must be in [0.02, 4], got ${p.delta}`);
  if (!(p.eta > 0 && p.eta <= 5)) bad(`η must be in (0, 5], got ${p.eta}`);
  if (!(p.noise >= 0 && p.noise <= 2)) bad(`σ must be in [0, 2], got ${p.noise}`);
  if (!(p.alphaMax > 0 && p.alphaMax <= 1e4)) bad(`α range must be in (0, 1e4], got ${p.alphaMax}`);
  if (!intIn(p.seed, 0, 4294967295)) bad(`seed must be an integer in [0, 2³² − 1], got ${p.seed}`);
  if (!intIn(seeds, 1, 16)) bad(`seeds must be an integer in [1, 16], got ${seeds}`);
  if (!(p.f.muStar2 > 1e-12 || p.f.mu1 !== 0)) bad(`f = ${p.f.name} is constant`);
  const cost = seeds * (sgdCost(p, 'hmm', points) + sgdCost(p, 'iid', points));
  if (cost > SGD_BUDGET)
    bad(
      `simulating N = ${p.N}, D = ${latentDim(p)} to α = ${p.alphaMax} with ${seeds} seeds costs ${cost.toExponential(1)} multiply–adds (at most ${SGD_BUDGET.toExponential(0)}): lower α, N, D/N or the seeds`,
    );
  return p;
}

/** A data source: the teacher and, for 'hmm', the manifold; `draw` fills x and returns the clean label. */
interface Source {
  draw(rng: Rng, x: Float64Array): number;
}

function unitRows(rng: Rng, rows: number, dim: number): Float64Array {
  const W = rng.fillNormal(new Float64Array(rows * dim));
  for (let m = 0; m < rows; m++) {
    let s = 0;
    for (let r = 0; r < dim; r++) s += W[m * dim + r] ** 2;
    const scale = Math.sqrt(dim / s); // ‖w̃_m‖² = dim: the teacher's pre-activations have unit variance
    for (let r = 0; r < dim; r++) W[m * dim + r] *= scale;
  }
  return W;
}

/** Σ_m g(w̃_m·v/√dim). */
function teacher(W: Float64Array, M: number, v: Float64Array, g: (u: number) => number): number {
  const dim = v.length;
  const s = 1 / Math.sqrt(dim);
  let y = 0;
  for (let m = 0; m < M; m++) {
    let d = 0;
    for (let r = 0; r < dim; r++) d += W[m * dim + r] * v[r];
    y += g(d * s);
  }
  return y;
}

function makeSource(p: HmmSgdParams, kind: DataKind, rng: Rng): Source {
  const [g] = UNITS[p.g];
  if (kind === 'iid') {
    const W = unitRows(rng, p.M, p.N);
    return {
      draw(r, x) {
        r.fillNormal(x);
        return teacher(W, p.M, x, g);
      },
    };
  }
  const D = latentDim(p);
  const W = unitRows(rng, p.M, D);
  const Ft = rng.fillNormal(new Float64Array(p.N * D)); // row i: the i-th column of F
  const c = new Float64Array(D);
  const s = 1 / Math.sqrt(D);
  const { f, mu0 } = p.f;
  const scale = 1 / Math.sqrt(p.f.Ef2 - mu0 * mu0);
  return {
    draw(r, x) {
      r.fillNormal(c);
      for (let i = 0; i < p.N; i++) {
        let u = 0;
        const o = i * D;
        for (let k = 0; k < D; k++) u += Ft[o + k] * c[k];
        x[i] = (f(u * s) - mu0) * scale;
      }
      return teacher(W, p.M, c, g);
    },
  };
}

/**
 * One run on `kind` data with the stream `run` of p.seed (the teacher, the manifold and the student's start are the
 * same for both kinds of a run where dimensions allow: each has its own named stream). Yields α = 0 and the sample
 * times of saadSolla.sampleTimes, rounded to whole steps; returns true when the weights blew up (η too large).
 */
export function* simulateSgd(
  p: HmmSgdParams,
  kind: DataKind,
  points: number,
  run: number,
): Generator<SgdPoint, boolean> {
  const { K, N, eta, noise } = p;
  const [g, dg] = UNITS[p.g];
  const source = makeSource(p, kind, Rng.stream(p.seed, `hmm-sgd-${kind}-problem`, run));
  const testRng = Rng.stream(p.seed, `hmm-sgd-${kind}-test`, run);
  const X = new Float64Array(TEST_POINTS * N);
  const Y = new Float64Array(TEST_POINTS);
  for (let t = 0; t < TEST_POINTS; t++) Y[t] = source.draw(testRng, X.subarray(t * N, (t + 1) * N));
  const rng = Rng.stream(p.seed, 'hmm-sgd-student', run);
  const J = rng.fillNormal(new Float64Array(K * N)); // |J_k|²/N ≈ 1
  const v = new Float64Array(K).fill(1);
  const rootN = Math.sqrt(N);
  const lambda = new Float64Array(K);
  const predict = (x: Float64Array) => {
    let out = 0;
    for (let k = 0; k < K; k++) {
      let d = 0;
      const o = k * N;
      for (let i = 0; i < N; i++) d += J[o + i] * x[i];
      lambda[k] = d / rootN;
      out += v[k] * g(lambda[k]);
    }
    return out;
  };
  const testError = () => {
    let e = 0;
    for (let t = 0; t < TEST_POINTS; t++) e += (Y[t] - predict(X.subarray(t * N, (t + 1) * N))) ** 2;
    return e / (2 * TEST_POINTS);
  };
  const x = new Float64Array(N);
  let step = 0;
  yield { alpha: 0, testError: testError() };
  for (const time of sampleTimes(p.alphaMax, points)) {
    const target = Math.max(step, Math.round(time * N));
    for (; step < target; step++) {
      const y = source.draw(rng, x) + (noise > 0 ? noise * rng.normal() : 0);
      const err = y - predict(x);
      for (let k = 0; k < K; k++) {
        const c = (eta / rootN) * v[k] * dg(lambda[k]) * err;
        const o = k * N;
        for (let i = 0; i < N; i++) J[o + i] += c * x[i];
        v[k] += (eta / N) * g(lambda[k]) * err;
      }
    }
    const e = testError();
    if (!Number.isFinite(e) || e > 1e6) return true;
    yield { alpha: step / N, testError: e };
  }
  return false;
}

/** All points of one run and whether it diverged. */
export function runSgd(
  p: HmmSgdParams,
  kind: DataKind,
  points: number,
  run: number,
): { points: SgdPoint[]; diverged: boolean } {
  const it = simulateSgd(p, kind, points, run);
  const out: SgdPoint[] = [];
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { points: out, diverged: r.value };
    out.push(r.value);
  }
}
