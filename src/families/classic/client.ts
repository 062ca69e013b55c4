// Main-thread side of the classic-models worker: one lazily started worker, a generation number per channel
// (published to the worker so that it drops superseded work between α points), stale replies ignored.
import { proxy, wrap, type Remote } from 'comlink';
import type { ClassicApi } from '../../../workers/classic.worker';

let api: Remote<ClassicApi> | null = null;
const gens: Record<string, number> = {};

export function classicWorker(): Remote<ClassicApi> {
  if (!api) api = wrap<ClassicApi>(new Worker(new URL('../../../workers/classic.worker.ts', import.meta.url), { type: 'module', name: 'classic' }));
  return api;
}

/** A new generation for `channel`; the worker stops older work of that channel at its next α point. */
export function nextGen(channel: string): number {
  gens[channel] = (gens[channel] ?? 0) + 1;
  void classicWorker().setLatest(channel, gens[channel]);
  return gens[channel];
}

export const isCurrent = (channel: string, gen: number) => gens[channel] === gen;

export { proxy };
