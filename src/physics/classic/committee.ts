// Committee machine, K = 2 hidden units, sign–sign output, Bayes-optimal (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2):
// state evolution. The fixed point of q ← q(q̂), q̂ = α E_ξ Σ_y ∇Z∇Zᵀ/Z (prior side: committeePrior.ts, output
// side: committeeOutput.ts), on the symmetric (q11 = q22) and non-specialised (q11 = q12) manifolds, and
// Φ = −½Tr(q q̂) + Ψ_P(q̂) + αΨ_out(q) to choose between branches.
import { outputState, sym, type Accuracy, type OutputState, type Sym2 } from './committeeOutput';
import { priorUpdate, type CommitteePrior, type PriorUpdate } from './committeePrior';
import { outputState3, priorUpdate3, trace3 } from './committeeK3';

/** Hidden units: K = 2 (general 2×2 q) or K = 3 (committee-symmetric q, committeeK3.ts). */
export const COMMITTEE_KS = [2, 3] as const;
export type CommitteeK = (typeof COMMITTEE_KS)[number];

/** The model: teacher prior and K. A bare prior means K = 2 (the functions below accept either). */
export interface CommitteeModel {
  prior: CommitteePrior;
  K: CommitteeK;
}
export type ModelArg = CommitteePrior | CommitteeModel;
export const modelOf = (m: ModelArg): CommitteeModel => (typeof m === 'string' ? { prior: m, K: 2 } : m);

/** Output integrals at q for K hidden units (for K = 3, q is the committee-symmetric {q11, q12, q11}). */
export function outputK(K: CommitteeK, q: Sym2, accuracy: Accuracy = 'accurate'): OutputState {
  return K === 3 ? outputState3(q, accuracy) : outputState(q, accuracy);
}

/** Prior side at q̂ for the model. */
export function priorK(m: ModelArg, qhat: Sym2): PriorUpdate {
  const { prior, K } = modelOf(m);
  return K === 3 ? priorUpdate3(prior, qhat) : priorUpdate(prior, qhat);
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
  /** K = 3, Gaussian weights: the fast rule's fixed point the accurate one was polished from. */
  located?: [number, number];
}

/** One state-evolution step q → q'. */
export function committeeMap(prior: ModelArg, alpha: number, q: Sym2, accuracy: Accuracy = 'accurate'): Sym2 {
  const F = outputK(modelOf(prior).K, q, accuracy).fisher;
  return priorK(prior, sym(alpha * F.a, alpha * F.b, alpha * F.c)).q;
}

function solution(
  prior: ModelArg,
  alpha: number,
  q: Sym2,
  converged: boolean,
  iterations: number,
  residual: number,
  accuracy: Accuracy = 'accurate',
): CommitteeSolution {
  const m = modelOf(prior);
  const out = outputK(m.K, q, accuracy);
  const qhat = sym(alpha * out.fisher.a, alpha * out.fisher.b, alpha * out.fisher.c);
  const pr = priorK(m, qhat);
  // Exact recovery with ±1 weights: Φ = −K ln 2 (q̂ → ∞ is not representable).
  const perfect = m.prior === 'rademacher' && 1 - q.a < 1e-9 && 1 - q.c < 1e-9 && Math.abs(q.b) < 1e-9;
  const f = perfect ? -m.K * Math.LN2 : pr.psiMinusTrace + alpha * out.psi;
  return { alpha, q11: q.a, q12: q.b, eps: out.epsSq, f, converged, iterations, residual };
}

/** The solution record of the fixed point q at α found elsewhere (e.g. on a branch traced in q11). */
export const committeeSolutionAt = (prior: ModelArg, alpha: number, q: Sym2): CommitteeSolution =>
  solution(prior, alpha, q, true, 0, 0);

const CLAMP = 1 - 1e-12;

