// The explorer's one zustand store: parameters (mirrored in the URL) and messages from the platform's slices, the
// streamed curve, the selected-α point, activation facts and reference data. Actions live here; views select
// what they render.
import { create } from 'zustand';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { ActivationInfo, CurveChunk, CurveHeader, OverlapProfile, TransitionResult } from './protocol';
import type { ComputeError as TheoryError } from '../../platform/compute/outcome';
import type { PublishedSet } from './published';
import type { ReferenceSet } from './reference';
import { CUSTOM_ACTIVATION, defaultParams, type ExplorerParams } from './params';

/** Points on the α grid of every curve. */
export const CURVE_POINTS = 200;
export const ALPHA_MIN = 0.02;

export interface CurveData {
  gen: number;
  key: string;
  params: ShallowParams;
  header: CurveHeader;
  /** One slot per grid point, filled as chunks arrive (coarse pass first). */
  slots: (ShallowPoint | null)[];
  /** The filled slots in α order: what the plots draw. */
  points: ShallowPoint[];
  /** The coarse pass is in: the whole α range is drawn. */
  spansRange: boolean;
  /** Every grid point is in. */
  complete: boolean;
  cached: boolean;
  elapsedMs: number | null;
  transition: TransitionResult | null;
  transitionState: 'idle' | 'pending' | 'done' | 'error';
}

export interface SelectedPoint {
  key: string;
  alpha: number;
  value: ShallowPoint;
}

/** The overlap profile Q(v) at the selected α of a curve (the Q(v) panel). */
export interface ProfileState {
  key: string;
  alpha: number;
  value: OverlapProfile;
}

export interface ActivationState {
  name: string;
  info: ActivationInfo | null;
  error: string | null;
}

export interface ExplorerState extends ParamsSlice<ExplorerParams>, MessagesSlice<TheoryError> {
  /** The displayed curve: the newest generation that has streamed at least one chunk. */
  curve: CurveData | null;
  /** The last curve that spanned the α range, drawn as a ghost while a newer one streams in. */
  previous: CurveData | null;
  /** Generation of the newest curve request, and whether it is still running. */
  requestedGen: number;
  computing: boolean;
  point: SelectedPoint | null;
  profile: ProfileState | null;
  activation: ActivationState | null;
  reference: ReferenceSet | null;
  /** The authors' published algorithm points (published.ts). */
  published: PublishedSet[] | null;
  /**
   * The first curve is in (or failed, or the page waited FIRST_VIEW_WAIT_MS): the panels below the first screen are
   * mounted from then on, so that the first ε(α) curve does not wait for their rendering (MlpExplorer). Never reset.
   */
  firstViewDone: boolean;

  curveRequested(gen: number): void;
  applyChunk(chunk: CurveChunk, params: ShallowParams): void;
  curveFinished(gen: number, elapsedMs: number | null, error: TheoryError | null): void;
  transitionPending(gen: number): void;
  setTransition(gen: number, t: TransitionResult | null): void;
  setPoint(p: SelectedPoint): void;
  setProfile(p: ProfileState): void;
  setActivation(a: ActivationState): void;
  setReference(r: ReferenceSet): void;
  setPublished(p: PublishedSet[]): void;
  firstViewSettled(): void;
}

/** The physics parameters of a curve (α excluded: it only moves the marker). */
export function shallowParamsOf(p: ExplorerParams): ShallowParams {
  return {
    activation: p.act === CUSTOM_ACTIVATION ? `expr:${p.expr}` : p.act,
    gamma: p.gamma,
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
  };
}

/** The selected α stays inside the α range. */
const alphaInRange = (p: ExplorerParams): ExplorerParams => (p.alpha > p.alphaMax ? { ...p, alpha: p.alphaMax } : p);

export const useExplorer = create<ExplorerState>()((...a) => {
  const [set] = a;
  return {
    ...paramsSlice(defaultParams(), alphaInRange)(...a),
    ...messagesSlice<TheoryError>()(...a),
    curve: null,
    previous: null,
    requestedGen: 0,
    computing: false,
    point: null,
    profile: null,
    activation: null,
    reference: null,
    published: null,
    firstViewDone: false,

    curveRequested: (gen) => set({ requestedGen: gen, computing: true }),

    applyChunk: (chunk, params) =>
      set((s) => {
        if (chunk.gen < s.requestedGen) return {}; // stale reply
        const cur = s.curve;
        let base: CurveData;
        let previous = s.previous;
        // A chunk with a header starts a curve (a restarted worker counts generations from 1 again).
        if (cur && cur.gen === chunk.gen && !chunk.header) {
          base = cur;
        } else {
          if (!chunk.header) return {}; // a continuation of a curve we never saw start
          base = {
            gen: chunk.gen,
            key: chunk.header.key,
            params,
            header: chunk.header,
            slots: new Array<ShallowPoint | null>(chunk.header.alphas.length).fill(null),
            points: [],
            spansRange: false,
            complete: false,
            cached: chunk.cached,
            elapsedMs: null,
            transition: null,
            transitionState: 'idle',
          };
          if (cur && cur.spansRange) previous = cur;
        }
        const slots = base.slots.slice();
        chunk.indices.forEach((i, j) => {
          slots[i] = chunk.points[j];
        });
        const points = slots.filter((p): p is ShallowPoint => p !== null);
        const curve: CurveData = {
          ...base,
          slots,
          points,
          spansRange: base.spansRange || chunk.spansRange || chunk.done,
          complete: chunk.done,
          cached: chunk.cached,
        };
        return base === cur ? { curve } : { curve, previous, computeError: null };
      }),

    curveFinished: (gen, elapsedMs, error) =>
      set((s) => {
        if (gen !== s.requestedGen) return {};
        const curve = s.curve && s.curve.gen === gen ? { ...s.curve, elapsedMs } : s.curve;
        return { computing: false, curve, computeError: error };
      }),

    transitionPending: (gen) =>
      set((s) => (s.curve && s.curve.gen === gen ? { curve: { ...s.curve, transitionState: 'pending' } } : {})),

    setTransition: (gen, t) =>
      set((s) =>
        s.curve && s.curve.gen === gen
          ? { curve: { ...s.curve, transition: t, transitionState: t ? 'done' : 'error' } }
          : {},
      ),

    setPoint: (point) => set({ point }),
    setProfile: (profile) => set({ profile }),
    setActivation: (activation) => set({ activation }),
    setReference: (reference) => set({ reference }),
    setPublished: (published) => set({ published }),
    firstViewSettled: () => set((s) => (s.firstViewDone ? {} : { firstViewDone: true })),
  };
});
