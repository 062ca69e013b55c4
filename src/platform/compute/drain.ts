// Runs a simulation generator inside a worker call: its values go out in batches every `chunkMs` of compute, with a
// yield to the event loop between batches so that a superseding request gets in (and ends this one).
import { yieldToEventLoop } from './yield';

/** The generator's return value and every value it gave, or null when `stale()` turned true between batches. */
export async function drainInBatches<T, R>(
  it: Generator<T, R>,
  onBatch: (batch: T[]) => void,
  stale: () => boolean,
  chunkMs = 150,
): Promise<{ value: R; all: T[]; rest: T[] } | null> {
  const all: T[] = [];
  let batch: T[] = [];
  let last = performance.now();
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { value: r.value, all, rest: batch };
    all.push(r.value);
    batch.push(r.value);
    if (performance.now() - last > chunkMs) {
      onBatch(batch);
      batch = [];
      await yieldToEventLoop();
      if (stale()) return null;
      last = performance.now();
    }
  }
}
