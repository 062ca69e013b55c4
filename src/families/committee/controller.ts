// The committee tab's controller: parameters (store + URL) → the committee worker → points streamed into the
// store, then the thresholds. A parameter change supersedes the curve in progress.
import type { CommitteePoint, ModelArg } from '../../physics/classic/committee';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { sweepOrder } from '../../platform/compute/curveStream';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { committeeCodec, type CommitteeUiParams } from './params';
import { useCommittee } from './store';
import { COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';

/** K = 2 goes as the bare prior (the worker's K = 2 call is unchanged). */
const modelOfParams = (p: { prior: CommitteeUiParams['prior']; K: number }): ModelArg =>
  p.K === 3 ? { prior: p.prior, K: 3 } : p.prior;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/committee.worker.ts', import.meta.url), { type: 'module', name: 'committee' });

/** `points` with `p` inserted at its α. */
export function inAlphaOrder(points: readonly CommitteePoint[], p: CommitteePoint): CommitteePoint[] {
  const i = points.findIndex((q) => q.alpha > p.alpha);
  return i < 0 ? [...points, p] : [...points.slice(0, i), p, ...points.slice(i)];
}

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startCommittee(factory: WorkerFactory = defaultFactory): () => void {
  const client = tabWorker<CommitteeApi>('committee', factory, COMMITTEE_CHANNELS, crashMessage(useCommittee));
  const compute = () => {
    const params = useCommittee.getState().params;
    const gen = client.nextGeneration('curve');
    // K = 3: 3-D integrals on the specialised branch (≈ 1–3 s a point): a coarser grid.
    const n = params.K === 3 ? 30 : 40;
    useCommittee.setState({ computing: true, total: n, points: [], thresholds: null });
    const grid = Array.from({ length: n }, (_, i) => +((params.alphaMax * (i + 1)) / n).toPrecision(6));
    // K = 2: every fourth α (and the last) first, so the whole curve is drawn early, then the points between; the
    // service warm-starts each from the solved point just below it.
    const alphas = params.K === 3 ? grid : sweepOrder(n, 4, 'up').order.map((i) => grid[i]);
    const onPoint = (p: CommitteePoint | null) => {
      if (p && client.isCurrent('curve', gen)) useCommittee.setState((s) => ({ points: inAlphaOrder(s.points, p) }));
    };
    void client
      .call((api, alive) => api.committee(modelOfParams(params), alphas, gen, progress(alive, onPoint)), {
        channel: 'curve',
        gen,
        key: JSON.stringify(params),
      })
      .then((r) => settle(useCommittee, r, 'Solver error: ', (thresholds) => ({ thresholds })));
  };
  return followParams(committeeCodec, useCommittee, client, compute);
}
