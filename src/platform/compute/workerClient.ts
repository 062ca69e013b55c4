// The page's side of one worker: spawn through an injectable factory, crash → terminate, respawn and a message,
// a watchdog per call (no reply or progress for a while = hung), generation counters per channel with stale
// replies dropped, and a guard so that parameters that just crashed the worker are not sent again at once
// (a crash that always recurs would otherwise loop: the message stays until the user changes something).
import { proxy, wrap, type Remote } from 'comlink';
import type { GenerationsApi } from './generations';
import { failed, STALE, type Outcome } from './outcome';

/** Crashes in a row (no call answered between them) after which a worker restarts only with the next request. */
export const MAX_EAGER_RESPAWNS = 3;

/** Starts a worker; vite bundles a worker only where `new Worker(new URL('…', import.meta.url))` is written out. */
export type WorkerFactory = () => Worker;

/** The newest generation of every channel; one instance may be shared by the workers of a pool. */
export class GenerationCounters {
  private readonly counters = new Map<string, number>();
  /** Published to the workers when the page is cross-origin isolated (else each bump is a `supersede` message). */
  readonly shared: Int32Array | null;

  constructor(readonly channels: readonly string[]) {
    // Services without generations (no channels) have no attachGenerations to call.
    const sharable = channels.length > 0 && typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated;
    this.shared = sharable ? new Int32Array(new SharedArrayBuffer(4 * channels.length)) : null;
  }

  bump(channel: string): number {
    const gen = this.current(channel) + 1;
    this.counters.set(channel, gen);
    if (this.shared) Atomics.store(this.shared, this.channels.indexOf(channel), gen);
    return gen;
  }

  current(channel: string): number {
    return this.counters.get(channel) ?? 0;
  }
}

/** A callback to pass to the worker that also counts as progress for its call's watchdog. */
export function progress<T>(alive: () => void, onItem: (x: T) => void): (x: T) => void {
  return proxy((x: T) => {
    alive();
    onItem(x);
  });
}

export interface WorkerClientOptions {
  /** Named in the messages: "The <name> worker crashed …". */
  name: string;
  factory: WorkerFactory;
  /** Told after a crash or a hang (the calls in flight have failed with a 'worker' error). */
  onCrash?: (message: string) => void;
  /** A call with no reply and no progress for this long counts as a hung worker (default 30 s). */
  watchdogMs?: number;
  generations?: GenerationCounters;
  /** Start the worker on first use, and again on the first use after a crash (default: at once). */
  lazy?: boolean;
  /** Called after every fresh worker started (e.g. to initialise it through `run`). */
  onSpawn?: () => void;
}

/** What the work of a call may do to its watchdog. */
export interface CallControl {
  /** Progress: restart the watchdog (unless paused). */
  alive(): void;
  /** The call may rightly stay silent (a paused simulation): no watchdog until `resume`. */
  pause(): void;
  resume(): void;
}

export interface RunOptions {
  /** The channel the call belongs to ('' when none). */
  channel?: string;
  /** The call's parameters: a key that crashed the worker is not sent again until its channel asks for another. */
  key?: string;
}

export interface CallOptions extends RunOptions {
  /** With `channel`: the reply is stale if a newer generation was started meanwhile. */
  gen?: number;
}

interface InFlight {
  fail(message: string): void;
  /** Forget the call without an answer (its owner is gone). */
  drop(): void;
  channel: string;
  key: string | undefined;
}

export class WorkerClient<Api extends object> {
  private worker: Worker | null = null;
  private remote: Remote<Api> | null = null;
  private readonly inflight = new Set<InFlight>();
  /** Per channel, the key of a call that was in flight when the worker crashed. */
  private readonly crashedKeys = new Map<string, string>();
  private readonly watchdogMs: number;
  readonly generations: GenerationCounters;
  private disposed = false;
  /** Crashes since the last answered call: a worker that dies as it starts must not be respawned for ever. */
  private crashesInRow = 0;

  constructor(private readonly opts: WorkerClientOptions) {
    this.watchdogMs = opts.watchdogMs ?? 30_000;
    this.generations = opts.generations ?? new GenerationCounters([]);
    if (!opts.lazy) this.spawn();
  }

  /** The worker's API, starting a worker when none runs. */
  get api(): Remote<Api> {
    return this.remote ?? this.spawn();
  }

  /** The API of the running worker, if any (for controls that must not start one). */
  get running(): Remote<Api> | null {
    return this.remote;
  }

