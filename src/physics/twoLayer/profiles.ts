// Hermite profiles of the two-layer lecture (docs/physics/two-layer-lecture.md §0): the Gaussian-equivalence
// numbers μ0, μ1, E f², μ*² of an activation σ or a target g. Activations and the targets `linear`, `tanh2`
// and user expressions come from the shared registry (activations.ts); `he1he2` and `heK` = He_K/√K! are
// polynomials defined here with exact coefficients.
import { ActivationError } from '../errors';
import { getActivation } from '../activations';
import { gaussExpect } from '../numerics/gaussRule';
import { ACTIVATION_NAMES } from '../types';

export interface HermiteProfile {
  name: string;
  label: string;
  f: (x: number) => number;
  df: (x: number) => number; // f'
  mu0: number; // E f(z)
  mu1: number; // E f(z) z
  Ef2: number; // E f(z)²
  muStar2: number; // μ*² = E f² − μ0² − μ1² (g*² for a target: the part no linear function captures)
  /** Information exponent: the smallest k ≥ 1 with μ_k ≠ 0 (7 if none up to 6). */
  infoExponent: number;
}

export const RF_ACTIVATIONS = ['relu', 'tanh', 'erf'] as const;
export const TARGET_NAMES = ['linear', 'tanh2', 'he1he2', 'he1', 'he2', 'he3', 'he4'] as const;
const MAX_K = 8;

/** Probabilists' He_k(x) and He_k'(x) = k He_{k−1}(x). */
export function hermite(k: number, x: number): number {
  let h0 = 1;
  if (k === 0) return h0;
  let h1 = x;
  for (let j = 1; j < k; j++) {
    const h2 = x * h1 - j * h0;
    h0 = h1;
    h1 = h2;
  }
  return h1;
}

export function factorial(k: number): number {
  let f = 1;
  for (let j = 2; j <= k; j++) f *= j;
  return f;
}

function fromActivation(name: string): HermiteProfile {
  const a = getActivation(name);
  const mu0 = a.mu[0];
  const mu1 = a.mu[1];
  let infoExponent = 7;
  for (let k = 1; k < a.mu.length; k++) {
    if (Math.abs(a.mu[k]) > 1e-10) {
      infoExponent = k;
      break;
    }
  }
  return {
    name,
    label: a.label,
    f: a.sigma,
    df: a.dsigma,
    mu0,
    mu1,
    Ef2: a.Esigma2,
    muStar2: Math.max(0, a.Esigma2 - mu0 * mu0 - mu1 * mu1),
    infoExponent,
  };
}

/** g = He_K/√K!: E g² = 1, μ1 = δ_K1, information exponent K. */
export function heKProfile(K: number): HermiteProfile {
  if (!Number.isInteger(K) || K < 1 || K > MAX_K) throw new ActivationError(`heK needs 1 ≤ K ≤ ${MAX_K}, got ${K}`);
  const c = 1 / Math.sqrt(factorial(K));
  return {
    name: `he${K}`,
    label: `He${K}/√${K}!`,
    f: (x) => c * hermite(K, x),
    df: (x) => c * K * hermite(K - 1, x),
    mu0: 0,
    mu1: K === 1 ? 1 : 0,
    Ef2: 1,
    muStar2: K === 1 ? 0 : 1,
    infoExponent: K,
  };
}

const he1he2: HermiteProfile = {
  name: 'he1he2',
  label: 'z + He₂/2',
  f: (x) => x + 0.5 * (x * x - 1),
  df: (x) => 1 + x,
  mu0: 0,
  mu1: 1,
  Ef2: 1.5, // 1 + E He₂²/4 = 1 + 2/4
  muStar2: 0.5,
  infoExponent: 1,
};

/** Activation σ of the random features / the network: a registry name or expr:<expression in x>. */
export function activationProfile(name: string): HermiteProfile {
  return fromActivation(name);
}

/** Target g of y = g(θ*·x) + σ_ε ξ: linear, tanh2, he1he2, heK (K = 1…8) or expr:<expression in x>. */
export function targetProfile(name: string): HermiteProfile {
  if (name === 'he1he2') return he1he2;
  const m = /^he([0-9]+)$/.exec(name);
  if (m) return heKProfile(Number(m[1]));
  if (name.startsWith('expr:') || (ACTIVATION_NAMES as readonly string[]).includes(name)) return fromActivation(name);
  throw new ActivationError(
    `unknown target '${name}': use one of ${TARGET_NAMES.join(', ')}, heK (K ≤ ${MAX_K}) or expr:<expression in x>`,
  );
}

/** E[f(z)² z²]: sets the O(1/√d) overlap a one-step spike shows for an ℓ ≥ 2 target (§3). */
export function meanF2Z2(p: HermiteProfile): number {
  return gaussExpect(
    (z) => {
      const v = p.f(z) * z;
      return v * v;
    },
    { breakpoints: [0], points: 24 },
  );
}
