// Output channels P_out(y|z) of the teacher–student GLM (docs/physics/classic.md §1, arXiv 1708.03395): the two
// state-evolution integrals at overlap q,
//   q̂/α = E_ξ ∫dy Z_out g_out²,   Ψ_out = E_ξ ∫dy Z_out ln Z_out,   Z_out = Z_out(y; √q ξ, ρ − q),
// and the Bayes-optimal test error at q, for the noiseless sign, probit (sign with Gaussian noise Δ before
// the sign), linear Gaussian and ReLU-with-noise channels.
import { ChannelError } from '../errors';
import { gaussHermite } from '../numerics/gaussHermite';
import { normalCdf, normalPdf } from '../numerics/normal';
import { logNormalCdf, millsRatio, pdfOverCdf, signEntropyTerm } from './gaussTail';

export const GLM_CHANNELS = ['sign', 'probit', 'linear', 'relu'] as const;
export type GlmChannelName = (typeof GLM_CHANNELS)[number];

export interface GlmErrors {
  /** Bayes-optimal test error: 0–1 error of the posterior vote (sign channels) or noise-free MSE of the posterior mean. */
  eps: number;
  /** Gibbs (one posterior sample) test error in the same units. */
  epsGibbs: number;
}

export interface GlmChannel {
  name: GlmChannelName;
  /** Variance of the noise Δ (probit: before the sign; linear, relu: added to the output). */
  delta: number;
  /** True for channels whose labels are ±1 (errors are 0–1 errors). */
  classification: boolean;
  /** True when the channel is noiseless: exact recovery (q = ρ) has Ψ_out = 0. */
  noiseless: boolean;
  /** q̂/α = E_ξ ∫dy Z_out g_out² (the Fisher information of the output channel) at q = ρ − mse. */
  fisher(q: number, rho: number, mse: number): number;
  /** Ψ_out(q) = E_ξ ∫dy Z_out ln Z_out. */
  psi(q: number, rho: number, mse: number): number;
  errors(q: number, rho: number, mse: number): GlmErrors;
}

// Rules are looked up at use (gaussHermite memoises them): the page imports this file for the channel names only,
// and module-level rules and tables were built on its main thread at start-up.
const gh120 = () => gaussHermite(120);

/**
 * E_ξ F(sξ) for even, smooth F. For s > 1 the integrand is a spike of width 1/s in ξ: substitute u = sξ,
 * E_ξ F(sξ) = ∫du N(u) e^{u²(1−1/s²)/2} F(u)/s (docs/physics/classic.md §1, numerics (1)); 120 nodes then give ~1e−10
 * where the naive rule is off by 8e−3 in ε at α = 50.
 */
export function expectScaled(F: (u: number) => number, s: number): number {
  const { x, w } = gh120();
  let acc = 0;
  if (s <= 1) {
    for (let i = 0; i < x.length; i++) acc += w[i] * F(s * x[i]);
    return acc;
  }
  const k = 0.5 * (1 - 1 / (s * s));
  for (let i = 0; i < x.length; i++) acc += w[i] * Math.exp(k * x[i] * x[i]) * F(x[i]);
  return acc / s;
}

/** The same expectation with the naive rule in ξ (kept for the test that shows why the substitution is needed). */
export function expectNaive(F: (u: number) => number, s: number, n = 200): number {
  const { x, w } = gaussHermite(n);
  let acc = 0;
  for (let i = 0; i < x.length; i++) acc += w[i] * F(s * x[i]);
  return acc;
}

/** φ(u)²/(Φ(u)Φ(−u)): Σ_y Z g² of the sign channel in units of 1/V, even in u. */
export function signFisherTerm(u: number): number {
  const a = Math.abs(u);
  if (a >= 35) return normalPdf(a) / millsRatio(a); // Φ(a) = 1 to double precision
  const c = normalCdf(-a);
  const p = normalPdf(a);
  return (p * p) / (c * (1 - c));
}

/**
 * E_ξ F(sξ) for F tabulated at the 120 Gauss–Hermite nodes: for s > 1 the substituted rule evaluates F only at
 * the fixed nodes, so a state-evolution step costs 120 exponentials.
 */
function tabulated(F: (u: number) => number): (s: number) => number {
  let table: Float64Array | null = null; // F at the nodes, on first use
  return (s) => {
    const { x, w } = gh120();
    table ??= Float64Array.from(x, F);
    if (s <= 1) return expectScaled(F, s);
    const k = 0.5 * (1 - 1 / (s * s));
    let acc = 0;
    for (let i = 0; i < x.length; i++) acc += w[i] * Math.exp(k * x[i] * x[i]) * table[i];
    return acc / s;
  };
}
const signFisher = tabulated(signFisherTerm);
const signEntropy = tabulated(signEntropyTerm);