  private spawn(): Remote<Api> {
    const worker = this.opts.factory();
    worker.onerror = (ev) => {
      ev.preventDefault();
      const where = ev.filename ? ` (${ev.filename.split('/').pop()}:${ev.lineno})` : '';
      this.crash(worker, `The ${this.opts.name} worker crashed: ${ev.message || 'unknown error'}${where}.`);
    };
    worker.onmessageerror = () =>
      this.crash(worker, `The ${this.opts.name} worker sent a message that could not be read.`);
    this.worker = worker;
    const remote = wrap<Api>(worker);
    this.remote = remote;
    const shared = this.generations.shared;
    if (shared)
      void (remote as unknown as Remote<GenerationsApi>).attachGenerations(shared.buffer as SharedArrayBuffer);
    this.opts.onSpawn?.();
    return remote;
  }

  /** Kills the worker, fails the calls in flight, starts a fresh one (unless lazy), then tells the owner. */
  restart(message: string): void {
    if (this.worker) this.crash(this.worker, message);
  }

  private crash(worker: Worker, cause: string): void {
    if (this.disposed || worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    this.remote = null;
    const now = !this.opts.lazy && ++this.crashesInRow < MAX_EAGER_RESPAWNS;
    const message = `${cause} ${now ? 'It was restarted.' : 'It restarts with the next request.'}`;
    const pending = [...this.inflight];
    this.inflight.clear();
    for (const c of pending) if (c.key !== undefined) this.crashedKeys.set(c.channel, c.key);
    if (now) this.spawn();
    for (const c of pending) c.fail(message);
    this.opts.onCrash?.(message);
  }

  /**
   * Runs one worker call; if the worker dies, hangs (watchdog) or the client is disposed, the call resolves with
   * `lost(message)` instead of never. A rejected call (comlink transport error) counts as lost too.
   */
  run<T>(
    work: (api: Remote<Api>, control: CallControl) => Promise<T>,
    lost: (message: string) => T,
    opts: RunOptions = {},
  ): Promise<T> {
    const channel = opts.channel ?? '';
    if (this.disposed) return new Promise<T>(() => {});
    if (opts.key !== undefined) {
      if (this.crashedKeys.get(channel) === opts.key)
        return Promise.resolve(
          lost(
            `Not computed again: these parameters just crashed the ${this.opts.name} worker. Change a parameter to retry.`,
          ),
        );
      this.crashedKeys.delete(channel);
    }
    const api = this.api;
    return new Promise<T>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let paused = false;
      const worker = this.worker as Worker;
      const arm = () => {
        clearTimeout(timer);
        if (paused || !this.inflight.has(entry)) return;
        timer = setTimeout(
          () =>
            this.crash(
              worker,
              `The ${this.opts.name} worker stopped responding (no progress for ${Math.round(this.watchdogMs / 1000)} s).`,
            ),
          this.watchdogMs,
        );
      };
      const control: CallControl = {
        alive: arm,
        pause: () => {
          paused = true;
          clearTimeout(timer);
        },
        resume: () => {
          paused = false;
          arm();
        },
      };
      const settle = (value: T) => {
        clearTimeout(timer);
        if (!this.inflight.delete(entry)) return;
        this.crashesInRow = 0;
        resolve(value);
      };
      const entry: InFlight = {
        channel,
        key: opts.key,
        fail: (message) => {
          clearTimeout(timer);
          resolve(lost(message));
        },
        drop: () => clearTimeout(timer),
      };
      this.inflight.add(entry);
      control.alive();
      work(api, control).then(settle, (e: unknown) =>
        settle(lost(`The ${this.opts.name} worker failed: ${e instanceof Error ? e.message : String(e)}`)),
      );
    });
  }

  /** `run` for calls that answer with an Outcome: lost → a 'worker' error; superseded (channel + gen) → stale. */
  async call<T>(
    work: (api: Remote<Api>, alive: () => void) => Promise<Outcome<T>>,
    opts: CallOptions = {},
  ): Promise<Outcome<T>> {
    const r = await this.run(
      (api, control) => work(api, control.alive),
      (message) => failed('worker', message),
      opts,
    );
    return opts.channel !== undefined && opts.gen !== undefined && !this.isCurrent(opts.channel, opts.gen) ? STALE : r;
  }

  /** A new generation on a channel; older work on it becomes stale at once (in the worker too). */
  nextGeneration(channel: string): number {
    const gen = this.generations.bump(channel);
    this.publish(channel, gen);
    return gen;
  }

  /** Tells the running worker about a generation (needed only without a shared buffer). */
  publish(channel: string, gen: number): void {
    if (!this.generations.shared && this.remote)
      void (this.remote as unknown as Remote<GenerationsApi>).supersede(channel, gen);
  }

  isCurrent(channel: string, gen: number): boolean {
    return this.generations.current(channel) === gen;
  }

  /** Stops the worker for good; calls in flight never answer (their owner is gone and must not hear of it). */
  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    for (const c of this.inflight) c.drop();
    this.inflight.clear();
  }
}
