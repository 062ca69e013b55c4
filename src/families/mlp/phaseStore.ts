// The phase diagram's own store: which plane and which quantity are shown (kept here, not yet in the URL),
// and the streamed rows of the current diagram.
import { create } from 'zustand';
import type { PhasePlane, PhaseRow } from '../../physics/mlp/phaseTypes';
import type { ComputeError as TheoryError } from '../../platform/compute/outcome';

export const PHASE_QUANTITIES = ['epsOpt', 'gap', 'overlap', 'state'] as const;
export type PhaseQuantity = (typeof PHASE_QUANTITIES)[number];
export const QUANTITY_LABELS: Record<PhaseQuantity, string> = {
  epsOpt: 'ε_opt (Bayes error)',
  gap: 'gap ε_uni − ε_opt',
  overlap: 'overlap Q(v)',
  state: 'stable branch',
};

/** Rows per diagram and α samples per row. */
export const PHASE_ROWS = 64;
export const PHASE_ALPHAS = 64;

export interface Diagram {
  gen: number;
  key: string;
  plane: PhasePlane;
  ys: number[];
  alphaMax: number;
  rows: (PhaseRow | null)[];
  /** The previous diagram's rows of the same plane, drawn until the first new row arrives. */
  previousRows: (PhaseRow | null)[] | null;
  received: number;
  startedAt: number;
  elapsedMs: number | null;
  error: TheoryError | null;
}

export interface PhaseState {
  plane: PhasePlane;
  quantity: PhaseQuantity;
  /** |v| whose overlap Q(v) is coloured (readout laws with several |v|). */
  readoutValue: number;
  diagram: Diagram | null;
  workerMessage: string | null;
  setPlane(p: PhasePlane): void;
  setQuantity(q: PhaseQuantity): void;
  setReadoutValue(v: number): void;
  start(d: Omit<Diagram, 'rows' | 'previousRows' | 'received' | 'elapsedMs' | 'error'>): void;
  /** Rows that arrived since the last redraw, in one store update (one heatmap redraw). */
  addRows(gen: number, rows: readonly { index: number; row: PhaseRow }[]): void;
  finish(gen: number, error: TheoryError | null): void;
  setWorkerMessage(m: string | null): void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export const usePhase = create<PhaseState>()((set) => ({
  plane: 'gamma',
  // A continuous quantity by default: one colour per physical state on both sides of a critical point.
  quantity: 'overlap',
  readoutValue: 1,
  diagram: null,
  workerMessage: null,
  setPlane: (plane) => set({ plane }),
  setQuantity: (quantity) => set({ quantity }),
  setReadoutValue: (readoutValue) => set({ readoutValue }),
  start: (d) =>
    set((s) => ({
      diagram: {
        ...d,
        rows: new Array<PhaseRow | null>(d.ys.length).fill(null),
        previousRows:
          s.diagram && s.diagram.plane === d.plane && s.diagram.ys.length === d.ys.length ? s.diagram.rows : null,
        received: 0,
        elapsedMs: null,
        error: null,
      },
    })),
  addRows: (gen, added) =>
    set((s) => {
      if (!s.diagram || s.diagram.gen !== gen || added.length === 0) return {};
      const rows = s.diagram.rows.slice();
      for (const { index, row } of added) rows[index] = row;
      return { diagram: { ...s.diagram, rows, received: s.diagram.received + added.length } };
    }),
  finish: (gen, error) =>
    set((s) =>
      s.diagram && s.diagram.gen === gen
        ? { diagram: { ...s.diagram, elapsedMs: now() - s.diagram.startedAt, error } }
        : {},
    ),
  setWorkerMessage: (workerMessage) => set({ workerMessage }),
}));
