// Committee machine, K = 2 hidden units, sign–sign output y = sign(sign z1 + sign z2) ∈ {−1, 0, +1}, in the
// Bayes-optimal setting (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; classic.md §2).
// 2×2 order parameters q, q̂ (Q = I):
//   q̂ = α E_ξ Σ_y ∇Z∇Zᵀ/Z,  Z = Z_out(y; q^{1/2}ξ, I − q);   q = q̂(I + q̂)⁻¹ (Gaussian W) or E[f_w f_wᵀ] (±1 W);
//   Φ = −½Tr(q q̂) + Ψ_P(q̂) + αΨ_out(q).
// Symmetric 2×2 matrices are {a, b, c} = [[a, b], [b, c]].
import { gaussHermite } from '../numerics/gaussHermite';
import { gaussRule, normalCdf, normalPdf } from '../numerics/gaussian';
import { bivariateNormalCdf } from './bivariateNormal';
import { brent } from '../numerics/brent';

export const COMMITTEE_PRIORS = ['gaussian', 'rademacher'] as const;
export type CommitteePrior = (typeof COMMITTEE_PRIORS)[number];

export interface Sym2 {
  a: number;
  b: number;
  c: number;
}

const sym = (a: number, b: number, c: number): Sym2 => ({ a, b, c });

/** Eigen-decomposition of a symmetric 2×2 matrix: values l1 ≥ l2, unit vector (c1, s1) of l1. */
function eig2(m: Sym2): { l1: number; l2: number; c1: number; s1: number } {
  const mean = 0.5 * (m.a + m.c);
  const diff = 0.5 * (m.a - m.c);
  const rad = Math.hypot(diff, m.b);
  const theta = 0.5 * Math.atan2(2 * m.b, m.a - m.c);
  return { l1: mean + rad, l2: mean - rad, c1: Math.cos(theta), s1: Math.sin(theta) };
}

function inverse(m: Sym2): Sym2 {
  const det = m.a * m.c - m.b * m.b;
  return sym(m.c / det, -m.b / det, m.a / det);
}

let GH = gaussHermite(30);
/** Quadrature order per dimension (tests compare orders). */
export function setCommitteeOrder(n: number): void {
  GH = gaussHermite(n);
}
const ONE_NODE = { x: Float64Array.from([0]), w: Float64Array.from([1]) };

/** Output-channel integrals at q. */
export interface OutputState {
  /** E_ξ Σ_y ∇Z∇Zᵀ/Z (q̂ = α × this). */
  fisher: Sym2;
  /** Ψ_out = E_ξ Σ_y Z ln Z. */
  psi: number;
  /** Squared error of the posterior-mean label, ε = ½(E y² − E_ξ(Σ_y y Z)²) (¼ at q = 0). */
  epsSq: number;
}

const MASK = 1e-13;

/**
 * Z(y) and ∇_ω Z(y) of the sign–sign channel at (ω, V), with s_k = √V_kk, r = V12/(s1 s2), a = ω1/s1,
 * b = ω2/s2, c = √(1 − r²) (classic.md §2). Z(0) is computed directly (not 1 − Z+ − Z−) when small.
 */
function channelTerms(w1: number, w2: number, s1: number, s2: number, r: number, c: number, out: Float64Array): void {
  const a = w1 / s1;
  const b = w2 / s2;
  const zp = bivariateNormalCdf(a, b, r);
  const zm = bivariateNormalCdf(-a, -b, r);
  let z0 = 1 - zp - zm;
  if (z0 < 1e-3) z0 = bivariateNormalCdf(a, -b, -r) + bivariateNormalCdf(-a, b, -r);
  const na = normalPdf(a) / s1;
  const nb = normalPdf(b) / s2;
  const pa = normalCdf((b - r * a) / c);
  const pb = normalCdf((a - r * b) / c);
  const ma = normalCdf((r * a - b) / c);
  const mb = normalCdf((r * b - a) / c);
  // ∂Z+/∂ω1 = N(a)/s1 Φ((b − ra)/c); ∂Z−/∂ω1 = −N(a)/s1 Φ((ra − b)/c); ∂Z0 = −∂Z+ − ∂Z−.
  out[0] = zp;
  out[1] = na * pa;
  out[2] = nb * pb;
  out[3] = zm;
  out[4] = -na * ma;
  out[5] = -nb * mb;
  out[6] = z0;
  out[7] = na * (ma - pa);
  out[8] = nb * (mb - pb);
}

