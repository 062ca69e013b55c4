// Data flow: controls → store → (one request per animation frame) → worker → chunks → store → plots.
// Also keeps the URL hash in sync (hashCodec.bindHash), follows the keyboard shortcuts and loads the reference data.
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import { curveKey, type AlphaGrid, type CurveChunk } from './protocol';
import { sliderNeighbours } from '../../platform/state/sliderNeighbours';
import { loadPublished } from './published';
import { loadReference } from './reference';
import { nearestPoint } from '../../platform/plots/branches';
import { ALPHA_MIN, CURVE_POINTS, shallowParamsOf, useExplorer } from './store';
import { TheoryClient } from './theoryClient';
import type { WorkerFactory } from '../../platform/compute/workerClient';
import { chunkBatcher, perFrame } from '../../platform/compute/chunkBatch';
import { whenIdle } from '../../platform/compute/idle';
import { encodeHash, isDiscreteChange, mlpCodec, PHASE_VIEW_TABLE, URL_TABLE } from './params';
import { usePhase } from './phaseStore';
import { bindView, storeView } from '../../platform/state/viewLink';
import { useFamily } from '../../app/familyStore';
import { bindHash, DEFAULT_MODEL, numberRow, sliderOf, writeHash } from '../../platform/state/hashCodec';
import { listenMlpShortcuts } from './shortcuts';

/** The longest the panels below the first screen wait for the first curve (a slow σ, a lost worker). */
export const FIRST_VIEW_WAIT_MS = 1500;

export interface ControllerOptions {
  factory?: WorkerFactory;
  /** Idle time after a complete curve before α_sp is searched (keeps slider drags free of it). */
  transitionDelayMs?: number;
  urlDelayMs?: number;
}

