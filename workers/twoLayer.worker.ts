// Thin comlink adapter for the two-layer lecture: theory and simulations of src/families/two-layer/service.ts.
// Callbacks arrive as comlink proxies: fire and forget, then release their ports.
import { expose, releaseProxy, type Remote } from 'comlink';
import * as service from '../src/families/two-layer/service';

type Cb<T> = (x: T) => void;
async function withCallback<T, R>(cb: Cb<T>, run: (f: Cb<T>) => Promise<R>): Promise<R> {
  const remote = cb as unknown as Remote<Cb<T>>;
  try {
    return await run((x) => void (remote as unknown as (y: T) => Promise<void>)(x));
  } finally {
    remote[releaseProxy]();
  }
}

const api = {
  computeTheory: service.computeTheory,
  escapeCurves: service.escapeCurves,
  odeCurve: service.odeCurve,
  cancel: service.cancel,
  simulateOneStep: service.simulateOneStep,
  simulateRF: (p: service.TwoLayerParams, alphas: number[], seeds: number, gen: number, onPoint: Cb<service.RFSimPoint>) =>
    withCallback(onPoint, (f) => service.simulateRF(p, alphas, seeds, gen, f)),
  simulateEscapeVsD: (ell: number, eta: number, runs: number, gen: number, onPoint: Cb<service.EscapeSimPoint>) =>
    withCallback(onPoint, (f) => service.simulateEscapeVsD(ell, eta, runs, gen, f)),
  simulateSgd: (p: service.TwoLayerParams, runs: number, gen: number, onRun: Cb<service.SgdChunk>) =>
    withCallback(onRun, (f) => service.simulateSgd(p, runs, gen, f)),
};
export type TwoLayerWorkerApi = typeof api;
expose(api);
