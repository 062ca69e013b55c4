// Committee machine, K = 2 hidden units, sign–sign output y = sign(sign z1 + sign z2) ∈ {−1, 0, +1}, Bayes-optimal
// (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2): the output channel. Given the 2×2
// overlap q (Q = I), the integrals over ξ and y of Z = Z_out(y; q^{1/2}ξ, I − q): the Fisher matrix that gives
// q̂ = α E_ξ Σ_y ∇Z∇Zᵀ/Z, and Ψ_out(q); by Gauss–Hermite ('fast') or composite Gauss–Legendre with panel edges at
// the orthant boundaries ('accurate'). Symmetric 2×2 matrices are {a, b, c} = [[a, b], [b, c]].
import { gaussHermite } from '../numerics/gaussHermite';
import { gaussRule } from '../numerics/gaussRule';
import { normalCdf, normalPdf } from '../numerics/normal';
import { bivariateNormalCdf } from '../numerics/bivariateNormal';

export interface Sym2 {
  a: number;
  b: number;
  c: number;
}

export const sym = (a: number, b: number, c: number): Sym2 => ({ a, b, c });

/** Eigen-decomposition of a symmetric 2×2 matrix: values l1 ≥ l2, unit vector (c1, s1) of l1. */
export function eig2(m: Sym2): { l1: number; l2: number; c1: number; s1: number } {
  const mean = 0.5 * (m.a + m.c);
  const diff = 0.5 * (m.a - m.c);
  const rad = Math.hypot(diff, m.b);
  const theta = 0.5 * Math.atan2(2 * m.b, m.a - m.c);
  return { l1: mean + rad, l2: mean - rad, c1: Math.cos(theta), s1: Math.sin(theta) };
}

export function inverse(m: Sym2): Sym2 {
  const det = m.a * m.c - m.b * m.b;
  return sym(m.c / det, -m.b / det, m.a / det);
}

export const GH = gaussHermite(30);
export const ONE_NODE = { x: Float64Array.from([0]), w: Float64Array.from([1]) };

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
 * b = ω2/s2, c = √(1 − r²) (docs/physics/classic.md §2). Z(0) is computed directly (not 1 − Z+ − Z−) when small.
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
export function featureEdges(c: number, h: number): number[] {
  const out = [c];
  for (const k of [1, 2, 4, 8]) if (k * h < 1) out.push(c - k * h, c + k * h);
  return out.map((x) => +x.toPrecision(5));
}

/**
 * Accurate rule: ω1 = L11 ξ1, ω2 = L21 ξ1 + L22 ξ2 (Cholesky), composite Gauss–Legendre with panel edges at
 * and around the lines ω1 = 0 (ξ1 = 0) and ω2 = 0 (ξ2 = −L21 ξ1/L22), graded on the width √V_kk of the
 * features there. Only ξ1 ≥ 0 is kept (weights doubled): every integrand here is even under ω → −ω.
 */
function compositeRule(q: Sym2, V: Sym2, rulePoints: number): OmegaRule {
  const L11 = Math.sqrt(Math.max(q.a, 0));
  const L21 = L11 > 0 ? q.b / L11 : 0;
  const det = q.c - L21 * L21;
  const L22 = det > 1e-12 * q.c ? Math.sqrt(det) : 0;
  const opts = { panelWidth: 1, points: rulePoints, L: 8 };
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

/** The output integrals at q; `rulePoints`: Gauss–Legendre points per panel of the accurate rule (tests compare orders). */
export function outputState(q: Sym2, accuracy: Accuracy = 'accurate', rulePoints = 6): OutputState {
  const V = sym(1 - q.a, -q.b, 1 - q.c);
  const s1 = Math.sqrt(V.a);
  const s2 = Math.sqrt(V.c);
  const r = Math.max(-1, Math.min(1, V.b / (s1 * s2)));
  const c = Math.sqrt((1 - r) * (1 + r));
  const rule = accuracy === 'fast' ? hermiteRule(q) : compositeRule(q, V, rulePoints);
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
