// Committee machine with K = 3 hidden units, sign–sign output y = sign(Σ_k sign z_k) ∈ {−1, +1}, Bayes-optimal
// (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2.2), on the
// committee-symmetric manifold q = q_d I + q_o 11ᵀ (q11 = q_d + q_o on the diagonal, q12 = q_o off it; Q = I).
// Output side: the 3-D integrals over ω ~ N(0, q) of Z = Z_out(y; ω, I − q) (Φ2, Φ3 of the equicorrelated
// V = I − q), giving the diagonal and off-diagonal of E_ξ Σ_y ∇Z∇Zᵀ/Z, Ψ_out and ε. Prior side: q = q̂(I + q̂)⁻¹
// (Gaussian W) or the sum over the 8 sign vectors (±1 W). A committee-symmetric 3×3 matrix travels as the Sym2
// {a: diagonal, b: off-diagonal, c: diagonal}, so the K = 2 solvers (committee.ts) run unchanged on it.
import { bivariateNormalCdf } from '../numerics/bivariateNormal';
import { gaussHermite, gaussLegendre } from '../numerics/gaussHermite';
import { gaussRule } from '../numerics/gaussRule';
import { normalCdf, normalPdf } from '../numerics/normal';
import { trivariateNormalCdf } from '../numerics/trivariateNormal';
import { featureEdges, GH, ONE_NODE, sym, type Accuracy, type OutputState, type Sym2 } from './committeeOutput';
import type { CommitteePrior, PriorUpdate } from './committeePrior';

const MASK = 1e-13;
const INV_SQRT3 = 1 / Math.sqrt(3);
/** Orthonormal basis: e1 ∝ (1, 1, 1), e2, e3 spanning the plane Σ_k ω_k = 0. */
const E1 = [INV_SQRT3, INV_SQRT3, INV_SQRT3];
const E2 = [1 / Math.SQRT2, -1 / Math.SQRT2, 0];
const E3 = [1 / Math.sqrt(6), 1 / Math.sqrt(6), -2 / Math.sqrt(6)];

/** Gauss–Hermite orders of the 3-D output rule ('fast', 'accurate'); tests measure them against a brute force. */
export const K3_ORDERS: Record<Accuracy, number> = { fast: 16, accurate: 24 };
/**
 * 'accurate' off the non-specialised manifold with q12 ≥ 0: the sinh-graded rule with these orders (tensor
 * Gauss–Hermite is off by ~1% in q12's Fisher entry at q11 = 0.9, where V = I − q is small; tests).
 */
export const K3_SHARP = { n: 20, nEta: 16 };

/** Channel at one ω: Z(+1), Z(−1) and ∇Z(+1) (∇Z(−1) = −∇Z(+1), K being odd). */
export interface Channel3 {
  zp: number;
  zm: number;
  grad: [number, number, number];
}

/**
 * P(at least two of w_k < c_k) for w equicorrelated (ρ): Σ_{i<j} Φ2(c_i, c_j) − 2Φ3(c) (inclusion–exclusion).
 */
function majority(c: number[], rho: number): number {
  const p =
    bivariateNormalCdf(c[0], c[1], rho) +
    bivariateNormalCdf(c[0], c[2], rho) +
    bivariateNormalCdf(c[1], c[2], rho) -
    2 * trivariateNormalCdf(c[0], c[1], c[2], rho, rho, rho);
  return Math.min(1, Math.max(0, p));
}

/**
 * Z(±1; ω, V) and ∇_ω Z(+1) with V = (1 − q11) I − q12 (11ᵀ − I): s = √V_kk, ρ = V12/V11, a_k = ω_k/s. Unit k is
 * pivotal when the other two disagree: ∂Z(+1)/∂ω_k = φ(a_k)/s · [p_i + p_j − 2Φ2(h_i, h_j; ρ/(1 + ρ))] with
 * h_i = (a_i − ρ a_k)/√(1 − ρ²), p_i = Φ(h_i) (the law of the others given u_k at the boundary).
 */
export function channel3(omega: number[], s: number, rho: number): Channel3 {
  const a = omega.map((w) => w / s);
  const neg = a.map((x) => -x);
  // The smaller probability directly (no cancellation), the other as its complement.
  const zpFirst = a[0] + a[1] + a[2] < 0;
  const small = zpFirst ? majority(a, rho) : majority(neg, rho);
  const zp = zpFirst ? small : 1 - small;
  const zm = zpFirst ? 1 - small : small;
  const sig = Math.sqrt((1 - rho) * (1 + rho));
  const rc = rho / (1 + rho);
  const grad: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const i = (k + 1) % 3;
    const j = (k + 2) % 3;
    const hi = (a[i] - rho * a[k]) / sig;
    const hj = (a[j] - rho * a[k]) / sig;
    const pivotal = normalCdf(hi) + normalCdf(hj) - 2 * bivariateNormalCdf(hi, hj, rc);
    grad[k] = (normalPdf(a[k]) / s) * Math.max(0, pivotal);
  }
  return { zp, zm, grad };
}

