// Streamed curve chunks delivered to the page at most once per animation frame. Every delivery renders the whole
// view synchronously (zustand stores are read through useSyncExternalStore), so a main thread that fell behind the
// worker (the first load, a slow machine) rendered each queued chunk in turn: the complete curve came ~2 s after the
// worker had finished it. The first chunk goes through at once (a slider move still redraws without a frame's wait);
// what arrives before the next frame is merged into one chunk.

/** The fields a mergeable chunk has (the families' protocol.ts). */
export interface MergeableChunk<P> {
  gen: number;
  header?: unknown;
  indices: number[];
  points: P[];
  spansRange: boolean;
  done: boolean;
}

/**
 * Two consecutive chunks of one generation as one: the points of both, the first's header (a curve's header comes
 * with its first chunk), the later's other fields, spansRange and done if either has them.
 */
export function mergeChunks<P, C extends MergeableChunk<P>>(a: C, b: C): C {
  return {
    ...b,
    header: a.header ?? b.header,
    indices: [...a.indices, ...b.indices],
    points: [...a.points, ...b.points],
    spansRange: a.spansRange || b.spansRange,
    done: a.done || b.done,
  };
}

/** Calls back on the next animation frame, or after 100 ms where frames are throttled (a hidden tab). */
export function nextFrame(cb: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cb();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
}

/**
 * Requests of a controller, at most one a frame: the first change of a frame is sent at once (synchronously, before
 * React renders it: a render of the whole view delayed the request by up to 40 ms, a frame's wait by up to 16 ms
 * more), later ones in that frame together on the next frame. Returns the function to call on every change.
 */
export function perFrame(send: () => void, frame: (cb: () => void) => void = nextFrame): () => void {
  let open = false;
  let dirty = false;
  const schedule = (): void => {
    if (open) {
      dirty = true;
      return;
    }
    open = true;
    send();
    frame(() => {
      open = false;
      if (dirty) {
        dirty = false;
        schedule();
      }
    });
  };
  return schedule;
}

export interface ChunkBatcher<C> {
  /** A chunk from the worker: delivered now if no frame is open, else merged into the frame's delivery. */
  push(chunk: C): void;
  /** Delivers what is waiting now (call it when the stream's promise settles, before reading the store). */
  flush(): void;
}

export function chunkBatcher<P, C extends MergeableChunk<P>>(
  deliver: (chunk: C) => void,
  frame: (cb: () => void) => void = nextFrame,
): ChunkBatcher<C> {
  let open = false;
  let pending: C | null = null;
  const flush = () => {
    const c = pending;
    pending = null;
    if (c) deliver(c);
  };
  const close = () => {
    flush();
    open = false;
  };
  return {
    push(chunk) {
      if (!open) {
        open = true;
        deliver(chunk);
        frame(close);
        return;
      }
      // A chunk of another generation never merges: deliver what waits, then keep this one for the frame.
      if (pending && pending.gen !== chunk.gen) flush();
      pending = pending ? mergeChunks<P, C>(pending, chunk) : chunk;
    },
    flush,
  };
}