const terms = new Float64Array(9);

/** Quadrature points ω ~ N(0, q) with weights (density included). */
interface OmegaRule {
  w1: Float64Array;
  w2: Float64Array;
  wt: Float64Array;
  n: number;
}

/**
 * Fast rule: tensor Gauss–Hermite in the eigenbasis of q (1-D when q is rank one). Its error is ~1e−3 in q12
 * once V = I − q is small, because Z_out varies on the scale √V_kk across the lines ω_k = 0.
 */
function hermiteRule(q: Sym2): OmegaRule {
  const { l1, l2, c1, s1 } = eig2(q);
  const r1 = Math.sqrt(Math.max(l1, 0));
  const r2 = Math.sqrt(Math.max(l2, 0));
  const ruleJ = l2 <= 1e-12 * Math.max(l1, 1e-300) ? ONE_NODE : GH;
  const ruleI = r1 < 1e-12 ? ONE_NODE : GH;
  const n = ruleI.x.length * ruleJ.x.length;
  const out = { w1: new Float64Array(n), w2: new Float64Array(n), wt: new Float64Array(n), n };
  let k = 0;
  for (let i = 0; i < ruleI.x.length; i++) {
    for (let j = 0; j < ruleJ.x.length; j++) {
      const u = r1 * ruleI.x[i];
      const v = r2 * ruleJ.x[j];
      out.w1[k] = c1 * u - s1 * v;
      out.w2[k] = s1 * u + c1 * v;
      out.wt[k] = ruleI.w[i] * ruleJ.w[j];
      k++;
    }
  }
  return out;
}

/** Panel edges around a feature at c of width h: c, c ± h, c ± 2h, c ± 4h, c ± 8h (rounded, for the rule cache). */
function featureEdges(c: number, h: number): number[] {
  const out = [c];
  for (const k of [1, 2, 4, 8]) if (k * h < 1) out.push(c - k * h, c + k * h);
  return out.map((x) => +x.toPrecision(5));
}

/**
 * Accurate rule: ω1 = L11 ξ1, ω2 = L21 ξ1 + L22 ξ2 (Cholesky), composite Gauss–Legendre with panel edges at
 * and around the lines ω1 = 0 (ξ1 = 0) and ω2 = 0 (ξ2 = −L21 ξ1/L22), graded on the width √V_kk of the
 * features there. Only ξ1 ≥ 0 is kept (weights doubled): every integrand here is even under ω → −ω.
 */
function compositeRule(q: Sym2, V: Sym2): OmegaRule {
  const L11 = Math.sqrt(Math.max(q.a, 0));
  const L21 = L11 > 0 ? q.b / L11 : 0;
  const det = q.c - L21 * L21;
  const L22 = det > 1e-12 * q.c ? Math.sqrt(det) : 0;
  const opts = { panelWidth: 1, points: RULE_POINTS, L: 8 };
  const outer = gaussRule({ ...opts, breakpoints: featureEdges(0, Math.sqrt(V.a) / Math.max(L11, 1e-300)) });
  const w1: number[] = [];
  const w2: number[] = [];
  const wt: number[] = [];
  const rank1 = L22 === 0;
  const h2 = rank1 ? 0 : Math.sqrt(V.c) / L22;
  for (let i = 0; i < outer.x.length; i++) {
    const x1 = outer.x[i];
    if (x1 < 0) continue;
    const wo = 2 * outer.w[i];
    if (rank1) {
      w1.push(L11 * x1);
      w2.push(L21 * x1);
      wt.push(wo);
      continue;
    }
    const inner = gaussRule({ ...opts, breakpoints: featureEdges((-L21 * x1) / L22, h2) });
    for (let j = 0; j < inner.x.length; j++) {
      w1.push(L11 * x1);
      w2.push(L21 * x1 + L22 * inner.x[j]);
      wt.push(wo * inner.w[j]);
    }
  }
  return { w1: Float64Array.from(w1), w2: Float64Array.from(w2), wt: Float64Array.from(wt), n: wt.length };
}

