// Store of the Saad–Solla tab: parameters (mirrored in the URL), the ODE trajectory, messages.
import { create } from 'zustand';
import type { SimulationPoint } from '../../physics/classic/saadSollaSim';
import type { HermiteRow, SaadSollaResult, SimulationChunk } from './protocol';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { DEFAULT_SIMULATION_FORM, saadSollaCodec, type SaadSollaUiParams, type SimulationForm } from './params';

/** The finite-N simulation shown over the ODE curves (cleared by a parameter change). */
export interface SimulationView {
  N: number;
  seeds: number;
  /** Samples so far of each run started. */
  runs: SimulationPoint[][];
  /** Plateau length of each finished run (null: no escape in range or diverged). */
  lengths: (number | null)[];
  running: boolean;
  error: string | null;
}

export interface SaadSollaState extends ParamsSlice<SaadSollaUiParams>, MessagesSlice {
  computing: boolean;
  result: SaadSollaResult | null;
  /** Hermite coefficients of the lecture panel's links (from the worker). */
  hermite: HermiteRow[] | null;
  simulation: SimulationView | null;
  /** The panel's N and number of runs (in the link too). */
  simForm: SimulationForm;
  setSimForm(p: Partial<SimulationForm>): void;
  /** What the view asks the controller to simulate (a new object each click). */
  simRequest: { N: number; seeds: number } | null;
  requestSimulation(N: number, seeds: number): void;
  applySimChunk(c: SimulationChunk): void;
}

export const useSaadSolla = create<SaadSollaState>()((set, get, api) => ({
  ...paramsSlice(saadSollaCodec.defaults())(set, get, api),
  ...messagesSlice()(set, get, api),
  computing: false,
  result: null,
  hermite: null,
  simulation: null,
  simForm: DEFAULT_SIMULATION_FORM,
  setSimForm: (p) => set((s) => ({ simForm: { ...s.simForm, ...p } })),
  simRequest: null,
  requestSimulation: (N, seeds) =>
    set({ simRequest: { N, seeds }, simulation: { N, seeds, runs: [], lengths: [], running: true, error: null } }),
  applySimChunk: (c) => {
    const sim = get().simulation;
    if (!sim) return;
    const runs = sim.runs.slice();
    runs[c.run] = [...(runs[c.run] ?? []), ...c.points];
    const lengths = c.done ? [...sim.lengths, c.done.plateauLength] : sim.lengths;
    set({ simulation: { ...sim, runs, lengths } });
  },
}));