/**
 * η ≥ 0 half of a composite Gauss–Legendre rule for η ~ N(0, 1) (weights doubled) in ω = √q12 η 1 + …, graded
 * around η = 0 on two widths: a unit's own, s/√q12, and the sum's, √(1 − λ1)/√q12 (small as λ1 = q11 + 2q12 → 1).
 */
function etaRule(s: number, r: number, l1: number): { x: number[]; w: number[] } {
  const wSum = Math.sqrt(Math.max(1 - l1, 1e-8)) / r;
  const edges = [...featureEdges(0, s / r), ...featureEdges(0, wSum)];
  const rule = gaussRule({ points: 10, panelWidth: 1, L: 9, breakpoints: edges });
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < rule.x.length; i++) {
    if (rule.x[i] < 0) continue;
    x.push(rule.x[i]);
    w.push(2 * rule.w[i]);
  }
  return { x, w };
}

/**
 * Points ω ~ N(0, q) with weights. The integrands are even under ω → −ω and (after symmetrising the Fisher matrix)
 * invariant under permutations of the units: only η > 0 (and, in 3-D, ζ2 > 0: the swap ω1 ↔ ω2) is kept.
 */
interface OmegaRule3 {
  omega: number[][];
  wt: number[];
}

/**
 * Rank one (q = q12·11ᵀ, the non-specialised manifold): ω = √q12 η (1, 1, 1), a 1-D composite Gauss–Legendre rule
 * with panel edges graded around η = 0 on the widths of the channel there. Otherwise tensor Gauss–Hermite
 * in the eigenbasis of q (λ1 = q11 + 2q12 along 11ᵀ, λ2 = q11 − q12 twice), a quarter of it (an even order).
 */
function omegaRule3(q: Sym2, s: number, order: number): OmegaRule3 {
  const l1 = q.a + 2 * q.b;
  const l2 = q.a - q.b;
  const omega: number[][] = [];
  const wt: number[] = [];
  if (l1 <= 1e-14) return { omega: [[0, 0, 0]], wt: [1] };
  if (l2 <= 1e-12 * l1) {
    const r = Math.sqrt(Math.max(q.b, 0));
    const eta = etaRule(s, r, l1);
    for (let i = 0; i < eta.x.length; i++) {
      const w = r * eta.x[i];
      omega.push([w, w, w]);
      wt.push(eta.w[i]);
    }
    return { omega, wt };
  }
  const gh = order === GH.x.length ? GH : gaussHermite(order);
  const r1 = Math.sqrt(l1);
  const r2 = Math.sqrt(l2);
  for (let i = 0; i < gh.x.length; i++) {
    if (gh.x[i] <= 0) continue;
    for (let j = 0; j < gh.x.length; j++) {
      if (gh.x[j] <= 0) continue;
      for (let k = 0; k < gh.x.length; k++) {
        const u = r1 * gh.x[i];
        const v = r2 * gh.x[j];
        const t = r2 * gh.x[k];
        omega.push([0, 1, 2].map((m) => u * E1[m] + v * E2[m] + t * E3[m]));
        wt.push(4 * gh.w[i] * gh.w[j] * gh.w[k]);
      }
    }
  }
  return { omega, wt };
}

/**
 * Specialised q with q12 ≥ 0 (the rule for small V): ω = √q12 η 1 + √(q11 − q12) ξ, ξ ∈ R³ iid. Given η the three
 * ξ_k are independent and each meets its plane ω_k = 0 at the same c = −√(q12/(q11 − q12)) η, where Z varies on the
 * width h = s/√(q11 − q12). Each ξ_k: Gauss–Legendre in t with ξ = c + h sinh t (nodes dense on the scale h near c,
 * sparse in the tails); the 3-D product over i ≥ j ≥ l only (the integrands are symmetric in the units), weighted
 * by the multiplicity 6, 3 or 1; η by Gauss–Hermite, η > 0 only (ω → −ω).
 */
