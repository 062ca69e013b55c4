// A small pool of identical workers, each a WorkerClient (its own crash recovery and watchdog) sharing one set
// of generation counters, so that one bump supersedes the work of every member.
import { GenerationCounters, WorkerClient, type WorkerFactory } from './workerClient';

export interface WorkerPoolOptions {
  size: number;
  /** Named in the messages ("A <name> worker crashed …"). */
  name: string;
  factory: WorkerFactory;
  channels: readonly string[];
  /** A member crashed or hung and was restarted (its calls in flight failed with a 'worker' error). */
  onCrash: (message: string, member: number) => void;
  watchdogMs?: number;
  /** Start each member's worker at its first call, not with the pool (the page's first view must not pay for it). */
  lazy?: boolean;
}

export class WorkerPool<Api extends object> {
  readonly members: readonly WorkerClient<Api>[];
  private readonly generations: GenerationCounters;

  constructor(opts: WorkerPoolOptions) {
    const generations = new GenerationCounters(opts.channels);
    this.generations = generations;
    this.members = Array.from(
      { length: opts.size },
      (_, i) =>
        new WorkerClient<Api>({
          name: opts.name,
          factory: opts.factory,
          watchdogMs: opts.watchdogMs,
          lazy: opts.lazy,
          generations,
          onCrash: (m) => opts.onCrash(m, i),
        }),
    );
  }

  get size(): number {
    return this.members.length;
  }

  /** A new generation on a channel, published to every member: all older work on it becomes stale. */
  nextGeneration(channel: string): number {
    const gen = this.generations.bump(channel);
    for (const m of this.members) m.publish(channel, gen);
    return gen;
  }

  isCurrent(channel: string, gen: number): boolean {
    return this.generations.current(channel) === gen;
  }

  dispose(): void {
    for (const m of this.members) m.dispose();
  }
}
