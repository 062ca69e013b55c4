// The skeleton of a worker service with generations: the generation methods the page calls, and the two ways a
// request runs (at once, or step by step with event-loop yields so that a newer request stops it).
import { createGenerations, type GenerationsApi } from './generations';
import { attempt, classifier, ok, STALE, type ComputeError, type ErrorClasses, type Outcome } from './outcome';
import { yieldToEventLoop } from './yield';

export interface ServiceCore {
  classify: (e: unknown, where?: string) => ComputeError;
  /** Runs `f` for a request of `channel`, unless a newer request of it has arrived. */
  once<T>(channel: string, gen: number, f: () => T): Outcome<T>;
  /**
   * Runs `step` on each item in turn, handing its value to `onValue`, with an event-loop yield before each; stops
   * (STALE) once a newer request of `channel` arrives, or at the first error. The value: how many items were done.
   */
  each<I, T>(
    channel: string,
    gen: number,
    items: readonly I[],
    step: (item: I) => T,
    onValue: (value: T) => void,
  ): Promise<Outcome<number>>;
}

/** The service: `build`'s methods plus attachGenerations and supersede over `channels`. */
export function workerService<M extends object>(
  channels: readonly string[],
  classes: ErrorClasses,
  build: (core: ServiceCore) => M,
): GenerationsApi & M {
  const generations = createGenerations(channels);
  const classify = classifier(classes);
  const core: ServiceCore = {
    classify,
    once(channel, gen, f) {
      generations.note(channel, gen);
      return generations.isStale(channel, gen) ? STALE : attempt(classify, f);
    },
    async each(channel, gen, items, step, onValue) {
      generations.note(channel, gen);
      let n = 0;
      for (const item of items) {
        await yieldToEventLoop();
        if (generations.isStale(channel, gen)) return STALE;
        const r = attempt(classify, () => step(item));
        if (!r.ok) return r;
        onValue(r.value);
        n++;
      }
      return ok(n);
    },
  };
  return { attachGenerations: generations.attachGenerations, supersede: generations.supersede, ...build(core) };
}
