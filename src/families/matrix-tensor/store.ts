// Store of the spiked matrix–tensor tab: parameters (mirrored in the URL), the overlap curve with the thresholds at
// the chosen Δp, the phase diagram's lines as they stream in, messages.
import { create } from 'zustand';
import type { MatrixTensorLinePoint } from '../../physics/classic/matrixTensorThresholds';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { matrixTensorCodec, type MatrixTensorUiParams } from './params';
import type { OverlapResult } from './protocol';

export interface MatrixTensorState extends ParamsSlice<MatrixTensorUiParams>, MessagesSlice {
  computing: boolean;
  overlaps: OverlapResult | null;
  lines: MatrixTensorLinePoint[];
  linesDone: boolean;
}

export const useMatrixTensor = create<MatrixTensorState>()((...a) => ({
  ...paramsSlice(matrixTensorCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  overlaps: null,
  lines: [],
  linesDone: false,
}));
