// Store of the deep (L = 2) family: parameters (mirrored in the URL), the streamed curve, messages.
import { create } from 'zustand';
import type { DeepChunk, DeepCurvePoint, DeepHeader } from './protocol';
import type { ComputeError as DeepError } from '../../platform/compute/outcome';
import { DEEP_UI_DEFAULTS, type DeepUiParams } from './params';

export interface DeepCurve {
  gen: number;
  header: DeepHeader;
  slots: (DeepCurvePoint | null)[];
  /** Filled slots in α order. */
  points: DeepCurvePoint[];
  spansRange: boolean;
  complete: boolean;
}

export interface DeepState {
  params: DeepUiParams;
  /** The curve on screen. */
  curve: DeepCurve | null;
  /** The newest curve, possibly still in its coarse pass. */
  streaming: DeepCurve | null;
  computing: boolean;
  error: DeepError | null;
  urlErrors: string[];
  setParams(params: DeepUiParams, urlErrors?: string[]): void;
  setParam<K extends keyof DeepUiParams>(key: K, value: DeepUiParams[K]): void;
  requested(gen: number): void;
  applyChunk(chunk: DeepChunk): void;
  finished(gen: number, error: DeepError | null): void;
  dismissUrlErrors(): void;
}

let requestedGen = 0;

export const useDeep = create<DeepState>()((set, get) => ({
  params: DEEP_UI_DEFAULTS,
  curve: null,
  streaming: null,
  computing: false,
  error: null,
  urlErrors: [],
  setParams: (params, urlErrors) => set(urlErrors && urlErrors.length ? { params, urlErrors } : { params }),
  setParam: (key, value) => {
    const params = { ...get().params, [key]: value };
    if (key === 'alphaMax' && params.alpha > params.alphaMax) params.alpha = params.alphaMax;
    set({ params });
  },
  requested: (gen) => {
    requestedGen = gen;
    set({ computing: true });
  },
  applyChunk: (chunk) => {
    if (chunk.gen !== requestedGen) return;
    const prev = get().streaming;
    let curve: DeepCurve;
    if (!prev || prev.gen !== chunk.gen) {
      if (!chunk.header) return;
      curve = { gen: chunk.gen, header: chunk.header, slots: new Array(chunk.header.alphas.length).fill(null), points: [], spansRange: false, complete: false };
    } else curve = { ...prev, slots: prev.slots.slice() };
    chunk.indices.forEach((i, k) => (curve.slots[i] = chunk.points[k]));
    curve.points = curve.slots.filter((p): p is DeepCurvePoint => p !== null);
    curve.spansRange = curve.spansRange || chunk.spansRange;
    curve.complete = chunk.done;
    // The shown curve changes once the new one spans the α range (no half-drawn flicker while dragging).
    set(curve.spansRange ? { streaming: curve, curve, error: null } : { streaming: curve, error: null });
  },
  finished: (gen, error) => {
    if (gen !== requestedGen) return;
    set(error ? { computing: false, error, curve: null, streaming: null } : { computing: false });
  },
  dismissUrlErrors: () => set({ urlErrors: [] }),
}));

/** The point of the curve nearest to α. */
export function nearestDeepPoint(points: readonly DeepCurvePoint[], alpha: number): DeepCurvePoint | null {
  let best: DeepCurvePoint | null = null;
  for (const p of points) if (!best || Math.abs(p.alpha - alpha) < Math.abs(best.alpha - alpha)) best = p;
  return best;
}
