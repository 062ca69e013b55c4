// Store of the committee-machine tab: parameters (mirrored in the URL), the curve and thresholds, messages.
import { create } from 'zustand';
import type { CommitteePoint } from '../../physics/classic/committee';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { committeeCodec, type CommitteeUiParams } from './params';

export interface CommitteeState extends ParamsSlice<CommitteeUiParams>, MessagesSlice {
  computing: boolean;
  /** The points the curve in progress will send (its α grid, plus a K = 3 coarse pass): the progress bar's total. */
  total: number;
  /** Points received so far (the progress bar's count). */
  received: number;
  /** The curve's points in α order (they arrive coarse grid first, then the points between). */
  points: CommitteePoint[];
  thresholds: CommitteeThresholds | null;
}

export const useCommittee = create<CommitteeState>()((...a) => ({
  ...paramsSlice(committeeCodec.defaults())(...a),
  ...messagesSlice()(...a),
  computing: false,
  total: 0,
  received: 0,
  points: [],
  thresholds: null,
}));
