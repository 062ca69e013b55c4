// The GLM tab's controller: parameters (store + URL) → the GLM worker → results in the store. A new parameter
// set supersedes the curve and any GAMP run; GAMP runs on demand (runGamp), its points streamed into the store.
import type { GampResult } from '../../physics/classic/gamp';
import { progress, type WorkerClient, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { glmCodec, type GlmUiParams } from './params';
import { useGlm } from './store';
import { GLM_CHANNELS, type GlmApi } from './protocol';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/glm.worker.ts', import.meta.url), { type: 'module', name: 'glm' });

/**
 * State evolution points on [0, alphaMax] (α = 0: q = (E w)², ε the prior's, as the solver finds it): ReLU-with-noise
 * costs ~10 ms a step (2-D quadrature), so fewer there.
 */
function curveAlphas(p: GlmUiParams): number[] {
  const n = p.channel === 'relu' ? 40 : 200;
  return Array.from({ length: n + 1 }, (_, i) => (p.alphaMax * i) / n);
}

const physicsOf = (p: GlmUiParams) => ({
  prior: p.prior,
  channel: p.channel,
  delta: p.channel === 'sign' ? 0 : p.delta,
  bias: p.bias,
  sparsity: p.sparsity,
});

let client: WorkerClient<GlmApi> | null = null;

function compute(): void {
  if (!client) return;
  const c = client;
  const params = useGlm.getState().params;
  const gen = c.nextGeneration('curve');
  c.nextGeneration('gamp');
  useGlm.setState({ computing: true, gamp: [], gampRunning: false });
  const physics = physicsOf(params);
  void c
    .call((api) => api.glm(physics, curveAlphas(params), Math.max(params.alphaMax, 3), gen), {
      channel: 'curve',
      gen,
      key: JSON.stringify(params),
    })
    .then((r) => settle(useGlm, r, 'Invalid parameter: ', (value) => ({ result: { ...value, params } })));
}

/** GAMP at finite n (4 seeds × 8 α up to the α range), restarting any run in progress. */
export function runGamp(n: number): void {
  if (!client) return;
  const c = client;
  const params = useGlm.getState().params;
  const gen = c.nextGeneration('gamp');
  useGlm.setState({ gamp: [], gampRunning: true });
  const alphas = Array.from({ length: 8 }, (_, i) => +((params.alphaMax * (i + 1)) / 8).toPrecision(3));
  const req = { ...physicsOf(params), n, alphas, seeds: 4, seed: 1 };
  const onPoint = (r: GampResult) => {
    if (c.isCurrent('gamp', gen)) useGlm.setState((s) => ({ gamp: [...s.gamp, r] }));
  };
  void c
    .call((api, alive) => api.gamp(req, gen, progress(alive, onPoint)), {
      channel: 'gamp',
      gen,
      key: JSON.stringify(req),
    })
    .then((r) => {
      if (r.ok || !r.stale)
        useGlm.setState(r.ok ? { gampRunning: false } : { gampRunning: false, computeError: r.error.message });
    });
}

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startGlm(factory: WorkerFactory = defaultFactory): () => void {
  const c = tabWorker<GlmApi>('GLM', factory, GLM_CHANNELS, crashMessage(useGlm));
  client = c;
  const stop = followParams(glmCodec, useGlm, c, compute);
  return () => {
    stop();
    if (client === c) client = null;
  };
}
