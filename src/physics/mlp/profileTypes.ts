// The vocabulary of the overlap profile Q(v) (physics/mlp/profile.ts solves it): the range and density of v drawn and
// the result types. Its own module, free of the solver, because the page's main thread draws profiles while the
// solver runs only in the theory worker.
import { normalPdf } from '../numerics/normal';
import type { ReadoutLaw } from '../types';

/** The range of v drawn: |v| ≤ 4 for gauss (mass beyond 6e−5), the support [−√3, √3] for unif. */
export function profileRange(law: ReadoutLaw): number {
  return law === 'unif' ? Math.sqrt(3) : 4;
}

/** Density of v: the standard normal (gauss), 1/(2√3) on the support (unif). */
export function readoutDensity(law: 'gauss' | 'unif', v: number): number {
  if (law === 'gauss') return normalPdf(v);
  return Math.abs(v) <= Math.sqrt(3) ? 1 / (2 * Math.sqrt(3)) : 0;
}

export type ProfileBranchName = 'universal' | 'small-Q' | 'large-Q';

export interface ProfileBranch {
  /** As the CLI's branchName: universal (Q ≡ 0), small-Q or large-Q (the largest mean Q at this α). */
  name: ProfileBranchName;
  /** The equilibrium (largest f_RS); the others are metastable or unstable stationary points. */
  equilibrium: boolean;
  f: number;
  converged: boolean;
  /** v² where Q(v) becomes non-zero (continuous laws: the Maxwell cut or the fold, §7; Infinity where Q ≡ 0). */
  uLow: number;
  v: number[];
  /** Q(v), paper's q(v) */
  Q: number[];
  Qhat: number[];
}

export interface OverlapProfile {
  alpha: number;
  law: ReadoutLaw;
  continuous: boolean;
  /** Continuous laws: the density of v on the grid; discrete laws: the atoms and their probabilities. */
  density: { v: number[]; p: number[] };
  branches: ProfileBranch[];
}
