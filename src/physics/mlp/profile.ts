// The overlap profile Q(v) at one α for every stationary branch (issue 15 §1; docs/physics/mlp-shallow.md §7b).
// Continuous laws (gauss, unif): Q(v) of the converged continuum (readoutContinuum.ts overlapAt) on a fine grid of v,
// not the 48 atoms that only start it; Q = 0 below v_low (the equilibrium cutoff: the fold of the branch u(q̂) or the
// Maxwell cut above it) and Q jumps there, so ±v_low enter the grid twice (the value below, the value above) and the
// jump is drawn vertical.
// Discrete laws: the atoms themselves (Q is defined there only).
import { isContinuousLaw } from '../priors';
import type { BranchSolution, ReadoutLaw, ShallowParams, ShallowPoint } from '../types';
import {
  profileRange,
  readoutDensity,
  type OverlapProfile,
  type ProfileBranch,
  type ProfileBranchName,
} from './profileTypes';
import { getShallowModel, validateShallowParams, type ShallowModel } from './shallowModel';

/** Points of the fine grid of v (continuous laws). */
export const PROFILE_POINTS = 161;
/** More points on the grid step just above ±v_low, where Q(v) has a square-root slope. */
export const FOLD_POINTS = 5;

type ProfileModel = Pick<ShallowModel, 'params' | 'atoms' | 'classOfAtom' | 'branchOf' | 'continuumOf' | 'solvePoint'>;

/** The uniform grid of v over the law's range (continuous laws). */
export function profileGrid(law: ReadoutLaw, n = PROFILE_POINTS): number[] {
  const top = profileRange(law);
  return Array.from({ length: n }, (_, i) => (top * (2 * i - (n - 1))) / (n - 1)); // symmetric: v_i = −v_(n−1−i)
}

/** Mean Q over the atoms (orders the branches as shallowModel's branchOf does). */
const meanQ = (m: ProfileModel, s: BranchSolution) =>
  m.atoms.p.reduce((acc, p, j) => acc + p * s.Q[m.classOfAtom[j]], 0);
const mass = (s: BranchSolution) => s.Q.reduce((acc, q) => acc + q * q, 0);

/**
 * The branches the ε and overlap plots draw at one α (platform/plots/branches.ts): Q ≡ 0, the specialised point of
 * largest f, and the most specialised other one (largest Σ Q², distinct by > 1e−3). A continuous law has a family of
 * further stationary points (any cutoff above the fold, §7), which no plot draws.
 */
function branchesOf(m: ProfileModel, pt: ShallowPoint): Array<{ sol: BranchSolution; name: ProfileBranchName }> {
  const out: Array<{ sol: BranchSolution; name: ProfileBranchName }> = [{ sol: pt.universal, name: 'universal' }];
  // A continuous law's branch may have Q = 0 at every atom (only |v| beyond the last one specialise): by kind.
  const best = pt.specialised && pt.specialised.kind === 'specialised' ? pt.specialised : null;
  if (!best) return out;
  let other: BranchSolution | null = null;
  for (const s of pt.stationary)
    if (s !== best && s.Q.some((q, c) => Math.abs(q - best.Q[c]) > 1e-3) && (!other || mass(s) > mass(other)))
      other = s;
  const large = m.branchOf(pt, 'large-Q');
  const same = (a: BranchSolution, b: BranchSolution) => a === b || a.Q.every((q, c) => Math.abs(q - b.Q[c]) < 1e-6);
  for (const sol of other && meanQ(m, other) > meanQ(m, best) ? [other, best] : other ? [best, other] : [best])
    out.push({ sol, name: large && same(large, sol) ? 'large-Q' : 'small-Q' });
  return out;
}

/**
 * The profile Q(v) at the point's α. Continuous laws: each branch's continuum, solved again from the solution's own
 * (M, G, R̂2) (a copy across a worker boundary works the same). `grid`: ascending v (continuous laws; discrete laws
 * use their atoms).
 */
export function overlapProfile(
  model: ProfileModel,
  pt: ShallowPoint,
  grid: number[] = profileGrid(model.params.readout),
): OverlapProfile {
  const law = model.params.readout;
  const continuous = isContinuousLaw(law);
  const eq = pt.equilibrium === 'specialised' ? pt.specialised : pt.universal;
  const branches = branchesOf(model, pt).map(({ sol, name }): ProfileBranch => {
    const base = { name, equilibrium: sol === eq, f: sol.f, converged: sol.converged };
    if (!continuous) {
      // Atoms ascending in v; Q per class (±v share one).
      const at = Array.from(model.atoms.v, (_, j) => model.classOfAtom[j]);
      const Q = at.map((c) => sol.Q[c]);
      return { ...base, uLow: 0, v: Array.from(model.atoms.v), Q, Qhat: at.map((c) => sol.Qhat[c]) };
    }
    // The branch's continuum (none for Q ≡ 0).
    const cont = sol === pt.universal ? null : model.continuumOf(sol, pt.alpha);
    const uLow = cont ? cont.uLow : Infinity;
    const v: number[] = [];
    const Q: number[] = [];
    const Qhat: number[] = [];
    const push = (x: number, at: { Q: number; Qhat: number }) => {
      v.push(x);
      Q.push(at.Q);
      Qhat.push(at.Qhat);
    };
    const zero = { Q: 0, Qhat: 0 };
    const low = Math.sqrt(uLow);
    const onBranch = cont && Number.isFinite(uLow) ? cont.overlapAt(uLow) : null;
    // Q − Q(v_low⁺) ∝ √(|v| − v_low) (u′(q̂) = 0 at the fold): FOLD_POINTS more v on the first grid step above v_low,
    // crowded towards it quadratically, so the drawn line follows the square root.
    const step = (grid[grid.length - 1] - grid[0]) / (grid.length - 1);
    const near = onBranch
      ? Array.from({ length: FOLD_POINTS }, (_, k) => low + step * ((k + 1) / (FOLD_POINTS + 1)) ** 2)
      : [];
    const xs = [...grid, ...near.filter((x) => x < grid[grid.length - 1]).flatMap((x) => [x, -x])];
    if (near.length) xs.sort((a, b) => a - b);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      // The jump at ±v_low: the value on either side, at the same v.
      if (onBranch && i > 0 && xs[i - 1] < -low && x >= -low) {
        push(-low, onBranch);
        push(-low, zero);
      }
      if (onBranch && i > 0 && xs[i - 1] <= low && x > low) {
        push(low, zero);
        push(low, onBranch);
      }
      push(x, cont && Math.abs(x) > low ? cont.overlapAt(x * x) : zero);
    }
    return { ...base, uLow, v, Q, Qhat };
  });
  const density = continuous
    ? { v: grid, p: grid.map((x) => readoutDensity(law as 'gauss' | 'unif', x)) }
    : { v: Array.from(model.atoms.v), p: Array.from(model.atoms.p) };
  return { alpha: pt.alpha, law, continuous, density, branches };
}

/** The profile of a parameter set at α: from `known` (a point the model solved) or solved there (from `warm`). */
export function profileAt(
  params: ShallowParams,
  alpha: number,
  known: ShallowPoint | null,
  warm: ShallowPoint | null,
): OverlapProfile {
  const model = getShallowModel(validateShallowParams(params));
  return overlapProfile(model, known ?? model.solvePoint(alpha, warm));
}
