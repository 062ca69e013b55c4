// Quadrature for the Marchenko–Pastur law ρ_β of F Fᵀ, F ∈ R^{p×d} with unit-norm rows, β = p/d
// (docs/physics/two-layer-lecture.md §1): density √((b − ν)(ν − a))/(2πβν) on [(1 − √β)², (1 + √β)²] plus an atom
// 1 − 1/β at ν = 0 when β > 1. With ν = 1 + β + 2√β cos t the density becomes (2/π) sin²t/ν dt on (0, π):
// no edge singularities, so Gauss–Legendre in t converges geometrically.
import { Memo } from '../numerics/cache';
import { gaussLegendre } from '../numerics/gaussHermite';

export interface MPRule {
  beta: number;
  nu: Float64Array; // nodes (the atom, if any, is the last node with ν = 0)
  w: Float64Array; // weights, Σ w = 1
}

const rules = new Memo<string, MPRule>(256);

export function mpRule(beta: number, n = 400): MPRule {
  if (!(beta > 0 && Number.isFinite(beta))) throw new RangeError(`mpRule: β must be > 0, got ${beta}`);
  return rules.get(`${beta}|${n}`, () => buildMPRule(beta, n));
}

function buildMPRule(beta: number, n: number): MPRule {
  const { x, w } = gaussLegendre(n);
  const atom = beta > 1 ? 1 - 1 / beta : 0;
  const m = n + (atom > 0 ? 1 : 0);
  const nu = new Float64Array(m);
  const wt = new Float64Array(m);
  const r = 2 * Math.sqrt(beta);
  for (let i = 0; i < n; i++) {
    const t = 0.5 * Math.PI * (x[i] + 1);
    const s = Math.sin(t);
    // 1 + β + 2√β cos t, written as (1 − √β)² + 2√β(1 + cos t) with 1 + cos t = 2cos²(t/2) to keep ν > 0 near t = π
    const ch = Math.cos(0.5 * t);
    const v = (1 - Math.sqrt(beta)) ** 2 + 2 * r * ch * ch;
    nu[i] = v;
    wt[i] = (0.5 * Math.PI * w[i] * (2 / Math.PI) * (s * s)) / v;
  }
  if (atom > 0) {
    nu[n] = 0;
    wt[n] = atom;
  }
  return { beta, nu, w: wt };
}

/** ∫ h dρ_β. */
export function mpExpect(rule: MPRule, h: (nu: number) => number): number {
  let s = 0;
  for (let i = 0; i < rule.nu.length; i++) s += rule.w[i] * h(rule.nu[i]);
  return s;
}
