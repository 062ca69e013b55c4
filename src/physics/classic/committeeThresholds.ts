// Committee machine, K = 2 (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová, arXiv 1806.05451; docs/physics/classic.md §2): the thresholds in α, located by Brent on
// the stability eigenvalue of the non-specialised fixed point and on the crossing of the branches' Φ.
import { brent } from '../numerics/brent';
import type { CommitteePrior } from './committeePrior';
import { nonSpecialised, specialisationEigenvalue } from './committee';

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
