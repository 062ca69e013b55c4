// Main-thread side of the L = 2 worker: one request per parameter change (coalesced per animation frame) on the
// shared WorkerClient (generations, stale chunks dropped here and skipped in the worker, crash → respawn and a
// message, watchdog), and the URL binding. After a crash nothing is re-requested until the parameters change.
import { GenerationCounters, progress, WorkerClient, type WorkerFactory } from '../../platform/compute/workerClient';
import { chunkBatcher, perFrame } from '../../platform/compute/chunkBatch';
import { DEEP_CHANNELS, type DeepApi, type DeepChunk } from './protocol';
import { bindHash, numberRow, sliderOf } from '../../platform/state/hashCodec';
import { sliderNeighbours } from '../../platform/state/sliderNeighbours';
import { DEEP_TABLE, deepCodec, type DeepUiParams } from './params';
import { useDeep } from './store';
import { anyDepthKey, type AnyDepthRequest } from './anyDepthProtocol';

export const DEEP_CURVE_POINTS = 100;
/** Continuous readout laws carry 24 readout classes (×50 s classes): half the α points keep the curve live. */
const curvePoints = (p: DeepUiParams) =>
  p.readout === 'gauss' || p.readout === 'unif' ? DEEP_CURVE_POINTS / 2 : DEEP_CURVE_POINTS;

/** The parameters a curve depends on (not the selected α). */
function curveParams(p: DeepUiParams) {
  return {
    activation: p.activation,
    activation2: p.activation2,
    gamma: p.gamma,
    gamma2: p.gamma2,
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
    quenched: p.quenched,
  };
}

export const ANY_DEPTH_POINTS = 160;

/** The any-depth request of the page's parameters (σ and γ in every layer). */
export function anyDepthRequestOf(p: DeepUiParams): Omit<AnyDepthRequest, 'gen'> {
  return {
    activation: p.activation,
    gamma: p.gamma,
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
    depth: p.depth,
    compare: p.compare,
    alphaOverLMax: p.alphaMax,
    n: ANY_DEPTH_POINTS,
  };
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/deep.worker.ts', import.meta.url), { type: 'module', name: 'deep' });

/** Starts the worker and the bindings while the deep family is shown; returns the stop function. */
export function startDeep(factory: WorkerFactory = defaultFactory): () => void {
  let lastKey = '';
  let disposed = false;
  const client = new WorkerClient<DeepApi>({
    name: 'deep-theory',
    factory,
    generations: new GenerationCounters(DEEP_CHANNELS),
  });

  let lastAnyKey = '';
  /** Depth L ≥ 3: one any-depth request per parameter change (the shown depth, compared depths, thresholds). */
  function requestAnyDepth(params: DeepUiParams): void {
    const req = anyDepthRequestOf(params);
    const key = anyDepthKey(req);
    if (key === lastAnyKey) return;
    lastAnyKey = key;
    const gen = client.nextGeneration('anyDepth');
    useDeep.getState().setAnyDepth(useDeep.getState().anyDepth, true);
    void client
      .call((api) => api.computeAnyDepth({ ...req, gen }), { channel: 'anyDepth', gen, key })
      .then((r) => {
        if (r.ok) {
          useDeep.getState().setAnyDepth(r.value, false);
          useDeep.getState().setComputeError(null);
        } else if (!r.stale) {
          useDeep.getState().setAnyDepth(null, false);
          useDeep.getState().setComputeError(r.error);
          lastAnyKey = '';
        }
      });
  }

  // The denoiser tables of the next slider step along a γ1 or γ2 move (~1 s each, most of a γ step's cost), built in
  // a spare worker while the theory worker computes this step's curve, then handed to it. A step whose tables the
  // spare is still building waits for them rather than building them a second time beside it.
  const ranges = { gamma: sliderOf(numberRow(DEEP_TABLE, 'gamma')), gamma2: sliderOf(numberRow(DEEP_TABLE, 'gamma2')) };
  const tablesKey = (p: ReturnType<typeof curveParams>) => JSON.stringify([p.gamma, p.gamma2, p.readout]);
  let spare: WorkerClient<DeepApi> | null = null;
  let lastGammas: { gamma: number; gamma2: number } | null = null;
  let ahead: { key: string; installed: Promise<void> } | null = null;
  /** Starts building the next step's tables; resolves when the tables of `p` itself, if under way, are installed. */
  function buildAhead(p: ReturnType<typeof curveParams>): Promise<void> {
    const ready = ahead?.key === tablesKey(p) ? ahead.installed : Promise.resolve();
    const prev = lastGammas;
    lastGammas = { gamma: p.gamma, gamma2: p.gamma2 };
    if (!prev) return ready;
    const next = { ...p };
    let moved = false;
    for (const k of ['gamma', 'gamma2'] as const) {
      const [step] = sliderNeighbours(p[k], prev[k], ranges[k]);
      if (step === undefined) continue;
      next[k] = step;
      moved = true;
    }
    if (!moved) return ready;
    spare ??= new WorkerClient<DeepApi>({
      name: 'deep-tables',
      factory,
      generations: new GenerationCounters(DEEP_CHANNELS),
    });
    const gen = spare.nextGeneration('tables');
    const installed = spare
      .call((api) => api.buildTables(gen, next), { channel: 'tables', gen })
      .then(async (r) => {
        // A failed build is the curve's to report if the user goes there.
        if (r.ok && r.value.length > 0 && !disposed) await client.call((api) => api.installTables(r.value));
      })
      .catch(() => undefined);
    ahead = { key: tablesKey(next), installed };
    return ready;
  }

  function send(): void {
    if (disposed) return;
    const { params } = useDeep.getState();
    if (params.depth >= 3) return requestAnyDepth(params);
    const p = curveParams(params);
    const n = curvePoints(params);
    const key = JSON.stringify([p, params.alphaMax, n]);
    if (key === lastKey) return;
    lastKey = key;
    const gen = client.nextGeneration('curve');
    useDeep.getState().requested(gen);
    const tablesReady = buildAhead(p);
    const batch = chunkBatcher((c: DeepChunk) => useDeep.getState().applyChunk(c));
    const onChunk = (c: DeepChunk) => {
      if (client.isCurrent('curve', c.gen)) batch.push(c);
    };
    void tablesReady
      .then(() =>
        client.call(
          (api, alive) => api.computeCurve({ gen, params: p, alphaMax: params.alphaMax, n }, progress(alive, onChunk)),
          { channel: 'curve', gen, key },
        ),
      )
      .then((r) => {
        batch.flush();
        if (r.ok) useDeep.getState().finished(gen, null);
        else if (!r.stale) {
          useDeep.getState().finished(gen, r.error);
          if (r.error.kind === 'worker') lastKey = ''; // the same parameters may be asked for again after a change
        }
      });
  }
  // One request a frame, the first at once (platform/compute/chunkBatch.ts perFrame).
  const request = perFrame(send);

  const unbind = bindHash(deepCodec, useDeep);
  const unsub = useDeep.subscribe((s, prev) => {
    if (s.params !== prev.params) request();
  });
  request();
  return () => {
    disposed = true;
    unbind();
    unsub();
    client.dispose();
    spare?.dispose();
  };
}