export type Accuracy = 'fast' | 'accurate';
let RULE_POINTS = 6;
/** Gauss–Legendre points per panel of the accurate rule (tests compare orders). */
export function setCompositePoints(n: number): void {
  RULE_POINTS = n;
}

export function outputState(q: Sym2, accuracy: Accuracy = 'accurate'): OutputState {
  const V = sym(1 - q.a, -q.b, 1 - q.c);
  const s1 = Math.sqrt(V.a);
  const s2 = Math.sqrt(V.c);
  const r = Math.max(-1, Math.min(1, V.b / (s1 * s2)));
  const c = Math.sqrt((1 - r) * (1 + r));
  const rule = accuracy === 'fast' ? hermiteRule(q) : compositeRule(q, V);
  let f11 = 0;
  let f12 = 0;
  let f22 = 0;
  let psi = 0;
  let m2 = 0;
  for (let k = 0; k < rule.n; k++) {
    const w = rule.wt[k];
    channelTerms(rule.w1[k], rule.w2[k], s1, s2, r, c, terms);
    let g11 = 0;
    let g12 = 0;
    let g22 = 0;
    let p = 0;
    for (let y = 0; y < 3; y++) {
      const z = terms[3 * y];
      if (z < MASK) continue;
      const d1 = terms[3 * y + 1];
      const d2 = terms[3 * y + 2];
      g11 += (d1 * d1) / z;
      g12 += (d1 * d2) / z;
      g22 += (d2 * d2) / z;
      p += z * Math.log(z);
    }
    f11 += w * g11;
    f12 += w * g12;
    f22 += w * g22;
    psi += w * p;
    const mean = terms[0] - terms[3];
    m2 += w * mean * mean;
  }
  return { fisher: sym(f11, f12, f22), psi, epsSq: 0.5 * (0.5 - m2) };
}

/** Prior side at q̂: q, Ψ_P(q̂) − ½Tr(q q̂) (the combination that enters Φ). */
export interface PriorUpdate {
  q: Sym2;
  psiMinusTrace: number;
}

const SIGNS: [number, number][] = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];