/** Plain iteration q → q' from q0 (used by tests and for the asymmetric check). */
export function iterateCommittee(
  prior: ModelArg,
  alpha: number,
  q0: Sym2,
  tol = 1e-10,
  maxIter = 4000,
  accuracy: Accuracy = 'accurate',
): CommitteeSolution {
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
export function symMap(prior: ModelArg, alpha: number, a: number, b: number, accuracy: Accuracy): [number, number] {
  const n = committeeMap(prior, alpha, sym(a, b, a), accuracy);
  return [Math.min(0.5 * (n.a + n.c), CLAMP), n.b];
}

/** Cheap iterations (Gauss–Hermite rule) from (a, b) until they settle or q11 passes 0.9: [a, b, steps taken]. */
function enterBasin(prior: ModelArg, alpha: number, a: number, b: number, steps = 300): [number, number, number] {
  let evals = 0;
  while (a < 0.9 && evals < steps) {
    const [na, nb] = symMap(prior, alpha, a, b, 'fast');
    const d = Math.max(Math.abs(na - a), Math.abs(nb - b));
    a = na;
    b = nb;
    evals++;
    if (d < 1e-7) break;
  }
  return [a, b, evals];
}

/**
 * Committee-symmetric fixed point from θ0: a few cheap iterations with the Gauss–Hermite rule to enter the basin
 * (only where V is not small, where that rule is good), then chord-Newton with the accurate rule (Jacobian by
 * finite differences, refreshed every 4 steps). Converges in a handful of accurate evaluations where plain
 * iteration needs ~70 (and > 10⁴ near the specialisation point).
 */
export function solveSymmetric(
  prior: ModelArg,
  alpha: number,
  a0: number,
  b0: number,
  warm = false,
  J0?: number[],
  maxSteps = 30,
): CommitteeSolution {
  let [a, b, evals] = warm ? [a0, b0, 0] : enterBasin(prior, alpha, a0, b0);
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
  for (let it = 0; it < maxSteps; it++) {
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
    // Keep q in the physical region 0 ≤ |q12| ≤ q11 < 1 (and, K = 3, q11 + 2q12 < 1: I − q ⪰ 0 along 11ᵀ).
    const inside = (x: number, y: number) =>
      x < 1 && x >= 0 && Math.abs(y) <= x && (modelOf(prior).K === 2 || x + 2 * y < 1);
    let t = 1;
    while (t > 1e-3 && !inside(a + t * da, b + t * db)) t /= 2;
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
export function nonSpecialised(prior: ModelArg, alpha: number, x0 = 0): CommitteeSolution {
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
export function specialisationEigenvalue(
  prior: ModelArg,
  alpha: number,
  x = nonSpecialised(prior, alpha).q11,
  accuracy: Accuracy = 'accurate',
): number {
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
  /**
   * ±1 weights: the partially specialised fixed point (q12 < q11 < 1) that AMP from the uninformed start reaches
   * between α_sb (q_d = 0 unstable) and α_AMP (its fold); null elsewhere and for Gaussian weights.
   */
  partial?: CommitteeSolution | null;
  equilibrium: 'nonSpecialised' | 'specialised';
  /** 'fast': K = 3, Gaussian weights, the specialised branch of a coarse pass (the fast rule, not polished). */
  accuracy?: Accuracy;
}

/** Exact recovery with ±1 weights: q = I, Φ = −K ln 2, ε = 0 (a fixed point at every α for the noiseless channel). */
function perfect(alpha: number, K: CommitteeK): CommitteeSolution {
  return { alpha, q11: 1, q12: 0, eps: 0, f: -K * Math.LN2, converged: true, iterations: 0, residual: 0 };
}

/**
 * Both branches at α. Gaussian weights: the specialised branch is solved where q_d = 0 is unstable (λ > 1),
 * from a neighbouring solution or from the non-specialised point pushed along q_d. ±1 weights: the informed
 * branch is exact recovery.
 */
export function solveCommitteePoint(
  prior: ModelArg,
  alpha: number,
  warm?: CommitteeWarm,
  /** K = 3, Gaussian weights: 'fast' stops at the branch located with the fast rule (a coarse pass). */
  accuracy: Accuracy = 'accurate',
): CommitteePoint {
  const m = modelOf(prior);
  const ns = nonSpecialised(m, alpha, warm?.x ?? 0);
  const lambda = specialisationEigenvalue(m, alpha, ns.q11, 'fast');
  let sp: CommitteeSolution | null = null;
  let partial: CommitteeSolution | null = null;
  if (m.prior === 'rademacher') {
    sp = perfect(alpha, m.K);
    if (lambda > 1 && !warm?.pastFold) partial = partialBranch(m, alpha, ns.q11, warm);
  } else if (m.K === 3) sp = specialisedK3(m, alpha, ns.q11, lambda, warm, accuracy);
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
  return {
    alpha,
    nonSpecialised: ns,
    lambda,
    specialised,
    partial,
    equilibrium: specialised && specialised.f > ns.f ? 'specialised' : 'nonSpecialised',
    ...(m.K === 3 && m.prior === 'gaussian' && accuracy === 'fast' ? { accuracy } : {}),
  };
}

const isSpecialised = (s: CommitteeSolution | null): s is CommitteeSolution =>
  !!s && s.converged && s.q11 - s.q12 > 1e-6;

/**
 * K = 3, Gaussian weights: the specialised branch is located with the fast rule (Gauss–Hermite 16, ~1/10 of an
 * accurate evaluation) to 1e−6: from the neighbouring solution, else from an informed start (q_d = 0 stable: the
 * branch can coexist with it, a first-order transition) or from the non-specialised point x pushed along q_d. Then
 * the accurate rule from there to 1e−9 (the two rules' fixed points differ by ~1e−2 in q11 near q11 = 1). 'fast': the
 * located point itself (a coarse pass).
 */
function specialisedK3(
  m: CommitteeModel,
  alpha: number,
  x: number,
  lambda: number,
  warm: CommitteeWarm | undefined,
  accuracy: Accuracy,
): CommitteeSolution | null {
  let f = warm?.spec ? newtonK3(m, alpha, ...warm.spec, warm.jacobian, 'fast', 1e-6) : null;
  if (!isSpecialised(f) && lambda <= 1) f = informedBranch(m, alpha);
  else if (!isSpecialised(f)) {
    const [a, b] = enterBasin(m, alpha, x + 0.3 * (1 - x), 0.7 * x);
    f = newtonK3(m, alpha, a, b);
  }
  if (!isSpecialised(f)) return null;
  if (accuracy === 'fast') return f;
  // Start from the fast point moved by the two rules' offset at the neighbouring α (it varies slowly along the
  // branch), with that point's accurate Jacobian.
  const [da, db] = warm?.offset ?? [0, 0];
  const inside = f.q11 + da < 1 && f.q11 + da + 2 * (f.q12 + db) < 1;
  const s = inside ? newtonK3(m, alpha, f.q11 + da, f.q12 + db, warm?.jacobian ?? f.jacobian, 'accurate', 1e-9) : null;
  const acc = s ?? newtonK3(m, alpha, f.q11, f.q12, f.jacobian, 'accurate', 1e-9);
  return acc && { ...acc, located: [f.q11, f.q12] };
}

/**
 * Newton on θ = (q11, q12) ↦ M(θ) − θ from (a, b), with the Jacobian J0 (else by finite differences) improved by
 * Broyden's update after each step, where a finite-difference refresh costs three evaluations: from the fast rule's
 * fixed point 3–5 accurate evaluations reach 1e−9. Null if it does not converge or leaves I − q ≻ 0, |q12| ≤ q11.
 */
function newtonK3(
  m: CommitteeModel,
  alpha: number,
  a: number,
  b: number,
  J0?: number[],
  accuracy: Accuracy = 'fast',
  tol = 1e-6,
): CommitteeSolution | null {
  const resid = (x: number, y: number) => {
    const [na, nb] = symMap(m, alpha, x, y, accuracy);
    return [na - x, nb - y];
  };
  let R = resid(a, b);
  let J = J0 ? [...J0] : [];
  if (!J0) {
    const h = 1e-5;
    const [pa, pb] = resid(a - h, b);
    const [qa, qb] = resid(a, b + h);
    J = [(R[0] - pa) / h, (qa - R[0]) / h, (R[1] - pb) / h, (qb - R[1]) / h];
  }
  const inside = (x: number, y: number) => x < 1 && x + 2 * y < 1 && Math.abs(y) <= x;
  for (let it = 1; it <= 25; it++) {
    const res = Math.max(Math.abs(R[0]), Math.abs(R[1]));
    if (res < tol) {
      const s = { ...solution(m, alpha, sym(a, b, a), true, it, res, accuracy), jacobian: J };
      return isSpecialised(s) ? s : null;
    }
    const det = J[0] * J[3] - J[1] * J[2];
    const da = -(J[3] * R[0] - J[1] * R[1]) / det;
    const db = -(-J[2] * R[0] + J[0] * R[1]) / det;
    let t = 1;
    while (t > 1e-3 && !inside(a + t * da, b + t * db)) t /= 2;
    if (!inside(a + t * da, b + t * db)) return null;
    const s0 = t * da;
    const s1 = t * db;
    a += s0;
    b += s1;
    const Rn = resid(a, b);
    // Broyden: J ← J + (ΔR − J s) sᵀ/|s|²
    const y0 = Rn[0] - R[0] - (J[0] * s0 + J[1] * s1);
    const y1 = Rn[1] - R[1] - (J[2] * s0 + J[3] * s1);
    const ss = s0 * s0 + s1 * s1;
    J = [J[0] + (y0 * s0) / ss, J[1] + (y0 * s1) / ss, J[2] + (y1 * s0) / ss, J[3] + (y1 * s1) / ss];
    R = Rn;
  }
  return null;
}

/**
 * K = 3, Gaussian weights, q_d = 0 stable: up to 12 plain state-evolution steps (Gauss–Hermite rule) from an informed
 * start (q11 = 0.95, q12 = 0.01), then Newton from there with the same (fast) rule; null when it does not
 * converge to a specialised point (below the spinodal the steps drift back to the non-specialised manifold).
 */
function informedBranch(m: CommitteeModel, alpha: number): CommitteeSolution | null {
  let a = 0.95;
  let b = 0.01;
  // (stopping as soon as they have drifted back: at small α that takes two or three)
  for (let it = 0; it < 12 && a - b >= 0.3; it++) [a, b] = symMap(m, alpha, a, b, 'fast');
  if (a - b < 0.3) return null;
  const s = newtonK3(m, alpha, a, b);
  return s && s.q11 - s.q12 > 0.2 ? s : null;
}

/**
 * ±1 weights, q_d = 0 unstable: the partially specialised fixed point, by chord-Newton from the neighbouring one
 * (warm.spec) or from the non-specialised point x pushed along q_d; null where it has gone (past the fold α_AMP,
 * where AMP reaches q = I).
 */
function partialBranch(m: CommitteeModel, alpha: number, x: number, warm?: CommitteeWarm) {
  const ok = (s: CommitteeSolution) => s.converged && 1 - s.q11 > 1e-6 && s.q11 - s.q12 > 1e-6;
  if (warm?.spec) {
    const s = solveSymmetric(m, alpha, ...warm.spec, true, warm.jacobian, 12);
    return ok(s) ? s : null;
  }
  // Cold: cheap plain steps from the non-specialised point pushed along q_d; past the fold they run towards q = I,
  // where there is nothing to polish; else Newton from where they are (near α_sb they crawl: λ ≈ 1).
  const [a, b] = enterBasin(m, alpha, x + 0.1 * (1 - x), x - 0.1 * x, 80);
  if (a >= 0.9) return null;
  const s = solveSymmetric(m, alpha, a, b, true);
  return ok(s) ? s : null;
}

/**
 * The fixed point AMP reaches from the uninformed start: non-specialised while q_d = 0 is stable (λ < 1), else the
 * partially specialised point (±1 weights, up to α_AMP), else the specialised one (exact recovery for ±1 weights).
 */
export function ampFixedPoint(p: CommitteePoint): CommitteeSolution {
  return p.partial ?? (p.lambda > 1 && p.specialised ? p.specialised : p.nonSpecialised);
}

/** A point's solutions as the start of the next (larger) α. */
export interface CommitteeWarm {
  /** Non-specialised x (q = x·11ᵀ). */
  x?: number;
  /** (q11, q12) of the specialised (Gaussian) or partially specialised (±1) branch, with its Jacobian. */
  spec?: [number, number];
  jacobian?: number[];
  /** ±1 weights: the partial branch has ended (past its fold α_AMP), so larger α have none either. */
  pastFold?: boolean;
  /** K = 3, Gaussian weights: accurate − fast fixed point (q11, q12) at the previous α. */
  offset?: [number, number];
}

export function nextWarm(prior: ModelArg, p: CommitteePoint): CommitteeWarm {
  const m = modelOf(prior);
  const w = (m.prior === 'gaussian' ? p.specialised : p.partial) ?? null;
  return {
    x: p.nonSpecialised.q11,
    spec: w ? [w.q11, w.q12] : undefined,
    jacobian: w?.jacobian,
    pastFold: m.prior === 'rademacher' && p.lambda > 1 && !p.partial,
    ...(w?.located ? { offset: [w.q11 - w.located[0], w.q12 - w.located[1]] as [number, number] } : {}),
  };
}

/** The curve on a grid of α (ascending), each point warm-started from the previous one; onPoint → false stops. */
export function committeeCurve(
  prior: ModelArg,
  alphas: readonly number[],
  onPoint?: (p: CommitteePoint) => boolean | void,
  accuracy: Accuracy = 'accurate',
): CommitteePoint[] {
  const out: CommitteePoint[] = [];
  let warm: CommitteeWarm = { x: 0 };
  for (const a of alphas) {
    const p = solveCommitteePoint(prior, a, warm, accuracy);
    warm = nextWarm(prior, p);
    out.push(p);
    if (onPoint && onPoint(p) === false) break;
  }
  return out;
}

/** Φ(q, q̂) = −½Tr(q q̂) + Ψ_P(q̂) + αΨ_out(q) away from the fixed point (for the stationarity test). */
export function committeeFreeEntropy(prior: ModelArg, alpha: number, q: Sym2, qhat: Sym2): number {
  const m = modelOf(prior);
  const tr = (x: Sym2, y: Sym2) => (m.K === 3 ? trace3(x, y) : x.a * y.a + 2 * x.b * y.b + x.c * y.c);
  const pr = priorK(m, qhat);
  const psiP = pr.psiMinusTrace + 0.5 * tr(pr.q, qhat);
  return psiP - 0.5 * tr(q, qhat) + alpha * outputK(m.K, q).psi;
}

/**
 * State evolution of AMP from the uninformed start (q = 10⁻⁴·11ᵀ plus a 10⁻⁶ push along q_d, the finite-n
 * asymmetry), plain iteration on the committee-symmetric manifold, converged relative to 1 − q11: it stops when
 * max|Δθ| < tol·(1 − q11) (near the fold at α_AMP critical slowing down needs thousands of steps), or at exact
 * recovery (1 − q11 < 10⁻⁹, reported as q = I).
 */
export function ampStateEvolution(
  prior: ModelArg,
  alpha: number,
  { tol = 1e-9, maxIter = 20000, accuracy = 'fast' as Accuracy } = {},
): CommitteeSolution {
  let a = 1e-4 + 1e-6;
  let b = 1e-4;
  let res = Infinity;
  for (let it = 1; it <= maxIter; it++) {
    const [na, nb] = symMap(prior, alpha, a, b, accuracy);
    res = Math.max(Math.abs(na - a), Math.abs(nb - b));
    a = na;
    b = nb;
    if (1 - a < 1e-9 && modelOf(prior).prior === 'rademacher')
      return { ...perfect(alpha, modelOf(prior).K), iterations: it, residual: 1 - a };
    if (res < tol * (1 - a)) return solution(prior, alpha, sym(a, b, a), true, it, res);
  }
  return solution(prior, alpha, sym(a, b, a), false, maxIter, res);
}
