// Store of the GLM / perceptron tab: parameters (mirrored in the URL), the state-evolution result, GAMP runs,
// messages; built from the platform's slices.
import { create } from 'zustand';
import type { GampResult } from '../../physics/classic/gamp';
import type { GlmResult } from './protocol';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { glmCodec, type GlmUiParams } from './params';

export interface GlmState extends ParamsSlice<GlmUiParams>, MessagesSlice {
  computing: boolean;
  result: (GlmResult & { params: GlmUiParams }) | null;
  gamp: GampResult[];
  gampRunning: boolean;
}

export const useGlm = create<GlmState>()((...a) => ({
  ...paramsSlice(glmCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  result: null,
  gamp: [],
  gampRunning: false,
}));
