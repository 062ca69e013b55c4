// The vocabulary of the phase diagrams (physics/mlp/phase.ts computes them): planes, point states and the types of a
// row. Its own module, free of the solver, because the page's main thread needs the planes and labels at start-up
// while the solver runs only in the workers.
import type { ShallowParams } from '../types';
import type { Jump } from './branchCurve';

/** Which parameter varies between rows: the (α, γ) plane or the (α, Δ) plane. */
export type PhasePlane = 'gamma' | 'delta';
export const PHASE_PLANES: readonly PhasePlane[] = ['gamma', 'delta'];

/**
 * State of one point, by coexistence only (one physical state keeps one colour across a critical point; which
 * state it is reads off Q or ε): 0 = one stable state, 1 = coexistence with the lower-Q state as the equilibrium,
 * 2 = coexistence with the higher-Q state as the equilibrium (where uninformed algorithms stay stuck). 3 is kept
 * for compatibility and no longer produced.
 */
export type PhaseState = 0 | 1 | 2 | 3;
export const PHASE_STATE_LABELS = [
  'one stable state (its Q: colour by overlap)',
  'coexistence: lower-Q equilibrium, higher-Q metastable',
  'coexistence: higher-Q equilibrium, lower-Q metastable',
  'one stable state',
] as const;

export interface PhaseSample {
  alpha: number;
  epsOpt: number; // ε of the equilibrium (largest f_RS)
  epsUni: number; // ε of the universal branch Q = 0
  /** Equilibrium Q per readout class (classes = distinct v², see PhaseRow.classV2). */
  Q: number[];
  state: PhaseState;
}

export interface LinePoint {
  /** The row's γ or Δ. */
  y: number;
  /** First-order jump to the specialised branch; where Q instead grows continuously, the onset. */
  alphaSp: number | null;
  /** Smallest α where a Q ≠ 0 state is the equilibrium. */
  alphaOnset: number | null;
  /** Lower spinodal: the smallest α where the branch that wins at α_sp exists. */
  spinodalLow: number | null;
  /** Upper spinodal: the largest α where the branch that loses at α_sp is stable. */
  spinodalHigh: number | null;
  /** Where Q = 0 loses linear stability (closed form). */
  spinodalUni: number | null;
  order: 'first-order' | 'continuous' | null;
  /** Equilibrium Q (largest class) just below and just above α_sp. */
  qBelow: number | null;
  qAbove: number | null;
  /** The continuous onset (Q grows from 0), null where Q = 0 never gives way continuously. */
  onset: number | null;
  /** Every first-order jump up to α_max with its spinodals (α_sp is the largest). */
  jumps: Jump[];
  converged: boolean;
  /** How the point was found: one readout class, the curve α(Q) of the row; several, the curve engine's scan. */
  method: 'row' | 'curve-engine';
}

/** Where a first-order line ends in the plane: the two spinodals meet and the jump in Q vanishes. */
export interface CriticalPoint {
  /** γ or Δ of the critical point. */
  y: number;
  alpha: number;
  /** Q at the critical point (the jump's two sides meet there). */
  q: number;
}

export interface PhaseRow {
  y: number;
  /** Ascending α; besides the grid, two samples at each line (just below and at it) so boundaries are sharp. */
  samples: PhaseSample[];
  line: LinePoint;
  classV2: number[];
}

export interface RowOptions {
  alphaMax: number;
  /**
   * Polled between the row's α points and its transition scan's (the curve engine's rows: continuous laws, several
   * classes, up to a second a row); when it says so the row throws Superseded. The fast path is not polled.
   */
  shouldStop?: () => boolean;
}

/** The parameters of a row: `y` replaces γ or Δ. */
export function rowParams(base: ShallowParams, plane: PhasePlane, y: number): ShallowParams {
  return plane === 'gamma' ? { ...base, gamma: y } : { ...base, delta: y };
}

/** The default α grid of a row: n points evenly spaced on (0, α_max]. */
export function rowAlphas(alphaMax: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (alphaMax * (i + 1)) / n);
}
