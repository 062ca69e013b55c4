// Thresholds of the spiked matrix–tensor model as lines u(Δp) in the (Δp, u = 1/Δ2) plane
// (docs/physics/matrix-tensor.md §3–§5):
//  - IT: the informative fixed point's Φ crosses Φ(0) = 0 (arXiv 1812.09066); below it recovery is impossible;
//  - hard: where the hard phase starts (= IT for p = 3; the first-order jump above a low AMP branch for p ≥ 4);
//  - AMP: state evolution from m = 0⁺ reaches the informative branch (for p = 3 exactly u = 1, where m = 0 loses
//    stability: dm'/dm = 1/Δ2 at m = 0);
//  - spinodal: where the informative branch first exists (k(1/Δ2 = 1; m = 0) = 0 bounds it by u = 1);
//  - GF: threshold states (the marginal minima gradient flow reaches) get a BBP outlier towards the signal,
//    u² = ξ''(1) = u + (p − 1)/Δp (arXiv 1907.08226), closed form;
//  - Langevin (T = 1): the marginal states the uninformed Langevin dynamics ages towards get that outlier,
//    u² = ξ''(1 − 1/u) (matrixTensorLangevinLine.ts; p = 3: max(1, √(2/Δp)); not drawn for p ≥ 4, note §4c);
//  - Kac–Rice trivialisation: even the most stable minima at m = 0 (largest Lagrange multiplier μ with a positive
//    annealed complexity) get that outlier (method of arXiv 1902.00139, derived in the note §5).
// Yes/no thresholds are bisected on the branch structure; the Kac–Rice line by Brent.
import { bisect } from '../numerics/bisect';
import { brent } from '../numerics/brent';
import { branches, kMax, U_MAX, validateMatrixTensor } from './matrixTensor';
import { langevinThreshold } from './matrixTensorLangevinLine';

export interface MatrixTensorLinePoint {
  deltaP: number;
  /** u = 1/Δ2 of each threshold; 0 where the property already holds without the matrix (Δ2 = ∞). */
  it: number | null;
  /**
   * Start of the hard phase: the informative branch is the equilibrium while AMP is below it, up to `amp`. Equal to
   * `it` for p = 3; for p ≥ 4 at small Δp AMP first follows a low branch that is the equilibrium (easy) up to the
   * first-order jump here. Equal to `amp` where there is no hard phase.
   */
  hard: number | null;
  amp: number | null;
  spinodal: number;
  gf: number;
  /**
   * Langevin at the Bayes temperature T = 1 leaves m ≈ 0 (the marginal states turn unstable towards the signal);
   * p = 3 only (null for p ≥ 4: m = 0 is unstable from u = 1 on, as in AMP, and the escape from the low branch
   * that follows is not derived; note §4c).
   */
  langevin: number | null;
  triv: number | null;
  converged: boolean;
  /** Why converged is false. */
  reason?: string;
}

export { U_MAX };
/** Relative tolerance of the bisections. */
const RTOL = 1e-10;

/** The smallest u ∈ [0, U_MAX] with test(u) true (test monotone), 0 if true at 0, null if false at U_MAX. */
function firstTrue(test: (u: number) => boolean): number | null {
  if (test(0)) return 0;
  if (!test(U_MAX)) return null;
  const b = bisect(test, 0, U_MAX, RTOL, 200);
  return 0.5 * (b.lo + b.hi);
}

/** u_GF = [1 + √(1 + 4(p − 1)/Δp)]/2: the root of u² = u + (p − 1)/Δp (threshold states unstable). */
export const gfThreshold = (p: number, deltaP: number): number => 0.5 * (1 + Math.sqrt(1 + (4 * (p - 1)) / deltaP));

/** Log-potential of the semicircle on [−2, 2] at x ≥ 2: ∫ ln|x − λ| ρ_sc(λ) dλ. */
export function logPotential(x: number): number {
  const s = Math.sqrt(Math.max(x * x - 4, 0));
  return (x * x) / 4 - 0.5 - (x * s) / 4 + Math.log((x + s) / 2);
}

/**
 * Annealed complexity of critical points with Riemannian Hessian GOE(ξ'') + μ, x = μ/√ξ'' (minima: x ≥ 2), of a
 * spherical mixed model with ratio r = ξ''(1)/ξ'(1): Σ(x) = ½ ln r + Ω(x) − r x²/(2(1 + r)) + ½ (note eq. 9).
 */
