// One simulation worker seen from the main thread, shared by the MLP and deep simulation panels (each owns one
// client, hence its own worker): lazy start, backend measurement before the first run (`?backend=` forces one),
// crash detection (the worker is dropped and respawned by the next call; the rest of the page keeps working).
import { wrap, type Remote } from 'comlink';
import type { BackendInfo, BrowserBackend, SimWorkerApi } from '../../workers/simProtocol';

const BACKENDS: readonly BrowserBackend[] = ['webgl', 'wasm', 'cpu'];

/** `?backend=webgl|wasm|cpu` in the page's query string forces a backend (the hash belongs to the model's codec). */
export function forcedBackend(search = typeof location !== 'undefined' ? location.search : ''): BrowserBackend | null {
  const b = new URLSearchParams(search).get('backend');
  return b && (BACKENDS as readonly string[]).includes(b) ? (b as BrowserBackend) : null;
}

export interface SimWorkerHandlers {
  onBackend(info: BackendInfo): void;
  /** A notice for the panel (a forced backend that could not start). */
  onMessage(message: string): void;
  /** The worker died or no backend could start; `message` says why and that the page is unaffected. */
  onCrash(message: string): void;
}

export interface SimWorkerClient {
  /** The worker's API, starting the worker (and its backend measurement) when needed. */
  api(): Remote<SimWorkerApi>;
  /** Resolves once the backend is chosen (or the start failed). */
  ready(): Promise<void>;
  /** The current API if a worker is alive (for controls that must not start one). */
  current(): Remote<SimWorkerApi> | null;
  /** Stops the worker after a failure and reports it; the next `api()` starts a fresh one. */
  crash(message: string): void;
}

export function createSimWorkerClient(h: SimWorkerHandlers): SimWorkerClient {
  let worker: Worker | null = null;
  let api: Remote<SimWorkerApi> | null = null;
  let backendReady: Promise<void> = Promise.resolve();
  const crash = (message: string) => {
    worker?.terminate();
    worker = null;
    api = null;
    backendReady = Promise.resolve();
    h.onCrash(`${message} The simulation worker was stopped; it restarts with the next run. The rest of the page is unaffected.`);
  };
  const start = (): Remote<SimWorkerApi> => {
    if (api) return api;
    worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' });
    worker.onerror = (ev) => {
      ev.preventDefault();
      crash(`Simulation worker crashed${ev.message ? `: ${ev.message}` : ''}.`);
    };
    const a = wrap<SimWorkerApi>(worker);
    api = a;
    const forced = forcedBackend();
    backendReady = a.init(forced).then(
      (info) => {
        h.onBackend(info);
        if (forced && info.backend !== forced) h.onMessage(`backend=${forced} could not start (${info.failed.join('; ')}); using ${info.backend}.`);
      },
      (e) => crash(`No TensorFlow.js backend could start: ${e instanceof Error ? e.message : String(e)}.`),
    );
    return a;
  };
  return { api: start, ready: () => backendReady, current: () => api, crash };
}
