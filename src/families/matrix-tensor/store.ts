// Store of the spiked matrix–tensor tab: parameters (mirrored in the URL), the overlap curve with the thresholds at
// the chosen Δp, the phase diagram's lines as they stream in, messages.
import { create } from 'zustand';
import type { MatrixTensorLinePoint } from '../../physics/classic/matrixTensorThresholds';
import type { LangevinParams, LangevinPoint } from '../../physics/classic/matrixTensorLangevin';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { matrixTensorCodec, type MatrixTensorUiParams } from './params';
import type { OverlapResult } from './protocol';

export interface MatrixTensorState extends ParamsSlice<MatrixTensorUiParams>, MessagesSlice {
  computing: boolean;
  overlaps: OverlapResult | null;
  lines: MatrixTensorLinePoint[];
  linesDone: boolean;
  /** The finite-N Langevin run shown (cleared by a parameter change). */
  simulation: {
    req: LangevinParams;
    points: LangevinPoint[];
    running: boolean;
    error: string | null;
    /** The N → ∞ m(t) from the same start (CHSCK equations), [t, m]; absent until computed. */
    largeN?: [number, number][];
  } | null;
  /** What the view asks the controller to simulate (a new number each click). */
  simRequest: number | null;
  requestSimulation(): void;
}

export const useMatrixTensor = create<MatrixTensorState>()((...a) => ({
  ...paramsSlice(matrixTensorCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  overlaps: null,
  lines: [],
  linesDone: false,
  simulation: null,
  simRequest: null,
  requestSimulation: () => a[0]((s) => ({ simRequest: (s.simRequest ?? 0) + 1 })),
}));
