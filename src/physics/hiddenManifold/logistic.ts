// Convex empirical risk minimisation on hidden-manifold data through the Gaussian equivalence: the replica fixed
// point of the Gaussian covariate model (docs/physics/hidden-manifold.md §2b, eqs. (HM6)–(HM7); Gerace et al. arXiv
// 2002.09339, in the form of Loureiro et al. arXiv 2102.08127), for ŵ = argmin Σ_μ ℓ(y_μ, ŵ·x_μ/√N) + (λ/2)‖ŵ‖².
// Student field on a fresh point λ = ŵ·x/√N, teacher field ν = θ·c/√D ~ N(0, 1): m = E λν, q = E λ², V the
// response. With s(ν') = κ⋆² + κ1²ν' over the Marchenko–Pastur law of FᵀF/D (ratio 1/δ):
//   prior (HM6):   V = ⟨s/(λ + V̂s)⟩,  m = m̂ (κ1²/δ)⟨ν'/(λ + V̂s)⟩,
//                  q = m̂² (κ1²/δ)⟨ν's/(λ + V̂s)²⟩ + q̂⟨s²/(λ + V̂s)²⟩;
//   channel (HM7): ω = √q ξ, label law Z0(y | mean (m/√q)ξ, variance 1 − m²/q), f = (prox_{Vℓ(y,·)}(ω) − ω)/V,
//                  m̂ = α E Σ_y ∂Z0 f,  q̂ = α E Σ_y Z0 f²,  V̂ = −α E Σ_y Z0 ∂_ω f.
// Square loss: m̂ = α g1/(1 + V), q̂ = α(E y² − 2g1m + q)/(1 + V)², V̂ = α/(1 + V) in closed form; the test
// holds the fixed point to the ridge curve of ridge.ts. Logistic loss with y = sign(ν): classification error
// arccos(m/√q)/π.
import { HiddenManifoldError } from '../errors';
import type { Convergence } from '../types';
import { gaussRule } from '../numerics/gaussRule';
import { normalCdf, normalPdf } from '../numerics/normal';
import { mpRule } from '../twoLayer/marchenkoPastur';
import type { HermiteProfile } from '../twoLayer/profiles';

export interface Overlaps {
  m: number;
  q: number;
  V: number;
}
interface Hats {
  mh: number;
  qh: number;
  Vh: number;
}

/** The channel's conjugate parameters from the overlaps, at α. */
export type Channel = (o: Overlaps, alpha: number) => Hats;

export interface ErmProblem {
  activation: HermiteProfile; // f
  delta: number; // D/N
  lambda: number; // λ > 0
}

export interface ErmPoint extends Convergence, Overlaps {
  alpha: number;
}

/** The spectral side (HM6): the overlaps from the conjugates. */
function prior(p: ErmProblem, h: Hats): Overlaps {
  const rule = mpRule(1 / p.delta);
  const k12 = p.activation.mu1 ** 2;
  const ks2 = p.activation.muStar2;
  let V = 0;
  let m = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < rule.nu.length; i++) {
    const nu = rule.nu[i];
    const s = ks2 + k12 * nu;
    const r = 1 / (p.lambda + h.Vh * s);
    V += rule.w[i] * s * r;
    m += rule.w[i] * nu * r;
    q1 += rule.w[i] * nu * s * r * r;
    q2 += rule.w[i] * s * s * r * r;
  }
  const c = k12 / p.delta;
  return { V, m: h.mh * c * m, q: h.mh * h.mh * c * q1 + h.qh * q2 };
}

/** Damped iteration of (HM6)–(HM7) from a small overlap (adaptive damping); converged when m, q, V move less than 1e−11 relative. */
export function solveErm(p: ErmProblem, channel: Channel, alpha: number, maxIter = 2000): ErmPoint {
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new HiddenManifoldError(`α = n/N must be > 0, got ${alpha}`);
  if (!(p.lambda > 0 && Number.isFinite(p.lambda))) throw new HiddenManifoldError(`λ must be > 0, got ${p.lambda}`);
  let o: Overlaps = { m: 0.1, q: 0.2, V: 1 };
  let residual = Infinity;
  let d = 0.5; // damping: halved when the step grows (the small-λ logistic map oscillates), regrown slowly
  for (let it = 1; it <= maxIter; it++) {
    const next = prior(p, channel(o, alpha));
    const r = Math.max(
      Math.abs(next.m - o.m) / Math.max(Math.abs(next.m), 1e-12),
      Math.abs(next.q - o.q) / next.q,
      Math.abs(next.V - o.V) / next.V,
    );
    d = r > residual ? Math.max(0.02, d / 2) : Math.min(0.8, d * 1.05);
    residual = r;
    o = { m: d * next.m + (1 - d) * o.m, q: d * next.q + (1 - d) * o.q, V: d * next.V + (1 - d) * o.V };
    if (!Number.isFinite(residual)) break;
    if (residual < 1e-11) return { alpha, ...o, converged: true, iterations: it, residual };
  }
  return { alpha, ...o, converged: false, iterations: maxIter, residual };
}

