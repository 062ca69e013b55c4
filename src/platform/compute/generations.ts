// Generation numbers, worker side. comlink cannot cancel a call: the page bumps a channel's generation for every
// new request and publishes it (through a SharedArrayBuffer when the page is cross-origin isolated, else by a
// `supersede` message); long work checks `isStale` between steps and stops.

/** What a service with generations exposes (the page's WorkerClient calls these). */
export interface GenerationsApi {
  attachGenerations(buffer: SharedArrayBuffer): void;
  supersede(channel: string, gen: number): void;
}

export interface Generations extends GenerationsApi {
  /** Records a request's own generation (a request is never older than itself). */
  note(channel: string, gen: number): void;
  /** A newer request of this channel has arrived. */
  isStale(channel: string, gen: number): boolean;
}

/** `channels`: the names the page uses, in the order of the shared buffer's slots. */
export function createGenerations(channels: readonly string[]): Generations {
  let shared: Int32Array | null = null;
  const latest = new Map<string, number>();
  const slot = (channel: string) => channels.indexOf(channel);
  const newest = (channel: string) => {
    const i = slot(channel);
    return Math.max(latest.get(channel) ?? 0, shared && i >= 0 ? Atomics.load(shared, i) : 0);
  };
  const note = (channel: string, gen: number) => latest.set(channel, Math.max(latest.get(channel) ?? 0, gen));
  return {
    attachGenerations(buffer) {
      shared = new Int32Array(buffer);
    },
    supersede: note,
    note,
    isStale: (channel, gen) => newest(channel) > gen,
  };
}
