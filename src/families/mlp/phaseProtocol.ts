// Messages between the phase-diagram pool (src/families/mlp/phaseClient.ts) and its workers (workers/phase.worker.ts).
// Plain structured-clone data; every request carries a generation number so that superseded work is dropped.
import type { PhasePlane, PhaseRow } from '../../physics/mlp/phaseTypes';
import type { ShallowParams } from '../../physics/types';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

/** One generation channel: a new diagram supersedes all rows in flight. */
export const PHASE_CHANNELS = ['rows'] as const;

export interface RowsRequest {
  gen: number;
  /** Model parameters; the plane's variable (γ or Δ) is replaced by each row's y. */
  base: ShallowParams;
  plane: PhasePlane;
  /** Row indices and their y values, in the order to compute them (coarse rows first). */
  rows: Array<{ index: number; y: number }>;
  alphaMax: number;
  /** α samples per row (evenly spaced on (0, alphaMax]). */
  nAlpha: number;
}

/** One computed row, as sent to the page. */
export interface RowMessage {
  gen: number;
  index: number;
  row: PhaseRow;
  ms: number;
}

export interface PhaseApi extends GenerationsApi {
  computeRows(req: RowsRequest, onRow: (m: RowMessage) => void): Promise<Outcome<{ gen: number; n: number }>>;
}

/**
 * Coarse-to-fine order of n rows: the ends and the middle first, then the midpoints of ever finer halvings, so
 * the whole plane is covered early and filled in as rows arrive.
 */
export function coarseToFine(n: number): number[] {
  if (n <= 0) return [];
  const out: number[] = [];
  const seen = new Uint8Array(n);
  const add = (i: number) => {
    if (i >= 0 && i < n && !seen[i]) {
      seen[i] = 1;
      out.push(i);
    }
  };
  add(0);
  add(n - 1);
  for (let step = 1 << Math.ceil(Math.log2(Math.max(1, n - 1))); step >= 1; step >>= 1) {
    for (let i = 0; i < n; i += step) add(i);
  }
  return out;
}
