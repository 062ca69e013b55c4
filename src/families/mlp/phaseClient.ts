// Main-thread side of the phase-diagram workers: a WorkerPool (hardwareConcurrency − 1, 1…4), rows spread over it
// coarse-to-fine, one generation channel for cancellation. Row i always goes to worker i mod size, so a worker
// sees the same γ rows again and reuses its tables. A member that crashes is restarted by the pool; the rows it
// had are reported as not computed.
import { errorOf, type ComputeError } from '../../platform/compute/outcome';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { WorkerPool } from '../../platform/compute/workerPool';
import { coarseToFine, PHASE_CHANNELS, type PhaseApi, type RowMessage, type RowsRequest } from './phaseProtocol';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/phase.worker.ts', import.meta.url), { type: 'module', name: 'phase' });

/** One core is left to the theory worker (the ε(α) curve); at least 1, at most 4 phase workers. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const n = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) : 2;
  return Math.min(4, Math.max(1, n - 1));
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
  onDone(gen: number, error: ComputeError | null): void;
}

export class PhaseClient {
  private readonly pool: WorkerPool<PhaseApi>;

  constructor(
    size: number,
    onCrash: (message: string) => void,
    factory: WorkerFactory = defaultFactory,
    watchdogMs?: number,
  ) {
    this.pool = new WorkerPool<PhaseApi>({
      size,
      name: 'phase-diagram',
      factory,
      channels: PHASE_CHANNELS,
      onCrash,
      watchdogMs,
      lazy: true, // the diagram waits for the first ε(α) curve: so does the loading of its workers
    });
  }

  get size(): number {
    return this.pool.size;
  }

  /** Makes all work in flight stale (workers stop after their current row); returns the new generation. */
  cancel(): number {
    return this.pool.nextGeneration('rows');
  }

  /** Cancels older work and streams the rows of a new diagram; returns its generation. */
  request(req: DiagramRequest, cb: PhaseCallbacks): number {
    const gen = this.cancel();
    const members = this.pool.members;
    const perWorker: RowsRequest['rows'][] = members.map(() => []);
    for (const index of coarseToFine(req.ys.length))
      perWorker[index % members.length].push({ index, y: req.ys[index] });
    const onRow = (m: RowMessage) => {
      if (this.pool.isCurrent('rows', m.gen)) cb.onRow(m);
    };
    const calls = members.map((member, w) => {
      const rows = perWorker[w];
      const key = JSON.stringify([req.base, req.plane, rows, req.alphaMax, req.nAlpha]);
      return member
        .call(
          (api, alive) =>
            api.computeRows(
              { gen, base: req.base, plane: req.plane, rows, alphaMax: req.alphaMax, nAlpha: req.nAlpha },
              progress(alive, onRow),
            ),
          { channel: 'rows', gen, key },
        )
        .then((r) => {
          const error = errorOf(r);
          return error?.kind === 'worker'
            ? { ...error, message: `${error.message} (its ${rows.length} rows of this diagram were not computed)` }
            : error;
        });
    });
    void Promise.all(calls).then((errors) => {
      if (this.pool.isCurrent('rows', gen)) cb.onDone(gen, errors.find((e) => e !== null) ?? null);
    });
    return gen;
  }

  dispose(): void {
    this.pool.dispose();
  }
}
