// Main-thread side of the L = 2 worker: one request per parameter change (coalesced per animation frame),
// generation numbers (stale chunks dropped here and skipped in the worker), restart after a crash, URL binding.
import { proxy, wrap, type Remote } from 'comlink';
import type { DeepApi, DeepChunk } from './protocol';
import { bindHash } from '../../platform/state/hashCodec';
import { deepCodec, type DeepUiParams } from './params';
import { useDeep } from './store';

export const DEEP_CURVE_POINTS = 100;
/** Continuous readout laws carry 24 readout classes (×50 s classes): half the α points keep the curve live. */
const curvePoints = (p: DeepUiParams) => (p.readout === 'gauss' || p.readout === 'unif' ? DEEP_CURVE_POINTS / 2 : DEEP_CURVE_POINTS);

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

export type DeepWorkerFactory = () => Worker;
const defaultFactory: DeepWorkerFactory = () => new Worker(new URL('../../../workers/deep.worker.ts', import.meta.url), { type: 'module', name: 'deep' });

/** Starts the worker and the bindings while the deep family is shown; returns the stop function. */
export function startDeep(factory: DeepWorkerFactory = defaultFactory): () => void {
  let worker: Worker;
  let api: Remote<DeepApi>;
  let gen = 0;
  let lastKey = '';
  let disposed = false;
  const spawn = () => {
    worker = factory();
    worker.onerror = (ev) => {
      ev.preventDefault();
      worker.terminate();
      spawn();
      lastKey = '';
      useDeep.getState().finished(gen, { kind: 'worker', message: `The deep-theory worker crashed (${ev.message || 'unknown error'}); it was restarted.` });
      request();
    };
    api = wrap<DeepApi>(worker);
  };
  spawn();

  let queued = false;
  function request(): void {
    if (queued || disposed) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const { params } = useDeep.getState();
      const p = curveParams(params);
      const n = curvePoints(params);
      const key = JSON.stringify([p, params.alphaMax, n]);
      if (key === lastKey) return;
      lastKey = key;
      const g = ++gen;
      void api.supersede(g);
      useDeep.getState().requested(g);
      const onChunk = proxy((c: DeepChunk) => {
        if (c.gen === gen) useDeep.getState().applyChunk(c);
      });
      api.computeCurve({ gen: g, params: p, alphaMax: params.alphaMax, n }, onChunk).then(
        (r) => {
          if (g !== gen) return;
          if (r.ok) useDeep.getState().finished(g, null);
          else if (!r.stale) useDeep.getState().finished(g, r.error);
        },
        (e: unknown) => {
          if (g === gen) useDeep.getState().finished(g, { kind: 'worker', message: e instanceof Error ? e.message : String(e) });
        },
      );
    });
  }

  const unbind = bindHash(deepCodec, useDeep);
  const unsub = useDeep.subscribe((s, prev) => {
    if (s.params !== prev.params) request();
  });
  request();
  return () => {
    disposed = true;
    unbind();
    unsub();
    worker.terminate();
  };
}
