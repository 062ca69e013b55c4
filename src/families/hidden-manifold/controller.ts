// The hidden-manifold tab's controller: parameters (store + URL) → its worker → the ridge curve in the store; on
// request, the online-SGD comparison streamed into the store (dropped when a parameter it depends on changes).
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { hmmCodec, type HmmUiParams } from './params';
import { ridgeSimKey, sgdKey, useHiddenManifold } from './store';
import {
  HMM_CHANNELS,
  type HmmApi,
  type RidgeRequest,
  type RidgeSimPoint,
  type SgdChunk,
  type SgdRequest,
} from './protocol';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/hidden-manifold.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hidden-manifold',
  });

export const ridgeRequest = (p: HmmUiParams): RidgeRequest => ({
  activation: p.activation,
  target: p.target,
  delta: p.delta,
  lambda: p.lambda,
  noise: p.noise,
  alphaMax: p.alphaMax,
});

export const sgdRequest = (p: HmmUiParams, gen: number, seeds: number): SgdRequest => ({
  gen,
  f: p.activation,
  units: p.units,
  K: p.K,
  M: p.M,
  N: p.N,
  delta: p.delta,
  eta: p.eta,
  noise: p.noise,
  alphaMax: p.sgdAlpha,
  seed: p.seed,
  seeds,
});

/** α's of the ridge simulation: 12 equal steps up to alphaMax, skipping α = 1 (the λ → 0⁺ peak). */
export function ridgeSimAlphas(alphaMax: number): number[] {
  return Array.from({ length: 12 }, (_, i) => (alphaMax * (i + 1)) / 12).map((a) =>
    Math.abs(a - 1) < 0.02 ? a + 0.05 : a,
  );
}

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startHiddenManifold(factory: WorkerFactory = defaultFactory): () => void {
  const store = useHiddenManifold;
  const client = tabWorker<HmmApi>('hidden manifold', factory, HMM_CHANNELS, crashMessage(store));
  const compute = () => {
    const req = ridgeRequest(store.getState().params);
    const gen = client.nextGeneration('curve');
    store.setState({ computing: true });
    void client
      .call((api) => api.curve(req, gen), { channel: 'curve', gen, key: JSON.stringify(req) })
      .then((r) => settle(store, r, 'Invalid parameter: ', (result) => ({ result })));
    const lgen = client.nextGeneration('logistic');
    void client
      .call((api) => api.logistic(req, lgen), { channel: 'logistic', gen: lgen, key: JSON.stringify(req) })
      .then((r) => {
        if (r.ok) store.setState({ logistic: r.value });
        else if (!r.stale) store.setState({ logistic: { refused: r.error.message } });
      });
  };
  const simulate = () => {
    const { params, simRequest } = store.getState();
    if (!simRequest) return;
    const gen = client.nextGeneration('sim');
    const onChunk = (c: SgdChunk) => {
      if (client.isCurrent('sim', c.gen)) store.getState().applySimChunk(c);
    };
    const req = sgdRequest(params, gen, simRequest.seeds);
    void client
      .call((api, alive) => api.simulate(req, progress(alive, onChunk)), { channel: 'sim', gen })
      .then((r) => {
        const sim = store.getState().simulation;
        if ((!r.ok && r.stale) || !sim || !client.isCurrent('sim', gen)) return;
        store.setState({ simulation: { ...sim, running: false, error: r.ok ? null : r.error.message } });
      });
  };
  const simulateRidge = () => {
    const { params, ridgeSimRequest } = store.getState();
    if (!ridgeSimRequest) return;
    const gen = client.nextGeneration('ridgeSim');
    const onPoint = ({ gen: g, ...point }: RidgeSimPoint) => {
      const sim = store.getState().ridgeSim;
      if (client.isCurrent('ridgeSim', g) && sim)
        store.setState({ ridgeSim: { ...sim, points: [...sim.points, point] } });
    };
    const req = {
      gen,
      ridge: ridgeRequest(params),
      N: params.N,
      seeds: ridgeSimRequest.seeds,
      alphas: ridgeSimAlphas(params.alphaMax),
    };
    void client
      .call((api, alive) => api.ridgeSim(req, progress(alive, onPoint)), { channel: 'ridgeSim', gen })
      .then((r) => {
        const sim = store.getState().ridgeSim;
        if ((!r.ok && r.stale) || !sim || !client.isCurrent('ridgeSim', gen)) return;
        store.setState({ ridgeSim: { ...sim, running: false, error: r.ok ? null : r.error.message } });
      });
  };
  const unsubSim = store.subscribe((s, prev) => {
    if (s.ridgeSimRequest !== prev.ridgeSimRequest) simulateRidge();
    else if (s.params !== prev.params && s.ridgeSim && ridgeSimKey(s.params) !== ridgeSimKey(prev.params)) {
      client.nextGeneration('ridgeSim');
      store.setState({ ridgeSim: null, ridgeSimRequest: null });
    }
    if (s.simRequest !== prev.simRequest) simulate();
    else if (s.params !== prev.params && s.simulation && sgdKey(s.params) !== sgdKey(prev.params)) {
      client.nextGeneration('sim'); // supersedes a running simulation
      store.setState({ simulation: null, simRequest: null });
    }
  });
  const stop = followParams(hmmCodec, store, client, compute);
  return () => {
    unsubSim();
    stop();
  };
}