export function priorUpdate(prior: CommitteePrior, qhat: Sym2): PriorUpdate {
  if (prior === 'gaussian') {
    // q = q̂(I + q̂)⁻¹ = I − (I + q̂)⁻¹; Ψ = ½(Tr q̂ − ln det(I + q̂)).
    const inv = inverse(sym(1 + qhat.a, qhat.b, 1 + qhat.c));
    const q = sym(1 - inv.a, -inv.b, 1 - inv.c);
    const det = (1 + qhat.a) * (1 + qhat.c) - qhat.b * qhat.b;
    const trQQh = q.a * qhat.a + 2 * q.b * qhat.b + q.c * qhat.c;
    return { q, psiMinusTrace: 0.5 * (qhat.a + qhat.c - Math.log(det)) - 0.5 * trQQh };
  }
  // ±1 weights: Z_in(A, B) = ¼Σ_w exp(Bᵀw − wᵀAw/2) over the four sign vectors, B = A w⁰ + A^{1/2}ξ.
  const { l1, l2, c1, s1 } = eig2(qhat);
  const r1 = Math.sqrt(Math.max(l1, 0));
  const r2 = Math.sqrt(Math.max(l2, 0));
  const ruleJ = r2 < 1e-12 ? ONE_NODE : GH;
  const ruleI = r1 < 1e-12 ? ONE_NODE : GH;
  let q11 = 0;
  let q12 = 0;
  let q22 = 0;
  let psi = 0;
  const lw = new Float64Array(4);
  // w⁰ and −w⁰ give mirror images (B → −B): average over (1, 1) and (1, −1) only.
  for (const [t1, t2] of [SIGNS[0], SIGNS[1]]) {
    const m1 = qhat.a * t1 + qhat.b * t2;
    const m2 = qhat.b * t1 + qhat.c * t2;
    for (let i = 0; i < ruleI.x.length; i++) {
      const u = r1 * ruleI.x[i];
      for (let j = 0; j < ruleJ.x.length; j++) {
        const v = r2 * ruleJ.x[j];
        const w = 0.5 * ruleI.w[i] * ruleJ.w[j];
        const B1 = m1 + c1 * u - s1 * v;
        const B2 = m2 + s1 * u + c1 * v;
        let top = -Infinity;
        for (let k = 0; k < 4; k++) {
          const [x1, x2] = SIGNS[k];
          lw[k] = B1 * x1 + B2 * x2 - 0.5 * (qhat.a + qhat.c) - qhat.b * x1 * x2;
          if (lw[k] > top) top = lw[k];
        }
        let z = 0;
        let e1 = 0;
        let e2 = 0;
        for (let k = 0; k < 4; k++) {
          const p = Math.exp(lw[k] - top);
          z += p;
          e1 += p * SIGNS[k][0];
          e2 += p * SIGNS[k][1];
        }
        e1 /= z;
        e2 /= z;
        q11 += w * e1 * e1;
        q12 += w * e1 * e2;
        q22 += w * e2 * e2;
        psi += w * (top + Math.log(z / 4));
      }
    }
  }
  const q = sym(q11, q12, q22);
  const trQQh = q.a * qhat.a + 2 * q.b * qhat.b + q.c * qhat.c;
  return { q, psiMinusTrace: psi - 0.5 * trQQh };
}

export interface CommitteeParams {
  prior: CommitteePrior;
}

export interface CommitteeSolution {
  alpha: number;
  q11: number;
  q12: number;
  /** ε_sq = ½(E y² − E(Σ_y y Z)²): squared error of the posterior-mean label (¼ at q = 0). */
  eps: number;
  /** Φ = −½Tr(q q̂) + Ψ_P(q̂) + αΨ_out(q). */
  f: number;
  converged: boolean;
  iterations: number;
  residual: number;
  /** Jacobian of θ → M(θ) − θ in θ = (q11, q12) at the solution (a warm start for the neighbouring α). */
  jacobian?: number[];
}

/** One state-evolution step q → q'. */
export function committeeMap(prior: CommitteePrior, alpha: number, q: Sym2, accuracy: Accuracy = 'accurate'): Sym2 {
  const F = outputState(q, accuracy).fisher;
  return priorUpdate(prior, sym(alpha * F.a, alpha * F.b, alpha * F.c)).q;
}

function solution(prior: CommitteePrior, alpha: number, q: Sym2, converged: boolean, iterations: number, residual: number): CommitteeSolution {
  const out = outputState(q);
  const qhat = sym(alpha * out.fisher.a, alpha * out.fisher.b, alpha * out.fisher.c);
  const pr = priorUpdate(prior, qhat);
  // Exact recovery with ±1 weights: Φ = −K ln 2 (q̂ → ∞ is not representable).
  const perfect = prior === 'rademacher' && 1 - q.a < 1e-9 && 1 - q.c < 1e-9 && Math.abs(q.b) < 1e-9;
  const f = perfect ? -2 * Math.LN2 : pr.psiMinusTrace + alpha * out.psi;
  return { alpha, q11: q.a, q12: q.b, eps: out.epsSq, f, converged, iterations, residual };
}

const CLAMP = 1 - 1e-12;

