// State of the two-layer lecture family (zustand); its controller (controller.ts) writes the results.
import { create } from 'zustand';
import type { SdeBand } from '../../physics/twoLayer/sgdSde';
import type {
  EscapeSeries,
  EscapeSimPoint,
  OdeCurve,
  OneStepSimSummary,
  RFSimPoint,
  SgdChunk,
  TheoryResult,
  TwoLayerParams,
} from './service';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { twoLayerCodec } from './params';

export type OneStepSlot = 'ell1' | 'ell2';
export const ONE_STEP_TARGETS: Record<OneStepSlot, string> = { ell1: 'he1he2', ell2: 'he2' };

export interface TwoLayerState extends ParamsSlice<TwoLayerParams>, MessagesSlice {
  theory: TheoryResult | null;
  theoryError: string | null;
  escape: EscapeSeries[] | null;
  ode: OdeCurve | null;
  rfSim: { key: string; points: RFSimPoint[]; running: boolean; error: string | null };
  oneStep: Record<OneStepSlot, OneStepSimSummary | null> & { running: OneStepSlot | null; error: string | null };
  sgd: { key: string; runs: SgdChunk[]; band: SdeBand | null; running: boolean; error: string | null };
  escapeSim: { key: string; points: EscapeSimPoint[]; running: boolean; error: string | null };
}

/** What the RF simulation points depend on (everything but α). */
export const rfSimKey = (p: TwoLayerParams) => [p.activation, p.target, p.beta, p.lambda, p.noise, p.d].join('|');
export const escapeKey = (p: TwoLayerParams) => [p.ell, p.eta].join('|');
export const sgdKey = (p: TwoLayerParams) => [p.ell, p.eta, p.d].join('|');

export const useTwoLayer = create<TwoLayerState>()((...a) => ({
  ...paramsSlice(twoLayerCodec.defaults())(...a),
  ...messagesSlice()(...a),
  theory: null,
  theoryError: null,
  escape: null,
  ode: null,
  rfSim: { key: '', points: [], running: false, error: null },
  oneStep: { ell1: null, ell2: null, running: null, error: null },
  sgd: { key: '', runs: [], band: null, running: false, error: null },
  escapeSim: { key: '', points: [], running: false, error: null },
}));