export function startController(opts: ControllerOptions = {}): () => void {
  const store = useExplorer;
  const transitionDelayMs = opts.transitionDelayMs ?? 250;
  const urlDelayMs = opts.urlDelayMs ?? 300;

  let lastCurveKey: string | null = null;
  let lastPointKey: string | null = null;
  let lastProfileKey: string | null = null;
  let lastActivation: string | null = null;
  let lastGamma: number | null = null;
  const gammaRange = sliderOf(numberRow(URL_TABLE, 'gamma'));
  let transitionTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const client = new TheoryClient({
    factory: opts.factory,
    onCrash: (message) => {
      store.getState().setWorkerMessage(message);
      // The fresh worker knows nothing: ask again for everything on screen (the client refuses to resend the
      // parameters that crashed it, so a crash that always recurs ends as a message, not a loop).
      lastCurveKey = null;
      lastPointKey = null;
      lastProfileKey = null;
      lastActivation = null;
      schedule();
    },
  });

  // α_sp searches run in a second theory worker, started on first use: a search is one synchronous solve (tens of
  // ms, far more on a loaded machine) that a slider move would otherwise queue behind. Its results are the same.
  let searcher: TheoryClient | null = null;
  const searchClient = (): TheoryClient =>
    (searcher ??= new TheoryClient({
      factory: opts.factory,
      onCrash: () => {}, // the search answers with a worker error (no α_sp shown); the next curve asks again
    }));

  // One request a frame, the first at once (platform/compute/chunkBatch.ts perFrame).
  const schedule = perFrame(flush);

  function flush(): void {
    if (disposed) return;
    const { params } = store.getState();
    const sp = shallowParamsOf(params);
    const grid: AlphaGrid = { min: ALPHA_MIN, max: params.alphaMax, n: CURVE_POINTS };
    if (sp.activation !== lastActivation) {
      lastActivation = sp.activation;
      void describe(sp.activation);
    }
    const key = curveKey(sp, grid);
    if (key !== lastCurveKey) {
      lastCurveKey = key;
      void requestCurve(sp, grid, key);
    }
    void requestPoint();
  }

  async function describe(name: string): Promise<void> {
    const r = await client.describeActivation(name);
    if (name !== lastActivation || (!r.ok && (r.stale || r.error.kind === 'worker'))) return;
    store.getState().setActivation({ name, info: r.ok ? r.value : null, error: r.ok ? null : r.error.message });
  }

  async function requestCurve(sp: ShallowParams, grid: AlphaGrid, key: string): Promise<void> {
    clearTimeout(transitionTimer);
    searcher?.nextGeneration('curve'); // a search not started yet is dropped
    const gen = client.nextGeneration('curve');
    store.getState().curveRequested(gen);
    // After a γ move, the m_S tables of the next γ steps are built while the user is idle (the table is most of the
    // cost of a γ move; the physics is the same, only computed earlier).
    const neighbours = sliderNeighbours(sp.gamma, lastGamma, gammaRange);
    lastGamma = sp.gamma;
    const batch = chunkBatcher<ShallowPoint, CurveChunk>((chunk) => {
      store.getState().applyChunk(chunk, sp);
      if (chunk.spansRange) void requestPoint();
      if (chunk.done) {
        curveComplete(gen, sp, grid, key);
        if (neighbours.length)
          void client.prefetch(
            gen,
            neighbours.map((gamma) => ({ ...sp, gamma })),
          );
      }
    });
    const r = await client.curve(gen, sp, grid, batch.push);
    batch.flush();
    if (!r.ok && r.stale) return;
    whenIdle(loadOverlays);
    store.getState().curveFinished(gen, r.ok ? r.value.elapsedMs : null, r.ok ? null : r.error);
    // After the finished curve is drawn: mounted in the same render, the panels held its last redraw back.
    if (!store.getState().firstViewDone) whenIdle(() => disposed || store.getState().firstViewSettled(), 300);
    if (r.ok) store.getState().setWorkerMessage(null);
  }

  function curveComplete(gen: number, sp: ShallowParams, grid: AlphaGrid, key: string): void {
    if (key !== lastCurveKey) return;
    void requestPoint();
    clearTimeout(transitionTimer);
    transitionTimer = setTimeout(() => afterFirstView(searchAlphaSp), transitionDelayMs);
    async function searchAlphaSp(): Promise<void> {
      if (disposed || !client.isCurrent('curve', gen)) return;
      store.getState().transitionPending(gen);
      const search = searchClient();
      const r = await search.transition(search.nextGeneration('curve'), sp, grid.max);
      if ((!r.ok && r.stale) || !client.isCurrent('curve', gen)) return;
      store.getState().setTransition(gen, r.ok ? r.value : null);
    }
  }

  // At page load the α_sp search (a second worker, its script and a scan) waits until the first curve is drawn:
  // on two cores it would take one from the page's first render.
  let unsubscribeFirstView: (() => void) | undefined;
  function afterFirstView(run: () => void): void {
    unsubscribeFirstView?.();
    unsubscribeFirstView = undefined;
    if (store.getState().firstViewDone) return run();
    unsubscribeFirstView = store.subscribe((s) => {
      if (!s.firstViewDone) return;
      unsubscribeFirstView?.();
      unsubscribeFirstView = undefined;
      run();
    });
  }

  /** Solves the selected α exactly, warm-started from the nearest computed point of the displayed curve. */
  async function requestPoint(): Promise<void> {
    const s = store.getState();
    const c = s.curve;
    if (!c || !c.spansRange || c.key !== lastCurveKey) return; // wait for the curve of these parameters
    const alpha = s.params.alpha;
    const pointKey = `${c.key}|${alpha}`;
    // Q(v) waits for the whole curve: asked earlier, the worker computes it between the curve's chunks, and the curve
    // (what the page waits for) ends later by as much (~35 ms of the first view's worker, default parameters).
    const warm = nearestPoint(c.points, alpha);
    const profile = () => {
      if (!c.complete || pointKey === lastProfileKey) return;
      lastProfileKey = pointKey;
      void requestProfile(c.key, c.params, alpha, warm);
    };
    if (pointKey === lastPointKey) return profile();
    lastPointKey = pointKey;
    if (warm && warm.alpha === alpha) {
      store.getState().setPoint({ key: c.key, alpha, value: warm });
      return profile();
    }
    const gen = client.nextGeneration('point');
    const pending = client.point(gen, c.params, alpha, warm);
    profile(); // queued after the point: the worker profiles the point it just solved
    const r = await pending;
    if (r.ok) store.getState().setPoint({ key: c.key, alpha, value: r.value });
    else if (!r.stale && r.error.kind !== 'worker') store.getState().setComputeError(r.error);
  }

  /** The overlap profile Q(v) at the selected α (the Q(v) panel), on its own channel. */
  async function requestProfile(key: string, sp: ShallowParams, alpha: number, warm: ShallowPoint | null) {
    const grid: AlphaGrid = { min: ALPHA_MIN, max: store.getState().params.alphaMax, n: CURVE_POINTS };
    const r = await client.profile(client.nextGeneration('profile'), sp, alpha, grid, warm);
    if (r.ok) store.getState().setProfile({ key, alpha, value: r.value });
    else if (!r.stale && r.error.kind !== 'worker') store.getState().setComputeError(r.error);
  }

  // ---- URL state ----
  // The hash belongs to the MLP only while the MLP family is shown (`model` absent or `mlp`).
  const mlpShown = () => useFamily.getState().model === DEFAULT_MODEL;
  const unbindHash = bindHash(mlpCodec, store, { delayMs: urlDelayMs, active: mlpShown, isDiscrete: isDiscreteChange });
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.params !== prev.params) schedule();
  });
  const unsubscribeFamily = useFamily.subscribe((s, prev) => {
    if (s.model !== prev.model && s.model === DEFAULT_MODEL) writeHash(encodeHash(store.getState().params));
  });
  // The phase diagram's plane and colouring follow the link too (platform/state/viewLink.ts).
  const unbindPhaseView = bindView(
    storeView(
      DEFAULT_MODEL,
      PHASE_VIEW_TABLE,
      usePhase,
      (s) => s,
      usePhase.setState,
      (e) => store.getState().addUrlErrors(e),
    ),
  );
  const unlistenShortcuts = listenMlpShortcuts(store);
  schedule();
  const firstViewTimer = setTimeout(() => store.getState().firstViewSettled(), FIRST_VIEW_WAIT_MS);

  // The published curves and points (25 small CSV files) are fetched and parsed once the first curve is drawn
  // (idle): the first view does not wait for them.
  let overlaysRequested = false;
  function loadOverlays(): void {
    if (overlaysRequested) return;
    overlaysRequested = true;
    loadReference(import.meta.env.BASE_URL).then(
      (ref) => store.getState().setReference(ref),
      (e: unknown) => console.warn('reference data unavailable:', e),
    );
    loadPublished(import.meta.env.BASE_URL).then(
      (pub) => store.getState().setPublished(pub),
      (e: unknown) => console.warn('published points unavailable:', e),
    );
  }

  return () => {
    disposed = true;
    clearTimeout(transitionTimer);
    clearTimeout(firstViewTimer);
    unsubscribeFirstView?.();
    searcher?.dispose();
    unbindHash();
    unbindPhaseView();
    unlistenShortcuts();
    unsubscribe();
    unsubscribeFamily();
    client.dispose();
  };
}
