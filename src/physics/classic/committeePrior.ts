// Committee machine, K = 2 (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2): the prior side. Given q̂, the overlap
// q = q̂(I + q̂)⁻¹ (Gaussian W) or E[f_w f_wᵀ] over the four sign patterns (±1 W), and Ψ_P(q̂) − ½Tr(q q̂).
import { eig2, GH, inverse, ONE_NODE, sym, type Sym2 } from './committeeOutput';

export const COMMITTEE_PRIORS = ['gaussian', 'rademacher'] as const;
export type CommitteePrior = (typeof COMMITTEE_PRIORS)[number];

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
