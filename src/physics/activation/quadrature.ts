// The Gaussian quadratures of an activation σ (arXiv 2510.24616; docs/physics/mlp-shallow.md §2): the Hermite coefficients
// μ_ℓ = E[σ(z) He_ℓ(z)] (unnormalised probabilists'), E σ², E σ'² by 1-D composite Gauss–Legendre with panel edges
// at the kinks, and the 2-D correlations E σ(z)σ(z'), E σ'(z)σ'(z') at corr(z, z') = q that the g-table needs,
// with the choice of the cheapest 2-D rule that reproduces a reference rule (the 'plan').
import { ActivationError } from '../errors';
import { gaussHermitePairQuadrature, gaussPairQuadrature, type PairQuadrature } from '../numerics/gaussPair';
import { gaussRule, type GaussRuleOptions } from '../numerics/gaussRule';

const N_MU = 7; // μ_0 … μ_6
export const L_1D = 12;
const L_2D = 10; // φ(10) ≈ 8e−23: ample for the 2-D sums, and 30 % fewer points than L = 12
export const INV_SQRT_2PI = 0.3989422804014327;

interface Moments {
  mu: number[];
  Esigma2: number;
  Edsigma2: number; // E σ'²  (g'(1) = E σ'² − μ1² − μ2²)
  Edsigma: number; // E σ'   (= μ1 by Stein's lemma iff σ is continuous)
  Ezdsigma: number; // E z σ' (= μ2 likewise)
}

export function moments(ev: (x: number, out: Float64Array) => void, opts: GaussRuleOptions): Moments {
  const { x, w } = gaussRule(opts);
  const out = new Float64Array(2);
  const mu = new Array<number>(N_MU).fill(0);
  let Esigma2 = 0;
  let Edsigma2 = 0;
  let Edsigma = 0;
  let Ezdsigma = 0;
  for (let i = 0; i < x.length; i++) {
    const z = x[i];
    ev(z, out);
    const s = out[0];
    const d = out[1];
    const ws = w[i] * s;
    // He_{ℓ+1} = z He_ℓ − ℓ He_{ℓ−1}
    let hPrev = 1;
    let h = z;
    mu[0] += ws;
    mu[1] += ws * z;
    for (let l = 1; l < N_MU - 1; l++) {
      const hNext = z * h - l * hPrev;
      hPrev = h;
      h = hNext;
      mu[l + 1] += ws * h;
    }
    Esigma2 += ws * s;
    Edsigma2 += w[i] * d * d;
    Edsigma += w[i] * d;
    Ezdsigma += w[i] * z * d;
  }
  return { mu, Esigma2, Edsigma2, Edsigma, Ezdsigma };
}

export function momentVector(m: Moments): number[] {
  return [...m.mu, m.Esigma2, m.Edsigma2];
}

export function maxRelDiff(a: number[], b: number[]): number {
  let scale = 1;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d / scale;
}

/** How the 2-D expectations are computed: composite Gauss–Legendre (kinks) or product Gauss–Hermite (smooth σ). */
export type PairSpec = { kind: 'composite'; opts: GaussRuleOptions } | { kind: 'hermite'; n: number };

export interface PairPlan {
  spec: PairSpec;
  /** The integrands are invariant under (z, z') → (−z, −z'): sum over z ≥ 0 only. */
  half: boolean;
}

export function pairQuadrature(q: number, plan: PairPlan): PairQuadrature {
  return plan.spec.kind === 'hermite'
    ? gaussHermitePairQuadrature(q, plan.spec.n, plan.half)
    : gaussPairQuadrature(q, plan.spec.opts, plan.half);
}

/**
 * E σ(z)σ(z'), E σ'(z)σ'(z') and E σ'(z)σ'(z') K for corr(z, z') = q < 1, in one sweep. With
 * z' = q z + s ξ, s = √(1−q²), K = zξ/s − q(ξ² − 1)/s² is ∂²φ₂/∂z∂z' / φ₂, so by parts the last one is
 * E σ''(z)σ''(z') = g''(q) + μ2² without σ'' (which is a δ for ReLU-like σ). Its cancellation costs
 * ~1e−16/s² ≈ 1e−12 at the table node nearest q = 1.
 */
