// Weight priors P0 of the teacher–student GLM (docs/physics/classic.md §1, arXiv 1708.03395), written as mixtures of
// Gaussian components N(μ_c, v_c) (v_c = 0: an atom). That one form gives the scalar denoiser
// Z_in(A, B) = ∫dP0(w) e^{Bw − Aw²/2}, f_in = ∂_B ln Z_in, c_in = ∂_B f_in, and the state-evolution
// overlap q(q̂) and free entropy Ψ_P0(q̂) for the Gaussian, Rademacher, biased binary and Gauss–Bernoulli priors.
import { PriorError } from '../errors';
import { gaussHermite, type QuadratureRule } from '../numerics/gaussHermite';
import { gaussRule } from '../numerics/gaussRule';

export const GLM_PRIORS = ['gaussian', 'rademacher', 'binary-biased', 'gauss-bernoulli'] as const;
export type GlmPriorName = (typeof GLM_PRIORS)[number];

export interface Component {
  weight: number; // π_c
  mean: number; // μ_c
  variance: number; // v_c (0 for an atom)
}

export interface GlmPrior {
  name: GlmPriorName;
  components: readonly Component[];
  /** ρ = E w². */
  rho: number;
  /** (E w)²: the overlap of the uninformed (q̂ = 0) estimate. */
  qMin: number;
  /** True when every component is an atom: perfect recovery has finite free entropy Σπ ln π. */
  discrete: boolean;
  /** Invariant under w → −w (components in ±μ pairs of equal weight and variance). */
  symmetric: boolean;
  /** Σ π_c ln π_c: f_RS of exact recovery for a discrete prior with a noiseless channel (−ln 2 for ±1). */
  perfectEntropy: number;
}

export interface PriorOptions {
  /** binary-biased: mean of w ∈ {±1}, P(±1) = (1 ± bias)/2. */
  bias?: number;
  /** gauss-bernoulli: fraction of non-zero weights (each N(0, 1)), so ρ = sparsity. */
  sparsity?: number;
}

export function makePrior(name: GlmPriorName, opts: PriorOptions = {}): GlmPrior {
  let components: Component[];
  switch (name) {
    case 'gaussian':
      components = [{ weight: 1, mean: 0, variance: 1 }];
      break;
    case 'rademacher':
      components = [
        { weight: 0.5, mean: 1, variance: 0 },
        { weight: 0.5, mean: -1, variance: 0 },
      ];
      break;
    case 'binary-biased': {
      const b = opts.bias ?? 0.3;
      if (!(Math.abs(b) < 1)) throw new PriorError(`bias must lie in (−1, 1), got ${b}`);
      components = [
        { weight: (1 + b) / 2, mean: 1, variance: 0 },
        { weight: (1 - b) / 2, mean: -1, variance: 0 },
      ];
      break;
    }
    case 'gauss-bernoulli': {
      const r = opts.sparsity ?? 0.5;
      if (!(r > 0 && r <= 1)) throw new PriorError(`sparsity must lie in (0, 1], got ${r}`);
      components =
        r === 1
          ? [{ weight: 1, mean: 0, variance: 1 }]
          : [
              { weight: 1 - r, mean: 0, variance: 0 },
              { weight: r, mean: 0, variance: 1 },
            ];
      break;
    }
    default:
      throw new PriorError(`unknown prior '${String(name)}' (known: ${GLM_PRIORS.join(', ')})`);
  }
  let rho = 0;
  let mean = 0;
  let ent = 0;
  for (const c of components) {
    rho += c.weight * (c.variance + c.mean * c.mean);
    mean += c.weight * c.mean;
    ent += c.weight * Math.log(c.weight);
  }
  const discrete = components.every((c) => c.variance === 0);
  const symmetric = components.every(
    (c) =>
      c.mean === 0 || components.some((d) => d.mean === -c.mean && d.weight === c.weight && d.variance === c.variance),
  );
  return { name, components, rho, qMin: mean * mean, discrete, symmetric, perfectEntropy: discrete ? ent : -Infinity };
}

