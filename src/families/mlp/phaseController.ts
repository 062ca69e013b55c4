// Phase diagram data flow: MLP parameters (useExplorer) + plane (usePhase) → one request per change (debounced)
// → worker pool → rows → usePhase. α and the plane's own variable only move the crosshair: no recomputation.
// A new diagram waits until the ε(α) curve is complete (at page load: drawn), so that the sliders stay live.
import { rowParamsKey, phaseYs } from './phaseGeometry';
import { shallowParamsOf, useExplorer } from './store';
import { PhaseClient, poolSize } from './phaseClient';
import type { WorkerFactory as PhaseWorkerFactory } from '../../platform/compute/workerClient';
import { PHASE_ALPHAS, PHASE_ROWS, usePhase } from './phaseStore';
import type { RowMessage } from './phaseProtocol';

/** Rows are drawn at most this often: each redraw repaints the whole heatmap on the main thread, which the sliders
 * share (one redraw per row made a Δ move wait seconds behind a filling diagram). */
const ROW_REDRAW_MS = 100;

export function startPhaseController(
  opts: { factory?: PhaseWorkerFactory; debounceMs?: number; redrawMs?: number } = {},
): () => void {
  const debounceMs = opts.debounceMs ?? 150;
  const redrawMs = opts.redrawMs ?? ROW_REDRAW_MS;
  let pending: { gen: number; rows: { index: number; row: RowMessage['row'] }[] } | null = null;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  const drawPending = () => {
    redrawTimer = undefined;
    if (pending) usePhase.getState().addRows(pending.gen, pending.rows);
    pending = null;
  };
  const queueRow = (m: RowMessage) => {
    if (pending && pending.gen !== m.gen) pending = null;
    (pending ??= { gen: m.gen, rows: [] }).rows.push({ index: m.index, row: m.row });
    redrawTimer ??= setTimeout(drawPending, redrawMs);
  };
  let lastKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const size = poolSize(typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined);
  const client = new PhaseClient(
    size,
    (message) => {
      usePhase.getState().setWorkerMessage(message);
      lastKey = null;
      schedule();
    },
    opts.factory,
  );

  const currentKey = () => {
    const params = useExplorer.getState().params;
    return rowParamsKey(shallowParamsOf(params), usePhase.getState().plane, params.alphaMax);
  };
  const run = () => {
    const st = useExplorer.getState();
    const params = st.params;
    const plane = usePhase.getState().plane;
    const base = shallowParamsOf(params);
    const key = rowParamsKey(base, plane, params.alphaMax);
    if (key === lastKey) return;
    // The ε(α) curve and its α_sp come first (the machine may have two cores): stop the old diagram at once, start
    // the new one when the curve is in, and at page load drawn (every store change re-schedules this).
    if (st.computing || !st.firstViewDone || st.curve?.transitionState === 'pending') {
      if (lastKey !== null) {
        client.cancel();
        lastKey = null;
      }
      return;
    }
    lastKey = key;
    const ys = phaseYs(plane, PHASE_ROWS);
    const startedAt = performance.now();
    const gen = client.request(
      { base, plane, ys, alphaMax: params.alphaMax, nAlpha: PHASE_ALPHAS },
      {
        onRow: queueRow,
        onDone: (g, error) => {
          clearTimeout(redrawTimer);
          drawPending();
          usePhase.getState().finish(g, error);
        },
      },
    );
    usePhase.getState().start({ gen, key, plane, ys, alphaMax: params.alphaMax, startedAt });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
    // A curve being computed stops an outdated diagram now, not after the debounce: its worker would take a core
    // from the curve for that long. (A move along the plane's own variable keeps the diagram: same key.)
    if (lastKey !== null && useExplorer.getState().computing && currentKey() !== lastKey) {
      client.cancel();
      lastKey = null;
    }
  };
  run();
  const unsubs = [
    useExplorer.subscribe(schedule),
    usePhase.subscribe((s, prev) => s.plane !== prev.plane && schedule()),
  ];
  return () => {
    clearTimeout(timer);
    clearTimeout(redrawTimer);
    for (const u of unsubs) u();
    client.dispose();
  };
}
