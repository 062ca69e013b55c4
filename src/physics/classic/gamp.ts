// GAMP for the teacher–student GLM at finite n (docs/physics/classic.md §4; Rangan 2011, arXiv 1010.5141, in the Bayes-optimal
// form of arXiv 1708.03395): V_μ = ΣF²c, ω_μ = ΣFa − V g_old; g = g_out(y, ω, V); A_i = −ΣF²∂g,
// B_i = ΣFg + A a; a = f_in(A, B), c = c_in(A, B). F = X/√n with X iid N(0, 1). Plain float64 loops.
import { makeChannel, reluOutput, type GlmChannelName } from './glmChannels';
import { denoise, makePrior, type GlmPriorName, type PriorOptions } from './glmPriors';
import { pdfOverCdf } from './gaussTail';
import { Rng } from '../numerics/rng';

export interface GampRequest extends PriorOptions {
  prior: GlmPriorName;
  channel: GlmChannelName;
  delta: number;
  /** Dimension n. */
  n: number;
  alphas: number[];
  /** Independent teacher/data draws per α. */
  seeds: number;
  seed: number;
  maxIter?: number;
  /** Damping of the estimates a, c (0: none); the ±1 prior oscillates without it. Default 0.3. */
  damping?: number;
}

export interface GampResult {
  alpha: number;
  /** Mean and standard deviation over seeds of the overlap q = a·w⁰/n and of the channel's ε(q). */
  q: number;
  qStd: number;
  eps: number;
  epsStd: number;
  iterations: number;
}

function sampleWeight(rng: Rng, prior: ReturnType<typeof makePrior>): number {
  let u = rng.uniform();
  for (const c of prior.components) {
    if (u < c.weight) return c.mean + Math.sqrt(c.variance) * rng.normal();
    u -= c.weight;
  }
  const c = prior.components[prior.components.length - 1];
  return c.mean + Math.sqrt(c.variance) * rng.normal();
}

/** g_out and ∂_ω g_out of the sign / probit / linear / ReLU channels. */
function gOut(channel: GlmChannelName, delta: number, y: number, w: number, V: number): [number, number] {
  if (channel === 'relu') {
    const r = reluOutput(y, w, Math.max(V, 1e-300), delta);
    return [r.g, r.dg];
  }
  if (channel === 'linear') {
    const v = V + delta;
    return [(y - w) / v, -1 / v];
  }
  const v = Math.max(V + delta, 1e-300);
  const s = Math.sqrt(v);
  const u = (y * w) / s;
  const r = pdfOverCdf(u);
  return [(y * r) / s, -(u * r + r * r) / v];
}

/** One GAMP run at α; returns the final overlap with the teacher and the iteration count. */
function gampOnce(req: GampRequest, alpha: number, rng: Rng): { q: number; iterations: number } {
  const prior = makePrior(req.prior, req);
  const n = req.n;
  const m = Math.max(1, Math.round(alpha * n));
  const w0 = Float64Array.from({ length: n }, () => sampleWeight(rng, prior));
  const F = new Float64Array(m * n);
  const invSqrtN = 1 / Math.sqrt(n);
  for (let k = 0; k < F.length; k++) F[k] = rng.normal() * invSqrtN;
  const y = new Float64Array(m);
  for (let mu = 0; mu < m; mu++) {
    let z = 0;
    for (let i = 0; i < n; i++) z += F[mu * n + i] * w0[i];
    if (req.channel === 'relu') {
      y[mu] = Math.max(0, z) + Math.sqrt(req.delta) * rng.normal(); // noise after the ReLU
      continue;
    }
    const noisy = req.delta > 0 ? z + Math.sqrt(req.delta) * rng.normal() : z;
    y[mu] = req.channel === 'linear' ? noisy : noisy >= 0 ? 1 : -1;
  }
  const mean = Math.sqrt(prior.qMin) * Math.sign(prior.components.reduce((s, c) => s + c.weight * c.mean, 0));
  const a = new Float64Array(n).fill(mean);
  const c = new Float64Array(n).fill(prior.rho - prior.qMin);
  const g = new Float64Array(m);
  const dg = new Float64Array(m);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const out = { logZ: 0, mean: 0, variance: 0 };
  const maxIter = req.maxIter ?? 150;
  const d = req.damping ?? 0.3;
  let it = 0;
  for (; it < maxIter; it++) {
    for (let mu = 0; mu < m; mu++) {
      let V = 0;
      let w = 0;
      const row = mu * n;
      for (let i = 0; i < n; i++) {
        const f = F[row + i];
        V += f * f * c[i];
        w += f * a[i];
      }
      w -= V * g[mu];
      const [gv, dv] = gOut(req.channel, req.delta, y[mu], w, V);
      g[mu] = gv;
      dg[mu] = dv;
    }
    A.fill(0);
    B.fill(0);
    for (let mu = 0; mu < m; mu++) {
      const row = mu * n;
      const gm = g[mu];
      const dm = dg[mu];
      for (let i = 0; i < n; i++) {
        const f = F[row + i];
        A[i] -= f * f * dm;
        B[i] += f * gm;
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      denoise(prior, Math.max(A[i], 1e-12), B[i] + A[i] * a[i], out);
      const na = (1 - d) * out.mean + d * a[i];
      change += (na - a[i]) ** 2;
      a[i] = na;
      c[i] = (1 - d) * out.variance + d * c[i];
    }
    if (change / n < 1e-10 * prior.rho) {
      it++;
      break;
    }
  }
  let q = 0;
  for (let i = 0; i < n; i++) q += a[i] * w0[i];
  return { q: q / n, iterations: it };
}

/** GAMP at each α over `seeds` draws; ε from the channel's error formula at the measured overlap. */
export function runGamp(req: GampRequest): GampResult[] {
  const prior = makePrior(req.prior, req);
  const channel = makeChannel(req.channel, req.delta);
  return req.alphas.map((alpha, k) => {
    const qs: number[] = [];
    const es: number[] = [];
    let iterations = 0;
    for (let s = 0; s < req.seeds; s++) {
      const rng = Rng.stream(req.seed, 'gamp', k, s);
      const r = gampOnce(req, alpha, rng);
      const q = Math.min(r.q, prior.rho);
      qs.push(q);
      es.push(channel.errors(q, prior.rho, prior.rho - q).eps);
      iterations = Math.max(iterations, r.iterations);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const std = (xs: number[]) => {
      const mu = mean(xs);
      return xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1)) : 0;
    };
    return { alpha, q: mean(qs), qStd: std(qs), eps: mean(es), epsStd: std(es), iterations };
  });
}
