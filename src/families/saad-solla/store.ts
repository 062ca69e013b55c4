// Store of the Saad–Solla tab: parameters (mirrored in the URL), the ODE trajectory, messages.
import { create } from 'zustand';
import type { SaadSollaResult } from '../../../workers/classic.worker';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { saadSollaCodec, type SaadSollaUiParams } from './params';

export interface SaadSollaState extends ParamsSlice<SaadSollaUiParams>, MessagesSlice {
  computing: boolean;
  result: SaadSollaResult | null;
}

export const useSaadSolla = create<SaadSollaState>()((...a) => ({
  ...paramsSlice(saadSollaCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  result: null,
}));