/** Plain iteration q → q' from q0 (used by tests and for the asymmetric check). */
export function iterateCommittee(prior: CommitteePrior, alpha: number, q0: Sym2, tol = 1e-10, maxIter = 4000, accuracy: Accuracy = 'accurate'): CommitteeSolution {
  let q = q0;
  let res = Infinity;
  for (let it = 1; it <= maxIter; it++) {
    let next = committeeMap(prior, alpha, q, accuracy);
    next = sym(Math.min(next.a, CLAMP), next.b, Math.min(next.c, CLAMP));
    res = Math.max(Math.abs(next.a - q.a), Math.abs(next.b - q.b), Math.abs(next.c - q.c));
    q = next;
    if (res < tol) return solution(prior, alpha, q, true, it, res);
  }
  return solution(prior, alpha, q, false, maxIter, res);
}

/** Committee-symmetric map θ = (q11, q12) → θ' with q = [[q11, q12], [q12, q11]]. */
function symMap(prior: CommitteePrior, alpha: number, a: number, b: number, accuracy: Accuracy): [number, number] {
  const n = committeeMap(prior, alpha, sym(a, b, a), accuracy);
  return [Math.min(0.5 * (n.a + n.c), CLAMP), n.b];
}

/**
 * Committee-symmetric fixed point from θ0: a few cheap iterations with the Gauss–Hermite rule to enter the basin
 * (only where V is not small, where that rule is good), then chord-Newton with the accurate rule (Jacobian by
 * finite differences, refreshed every 4 steps). Converges in a handful of accurate evaluations where plain
 * iteration needs ~70 (and > 10⁴ near the specialisation point).
 */
export function solveSymmetric(prior: CommitteePrior, alpha: number, a0: number, b0: number, warm = false, J0?: number[]): CommitteeSolution {
  let a = a0;
  let b = b0;
  let evals = 0;
  if (a < 0.9 && !warm) {
    for (let it = 0; it < 300; it++) {
      const [na, nb] = symMap(prior, alpha, a, b, 'fast');
      const d = Math.max(Math.abs(na - a), Math.abs(nb - b));
      a = na;
      b = nb;
      evals++;
      if (d < 1e-7 || a > 0.9) break;
    }
  }
  let J: number[] = [];
  let res = Infinity;
  const jac = () => {
    const [ra, rb] = symMap(prior, alpha, a, b, 'accurate');
    const h = 1e-5; // the accurate rule is smooth in q to ~1e−9 (its panel edges move with q)
    const [pa, pb] = symMap(prior, alpha, a - h, b, 'accurate');
    const [qa, qb] = symMap(prior, alpha, a, b + h, 'accurate');
    evals += 3;
    // J = ∂(M − θ)/∂θ by backward differences in a (stays below q11 = 1) and forward in b.
    J = [(ra - pa) / h - 1, (qa - ra) / h, (rb - pb) / h, (qb - rb) / h - 1];
    return [ra - a, rb - b];
  };
  let R: number[];
  if (J0) {
    J = J0;
    const [na, nb] = symMap(prior, alpha, a, b, 'accurate');
    evals++;
    R = [na - a, nb - b];
  } else R = jac();
  let prevRes = Infinity;
  for (let it = 0; it < 30; it++) {
    res = Math.max(Math.abs(R[0]), Math.abs(R[1]));
    if (res < 1e-9) return { ...solution(prior, alpha, sym(a, b, a), true, evals, res), jacobian: J };
    // A stale Jacobian (from the neighbouring α) that no longer contracts fast is refreshed.
    if (res > 0.2 * prevRes) R = jac();
    prevRes = res;
    const det = J[0] * J[3] - J[1] * J[2];
    let da = -(J[3] * R[0] - J[1] * R[1]) / det;
    let db = -(-J[2] * R[0] + J[0] * R[1]) / det;
    if (!Number.isFinite(da) || !Number.isFinite(db)) {
      da = R[0];
      db = R[1];
    }
    // Keep q in the physical region 0 ≤ |q12| ≤ q11 < 1.
    let t = 1;
    while (t > 1e-3 && !(a + t * da < 1 && a + t * da >= 0 && Math.abs(b + t * db) <= a + t * da)) t /= 2;
    a += t * da;
    b += t * db;
    const [na, nb] = symMap(prior, alpha, a, b, 'accurate');
    evals++;
    R = [na - a, nb - b];
  }
  return solution(prior, alpha, sym(a, b, a), false, evals, res);
}