/** Posterior of the scalar channel at (A, B): ln Z_in, mean f_in and variance c_in (stable for A → ∞). */
export interface Denoised {
  logZ: number;
  mean: number;
  variance: number;
}

const MAX_COMPONENTS = 4;
const scratchLog = new Float64Array(MAX_COMPONENTS);
const scratchMean = new Float64Array(MAX_COMPONENTS);

/** Per-A constants of the components: ln π_c − ½ ln(1 + Av_c), 1/(1 + Av_c), v_c/(1 + Av_c). */
interface DenoiseContext {
  A: number;
  base: Float64Array;
  inv: Float64Array;
  post: Float64Array;
}

function contextFor(prior: GlmPrior, A: number, ctx?: DenoiseContext): DenoiseContext {
  const n = prior.components.length;
  const c = ctx ?? { A, base: new Float64Array(n), inv: new Float64Array(n), post: new Float64Array(n) };
  c.A = A;
  prior.components.forEach((k, i) => {
    const d = 1 + A * k.variance;
    c.base[i] = Math.log(k.weight) - 0.5 * Math.log(d) - (A * k.mean * k.mean) / (2 * d);
    c.inv[i] = 1 / d;
    c.post[i] = k.variance / d;
  });
  return c;
}

/**
 * Z_c(A, B) = ∫N(w; μ, v) e^{Bw − Aw²/2} dw = (1 + Av)^{−1/2} exp[(2μB + vB² − Aμ²)/(2(1 + Av))];
 * the posterior is a mixture of N(m_c, v_c/(1 + Av_c)), m_c = (μ + vB)/(1 + Av). The variance is
 * Σ p_c v_c/(1+Av_c) + Σ_{c<d} p_c p_d (m_c − m_d)²: no cancellation when the posterior is nearly certain.
 */
export function denoise(prior: GlmPrior, A: number, B: number, out: Denoised, ctx?: DenoiseContext): Denoised {
  const c = ctx && ctx.A === A ? ctx : contextFor(prior, A);
  const cs = prior.components;
  const n = cs.length;
  let top = -Infinity;
  for (let k = 0; k < n; k++) {
    const { mean, variance } = cs[k];
    scratchLog[k] = c.base[k] + (2 * mean * B + variance * B * B) * 0.5 * c.inv[k];
    scratchMean[k] = (mean + variance * B) * c.inv[k];
    if (scratchLog[k] > top) top = scratchLog[k];
  }
  let z = 0;
  for (let k = 0; k < n; k++) {
    scratchLog[k] = Math.exp(scratchLog[k] - top); // unnormalised posterior weights
    z += scratchLog[k];
  }
  let m = 0;
  let within = 0;
  for (let k = 0; k < n; k++) {
    const p = scratchLog[k] / z;
    scratchLog[k] = p;
    m += p * scratchMean[k];
    within += p * c.post[k];
  }
  let between = 0;
  for (let k = 0; k < n; k++)
    for (let j = k + 1; j < n; j++) {
      const dm = scratchMean[k] - scratchMean[j];
      between += scratchLog[k] * scratchLog[j] * dm * dm;
    }
  out.logZ = top + Math.log(z);
  out.mean = m;
  out.variance = within + between;
  return out;
}

// Looked up at use (memoised): the page imports this file for the prior names only.
const gh100 = () => gaussHermite(100);
const tmp: Denoised = { logZ: 0, mean: 0, variance: 0 };

/** State of the scalar channel B = q̂ w⁰ + √q̂ ξ at q̂. */
export interface PriorState {
  /** ρ − q: the MMSE E c_in (Nishimori), computed directly so that ρ − q keeps its relative accuracy. */
  mse: number;
  /** Ψ_P0(q̂) = E ln Z_in(q̂, B). */
  psi: number;
  /** Ψ_P0(q̂) − ρq̂/2, finite as q̂ → ∞ (→ Σπ ln π for a discrete prior): f_RS is built from it without cancellation. */
  psiCentred: number;
}