function iidRule(q: Sym2, s: number, nXi: number, nEta: number): OmegaRule3 {
  const d = q.a - q.b;
  const rd = Math.sqrt(d);
  const rb = Math.sqrt(q.b);
  const h = s / rd;
  // Next to the rank-one manifold (q_d ≪ q12, as in λ) ξ enters at O(√q_d), the integrand is nearly polynomial in
  // it: Gauss–Hermite 8 for ξ, and for η the graded rule of the non-specialised integral, whose features it keeps.
  // Elsewhere the sinh-graded ξ rule and Gauss–Hermite for η (η > 0, weights doubled).
  const nearRankOne = d < 1e-3 * q.b;
  const n = nearRankOne ? NEAR_RANK_ONE_XI.x.length : nXi;
  const gl = gaussLegendre(n);
  const gh = gaussHermite(nEta);
  const etas = nearRankOne
    ? etaRule(s, rb, q.a + 2 * q.b)
    : {
        x: Array.from(gh.x).filter((v) => v > 0),
        w: Array.from(gh.x).flatMap((v, i) => (v > 0 ? [2 * gh.w[i]] : [])),
      };
  const omega: number[][] = [];
  const wt: number[] = [];
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let e = 0; e < etas.x.length; e++) {
    const eta = etas.x[e];
    const c = -(rb / rd) * eta;
    const lo = Math.asinh((-XI_MAX - c) / h);
    const hi = Math.asinh((XI_MAX - c) / h);
    for (let i = 0; i < n; i++) {
      if (nearRankOne) {
        x[i] = NEAR_RANK_ONE_XI.x[i];
        w[i] = NEAR_RANK_ONE_XI.w[i];
        continue;
      }
      const t = 0.5 * (lo + hi) + 0.5 * (hi - lo) * gl.x[i];
      x[i] = c + h * Math.sinh(t);
      w[i] = 0.5 * (hi - lo) * gl.w[i] * h * Math.cosh(t) * normalPdf(x[i]);
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++)
        for (let l = 0; l <= j; l++) {
          const mult = i === j ? (j === l ? 1 : 3) : j === l ? 3 : 6;
          omega.push([rb * eta + rd * x[i], rb * eta + rd * x[j], rb * eta + rd * x[l]]);
          wt.push(etas.w[e] * mult * w[i] * w[j] * w[l]);
        }
  }
  return { omega, wt };
}

const XI_MAX = 8;
const NEAR_RANK_ONE_XI = gaussHermite(8);

/**
 * Output integrals at the committee-symmetric q (Sym2 {q11, q12, q11}): fisher = {diagonal, off-diagonal,
 * diagonal} of E_ξ Σ_y ∇Z∇Zᵀ/Z, Ψ_out = E_ξ Σ_y Z ln Z, ε = ½(1 − E_ξ(Z+ − Z−)²) (½ at q = 0).
 */
export function outputState3(
  q: Sym2,
  accuracy: Accuracy = 'accurate',
  order = K3_ORDERS[accuracy],
  /** Force the sinh-graded rule with these orders (tests). */
  iid?: [number, number],
): OutputState {
  // A solver asks again at the q it has just evaluated (the last residual, then the solution's Φ and ε): the last
  // answer is kept (the integrals are a pure function of these arguments).
  const key = `${q.a},${q.b},${accuracy},${order},${iid ? iid.join(',') : ''}`;
  if (key === last.key) return last.value;
  const value = integrate3(q, accuracy, order, iid);
  last.key = key;
  last.value = value;
  return value;
}

const last: { key: string; value: OutputState } = { key: '', value: { fisher: sym(0, 0, 0), psi: 0, epsSq: 0 } };

function integrate3(q: Sym2, accuracy: Accuracy, order: number, iid?: [number, number]): OutputState {
  const v = 1 - q.a;
  const s = Math.sqrt(v);
  const rho = Math.max(-0.5 + 1e-12, Math.min(1, -q.b / v));
  const sharp = accuracy === 'accurate' && q.b >= 0 && q.a - q.b > 1e-12 * q.a;
  const [n, nEta] = iid ?? (sharp ? [K3_SHARP.n, K3_SHARP.nEta] : [0, 0]);
  const rule = n > 0 ? iidRule(q, s, n, nEta) : omegaRule3(q, s, order);
  let fd = 0;
  let fo = 0;
  let psi = 0;
  let m2 = 0;
  for (let n = 0; n < rule.wt.length; n++) {
    const w = rule.wt[n];
    const { zp, zm, grad: g } = channel3(rule.omega[n], s, rho);
    const inv = (zp >= MASK ? 1 / zp : 0) + (zm >= MASK ? 1 / zm : 0);
    fd += (w * inv * (g[0] * g[0] + g[1] * g[1] + g[2] * g[2])) / 3;
    fo += (w * inv * (g[0] * g[1] + g[0] * g[2] + g[1] * g[2])) / 3;
    psi += w * ((zp > 0 ? zp * Math.log(zp) : 0) + (zm > 0 ? zm * Math.log(zm) : 0));
    m2 += w * (zp - zm) * (zp - zm);
  }
  return { fisher: sym(fd, fo, fd), psi, epsSq: 0.5 * (1 - m2) };
}