/** Square loss with labels y = g(ν) + σ_ε ξ: the channel in closed form. */
export function squareChannel(target: HermiteProfile, noise: number): Channel {
  const Ey2 = target.Ef2 + noise * noise;
  return ({ m, q, V }, alpha) => ({
    mh: (alpha * target.mu1) / (1 + V),
    qh: (alpha * (Ey2 - 2 * target.mu1 * m + q)) / (1 + V) ** 2,
    Vh: alpha / (1 + V),
  });
}

/** A loss through its proximal map: z = prox_{Vℓ(y,·)}(ω), with ℓ''(z). */
export interface Loss {
  prox(y: number, omega: number, V: number): number;
  d2(y: number, z: number): number;
}

/**
 * ℓ(y, z) = log(1 + e^{−yz}); the prox solves h(z) = z − ω − V y σ(−yz) = 0, h increasing with slope ≥ 1 and the
 * root between ω and ω + Vy: Newton kept inside that bracket (bisection when a step leaves it).
 */
export const LOGISTIC: Loss = {
  prox(y, omega, V) {
    let lo = Math.min(omega, omega + V * y);
    let hi = Math.max(omega, omega + V * y);
    let z = omega;
    for (let k = 0; k < 200; k++) {
      const s = 1 / (1 + Math.exp(y * z)); // σ(−yz)
      const h = z - omega - V * y * s;
      if (h > 0) hi = z;
      else lo = z;
      let next = z - h / (1 + V * s * (1 - s));
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - z) <= 1e-15 * (1 + Math.abs(z)) || hi - lo <= 1e-15 * (1 + Math.abs(z))) return next;
      z = next;
    }
    return z;
  },
  d2(y, z) {
    const s = 1 / (1 + Math.exp(y * z));
    return s * (1 - s);
  },
};

/** Square loss ½(y − z)² through the same route (the test's check of the numerical channel). */
export const SQUARE: Loss = { prox: (y, omega, V) => (omega + V * y) / (1 + V), d2: () => 1 };

/** Labels y = sign(ν): the channel (HM7) by quadrature over ξ, for any loss. */
export function signChannel(loss: Loss): Channel {
  const { x, w } = gaussRule();
  return ({ m, q, V }, alpha) => {
    const rq = Math.sqrt(q);
    const sd = Math.sqrt(Math.max(1 - (m * m) / q, 1e-300));
    let mh = 0;
    let qh = 0;
    let Vh = 0;
    for (let i = 0; i < x.length; i++) {
      const omega = rq * x[i];
      const t = (m / rq) * x[i]; // the mean of ν given ω, over its standard deviation below
      for (const y of [1, -1]) {
        const Z0 = normalCdf((y * t) / sd);
        const dZ0 = (y * normalPdf(t / sd)) / sd;
        const z = loss.prox(y, omega, V);
        const f = (z - omega) / V;
        const l2 = loss.d2(y, z);
        mh += w[i] * dZ0 * f;
        qh += w[i] * Z0 * f * f;
        Vh += (w[i] * Z0 * l2) / (1 + V * l2);
      }
    }
    return { mh: alpha * mh, qh: alpha * qh, Vh: alpha * Vh };
  };
}

export interface LogisticPoint extends ErmPoint {
  classError: number; // P(sign λ ≠ y) = arccos(m/√q)/π
}

export function validateErm(p: ErmProblem): ErmProblem {
  if (!(p.delta >= 0.02 && p.delta <= 50))
    throw new HiddenManifoldError(`δ = D/N must be in [0.02, 50], got ${p.delta}`);
  // Below λ = 0.01 the fixed point near the separability threshold converges too slowly (seen: α = 4, λ = 10⁻³).
  if (!(p.lambda >= 0.01 && p.lambda <= 1e6))
    throw new HiddenManifoldError(`λ must be in [0.01, 1e6] for logistic regression, got ${p.lambda}`);
  if (!(p.activation.muStar2 > 1e-12 && Math.abs(p.activation.mu0) < 1e-12))
    throw new HiddenManifoldError(
      `logistic regression needs an odd non-linear f (κ0 = 0, κ⋆ > 0): ${p.activation.name}`,
    );
  return p;
}

/** Logistic regression on sign labels of the latent teacher: its classification error at α. */
export function logisticPoint(p: ErmProblem, alpha: number): LogisticPoint {
  const r = solveErm(p, signChannel(LOGISTIC), alpha);
  return { ...r, classError: Math.acos(Math.min(1, r.m / Math.sqrt(r.q))) / Math.PI };
}
