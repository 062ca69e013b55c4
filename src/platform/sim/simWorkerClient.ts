// One simulation worker seen from the main thread, shared by the MLP and deep simulation panels (each owns one
// client, hence its own worker): the shared WorkerClient, started lazily (and again on the first run after a
// crash), backend measurement before the first run (`?backend=` forces one), and the sweep loop both panels use.
// A worker that dies or stops sending progress (watchdog; paused runs are exempt) ends its runs with a runtime
// error and a message; the next run starts a fresh worker.
import { isSeed, SEED_MAX } from '../../physics/numerics/rng';
import { parseList } from '../cli/args';
import type { SimConfig } from '../../sim/simulation';
import { progress, WorkerClient, type CallControl, type WorkerFactory } from '../compute/workerClient';
import type { BackendInfo, BrowserBackend, Control, RunOutcome, RunRequest, SimEvent, SimWorkerApi } from './protocol';
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
  /** The worker died, hung or no backend could start; `message` says why and that the page is unaffected. */
  onCrash(message: string): void;
}

/** The worker's calls as the panels use them (a run that loses its worker resolves with a runtime error). */
export interface SimApi {
  run(req: RunRequest, onEvent: (e: SimEvent) => void): Promise<RunOutcome>;
  control(id: number, cmd: Control): void;
  setSpeed(id: number, speed: number): void;
}

export interface SimWorkerClient {
  /** The worker's API, starting the worker (and its backend measurement) when needed. */
  api(): SimApi;
  /** Resolves once the backend is chosen (or the start failed). */
  ready(): Promise<void>;
  /** The API if a worker is alive (for controls that must not start one). */
  current(): SimApi | null;
  /** Stops the worker after a failure and reports it; the next `api()` starts a fresh one. */
  crash(message: string): void;
}

export interface SimWorkerOptions {
  factory?: WorkerFactory;
  /** A running (not paused) run with no progress for this long counts as a hung worker. */
  watchdogMs?: number;
  forced?: BrowserBackend | null;
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' });

export function createSimWorkerClient(h: SimWorkerHandlers, opts: SimWorkerOptions = {}): SimWorkerClient {
  const unaffected = (message: string) => h.onCrash(`${message} The rest of the page is unaffected.`);
  let backendReady: Promise<void> = Promise.resolve();
  /** The watchdog controls of the runs in flight, by run id (pause and resume reach them). */
  const runs = new Map<number, CallControl>();
  const client: WorkerClient<SimWorkerApi> = new WorkerClient<SimWorkerApi>({
    name: 'simulation',
    factory: opts.factory ?? defaultFactory,
    lazy: true,
    watchdogMs: opts.watchdogMs,
    onCrash: (message) => {
      backendReady = Promise.resolve();
      unaffected(message);
    },
    onSpawn: () => {
      const forced = opts.forced !== undefined ? opts.forced : forcedBackend();
      const init = client.run(
        (api) =>
          api.init(forced).then(
            (info) => {
              h.onBackend(info);
              if (forced && info.backend !== forced)
                h.onMessage(`backend=${forced} could not start (${info.failed.join('; ')}); using ${info.backend}.`);
              return null;
            },
            (e: unknown) => `No TensorFlow.js backend could start: ${e instanceof Error ? e.message : String(e)}.`,
          ),
        () => null, // the crash is reported already
      );
      backendReady = init.then((failure) => {
        if (failure) crash(failure);
      });
    },
  });
  const crash = (message: string) => {
    if (client.running) client.restart(message);
    else unaffected(message);
  };
  const api: SimApi = {
    run: (req, onEvent) =>
      client.run(
        (remote, control) => {
          runs.set(req.id, control);
          if (req.paused) control.pause();
          return remote.run(req, progress(control.alive, onEvent)).finally(() => runs.delete(req.id));
        },
        (message): RunOutcome => {
          runs.delete(req.id);
          return { ok: false, id: req.id, message, kind: 'runtime' };
        },
      ),
    control: (id, cmd) => {
      if (cmd === 'pause') runs.get(id)?.pause();
      else if (cmd === 'resume') runs.get(id)?.resume();
      void client.running?.control(id, cmd);
    },
    setSpeed: (id, speed) => void client.running?.setSpeed(id, speed),
  };
  return {
    api: () => {
      void client.api;
      return api;
    },
    ready: () => backendReady,
    current: () => (client.running ? api : null),
    crash,
  };
}

/** A finished, not cancelled run as a point of the ε(α) plot (null otherwise). */
export function finishedRunOf(key: string, config: SimConfig, outcome: RunOutcome): FinishedRun | null {
  if (!outcome.ok || outcome.cancelled) return null;
  return {
    key,
    algo: config.algo,
    init: config.init,
    alpha: config.alpha,
    d: config.d,
    seed: config.seed,
    eps: outcome.summary.eps,
  };
}

export interface SweepHooks {
  /** A fresh run id, which also becomes the one `cancel` should reach. */
  newId(): number;
  cancelled(): boolean;
  finished(config: SimConfig, outcome: RunOutcome): void;
  progress(done: number): void;
  /** A run refused its configuration: the sweep stops with this message. */
  stopped(message: string): void;
  /** A run starts (its id): with `event`, it streams its progress there so that its trace is drawn live. */
  started?(id: number, config: SimConfig): void;
  event?(e: SimEvent): void;
}

/**
 * Runs the sweep's configurations one after the other on the client's worker (streamed to `event` if given),
 * reporting each finished run; returns how many finished. A failed run (a lost worker included) ends the sweep with its message.
 */
export async function runSweepJobs(
  client: SimWorkerClient,
  jobs: { config: SimConfig; label: string }[],
  h: SweepHooks,
): Promise<number> {
  const remote = client.api();
  await client.ready();
  let done = 0;
  for (const { config, label } of jobs) {
    if (h.cancelled() || !client.current()) break;
    const id = h.newId();
    h.started?.(id, config);
    const stream = !!h.event;
    const outcome = await remote.run({ id, config, speed: 0, paused: false, stream }, (e) => h.event?.(e));
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
export function parseSweep(
  alphasText: string,
  seedsText: string,
  runsPerPair = 1,
): { alphas: number[]; seeds: number[] } | string {
  try {
    const alphas = parseList('alpha', alphasText);
    const seeds = parseList('seeds', seedsText);
    // Two equal seeds would be the same run twice, and a standard error of 0 (issue 21).
    const bad = seeds.find((x) => !isSeed(x));
    if (bad !== undefined) return `Sweep: seeds must be integers in [0, ${SEED_MAX}], got ${bad}.`;
    if (new Set(seeds).size < seeds.length) return 'Sweep: a seed is given twice (the same run twice).';
    const total = alphas.length * seeds.length * runsPerPair;
    return total > 200 ? `Sweep: ${total} runs is too many (at most 200).` : { alphas, seeds };
  } catch (e) {
    return `Sweep: ${e instanceof Error ? e.message.replace(/^--/, '') : String(e)}`;
  }
}