/** The eight sign vectors of {±1}³. */
const SIGNS3: number[][] = [];
for (let m = 0; m < 8; m++) SIGNS3.push([0, 1, 2].map((k) => ((m >> k) & 1 ? -1 : 1)));

/** Tr(q q̂) for committee-symmetric 3×3 matrices. */
export const trace3 = (q: Sym2, qh: Sym2): number => 3 * q.a * qh.a + 6 * q.b * qh.b;

/**
 * Prior side at the committee-symmetric q̂ = {d + o, o, d + o} (q̂ = d I + o 11ᵀ). Gaussian W: q = q̂(I + q̂)⁻¹
 * eigenvalue by eigenvalue (d + 3o along 11ᵀ, d twice), Ψ_P = ½(Tr q̂ − ln det(I + q̂)). ±1 W: Z_in(A, B) =
 * ⅛Σ_w exp(Bᵀw − wᵀAw/2), B = q̂ w⁰ + q̂^{1/2} ξ, averaged over w⁰ ((1, 1, 1) with weight ¼, (1, 1, −1) with ¾: the
 * others are their images under permutations and w → −w), 3-D Gauss–Hermite in ξ; the result symmetrised.
 */
export function priorUpdate3(prior: CommitteePrior, qhat: Sym2): PriorUpdate {
  const d = qhat.a - qhat.b;
  const l1 = d + 3 * qhat.b; // along 11ᵀ
  if (prior === 'gaussian') {
    const m1 = l1 / (1 + l1);
    const m2 = d / (1 + d);
    // q = m2 I + (m1 − m2) 11ᵀ/3
    const q = sym(m2 + (m1 - m2) / 3, (m1 - m2) / 3, m2 + (m1 - m2) / 3);
    const psi = 0.5 * (3 * qhat.a - Math.log(1 + l1) - 2 * Math.log(1 + d));
    return { q, psiMinusTrace: psi - 0.5 * trace3(q, qhat) };
  }
  const r1 = Math.sqrt(Math.max(l1, 0));
  const r2 = Math.sqrt(Math.max(d, 0));
  const rule1 = r1 < 1e-12 ? ONE_NODE : GH;
  const rule2 = r2 < 1e-12 ? ONE_NODE : GH;
  let diag = 0;
  let off = 0;
  let psi = 0;
  const lw = new Float64Array(8);
  for (const [w0, pw] of [
    [[1, 1, 1], 0.25],
    [[1, 1, -1], 0.75],
  ] as [number[], number][]) {
    // q̂ w⁰ = d w⁰ + o (Σ w⁰) 1
    const sw = w0[0] + w0[1] + w0[2];
    const mean = w0.map((x) => d * x + qhat.b * sw);
    for (let i = 0; i < rule1.x.length; i++) {
      for (let j = 0; j < rule2.x.length; j++) {
        for (let k = 0; k < rule2.x.length; k++) {
          const u = r1 * rule1.x[i];
          const v = r2 * rule2.x[j];
          const t = r2 * rule2.x[k];
          const wq = pw * rule1.w[i] * rule2.w[j] * rule2.w[k];
          const B = [0, 1, 2].map((m) => mean[m] + u * E1[m] + v * E2[m] + t * E3[m]);
          let top = -Infinity;
          for (let n = 0; n < 8; n++) {
            const x = SIGNS3[n];
            // wᵀ q̂ w = 3(d + o) diag part + o Σ_{i≠j} x_i x_j
            const pair = x[0] * x[1] + x[0] * x[2] + x[1] * x[2];
            lw[n] = B[0] * x[0] + B[1] * x[1] + B[2] * x[2] - 0.5 * (3 * qhat.a + 2 * qhat.b * pair);
            if (lw[n] > top) top = lw[n];
          }
          let z = 0;
          const e = [0, 0, 0];
          for (let n = 0; n < 8; n++) {
            const p = Math.exp(lw[n] - top);
            z += p;
            for (let m = 0; m < 3; m++) e[m] += p * SIGNS3[n][m];
          }
          for (let m = 0; m < 3; m++) e[m] /= z;
          diag += (wq * (e[0] * e[0] + e[1] * e[1] + e[2] * e[2])) / 3;
          off += (wq * (e[0] * e[1] + e[0] * e[2] + e[1] * e[2])) / 3;
          psi += wq * (top + Math.log(z / 8));
        }
      }
    }
  }
  const q = sym(diag, off, diag);
  return { q, psiMinusTrace: psi - 0.5 * trace3(q, qhat) };
}
