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
// Files: phaseTypes.ts (planes, point states, the result types), phase.ts (tables, models), phaseContinuation.ts (one branch followed along α),
// phaseRow.ts (one row: branches, α_sp, spinodals, samples), phaseLine.ts (lines from row to row), phaseBranch.ts
// (Newton continuation of a single-class branch).

import { Memo } from '../numerics/cache';
import { isContinuousLaw, spectralLaw } from '../priors';
import { buildSpectralTable, type SpectralTable, type TableOptions } from '../spectralTable';
import type { ShallowParams } from '../types';
import { createShallowModel, getSpectralTable, validateShallowParams, type ShallowModel } from './shallowModel';

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
