// Committee machine, K = 2 (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2): the thresholds in α, located by Brent on
// the stability eigenvalue of the non-specialised fixed point and on the crossing of the branches' Φ.
import { brent } from '../numerics/brent';
import { maximise } from '../numerics/maximise';
import { sym, type Accuracy, type Sym2 } from './committeeOutput';
import {
  committeeSolutionAt,
  modelOf,
  nonSpecialised,
  outputK,
  priorK,
  solveCommitteePoint,
  specialisationEigenvalue,
  type CommitteeModel,
  type ModelArg,
} from './committee';

export interface CommitteeThresholds {
  /** Continuous specialisation: q_d = 0 loses stability (λ = 1). */
  alphaSpec: number | null;
  /** First-order transition: Φ of the two branches cross. */
  alphaIT: number | null;
  /**
   * ±1 weights: α_AMP, where state evolution from the uninformed start reaches exact recovery (q11 → 1): the fold
   * (saddle-node) that ends the partially specialised AMP branch. Between α_IT and α_AMP: the hard phase.
   */
  alphaAMP: number | null;
  /**
   * ±1 weights: where the AMP branch breaks the permutation symmetry (q_d = 0 loses stability, λ = 1); above it AMP
   * is partially specialised (q11 > q12, q11 < 1) up to α_AMP. Null for Gaussian weights (there it is alphaSpec).
   */
  alphaSymBreak: number | null;
  /**
   * K = 3, Gaussian weights: the spinodal where the specialised branch appears (a fold in α, below the first-order
   * transition alphaIT); absent for K = 2 and ±1 weights.
   */
  alphaSpinodal?: number | null;
  converged: boolean;
}

/** The partially specialised AMP branch parametrised by q11: (q12, α) with q = [[q11, q12], [q12, q11]] a fixed point. */
interface BranchPoint {
  q11: number;
  q12: number;
  alpha: number;
  converged: boolean;
  /** ∂(residual)/∂q12 there (a warm start for the neighbouring q11). */
  dq12?: [number, number];
}

/**
 * α and q12 on the AMP branch at given q11: 2-D Newton in (q12, α) on q = P(α F(q)). The output integrals F(q) do not
 * depend on α, so ∂/∂α costs only prior updates (exact each step), and the system stays regular at the fold, where
 * Newton in q at fixed α does not. ∂/∂q12 costs an output evaluation by finite differences: given `dq12` (that of a
 * neighbouring q11) it is instead updated by Broyden's rule along the steps (one output evaluation a step), with
 * finite differences again if that does not converge.
 */
export function branchAtQ11(
  prior: ModelArg,
  q11: number,
  q12: number,
  alpha: number,
  accuracy: Accuracy = 'accurate',
  dq12?: [number, number],
): BranchPoint {
  const { K } = modelOf(prior);
  const outputState = (q: Sym2) => outputK(K, q, accuracy);
  const resid = (F: Sym2, b: number, al: number) => {
    const n = priorK(prior, sym(al * F.a, al * F.b, al * F.c)).q;
    return [0.5 * (n.a + n.c) - q11, n.b - b];
  };
  let b = q12;
  let al = alpha;
  let Jb = dq12 ? [...dq12] : null;
  let prev: { r: number[]; ra: number[]; db: number; dal: number } | null = null;
  for (let it = 0; it < 30; it++) {
    const F = outputState(sym(q11, b, q11)).fisher;
    const r = resid(F, b, al);
    if (dq12 && Jb && prev && prev.db !== 0) {
      // Broyden on the q12 column: the change of r not explained by the (exact) α column.
      for (let k = 0; k < 2; k++) Jb[k] += (r[k] - prev.r[k] - Jb[k] * prev.db - prev.ra[k] * prev.dal) / prev.db;
    }
    if (Math.max(Math.abs(r[0]), Math.abs(r[1])) < 1e-11)
      return { q11, q12: b, alpha: al, converged: true, ...(Jb ? { dq12: [Jb[0], Jb[1]] as [number, number] } : {}) };
    const hb = 1e-6;
    const ha = 1e-6 * al;
    if (!dq12 || !Jb) {
      const rb = resid(outputState(sym(q11, b + hb, q11)).fisher, b + hb, al);
      Jb = [(rb[0] - r[0]) / hb, (rb[1] - r[1]) / hb];
    }
    const ra = resid(F, b, al + ha);
    const Ja = [(ra[0] - r[0]) / ha, (ra[1] - r[1]) / ha];
    const det = Jb[0] * Ja[1] - Ja[0] * Jb[1];
    const db = -(Ja[1] * r[0] - Ja[0] * r[1]) / det;
    const dal = -(-Jb[1] * r[0] + Jb[0] * r[1]) / det;
    prev = { r, ra: Ja, db, dal };
    b += db;
    al += dal;
    if (!Number.isFinite(b) || !Number.isFinite(al)) break;
  }
  // Broyden from a carried column that did not converge: again with finite differences from the start.
  if (dq12) return branchAtQ11(prior, q11, q12, alpha, accuracy);
  return { q11, q12: b, alpha: al, converged: false };
}