/** ε of the sign channels from q/ρ, with ρ − q = mse kept for accuracy near q = ρ. */
function signErrors(rho: number, mse: number): GlmErrors {
  const m = Math.min(Math.max(mse / rho, 0), 1); // 1 − q/ρ
  return {
    eps: Math.asin(Math.sqrt(m)) / Math.PI, // arccos(√(q/ρ))/π
    epsGibbs: (2 * Math.asin(Math.sqrt(m / 2))) / Math.PI, // arccos(q/ρ)/π
  };
}

function signChannel(name: 'sign' | 'probit', delta: number): GlmChannel {
  return {
    name,
    delta,
    classification: true,
    noiseless: name === 'sign',
    fisher(q, _rho, mse) {
      const v = mse + delta; // ρ − q + Δ: variance of the pre-sign field given ω
      if (!(v > 0)) return Infinity;
      return signFisher(Math.sqrt(Math.max(q, 0) / v)) / v;
    },
    psi(q, _rho, mse) {
      const v = mse + delta;
      if (!(v > 0)) return 0;
      return signEntropy(Math.sqrt(Math.max(q, 0) / v));
    },
    errors: (_q, rho, mse) => signErrors(rho, mse),
  };
}

function linearChannel(delta: number): GlmChannel {
  return {
    name: 'linear',
    delta,
    classification: false,
    noiseless: false,
    fisher: (_q, _rho, mse) => 1 / (mse + delta),
    psi: (_q, _rho, mse) => -0.5 * Math.log(2 * Math.PI * Math.E * (mse + delta)),
    errors: (_q, _rho, mse) => ({ eps: mse, epsGibbs: 2 * mse }),
  };
}

const gh60 = () => gaussHermite(60);

/**
 * ReLU with noise: y = max(0, z) + √Δ ζ. With a = ω/√V, posterior of x = relu-argument given y:
 * Z_out(y) = Φ(−a) N(y; 0, Δ) + N(y; ω, V + Δ) Φ(m/σ), m = (ωΔ + yV)/(V + Δ), σ² = VΔ/(V + Δ).
 * The y-integral is split along the two parts of Z_out, each integrated with Gauss–Hermite on its own scale.
 * Accuracy: ~1e−4 in q at Δ = 0.1 and ~1e−3 at Δ = 0.01 (60 vs 100 nodes), limited by the narrow layer of
 * width √Δ near y = 0 inside the second part; each state-evolution step costs ~10 ms.
 */
/**
 * ln Z_out, g_out = ∂_ω ln Z_out and ∂_ω g_out of the ReLU-with-noise channel at (y, ω, V), in closed form
 * (the GAMP output function; docs/physics/classic.md §4). Z_out = t1 + t2 with t1 = Φ(−a)N(y; 0, Δ),
 * t2 = N(y; ω, V + Δ)Φ(u), a = ω/√V, u = m/σ; with r = φ/Φ (r′ = −r(u + r)):
 *   ∂ ln t1 = −r(−a)/√V,  ∂² ln t1 = −r(−a)(r(−a) − a)/V,
 *   ∂ ln t2 = (y − ω)/(V + Δ) + r(u) k,  ∂² ln t2 = −1/(V + Δ) − r(u)(u + r(u)) k²,  k = Δ/((V + Δ)σ),
 * and ∂g = Σ_t (t/Z)(∂² ln t + (∂ ln t)²) − g².
 */
export function reluOutput(y: number, w: number, V: number, delta: number): { logZ: number; g: number; dg: number } {
  const sV = Math.sqrt(V);
  const vt = V + delta;
  const sigma = Math.sqrt((V * delta) / vt);
  const u = (w * delta + y * V) / vt / sigma;
  // Two terms in log space.
  const l1 = logNormalCdf(-w / sV) - 0.5 * Math.log(2 * Math.PI * delta) - (y * y) / (2 * delta);
  const l2 = -0.5 * Math.log(2 * Math.PI * vt) - ((y - w) * (y - w)) / (2 * vt) + logNormalCdf(u);
  const top = Math.max(l1, l2);
  const e1 = Math.exp(l1 - top);
  const e2 = Math.exp(l2 - top);
  const p1 = e1 / (e1 + e2);
  const p2 = 1 - p1;
  const r1 = pdfOverCdf(-w / sV);
  const r2 = pdfOverCdf(u);
  const k = delta / (vt * sigma);
  const d1 = -r1 / sV;
  const d2 = (y - w) / vt + r2 * k;
  const dd1 = (-r1 * (r1 - w / sV)) / V;
  const dd2 = -1 / vt - r2 * (u + r2) * k * k;
  const g = p1 * d1 + p2 * d2;
  return { logZ: top + Math.log(e1 + e2), g, dg: p1 * (dd1 + d1 * d1) + p2 * (dd2 + d2 * d2) - g * g };
}

