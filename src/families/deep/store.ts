// Store of the deep (L = 2) family: parameters (mirrored in the URL), the streamed curve, messages; built from the
// platform's slices.
import { create } from 'zustand';
import type { DeepCurvePoint, DeepHeader } from './protocol';
import type { AnyDepthResult } from './anyDepthProtocol';
import type { ComputeError as DeepError } from '../../platform/compute/outcome';
import { DEEP_UI_DEFAULTS, type DeepUiParams } from './params';
import {
  curveSlice,
  messagesSlice,
  paramsSlice,
  type CurveSlice,
  type MessagesSlice,
  type ParamsSlice,
  type StreamedCurve,
} from '../../platform/state/slices';

export type DeepCurve = StreamedCurve<DeepCurvePoint, DeepHeader>;

/** Depth L ≥ 3: the latest any-depth result (one reply, not streamed). */
interface AnyDepthSlice {
  anyDepth: AnyDepthResult | null;
  anyDepthBusy: boolean;
  setAnyDepth(r: AnyDepthResult | null, busy: boolean): void;
}

export type DeepState = ParamsSlice<DeepUiParams> &
  MessagesSlice<DeepError> &
  CurveSlice<DeepCurvePoint, DeepHeader, DeepError> &
  AnyDepthSlice;

/** The selected α stays inside the α range (at depth ≥ 3 the range is α/L ≤ alphaMax). */
const alphaInRange = (p: DeepUiParams): DeepUiParams => {
  const top = p.depth >= 3 ? p.depth * p.alphaMax : p.alphaMax;
  return p.alpha > top ? { ...p, alpha: top } : p;
};

export const useDeep = create<DeepState>()((...a) => ({
  ...paramsSlice(DEEP_UI_DEFAULTS, alphaInRange)(...a),
  ...messagesSlice<DeepError>()(...a),
  ...curveSlice<DeepCurvePoint, DeepHeader, DeepError>()(...a),
  anyDepth: null,
  anyDepthBusy: false,
  setAnyDepth: (anyDepth, anyDepthBusy) => a[0]({ anyDepth, anyDepthBusy }),
}));

/** The point of the curve nearest to α. */
export function nearestDeepPoint(points: readonly DeepCurvePoint[], alpha: number): DeepCurvePoint | null {
  let best: DeepCurvePoint | null = null;
  for (const p of points) if (!best || Math.abs(p.alpha - alpha) < Math.abs(best.alpha - alpha)) best = p;
  return best;
}