/**
 * Non-specialised fixed point q = x·11ᵀ (q_d = 0): the subspace is invariant (∇Z ∝ (1, 1) at ω1 = ω2), and
 * on it the output integral is one-dimensional. Solved by iteration in x.
 */
export function nonSpecialised(prior: CommitteePrior, alpha: number, x0 = 0): CommitteeSolution {
  let x = x0;
  let res = Infinity;
  for (let it = 1; it <= 4000; it++) {
    const next = committeeMap(prior, alpha, sym(x, x, x));
    const xn = 0.5 * (next.a + next.b); // equal up to rounding
    res = Math.abs(xn - x);
    x = xn;
    if (res < 1e-12) return solution(prior, alpha, sym(x, x, x), true, it, res);
  }
  return solution(prior, alpha, sym(x, x, x), false, 4000, res);
}

/**
 * Linear stability of q_d = 0: λ = ∂q_d'/∂q_d at the non-specialised fixed point x (> 1: specialisation grows).
 * The q_d = 0 subspace is invariant, so λ is the eigenvalue of the Jacobian across it.
 */
export function specialisationEigenvalue(prior: CommitteePrior, alpha: number, x = nonSpecialised(prior, alpha).q11, accuracy: Accuracy = 'accurate'): number {
  const h = 1e-6;
  const next = committeeMap(prior, alpha, sym(x + h, x, x + h), accuracy);
  return (next.a - next.b) / h;
}

export interface CommitteePoint {
  alpha: number;
  nonSpecialised: CommitteeSolution;
  /** λ of the non-specialised point (fast rule): > 1 where it is unstable towards specialisation. */
  lambda: number;
  /** Specialised fixed point (exact recovery q = I for ±1 weights), null where none is found. */
  specialised: CommitteeSolution | null;
  equilibrium: 'nonSpecialised' | 'specialised';
}

/** Exact recovery with ±1 weights: q = I, Φ = −K ln 2, ε = 0 (a fixed point at every α for the noiseless channel). */
function perfect(alpha: number): CommitteeSolution {
  return { alpha, q11: 1, q12: 0, eps: 0, f: -2 * Math.LN2, converged: true, iterations: 0, residual: 0 };
}

/**
 * Both branches at α. Gaussian weights: the specialised branch is solved where q_d = 0 is unstable (λ > 1),
 * from a neighbouring solution or from the non-specialised point pushed along q_d. ±1 weights: the informed
 * branch is exact recovery.
 */
export function solveCommitteePoint(prior: CommitteePrior, alpha: number, warm?: { x?: number; spec?: [number, number]; jacobian?: number[] }): CommitteePoint {
  const ns = nonSpecialised(prior, alpha, warm?.x ?? 0);
  const lambda = specialisationEigenvalue(prior, alpha, ns.q11, 'fast');
  let sp: CommitteeSolution | null = null;
  if (prior === 'rademacher') sp = perfect(alpha);
  else if (lambda > 1 || warm?.spec) {
    const starts: [number, number, boolean][] = [];
    if (warm?.spec) starts.push([...warm.spec, true]);
    starts.push([ns.q11 + 0.3 * (1 - ns.q11), ns.q12, false]);
    for (const [a, b, w] of starts) {
      const s = solveSymmetric(prior, alpha, a, b, w, w ? warm?.jacobian : undefined);
      if (s.converged && s.q11 - s.q12 > 1e-6) {
        sp = s;
        break;
      }
    }
  }
  const specialised = sp && sp.converged && sp.q11 - sp.q12 > 1e-6 ? sp : null;
  return { alpha, nonSpecialised: ns, lambda, specialised, equilibrium: specialised && specialised.f > ns.f ? 'specialised' : 'nonSpecialised' };
}