/** mse and Ψ_P0 at q̂ ≥ 0; B | component c ~ N(q̂μ_c, q̂ + q̂²v_c). q̂ = ∞ is exact recovery. */
export function priorState(prior: GlmPrior, qhat: number): PriorState {
  if (!(qhat > 0)) return { mse: prior.rho - prior.qMin, psi: 0, psiCentred: 0 };
  if (qhat === Infinity) return { mse: 0, psi: Infinity, psiCentred: prior.perfectEntropy };
  if (prior.name === 'gaussian' || (prior.components.length === 1 && prior.components[0].mean === 0)) {
    const rho = prior.components[0].variance;
    const l = Math.log1p(rho * qhat);
    return { mse: rho / (1 + rho * qhat), psi: 0.5 * (rho * qhat - l), psiCentred: -0.5 * l };
  }
  let mse = 0;
  let psi = 0;
  const mixed = !prior.discrete && prior.components.length > 1;
  const ctx = contextFor(prior, qhat);
  for (const c of prior.components) {
    // A symmetric prior's (−μ) component mirrors the (+μ) one (B → −B): count it there.
    if (prior.symmetric && c.mean < 0) continue;
    const mult = prior.symmetric && c.mean > 0 ? 2 : 1;
    const centre = qhat * c.mean;
    const sd = Math.sqrt(qhat + qhat * qhat * c.variance);
    let m = 0;
    let p = 0;
    const rule = mixed && c.variance > 0 ? spikeSlabRule(prior, qhat, centre, sd) : gh100();
    for (let i = 0; i < rule.x.length; i++) {
      denoise(prior, qhat, centre + sd * rule.x[i], tmp, ctx);
      m += rule.w[i] * tmp.variance;
      p += rule.w[i] * tmp.logZ;
    }
    mse += mult * c.weight * m;
    psi += mult * c.weight * p;
  }
  return { mse, psi, psiCentred: psi - 0.5 * prior.rho * qhat };
}

/**
 * Quadrature in ξ for B = centre + sd·ξ when the prior mixes an atom at 0 with N(0, v) (Gauss–Bernoulli): the
 * posterior switches from "zero" to "non-zero" in a layer of width (1 + Av)/(vB*) around |B| = B*, narrow in ξ
 * when q̂ is large, which a plain Gauss–Hermite rule does not resolve (f_RS stationarity fails at 1e−5 with
 * it). Composite Gauss–Legendre panels with edges at and around ±B* resolve it (only the slab component has
 * the narrow layer: the atom's B has spread √q̂, comparable to the layer's width).
 */
function spikeSlabRule(prior: GlmPrior, A: number, centre: number, sd: number): QuadratureRule {
  const atom = prior.components.find((c) => c.variance === 0 && c.mean === 0);
  const slab = prior.components.find((c) => c.variance > 0 && c.mean === 0);
  if (!atom || !slab) return gh100();
  const v = slab.variance;
  const d = 1 + A * v;
  const b2 = (2 * d * (Math.log(atom.weight / slab.weight) + 0.5 * Math.log(d))) / v;
  if (!(b2 > 0)) return gh100();
  const bStar = Math.sqrt(b2);
  const width = d / (v * bStar) / sd;
  if (width > 0.5) return gh100(); // a wide layer: Gauss–Hermite resolves it
  const breakpoints: number[] = [];
  for (const sgn of [-1, 1]) {
    const x0 = (sgn * bStar - centre) / sd;
    breakpoints.push(x0);
    for (const k of [1, 3, 9]) breakpoints.push(x0 - k * width, x0 + k * width);
  }
  breakpoints.sort((a, b) => a - b);
  return gaussRule({ breakpoints: breakpoints.map((x) => +x.toPrecision(6)), panelWidth: 1, points: 12, L: 9 });
}
