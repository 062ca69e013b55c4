// Store of the Saad–Solla tab: parameters (mirrored in the URL), the ODE trajectory, messages.
import { create } from 'zustand';
import type { HermiteRow, SaadSollaResult } from './protocol';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { saadSollaCodec, type SaadSollaUiParams } from './params';

export interface SaadSollaState extends ParamsSlice<SaadSollaUiParams>, MessagesSlice {
  computing: boolean;
  result: SaadSollaResult | null;
  /** Hermite coefficients of the lecture panel's links (from the worker). */
  hermite: HermiteRow[] | null;
}

export const useSaadSolla = create<SaadSollaState>()((...a) => ({
  ...paramsSlice(saadSollaCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  result: null,
  hermite: null,
}));