/**
 * α_AMP for ±1 weights: the largest α on the partially specialised AMP branch, max over q11 of α(q11) (a
 * saddle-node in α), from just above the symmetry-breaking point (α_sb, q11 = q12 = x_sb) to q11 = 0.97.
 */
export function ampFold(
  prior: ModelArg,
  alphaSymBreak: number,
  xSymBreak: number,
  onStep: () => void = () => {},
): BranchPoint {
  let warm: Pick<BranchPoint, 'q12' | 'alpha' | 'dq12'> = { q12: xSymBreak - 0.02, alpha: alphaSymBreak };
  let ok = true;
  let best: BranchPoint | null = null;
  const alphaOf = (q11: number) => {
    onStep();
    const p = branchAtQ11(prior, q11, warm.q12, warm.alpha, 'accurate', warm.dq12);
    ok = ok && p.converged;
    if (p.converged) warm = p;
    if (p.converged && (!best || p.alpha > best.alpha)) best = p;
    return p.converged ? p.alpha : -Infinity;
  };
  maximise(alphaOf, xSymBreak + 0.02, 0.97, 8, 1e-3);
  const b = best as BranchPoint | null;
  return b ? { ...b, converged: ok } : { q11: NaN, q12: NaN, alpha: NaN, converged: false };
}

/**
 * Thresholds on α ∈ (0, alphaMax]. α where q_d = 0 loses stability: λ(α) = 1 by Brent (no iteration at the
 * critical point). Gaussian weights: that is the continuous specialisation α_spec. ±1 weights: it is α_sb, where
 * AMP breaks the permutation symmetry; α_AMP is the fold of the partially specialised branch that follows (ampFold),
 * and α_IT is where Φ_nonspec = −2 ln 2 (exact recovery).
 */
/** `onStep` is called at every solver step (a worker's heartbeat: K = 3 thresholds take tens of seconds). */
export function committeeThresholds(
  prior: ModelArg,
  alphaMax = 6,
  scan = 24,
  onStep: () => void = () => {},
): CommitteeThresholds {
  const m = modelOf(prior);
  const lamOf = (accuracy: Accuracy) => (a: number) => {
    onStep();
    return specialisationEigenvalue(prior, a, undefined, accuracy) - 1;
  };
  const lam = lamOf('accurate');
  let alphaStab: number | null = null;
  let ok = true;
  // The scan with the fast rule (K = 3: ~1/30 of an accurate λ), the bracket checked and, where the rules disagree
  // near λ = 1, moved cell by cell with the accurate one; the accurate scan where the fast one finds no crossing.
  const grid = [1e-3, ...Array.from({ length: scan }, (_, i) => (alphaMax * (i + 1)) / scan)];
  const crossing = (f: (a: number) => number) => {
    let prevL = f(grid[0]);
    for (let i = 1; i < grid.length; i++) {
      const l = f(grid[i]);
      if (prevL < 0 && l >= 0) return i;
      prevL = l;
    }
    return -1;
  };
  let i = crossing(lamOf('fast'));
  let [lo, hi] = i > 0 ? [lam(grid[i - 1]), lam(grid[i])] : [0, 0];
  while (i > 1 && lo >= 0) [i, hi, lo] = [i - 1, lo, lam(grid[i - 2])];
  while (i > 0 && i < grid.length - 1 && hi < 0) [i, lo, hi] = [i + 1, hi, lam(grid[i + 1])];
  if (!(i > 0 && lo < 0 && hi >= 0)) i = crossing(lam);
  if (i > 0) {
    const r = brent(lam, grid[i - 1], grid[i], 1e-9);
    ok = ok && r.converged;
    alphaStab = r.x;
  }
  if (m.prior === 'gaussian' && m.K === 3) return { ...firstOrderSpecialisation(m, alphaStab, onStep), converged: ok };
  if (m.prior === 'gaussian')
    return { alphaSpec: alphaStab, alphaIT: null, alphaAMP: null, alphaSymBreak: null, converged: ok };
  const df = (a: number) => {
    onStep();
    return nonSpecialised(prior, a).f + m.K * Math.LN2;
  };
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
  let alphaAMP: number | null = null;
  if (alphaStab !== null) {
    const fold = ampFold(prior, alphaStab, nonSpecialised(prior, alphaStab).q11, onStep);
    ok = ok && fold.converged;
    // K = 3: the partial branch leaves α_sb backwards (subcritical), so state evolution jumps at α_sb itself.
    alphaAMP = fold.converged ? (m.K === 3 ? Math.max(fold.alpha, alphaStab) : fold.alpha) : null;
  }
  return { alphaSpec: null, alphaIT, alphaAMP, alphaSymBreak: alphaStab, converged: ok };
}