function reluChannel(delta: number): GlmChannel {
  const logZg = (y: number, w: number, V: number) => reluOutput(y, w, V, delta);
  // One cached evaluation: state evolution asks for fisher at many q, f_RS for psi at the fixed point.
  let key = NaN;
  let keyV = NaN;
  let cached = { fisher: NaN, psi: NaN };
  const reluState = (q: number, V: number): { fisher: number; psi: number } => {
    if (!(V > 1e-12)) return { fisher: Infinity, psi: -0.5 * Math.log(2 * Math.PI * Math.E * delta) };
    if (q === key && V === keyV) return cached;
    const sq = Math.sqrt(Math.max(q, 0));
    const sD = Math.sqrt(delta);
    const vt = V + delta;
    const sigma = Math.sqrt((V * delta) / vt);
    let fisher = 0;
    let psi = 0;
    const gh = gh60(); // the rule of ξ and of the noise y
    for (let i = 0; i < gh.x.length; i++) {
      const w = sq * gh.x[i];
      const p0 = normalCdf(-w / Math.sqrt(V));
      let f = 0;
      let p = 0;
      for (let j = 0; j < gh.x.length; j++) {
        // part 1: y ~ N(0, Δ) with mass Φ(−a); part 2: y ~ N(ω, V+Δ) with density factor Φ(m/σ)
        const y1 = sD * gh.x[j];
        const r1 = logZg(y1, w, V);
        const y2 = w + Math.sqrt(vt) * gh.x[j];
        const r2 = logZg(y2, w, V);
        const c2 = normalCdf((w * delta + y2 * V) / vt / sigma);
        f += gh.w[j] * (p0 * r1.g * r1.g + c2 * r2.g * r2.g);
        p += gh.w[j] * (p0 * r1.logZ + c2 * r2.logZ);
      }
      fisher += gh.w[i] * f;
      psi += gh.w[i] * p;
    }
    key = q;
    keyV = V;
    cached = { fisher, psi };
    return cached;
  };
  return {
    name: 'relu',
    delta,
    classification: false,
    noiseless: false,
    fisher: (q, _rho, V) => reluState(q, V).fisher,
    psi: (q, _rho, V) => reluState(q, V).psi,
    errors(q, rho, V) {
      // E relu(z)² − E_ξ (E[relu(z)|ω])², E[relu|ω] = ωΦ(ω/√V) + √V φ(ω/√V); Gibbs: 2(E relu² − E relu(z)relu(z')).
      const sq = Math.sqrt(Math.max(q, 0));
      const sV = Math.sqrt(Math.max(V, 0));
      let m2 = 0;
      const gh = gh60();
      for (let i = 0; i < gh.x.length; i++) {
        const w = sq * gh.x[i];
        const mean = sV > 0 ? w * normalCdf(w / sV) + sV * normalPdf(w / sV) : Math.max(w, 0);
        m2 += gh.w[i] * mean * mean;
      }
      const cos = Math.min(1, Math.max(-1, q / rho));
      const theta = Math.acos(cos);
      const cross = (rho / (2 * Math.PI)) * (Math.sin(theta) + (Math.PI - theta) * cos); // arc-cosine kernel
      return { eps: rho / 2 - m2, epsGibbs: 2 * (rho / 2 - cross) };
    },
  };
}

export function makeChannel(name: GlmChannelName, delta = 0): GlmChannel {
  if (!(delta >= 0) || !Number.isFinite(delta))
    throw new ChannelError(`delta must be a finite number ≥ 0, got ${delta}`);
  switch (name) {
    case 'sign':
      return signChannel('sign', 0);
    case 'probit':
      if (!(delta > 0))
        throw new ChannelError('the probit channel needs a noise variance delta > 0 (delta = 0 is the sign channel)');
      return signChannel('probit', delta);
    case 'linear':
      if (!(delta > 0))
        throw new ChannelError(
          'the linear channel needs a noise variance delta > 0 (the free entropy diverges at delta = 0)',
        );
      return linearChannel(delta);
    case 'relu':
      if (!(delta > 0)) throw new ChannelError('the ReLU channel needs a noise variance delta > 0');
      return reluChannel(delta);
    default:
      throw new ChannelError(`unknown channel '${String(name)}' (known: ${GLM_CHANNELS.join(', ')})`);
  }
}