export function correlations(
  ev: (x: number, out: Float64Array) => void,
  q: number,
  plan: PairPlan,
): [number, number, number] {
  const pq = pairQuadrature(q, plan);
  const y = new Float64Array(pq.maxInner);
  const wy = new Float64Array(pq.maxInner);
  const xi = new Float64Array(pq.maxInner);
  const out = new Float64Array(2);
  const s = Math.sqrt((1 - q) * (1 + q));
  const a = 1 / s;
  const b = q / (s * s);
  let C = 0;
  let D = 0;
  let DD = 0;
  for (let i = 0; i < pq.z.length; i++) {
    const zi = pq.z[i];
    ev(zi, out);
    const s0 = out[0];
    const d0 = out[1];
    const n = pq.inner(i, y, wy, xi);
    let cs = 0;
    let cd = 0;
    let cdx = 0; // Σ w σ'(z') ξ
    let cdh = 0; // Σ w σ'(z') (ξ² − 1)
    for (let j = 0; j < n; j++) {
      ev(y[j], out);
      const w = wy[j];
      const x = xi[j];
      cs += w * out[0];
      const wd = w * out[1];
      cd += wd;
      cdx += wd * x;
      cdh += wd * (x * x - 1);
    }
    const wz = pq.wz[i];
    C += wz * s0 * cs;
    D += wz * d0 * cd;
    DD += wz * d0 * (a * zi * cdx - b * cdh);
  }
  return [C, D, s > 0 ? DD : NaN];
}

export const QUAD_1D: GaussRuleOptions = { L: L_1D, panelWidth: 1, points: 20 };
export const QUAD_2D: GaussRuleOptions = { L: L_2D, panelWidth: 2, points: 20, tailTolerance: 1e-18 };
const HERMITE_ORDERS = [24, 32, 48, 64, 96, 128];
// Wide panels suit σ whose pieces are entire (ReLU-like, ELU); narrow ones σ with complex poles.
const COMPOSITE_CANDIDATES: GaussRuleOptions[] = [
  { panelWidth: 4, points: 12, tailTolerance: 1e-16 },
  { panelWidth: 4, points: 14, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 12, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 14, tailTolerance: 1e-16 },
  { panelWidth: 2, points: 16, tailTolerance: 1e-17 },
];
const TEST_Q = [0.8, 0.9999, 0.3, 0.99]; // the first two reject most candidates

export function symmetricSet(points: readonly number[]): boolean {
  return points.every((c) => points.some((d) => Math.abs(c + d) < 1e-12));
}

/**
 * g is unchanged by σ → σ − a − b x (only μ0, μ1 move). If that makes σ odd or even, σ(z)σ(z') and
 * σ'(z)σ'(z') are invariant under (z, z') → (−z, −z') and the tables need half the work.
 */
export function tableIntegrand(
  sigma: (x: number) => number,
  ev: (x: number, out: Float64Array) => void,
  mu: number[],
): { ev: (x: number, out: Float64Array) => void; mu: number[]; symmetric: boolean } {
  const s0 = sigma(0);
  const b = 0.5 * (sigma(1) - sigma(-1));
  let odd = true; // σ − σ(0) odd
  let even = true; // σ − b x even
  for (let i = 1; i <= 120; i++) {
    const x = i / 10 + 0.0037;
    const sp = sigma(x);
    const sm = sigma(-x);
    const tol = 1e-13 * (1 + Math.abs(sp) + Math.abs(sm));
    if (Math.abs(sp + sm - 2 * s0) > tol) odd = false;
    if (Math.abs(sp - sm - 2 * b * x) > tol) even = false;
  }
  if (!odd && !even) return { ev, mu, symmetric: false };
  const a = odd ? s0 : 0;
  const slope = odd ? 0 : b;
  if (a === 0 && slope === 0) return { ev, mu, symmetric: true };
  const shifted = (x: number, out: Float64Array): void => {
    ev(x, out);
    out[0] -= a + slope * x;
    out[1] -= slope;
  };
  return { ev: shifted, mu: [mu[0] - a, mu[1] - slope, ...mu.slice(2)], symmetric: true };
}

