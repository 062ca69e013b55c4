// What the controllers of one-computation tabs (glm, committee, saad-solla) share: the URL binding, one computation per parameter change on the
// tab's WorkerClient, and the way a finished computation (or a lost worker) lands in the store.
import type { StoreApi } from 'zustand';
import type { Outcome } from './outcome';
import { bindHash, type HashCodec } from '../state/hashCodec';
import { GenerationCounters, WorkerClient, type WorkerFactory } from './workerClient';

/** The fields every store of a one-computation tab has (glm, committee, saad-solla). */
export interface TabState<P> {
  params: P;
  computing: boolean;
  computeError: string | null;
  setParams(params: P, urlErrors?: string[]): void;
}

/** The tab's worker, with generations on `channels`; `onCrash` from crashMessage. */
export function tabWorker<Api extends object>(
  name: string,
  factory: WorkerFactory,
  channels: readonly string[],
  onCrash: (message: string) => void,
): WorkerClient<Api> {
  return new WorkerClient<Api>({ name, factory, generations: new GenerationCounters(channels), onCrash });
}

/**
 * Binds the tab's parameters to the URL and calls `compute` now and after every change; returns the stop
 * function, which also stops the worker.
 */
export function followParams<P, S extends TabState<P>>(
  codec: HashCodec<P>,
  store: StoreApi<S>,
  client: WorkerClient<object>,
  compute: () => void,
): () => void {
  const unbind = bindHash(codec, store);
  const unsub = store.subscribe((s, prev) => {
    if (s.params !== prev.params) compute();
  });
  compute();
  return () => {
    unbind();
    unsub();
    client.dispose();
  };
}

/**
 * Writes a finished computation: `patch(value)` on success; the message on failure (`prefix` before the physics'
 * own errors, a lost worker's message as it is); nothing for a superseded request.
 */
export function settle<P, S extends TabState<P>, T>(
  store: StoreApi<S>,
  r: Outcome<T>,
  prefix: string,
  patch: (value: T) => Partial<S>,
): void {
  if (r.ok) store.setState({ ...patch(r.value), computing: false, computeError: null });
  else if (!r.stale)
    store.setState({
      computing: false,
      computeError: r.error.kind === 'worker' ? r.error.message : `${prefix}${r.error.message}`,
    } as Partial<S>);
}

/** A crash while no computation runs still says so on the tab. */
export function crashMessage<P, S extends TabState<P>>(store: StoreApi<S>): (message: string) => void {
  return (message) => store.setState({ computing: false, computeError: message } as Partial<S>);
}
