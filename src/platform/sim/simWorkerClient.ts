// One simulation worker seen from the main thread, shared by the MLP and deep simulation panels (each owns one
// client, hence its own worker): lazy start, backend measurement before the first run (`?backend=` forces one),
// crash detection (the worker is dropped and respawned by the next call; the rest of the page keeps working),
// and the sweep loop both panels use.
import { proxy, wrap, type Remote } from 'comlink';
import { parseList } from '../cli/args';
import type { SimConfig } from '../../sim/simulation';
import type { BackendInfo, BrowserBackend, RunOutcome, SimWorkerApi } from './protocol';
import type { FinishedRun } from '../../families/mlp/simStore';

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
    worker = new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' });
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

/** A finished, not cancelled run as a point of the ε(α) plot (null otherwise). */
export function finishedRunOf(key: string, config: SimConfig, outcome: RunOutcome): FinishedRun | null {
  if (!outcome.ok || outcome.cancelled) return null;
  return { key, algo: config.algo, init: config.init, alpha: config.alpha, d: config.d, seed: config.seed, eps: outcome.summary.eps };
}

export interface SweepHooks {
  /** A fresh run id, which also becomes the one `cancel` should reach. */
  newId(): number;
  cancelled(): boolean;
  finished(config: SimConfig, outcome: RunOutcome): void;
  progress(done: number): void;
  /** A run refused its configuration: the sweep stops with this message. */
  stopped(message: string): void;
}

/**
 * Runs the sweep's configurations one after the other on the client's worker (no streaming), reporting each
 * finished run; returns how many finished. A worker failure crashes the client (message shown) and ends the sweep.
 */
export async function runSweepJobs(client: SimWorkerClient, jobs: { config: SimConfig; label: string }[], h: SweepHooks): Promise<number> {
  const remote = client.api();
  await client.ready();
  let done = 0;
  for (const { config, label } of jobs) {
    if (h.cancelled() || !client.current()) break;
    let outcome: RunOutcome;
    try {
      outcome = await remote.run({ id: h.newId(), config, speed: 0, paused: false, stream: false }, proxy(() => {}));
    } catch (e) {
      client.crash(`Sweep failed: ${e instanceof Error ? e.message : String(e)}.`);
      return done;
    }
    if (!outcome.ok) {
      h.stopped(`Sweep stopped at ${label}: ${outcome.message}`);
      break;
    }
    h.finished(config, outcome);
    h.progress(++done);
  }
  return done;
}

/** The sweep's α and seed lists from the panel's text fields, or the message to show (at most 200 runs). */
export function parseSweep(alphasText: string, seedsText: string, runsPerPair = 1): { alphas: number[]; seeds: number[] } | string {
  try {
    const alphas = parseList('alpha', alphasText);
    const seeds = parseList('seeds', seedsText);
    const total = alphas.length * seeds.length * runsPerPair;
    return total > 200 ? `Sweep: ${total} runs is too many (at most 200).` : { alphas, seeds };
  } catch (e) {
    return `Sweep: ${e instanceof Error ? e.message.replace(/^--/, '') : String(e)}`;
  }
}