export const complexityAt = (r: number, x: number): number =>
  0.5 * Math.log(r) + logPotential(x) - (r * x * x) / (2 * (1 + r)) + 0.5;

/** Largest x = μ/√ξ'' of the minima with Σ ≥ 0 (2: the threshold states, if no minimum has Σ > 0). */
export function mostStableMinimum(r: number): { x: number; converged: boolean } {
  if (!(complexityAt(r, 2) > 0)) return { x: 2, converged: true };
  let hi = 4;
  while (complexityAt(r, hi) > 0 && hi < 1e6) hi *= 2;
  const root = brent((x) => complexityAt(r, x), 2, hi, 1e-14);
  return { x: root.x, converged: root.converged };
}

/**
 * u_triv: the u where θ + ξ''/θ (the BBP outlier shift of a rank-one −θ = −1/Δ2 on GOE(ξ'')) equals the most
 * stable minimum's μ, with ξ'(1) = u + 1/Δp and ξ''(1) = u + (p − 1)/Δp.
 */
export function trivThreshold(p: number, deltaP: number): { u: number; converged: boolean } {
  const gap = (u: number) => {
    const d2 = u + (p - 1) / deltaP;
    return u + d2 / u - Math.sqrt(d2) * mostStableMinimum(d2 / (u + 1 / deltaP)).x;
  };
  const lo = gfThreshold(p, deltaP);
  if (!(gap(lo) < 0)) return { u: lo, converged: true };
  let hi = 2 * lo;
  while (gap(hi) < 0 && hi < 1e8) hi *= 2;
  const r = brent(gap, lo, hi, 1e-13 * hi);
  return { u: r.x, converged: r.converged };
}

/** The smallest u ∈ [it, amp] where the informative branch is the equilibrium and AMP falls short of it. */
function hardPhaseStart(p: number, deltaP: number, it: number, amp: number): number {
  const hardAt = (u: number) => {
    const b = branches({ p, delta2: 1 / u, deltaP });
    return b.equilibrium === 'informative' && b.informative.m - b.amp.m > 1e-9;
  };
  const right = amp * (1 - 1e-9);
  if (!(right > it) || !hardAt(right)) return amp;
  if (hardAt(it * (1 + 1e-9))) return it;
  const b = bisect(hardAt, it, right, RTOL, 200);
  return 0.5 * (b.lo + b.hi);
}

/** Every threshold at one Δp. */
export function thresholdsAt(p: number, deltaP: number): MatrixTensorLinePoint {
  validateMatrixTensor({ p, delta2: 1, deltaP });
  const at = (u: number) => branches({ p, delta2: 1 / u, deltaP });
  // Recovery is possible once the Bayes-optimal m (larger Φ) is > 0: at u = 1 at the latest (m = 0 unstable).
  const it = firstTrue((u) => {
    const b = at(u);
    return b[b.equilibrium].m > 0;
  });
  const amp = firstTrue((u) => {
    const b = at(u);
    return b.amp.m > 0 && Math.abs(b.amp.m - b.informative.m) < 1e-9;
  });
  // The fold of the informative branch: max_m k(m) = 0 (Brent; a sign scan misses the nearly double root).
  const kTop = (u: number) => kMax({ p, delta2: 1 / u, deltaP });
  const spinodal = kTop(0) >= 0 ? 0 : brent(kTop, 0, 1, 1e-14).x;
  const hard = it === null || amp === null ? null : hardPhaseStart(p, deltaP, it, amp);
  const triv = trivThreshold(p, deltaP);
  const langevin = p === 3 ? langevinThreshold(p, deltaP, 1) : null;
  const missing = [
    ['it', it],
    ['amp', amp],
  ].filter(([, v]) => v === null);
  const reasons = [
    ...missing.map(([k]) => `${k as string} not reached below 1/Δ2 = ${U_MAX}`),
    ...(triv.converged ? [] : ['the Kac–Rice root did not converge']),
    ...(langevin === null || langevin.converged ? [] : ['the Langevin root did not converge']),
  ];
  return {
    deltaP,
    it,
    hard,
    amp,
    spinodal,
    gf: gfThreshold(p, deltaP),
    langevin: langevin?.converged ? langevin.u : null,
    triv: triv.converged ? triv.u : null,
    converged: reasons.length === 0,
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  };
}
