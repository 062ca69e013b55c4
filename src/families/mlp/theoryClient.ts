// The theory worker seen from the page: the calls of TheoryApi on the shared WorkerClient (crash → respawn and a
// message, watchdog, generations on the 'curve' and 'point' channels, stale replies dropped, parameters that
// crashed the worker not sent again at once).
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { Outcome } from '../../platform/compute/outcome';
import { GenerationCounters, progress, WorkerClient, type WorkerFactory } from '../../platform/compute/workerClient';
import {
  CHANNELS,
  curveKey,
  type ActivationInfo,
  type AlphaGrid,
  type Channel,
  type CurveChunk,
  type CurveSummary,
  type OverlapProfile,
  type TheoryApi,
  type TransitionResult,
} from './protocol';

export interface TheoryClientOptions {
  /** Called after the worker crashed (or stopped responding) and a fresh one was started. */
  onCrash: (message: string) => void;
  factory?: WorkerFactory;
  /** A call with no reply (no chunk) for this long counts as a hung worker. */
  watchdogMs?: number;
}

export class TheoryClient {
  private readonly client: WorkerClient<TheoryApi>;

  constructor(opts: TheoryClientOptions) {
    this.client = new WorkerClient<TheoryApi>({
      name: 'theory',
      factory:
        opts.factory ??
        (() =>
          new Worker(new URL('../../../workers/mlp.worker.ts', import.meta.url), { type: 'module', name: 'theory' })),
      onCrash: opts.onCrash,
      watchdogMs: opts.watchdogMs,
      generations: new GenerationCounters(CHANNELS),
    });
  }

  /** A new generation on a channel; older work on it becomes stale at once (in the worker too). */
  nextGeneration(channel: Channel): number {
    return this.client.nextGeneration(channel);
  }

  isCurrent(channel: Channel, gen: number): boolean {
    return this.client.isCurrent(channel, gen);
  }

  /** Streams a curve; chunks of superseded generations are dropped here as well as in the worker. */
  curve(
    gen: number,
    params: ShallowParams,
    grid: AlphaGrid,
    onChunk: (chunk: CurveChunk) => void,
  ): Promise<Outcome<CurveSummary>> {
    return this.client.call(
      (api, alive) =>
        api.computeCurve(
          { gen, params, grid },
          progress(alive, (chunk: CurveChunk) => {
            if (this.isCurrent('curve', chunk.gen)) onChunk(chunk);
          }),
        ),
      { channel: 'curve', gen, key: curveKey(params, grid) },
    );
  }

  transition(gen: number, params: ShallowParams, alphaMax: number): Promise<Outcome<TransitionResult>> {
    return this.client.call((api) => api.computeTransition(gen, params, alphaMax), { channel: 'curve', gen });
  }

  point(gen: number, params: ShallowParams, alpha: number, warm: ShallowPoint | null): Promise<Outcome<ShallowPoint>> {
    return this.client.call((api) => api.solveAt(gen, params, alpha, warm), {
      channel: 'point',
      gen,
      key: JSON.stringify([params, alpha]),
    });
  }

  /** The overlap profile Q(v) at one α, on its own channel (a newer α supersedes it). */
  profile(
    gen: number,
    params: ShallowParams,
    alpha: number,
    grid: AlphaGrid,
    warm: ShallowPoint | null,
  ): Promise<Outcome<OverlapProfile>> {
    return this.client.call((api) => api.computeProfile(gen, params, alpha, grid, warm), {
      channel: 'profile',
      gen,
      key: JSON.stringify([params, alpha, 'profile']),
    });
  }

  /** Models built ahead on the curve channel: a newer curve request stops it. */
  prefetch(gen: number, params: ShallowParams[]): Promise<Outcome<number>> {
    return this.client.call((api) => api.prefetchModels(gen, params), { channel: 'curve', gen });
  }

  describeActivation(name: string): Promise<Outcome<ActivationInfo>> {
    return this.client.call((api) => api.describeActivation(name));
  }

  dispose(): void {
    this.client.dispose();
  }
}
