// Main-thread side of the theory worker: generation ids, stale-reply filtering, crash detection and respawn.
// comlink cannot cancel a call; instead every request gets a generation number, published to the worker through a
// SharedArrayBuffer when the page is cross-origin isolated (else by message), and replies from older generations are ignored.
import { proxy, wrap, type Remote } from 'comlink';
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import {
  CHANNEL,
  type ActivationInfo,
  type AlphaGrid,
  type Channel,
  type CurveChunk,
  type CurveSummary,
  type Outcome,
  type TheoryApi,
  type TransitionResult,
} from './protocol';

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/theory.worker.ts', import.meta.url), { type: 'module', name: 'theory' });

/** A call that got no reply because the worker died or hung. */
function lost(message: string): Outcome<never> {
  return { ok: false, error: { kind: 'worker', message } };
}

export interface TheoryClientOptions {
  /** Called after the worker crashed (or stopped responding) and a fresh one was started. */
  onCrash: (message: string) => void;
  factory?: WorkerFactory;
  /** A call with no reply (no chunk) for this long counts as a hung worker. */
  watchdogMs?: number;
}

export class TheoryClient {
  private worker!: Worker;
  private api!: Remote<TheoryApi>;
  private readonly counters: Record<Channel, number> = { curve: 0, point: 0 };
  private readonly shared: Int32Array | null;
  private readonly factory: WorkerFactory;
  private readonly watchdogMs: number;
  /** Rejecters of calls in flight, settled when the worker dies. */
  private inflight = new Set<(message: string) => void>();
  private disposed = false;

  constructor(private readonly opts: TheoryClientOptions) {
    this.factory = opts.factory ?? defaultFactory;
    this.watchdogMs = opts.watchdogMs ?? 30_000;
    this.shared =
      typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated
        ? new Int32Array(new SharedArrayBuffer(4 * Object.keys(CHANNEL).length))
        : null;
    this.spawn();
  }

  private spawn(): void {
    this.worker = this.factory();
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const where = ev.filename ? ` (${ev.filename.split('/').pop()}:${ev.lineno})` : '';
      this.crash(`The theory worker crashed: ${ev.message || 'unknown error'}${where}. It was restarted.`);
    };
    this.worker.onmessageerror = () => this.crash('The theory worker sent a message that could not be read. It was restarted.');
    this.api = wrap<TheoryApi>(this.worker);
    if (this.shared) void this.api.attachGenerations(this.shared.buffer as SharedArrayBuffer);
  }

  /** Kills the worker, fails the calls in flight, starts a fresh worker, then tells the owner. */
  private crash(message: string): void {
    if (this.disposed) return;
    this.worker.terminate();
    const pending = [...this.inflight];
    this.inflight.clear();
    this.spawn();
    for (const reject of pending) reject(message);
    this.opts.onCrash(message);
  }

  /** Runs one worker call; resolves with a 'lost' outcome if the worker dies or stays silent too long. */
  private call<T>(run: (api: Remote<TheoryApi>, alive: () => void) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    return new Promise<Outcome<T>>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => this.crash(`The theory worker stopped responding (no progress for ${Math.round(this.watchdogMs / 1000)} s). It was restarted.`),
          this.watchdogMs,
        );
      };
      const onLost = (message: string) => {
        clearTimeout(timer);
        resolve(lost(message));
      };
      this.inflight.add(onLost);
      arm();
      run(this.api, arm).then(
        (r) => {
          clearTimeout(timer);
          if (this.inflight.delete(onLost)) resolve(r);
        },
        (e: unknown) => {
          clearTimeout(timer);
          if (this.inflight.delete(onLost)) resolve(lost(`The theory worker failed: ${e instanceof Error ? e.message : String(e)}`));
        },
      );
    });
  }

  /** A new generation on a channel; older work on it becomes stale at once (in the worker too). */
  nextGeneration(channel: Channel): number {
    const gen = ++this.counters[channel];
    if (this.shared) Atomics.store(this.shared, CHANNEL[channel], gen);
    else void this.api.supersede(channel, gen);
    return gen;
  }

  isCurrent(channel: Channel, gen: number): boolean {
    return this.counters[channel] === gen;
  }

  /** Streams a curve; chunks of superseded generations are dropped here as well as in the worker. */
  curve(gen: number, params: ShallowParams, grid: AlphaGrid, onChunk: (chunk: CurveChunk) => void): Promise<Outcome<CurveSummary>> {
    return this.call(async (api, alive) => {
      const cb = proxy((chunk: CurveChunk) => {
        alive();
        if (this.isCurrent('curve', chunk.gen)) onChunk(chunk);
      });
      const r = await api.computeCurve({ gen, params, grid }, cb);
      return this.isCurrent('curve', gen) ? r : { ok: false, stale: true };
    });
  }

  transition(gen: number, params: ShallowParams, alphaMax: number): Promise<Outcome<TransitionResult>> {
    return this.call(async (api) => {
      const r = await api.computeTransition(gen, params, alphaMax);
      return this.isCurrent('curve', gen) ? r : { ok: false, stale: true };
    });
  }

  point(gen: number, params: ShallowParams, alpha: number, warm: ShallowPoint | null): Promise<Outcome<ShallowPoint>> {
    return this.call(async (api) => {
      const r = await api.solveAt(gen, params, alpha, warm);
      return this.isCurrent('point', gen) ? r : { ok: false, stale: true };
    });
  }

  describeActivation(name: string): Promise<Outcome<ActivationInfo>> {
    return this.call((api) => api.describeActivation(name));
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    for (const reject of this.inflight) reject('disposed');
    this.inflight.clear();
  }
}
