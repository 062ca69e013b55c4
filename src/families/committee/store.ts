// Store of the committee-machine tab: parameters (mirrored in the URL), the curve and thresholds, messages.
import { create } from 'zustand';
import type { CommitteePoint } from '../../physics/classic/committee';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { committeeCodec, type CommitteeUiParams } from './params';

export interface CommitteeState extends ParamsSlice<CommitteeUiParams>, MessagesSlice {
  computing: boolean;
  points: CommitteePoint[];
  thresholds: CommitteeThresholds | null;
  /** Fraction of the curve's points received (coarse pass included); null before any computation. */
  progress: number | null;
}

export const useCommittee = create<CommitteeState>()((...a) => ({
  ...paramsSlice(committeeCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  points: [],
  thresholds: null,
  progress: null,
}));
