// Phase diagrams of the shallow MLP (L = 1, arXiv 2510.24616; docs/physics/mlp-shallow.md §6): for each row (a fixed γ or a
// fixed Δ) the equilibrium along α and the lines of the row, the specialisation transition α_sp (root of the
// free-entropy difference between branches) and the spinodals bounding the metastable region; and the lines
// followed from row to row by continuation (warm-started branches, predicted α_sp, root-finding on Δf).
//
// Branches of one row (one readout class, `ones`/`rad`: fast path by Newton continuation, phaseBranch.ts):
//   universal  Q = 0, stable below spinodalUni (closed form);
//   low        the small-Q branch born at spinodalUni (the matrix term of Q̂, §7), followed upwards until its fold;
//   high       the specialised branch found from Q = 0.99 at α_max, followed downwards until its fold.
// The equilibrium is the largest f_RS. Several readout classes (`4point`, `unif`, `gauss`) cascade through one jump
// per class (§7): there the rows use the curve engine (solvePoint with warm starts) and its 1-D transition.
//
// Files: phase.ts (planes, tables, models, the result types), phaseContinuation.ts (one branch followed along α),
// phaseRow.ts (one row: branches, α_sp, spinodals, samples), phaseLine.ts (lines from row to row), phaseBranch.ts
// (Newton continuation of a single-class branch).

import { Memo } from '../numerics/cache';
import { isContinuousLaw, spectralLaw } from '../priors';
import { buildSpectralTable, type SpectralTable, type TableOptions } from '../spectralTable';
import type { ShallowParams } from '../types';
import type { Jump } from './branchCurve';
import { createShallowModel, getSpectralTable, validateShallowParams, type ShallowModel } from './shallowModel';

/** Which parameter varies between rows: the (α, γ) plane or the (α, Δ) plane. */
export type PhasePlane = 'gamma' | 'delta';
export const PHASE_PLANES: readonly PhasePlane[] = ['gamma', 'delta'];

/**
 * Tables of the phase diagrams: one per row of an (α, γ) diagram, so they must be cheap (≈ 20 ms instead of
 * ≈ 200 ms; the adaptive ∫ρ³ is costly above λ ≈ 2000, where the rank-deficiency tail C/λ takes over). Against
 * the curve engine's tables: |Δm_S| < 4e−6; α_sp and the spinodals move by < 2e−6 relative (measured for ReLU
 * and h23, γ ∈ [0.3, 1.2]; tested in phase.test.ts).
 */
export const PHASE_TABLE: TableOptions = { nodes: 100, lambdaMax: 2000, relTol: 1e-8 };
/** Continuous readout laws (exact transforms, costlier per point): coarser still, |Δ mmse_S| < 9e−7 against the direct value on λ ∈ [0, 10⁴]. */
export const PHASE_TABLE_CONTINUOUS: TableOptions = { nodes: 100, lambdaMax: 2000, relTol: 1e-7 };

export const NONZERO = 1e-6; // a branch with Q below this is the universal one
export const JUMP = 0.05; // a continuation step that moves Q by more than this is refused (step halved)
export const DISTINCT = 1e-3; // two stationary points closer than this are one

// ---------- caches (per worker / per process) ----------

const tables = new Memo<string, SpectralTable>(200);
const models = new Memo<string, ShallowModel>(400);

/** Empties the table and model caches (the benchmark's cold runs). */
export function clearPhaseCaches(): void {
  tables.clear();
  models.clear();
}

/** The phase-diagram table of (γ, P_v), cached (a 64-row diagram keeps all its tables). */
export function phaseTable(gamma: number, law: ShallowParams['readout']): SpectralTable {
  return tables.get(`${gamma}|${law}`, () =>
    buildSpectralTable(spectralLaw(law, gamma), isContinuousLaw(law) ? PHASE_TABLE_CONTINUOUS : PHASE_TABLE),
  );
}

/** A model of the phase diagrams: phase tables by default, the curve engine's own tables with `exactTables`. */
export function phaseModel(params: ShallowParams, exactTables = false): ShallowModel {
  const p = validateShallowParams(params);
  const key = JSON.stringify([p.activation, p.gamma, p.delta, p.readout, p.weights, exactTables]);
  return models.get(key, () =>
    createShallowModel(p, exactTables ? getSpectralTable(p.gamma, p.readout) : phaseTable(p.gamma, p.readout)),
  );
}

// ---------- results ----------

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
