// Weight priors P_W (scalar-channel overlap m_W and free entropy ψ_W) and readout laws P_v (docs/physics/mlp-shallow.md §§1, 5, 7).

import { gaussHermite, gaussLegendre, type QuadratureRule } from './numerics/gaussHermite';
import type { ReadoutAtoms, ReadoutLaw, WeightPrior } from './types';
import type { SpectralLaw } from './spectral';

// ---------- weight priors: scalar channel Y = √q̂ w⁰ + ξ ----------

// Looked up at use (memoised): the page imports this file, and module-level rules were built at its start-up.
let ghW: QuadratureRule | null = null;
const rule80 = () => (ghW ??= gaussHermite(80));

/** ln cosh without overflow. */
function logCosh(x: number): number {
  const ax = Math.abs(x);
  return ax + Math.log1p(Math.exp(-2 * ax)) - Math.LN2;
}

/** m_W(q̂): overlap of the posterior mean with w⁰ in the scalar channel. */
export function overlapW(prior: WeightPrior, qhat: number): number {
  if (!(qhat > 0)) return 0;
  if (prior === 'gaussian') return qhat / (1 + qhat);
  // Rademacher: E_z tanh(√q̂ z + q̂).
  const s = Math.sqrt(qhat);
  let acc = 0;
  const GH_W = rule80();
  for (let i = 0; i < GH_W.x.length; i++) acc += GH_W.w[i] * Math.tanh(s * GH_W.x[i] + qhat);
  return acc;
}

/**
 * m_W(q̂) and m_W′(q̂) in one pass. Rademacher: m_W′ is the exact derivative of the same Gauss–Hermite sum,
 * Σ wᵢ sech²Xᵢ (zᵢ/(2√q̂) + 1), Xᵢ = √q̂ zᵢ + q̂, so that it matches overlapW (continuum quadratures need both);
 * at q̂ → 0 Stein's form E sech²X (1 − tanh X).
 */
export function overlapWSlope(prior: WeightPrior, qhat: number, out: { v: number; d: number }): void {
  const q = Math.max(0, qhat);
  if (prior === 'gaussian') {
    out.v = q / (1 + q);
    out.d = 1 / ((1 + q) * (1 + q));
    return;
  }
  const s = Math.sqrt(q);
  const stein = q < 1e-10;
  let v = 0;
  let d = 0;
  const GH_W = rule80();
  for (let i = 0; i < GH_W.x.length; i++) {
    const t = Math.tanh(s * GH_W.x[i] + q);
    v += GH_W.w[i] * t;
    d += GH_W.w[i] * (1 - t * t) * (stein ? 1 - t : GH_W.x[i] / (2 * s) + 1);
  }
  out.v = v;
  out.d = d;
}

/** ψ_W(q̂): free entropy of the scalar channel, normalised so that ψ_W(0) = 0 and ψ_W' = m_W/2. */
export function freeEntropyW(prior: WeightPrior, qhat: number): number {
  if (!(qhat > 0)) return 0;
  if (prior === 'gaussian') return 0.5 * qhat - 0.5 * Math.log1p(qhat);
  const s = Math.sqrt(qhat);
  let acc = 0;
  const GH_W = rule80();
  for (let i = 0; i < GH_W.x.length; i++) acc += GH_W.w[i] * logCosh(s * GH_W.x[i] + qhat);
  return acc - 0.5 * qhat;
}

// ---------- readout laws ----------

/** Atoms of the continuous laws used in the saddle-point equations (each atom carries its own Q(v)). */
export const CONTINUOUS_ATOMS = 48;

/** Inverse standard normal CDF (Acklam's rational approximation, |rel. error| < 1.2e−9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Discretises a law deterministically; E v² = 1 exactly, because ε is first-order sensitive to E_v[v²Q²] (§7). */
function discretise(law: ReadoutLaw, n: number): { v: number[]; p: number[] } {
  switch (law) {
    case 'ones':
      return { v: [1], p: [1] };
    case 'rad':
      return { v: [-1, 1], p: [0.5, 0.5] };
    case '4point': {
      const s = 1 / Math.sqrt(5);
      return { v: [-3 * s, -s, s, 3 * s], p: [0.25, 0.25, 0.25, 0.25] };
    }
    case 'unif': {
      // Gauss–Legendre on [−√3, √3]: exact for E v² and exponentially accurate for smooth functionals.
      const { x, w } = gaussLegendre(n);
      return { v: Array.from(x, (u) => u * Math.sqrt(3)), p: Array.from(w, (u) => u / 2) };
    }
    case 'gauss': {
      // Equal-mass quantile midpoints (as the papers' sorted quantiles), rescaled to E v² = 1: the Q(v) classes and
      // the simulations' teacher readouts (the spectrum of S uses the exact law, spectralLaw).
      const v = Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
      const m2 = v.reduce((s, u) => s + u * u, 0) / n;
      return { v: v.map((u) => u / Math.sqrt(m2)), p: new Array(n).fill(1 / n) };
    }
  }
}

/** Readout atoms for the saddle-point equations, ascending in v. */
export function readoutAtoms(law: ReadoutLaw, n = CONTINUOUS_ATOMS): ReadoutAtoms {
  const { v, p } = discretise(law, n);
  return { law, v: Float64Array.from(v), p: Float64Array.from(p) };
}

/** A discretised continuous law (unif, gauss), whose atoms differ between the spectrum and the Q(v) equations. */
export const isContinuousLaw = (law: ReadoutLaw): boolean => law === 'unif' || law === 'gauss';

/**
 * The law of v for the spectrum of S_k = Wᵀ diag(v) W / k: discrete laws by their atoms, continuous laws exactly
 * (their Stieltjes transforms, spectral.ts), not by atoms: 64 equal-mass atoms put m_S(0.5) of `gauss` 0.9 % low.
 */
export function spectralLaw(law: ReadoutLaw, gamma: number): SpectralLaw {
  if (law === 'unif' || law === 'gauss') return { a: gamma, continuous: law };
  const { v, p } = discretise(law, 0);
  return { a: gamma, v: Float64Array.from(v), p: Float64Array.from(p) };
}

/** ρ2 = 1 + γ (E v)²: ‖S2‖²_F / d (docs/physics/mlp-shallow.md §3). */
export function rho2(atoms: ReadoutAtoms, gamma: number): number {
  let mean = 0;
  for (let j = 0; j < atoms.v.length; j++) mean += atoms.p[j] * atoms.v[j];
  return 1 + gamma * mean * mean;
}