/** The curve on a grid of α (ascending), each point warm-started from the previous one; onPoint → false stops. */
export function committeeCurve(prior: CommitteePrior, alphas: readonly number[], onPoint?: (p: CommitteePoint) => boolean | void): CommitteePoint[] {
  const out: CommitteePoint[] = [];
  let x = 0;
  let spec: [number, number] | undefined;
  let jacobian: number[] | undefined;
  for (const a of alphas) {
    const p = solveCommitteePoint(prior, a, { x, spec, jacobian });
    x = p.nonSpecialised.q11;
    spec = p.specialised && prior === 'gaussian' ? [p.specialised.q11, p.specialised.q12] : undefined;
    jacobian = p.specialised?.jacobian;
    out.push(p);
    if (onPoint && onPoint(p) === false) break;
  }
  return out;
}

export interface CommitteeThresholds {
  /** Continuous specialisation: q_d = 0 loses stability (λ = 1). */
  alphaSpec: number | null;
  /** First-order transition: Φ of the two branches cross. */
  alphaIT: number | null;
  /** Where AMP from the non-specialised state leaves it: loss of stability of q_d = 0 (the spinodal). */
  alphaAMP: number | null;
  converged: boolean;
}

/**
 * Thresholds on α ∈ (0, alphaMax]. α where q_d = 0 loses stability: λ(α) = 1 by Brent (no iteration at the
 * critical point). Gaussian weights: that is the continuous specialisation α_spec. ±1 weights: it is α_AMP
 * (AMP leaves the non-specialised state), and α_IT is where Φ_nonspec = −2 ln 2 (exact recovery).
 */
export function committeeThresholds(prior: CommitteePrior, alphaMax = 6, scan = 24): CommitteeThresholds {
  const lam = (a: number) => specialisationEigenvalue(prior, a) - 1;
  let alphaStab: number | null = null;
  let ok = true;
  let prevA = 1e-3;
  let prevL = lam(prevA);
  for (let i = 1; i <= scan; i++) {
    const a = (alphaMax * i) / scan;
    const l = lam(a);
    if (prevL < 0 && l >= 0) {
      const r = brent(lam, prevA, a, 1e-9);
      ok = ok && r.converged;
      alphaStab = r.x;
      break;
    }
    prevA = a;
    prevL = l;
  }
  if (prior === 'gaussian') return { alphaSpec: alphaStab, alphaIT: null, alphaAMP: null, converged: ok };
  const df = (a: number) => nonSpecialised(prior, a).f + 2 * Math.LN2;
  let alphaIT: number | null = null;
  let a0 = 1e-3;
  let d0 = df(a0);
  for (let i = 1; i <= scan; i++) {
    const a = (alphaMax * i) / scan;
    const d = df(a);
    if (d0 > 0 && d <= 0) {
      const r = brent(df, a0, a, 1e-9);
      ok = ok && r.converged;
      alphaIT = r.converged ? r.x : null;
      break;
    }
    a0 = a;
    d0 = d;
  }
  return { alphaSpec: null, alphaIT, alphaAMP: alphaStab, converged: ok };
}

/** Φ(q, q̂) = −½Tr(q q̂) + Ψ_P(q̂) + αΨ_out(q) away from the fixed point (for the stationarity test). */
export function committeeFreeEntropy(prior: CommitteePrior, alpha: number, q: Sym2, qhat: Sym2): number {
  const pr = priorUpdate(prior, qhat);
  const psiP = pr.psiMinusTrace + 0.5 * (pr.q.a * qhat.a + 2 * pr.q.b * qhat.b + pr.q.c * qhat.c);
  return psiP - 0.5 * (q.a * qhat.a + 2 * q.b * qhat.b + q.c * qhat.c) + alpha * outputState(q).psi;
}
