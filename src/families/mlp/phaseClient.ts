// Main-thread side of the phase-diagram workers: a small pool (hardwareConcurrency − 1, 1…4), rows spread over it
// coarse-to-fine, generation numbers for cancellation (shared through a SharedArrayBuffer when the page is
// cross-origin isolated, else by message), a crashed worker replaced by a fresh one. Row i always goes to worker
// i mod size, so a worker sees the same γ rows again and reuses its tables.
import { proxy, wrap, type Remote } from 'comlink';
import { coarseToFine, type PhaseApi, type RowMessage, type RowsRequest } from './phaseProtocol';
import type { TheoryError } from './protocol';

export type PhaseWorkerFactory = () => Worker;

const defaultFactory: PhaseWorkerFactory = () =>
  new Worker(new URL('../../../workers/phase.worker.ts', import.meta.url), { type: 'module', name: 'phase' });

/** One core is left to the theory worker (the ε(α) curve); at least 1, at most 4 phase workers. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const n = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) : 2;
  return Math.min(4, Math.max(1, n - 1));
}

interface Slot {
  worker: Worker;
  api: Remote<PhaseApi>;
}

export interface DiagramRequest {
  base: RowsRequest['base'];
  plane: RowsRequest['plane'];
  ys: number[];
  alphaMax: number;
  nAlpha: number;
}

export interface PhaseCallbacks {
  onRow(m: RowMessage): void;
  /** All workers finished (error: the first error of this generation, if any). */
  onDone(gen: number, error: TheoryError | null): void;
}

export class PhaseClient {
  private slots: Slot[] = [];
  private gen = 0;
  private readonly shared: Int32Array | null;
  private disposed = false;

  constructor(
    readonly size: number,
    private readonly onCrash: (message: string) => void,
    private readonly factory: PhaseWorkerFactory = defaultFactory,
  ) {
    this.shared =
      typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
  }

  private spawn(i: number): Slot {
    const worker = this.factory();
    const api = wrap<PhaseApi>(worker);
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (this.disposed) return;
      worker.terminate();
      this.slots[i] = this.spawn(i);
      this.onCrash(`A phase-diagram worker crashed (${ev.message || 'unknown error'}); it was restarted.`);
    };
    if (this.shared) void api.attachGenerations(this.shared.buffer as SharedArrayBuffer);
    return { worker, api };
  }

  /** Makes all work in flight stale (workers stop after their current row); returns the new generation. */
  cancel(): number {
    const gen = ++this.gen;
    if (this.shared) Atomics.store(this.shared, 0, gen);
    else for (const s of this.slots) void s.api.supersede(gen);
    return gen;
  }

  /** Cancels older work and streams the rows of a new diagram; returns its generation. */
  request(req: DiagramRequest, cb: PhaseCallbacks): number {
    const gen = this.cancel();
    const order = coarseToFine(req.ys.length);
    const perWorker: RowsRequest['rows'][] = this.slots.map(() => []);
    for (const index of order) perWorker[index % this.slots.length].push({ index, y: req.ys[index] });
    let pending = this.slots.length;
    let firstError: TheoryError | null = null;
    const onRow = proxy((m: RowMessage) => {
      if (m.gen === this.gen) cb.onRow(m);
    });
    this.slots.forEach((slot, w) => {
      slot.api
        .computeRows({ gen, base: req.base, plane: req.plane, rows: perWorker[w], alphaMax: req.alphaMax, nAlpha: req.nAlpha }, onRow)
        .then(
          (r) => {
            if (!r.ok && !r.stale && !firstError) firstError = r.error;
          },
          (e: unknown) => {
            if (!firstError) firstError = { kind: 'worker', message: e instanceof Error ? e.message : String(e) };
          },
        )
        .finally(() => {
          if (--pending === 0 && gen === this.gen) cb.onDone(gen, firstError);
        });
    });
    return gen;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
  }
}