/**
 * K = 3, Gaussian weights: the specialisation transition is first order. The specialised branch is followed in q11
 * downwards from its point at α_AMP (where q_d = 0 loses stability; found by state evolution from an informed start)
 * by branchAtQ11 (2-D Newton in (q12, α) at fixed q11, regular through the fold): the spinodal is the least α on it
 * (golden section), the transition α_IT the Φ crossing with the non-specialised branch (Brent in q11). Between
 * α_IT and α_AMP the hard phase.
 */
function firstOrderSpecialisation(m: CommitteeModel, alphaAMP: number | null, onStep: () => void): CommitteeThresholds {
  const none = { alphaSpec: null, alphaIT: null, alphaAMP, alphaSymBreak: null, alphaSpinodal: null };
  if (alphaAMP === null) return { ...none, converged: true };
  const top = solveCommitteePoint(m, alphaAMP).specialised;
  if (!top) return { ...none, converged: false };
  // March down in q11 (steps of 0.02, warm-started, the Gauss–Hermite rule) until α(q11) turns up again: the fold
  // is bracketed; the crossing and the fold are then located with the accurate rule.
  const pts: BranchPoint[] = [{ q11: top.q11, q12: top.q12, alpha: alphaAMP, converged: true }];
  let ok = true;
  for (let q11 = top.q11 - 0.02; q11 > 0.4; q11 -= 0.02) {
    const last = pts[pts.length - 1];
    onStep();
    const p = branchAtQ11(m, q11, last.q12, last.alpha, 'fast', last.dq12);
    if (!p.converged) {
      ok = false;
      break;
    }
    pts.push(p);
    if (pts.length >= 3 && p.alpha > pts[pts.length - 2].alpha) break;
  }
  // Φ(specialised) − Φ(non-specialised) along the branch, at fixed q11.
  const gap = (p: BranchPoint) => {
    onStep();
    return committeeSolutionAt(m, p.alpha, sym(p.q11, p.q12, p.q11)).f - nonSpecialised(m, p.alpha).f;
  };
  let alphaIT: number | null = null;
  for (let i = 1; i < pts.length && alphaIT === null; i++) {
    if (pts[i].alpha > pts[i - 1].alpha) break; // past the fold: the unstable side
    if (gap(pts[i - 1]) > 0 && gap(pts[i]) <= 0) {
      pts[i - 1] = branchAtQ11(m, pts[i - 1].q11, pts[i - 1].q12, pts[i - 1].alpha, 'accurate', pts[i - 1].dq12);
      let warm = pts[i - 1];
      const at = (q11: number) => {
        onStep();
        const p = branchAtQ11(m, q11, warm.q12, warm.alpha, 'accurate', warm.dq12);
        ok = ok && p.converged;
        warm = p;
        return p;
      };
      const r = brent((q11) => gap(at(q11)), pts[i].q11, pts[i - 1].q11, 1e-7);
      ok = ok && r.converged;
      alphaIT = at(r.x).alpha;
    }
  }
  let alphaSpinodal: number | null = null;
  const n = pts.length;
  if (n >= 3 && pts[n - 1].alpha > pts[n - 2].alpha) {
    let warm = pts[n - 2];
    let best = Infinity;
    const negAlpha = (q11: number) => {
      onStep();
      const p = branchAtQ11(m, q11, warm.q12, warm.alpha, 'accurate', warm.dq12);
      ok = ok && p.converged;
      if (p.converged) warm = p;
      if (p.converged) best = Math.min(best, p.alpha);
      return p.converged ? -p.alpha : -Infinity;
    };
    maximise(negAlpha, pts[n - 1].q11 - 0.02, pts[n - 3].q11, 4, 1e-3);
    alphaSpinodal = Number.isFinite(best) ? best : null;
  } else ok = false;
  return { ...none, alphaIT, alphaSpinodal, converged: ok && alphaIT !== null };
}
