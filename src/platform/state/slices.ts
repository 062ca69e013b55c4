// The parts every family store shares, as zustand slices (https://zustand.docs.pmnd.rs/guides/slices-pattern):
// a family store is create<S>()((...a) => ({ ...paramsSlice(defaults)(...a), ...messagesSlice<E>()(...a), …its
// own fields and actions })). Actions live in the slices; only actions and controllers write a store.
import type { StateCreator } from 'zustand';

export interface MessagesSlice<E = string> {
  /** The link's rejected or corrected parameters (dismissable). */
  urlErrors: string[];
  /** The worker crashed and was restarted. */
  workerMessage: string | null;
  /** The newest request failed (a bad parameter, a solver error); the plots keep the last valid result. */
  computeError: E | null;
  dismissUrl(): void;
  /** More of the link's messages (its view keys, read after the parameters: platform/state/viewLink.ts). */
  addUrlErrors(errors: string[]): void;
  setWorkerMessage(m: string | null): void;
  setComputeError(e: E | null): void;
}

export interface ParamsSlice<P> {
  params: P;
  /** A whole parameter set (a link, a preset) with the link's messages; omitted messages are kept. */
  setParams(params: P, urlErrors?: string[]): void;
  setParam<K extends keyof P>(key: K, value: P[K]): void;
  patch(p: Partial<P>): void;
}

/** What a coarse-to-fine curve stream delivers: point values at grid indices, a header with the first chunk. */
export interface CurveChunkOf<Pt, H extends CurveHeaderOf> {
  gen: number;
  header?: H;
  indices: number[];
  points: Pt[];
  /** The coarse pass is in: the chunks so far span the α range. */
  spansRange: boolean;
  done: boolean;
}

/** The α grid of a curve, sent with its first chunk. */
export interface CurveHeaderOf {
  alphas: readonly number[];
}

export interface StreamedCurve<Pt, H extends CurveHeaderOf> {
  gen: number;
  header: H;
  slots: (Pt | null)[];
  /** Filled slots in α order. */
  points: Pt[];
  spansRange: boolean;
  complete: boolean;
}

export interface CurveSlice<Pt, H extends CurveHeaderOf, E> {
  /** The curve on screen: the newest one that spans the α range (no half-drawn flicker while dragging). */
  curve: StreamedCurve<Pt, H> | null;
  /** The newest curve, possibly still in its coarse pass. */
  streaming: StreamedCurve<Pt, H> | null;
  /** Generation of the newest request; replies of older ones are dropped. */
  requestedGen: number;
  computing: boolean;
  requested(gen: number): void;
  applyChunk(chunk: CurveChunkOf<Pt, H>): void;
  finished(gen: number, error: E | null): void;
}

export function messagesSlice<E = string>(): StateCreator<MessagesSlice<E>, [], [], MessagesSlice<E>> {
  return (set) => ({
    urlErrors: [],
    workerMessage: null,
    computeError: null,
    dismissUrl: () => set({ urlErrors: [] }),
    addUrlErrors: (errors) => set((s) => ({ urlErrors: [...s.urlErrors, ...errors] })),
    setWorkerMessage: (workerMessage) => set({ workerMessage }),
    setComputeError: (computeError) => set({ computeError }),
  });
}

/** `adjust` keeps fields consistent after a change (e.g. the selected α inside a narrowed α range). */
export function paramsSlice<P>(
  defaults: P,
  adjust: (p: P) => P = (p) => p,
): StateCreator<ParamsSlice<P> & MessagesSlice<unknown>, [], [], ParamsSlice<P>> {
  return (set) => ({
    params: defaults,
    setParams: (params, urlErrors) => set(urlErrors ? { params, urlErrors } : { params }),
    setParam: (key, value) => set((s) => ({ params: adjust({ ...s.params, [key]: value }) })),
    patch: (p) => set((s) => ({ params: adjust({ ...s.params, ...p }) })),
  });
}

export function curveSlice<Pt, H extends CurveHeaderOf, E>(): StateCreator<
  CurveSlice<Pt, H, E> & MessagesSlice<E>,
  [],
  [],
  CurveSlice<Pt, H, E>
> {
  return (set, get) => ({
    curve: null,
    streaming: null,
    requestedGen: 0,
    computing: false,
    requested: (gen) => set({ requestedGen: gen, computing: true }),
    applyChunk: (chunk) => {
      if (chunk.gen !== get().requestedGen) return;
      const prev = get().streaming;
      let curve: StreamedCurve<Pt, H>;
      // A chunk with a header starts a curve (a restarted worker counts generations from 1 again).
      if (!prev || prev.gen !== chunk.gen || chunk.header) {
        if (!chunk.header) return; // a continuation of a curve we never saw start
        curve = {
          gen: chunk.gen,
          header: chunk.header,
          slots: new Array<Pt | null>(chunk.header.alphas.length).fill(null),
          points: [],
          spansRange: false,
          complete: false,
        };
      } else curve = { ...prev, slots: prev.slots.slice() };
      chunk.indices.forEach((i, k) => (curve.slots[i] = chunk.points[k]));
      curve.points = curve.slots.filter((p): p is Pt => p !== null);
      curve.spansRange = curve.spansRange || chunk.spansRange;
      curve.complete = chunk.done;
      set(
        curve.spansRange ? { streaming: curve, curve, computeError: null } : { streaming: curve, computeError: null },
      );
    },
    finished: (gen, error) => {
      if (gen !== get().requestedGen) return;
      set(error ? { computing: false, computeError: error, curve: null, streaming: null } : { computing: false });
    },
  });
}