/**
 * Largest relative difference of E σσ' and E σ'σ' to the reference values at the test correlations (stops
 * once above tol). The g'' sum is left out: its 1/s² cancellation (~1e−11 at q = 0.9999) is harmless in
 * the table, where it only enters multiplied by w ~ s.
 */
function planDiff(
  ev: (x: number, out: Float64Array) => void,
  a: PairPlan,
  reference: number[][],
  tol = Infinity,
): number {
  let diff = 0;
  for (let i = 0; i < TEST_Q.length && diff < tol; i++) {
    diff = Math.max(diff, maxRelDiff(correlations(ev, TEST_Q[i], a).slice(0, 2), reference[i].slice(0, 2)));
  }
  return diff;
}

function planValues(ev: (x: number, out: Float64Array) => void, plan: PairPlan): number[][] {
  return TEST_Q.map((q) => correlations(ev, q, plan));
}

/** Rough cost of a plan: evaluations of σ at one correlation near 1 (where kinks cost most). */
function planCost(plan: PairPlan): number {
  const pq = pairQuadrature(0.99, plan);
  return pq.z.length * pq.maxInner;
}

/**
 * The cheapest plan that reproduces the reference plan to 1e−11 at the test correlations (table nodes need
 * no more: the interpolation aims at 1e−9): product
 * Gauss–Hermite for σ analytic in a wide strip (sigmoid, softplus), fewer Gauss–Legendre points for σ
 * whose pieces are entire (ReLU-like, ELU), the reference itself for σ with poles near the axis (tanh(2x)).
 */
export function cheapestPlan(
  ev: (x: number, out: Float64Array) => void,
  reference: PairPlan,
  smooth: boolean,
): PairPlan {
  if (reference.spec.kind !== 'composite') return reference;
  const base = reference.spec.opts;
  const candidates: PairPlan[] = [
    ...(smooth ? HERMITE_ORDERS.map((n): PairPlan => ({ spec: { kind: 'hermite', n }, half: reference.half })) : []),
    ...COMPOSITE_CANDIDATES.map((c): PairPlan => ({
      spec: { kind: 'composite', opts: { ...base, ...c } },
      half: reference.half,
    })),
  ];
  const referenceCost = planCost(reference);
  const ranked = candidates
    .map((plan) => ({ plan, cost: planCost(plan) }))
    .filter((c) => c.cost < 0.8 * referenceCost)
    .sort((a, b) => a.cost - b.cost);
  let values: number[][] | undefined;
  for (const { plan } of ranked) {
    values ??= planValues(ev, reference);
    if (planDiff(ev, plan, values, 1e-11) < 1e-11) return plan;
  }
  return reference;
}

/** Unknown σ: halve the panels until the 2-D expectations agree with a finer, wider rule to 1e−11. */
export function verifiedPlan(name: string, ev: (x: number, out: Float64Array) => void, plan: PairPlan): PairPlan {
  let current = plan;
  for (let level = 0; level < 3; level++) {
    if (current.spec.kind !== 'composite') return current;
    const o = current.spec.opts;
    const finer: PairPlan = {
      ...current,
      spec: { kind: 'composite', opts: { ...o, panelWidth: (o.panelWidth as number) / 2, L: L_1D } },
    };
    if (planDiff(ev, current, planValues(ev, finer)) < 1e-11) return current;
    current = { ...current, spec: { kind: 'composite', opts: { ...o, panelWidth: (o.panelWidth as number) / 2 } } };
  }
  throw new ActivationError(
    `${name}: E[σ(z)σ(z')] does not converge: σ varies too fast (features narrower than ~0.3, like tanh(10x), are not supported)`,
  );
}
