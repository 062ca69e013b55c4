// The committee tab's controller: parameters (store + URL) → the committee worker → points streamed into the
// store (K = 2 coarse grid first; K = 3 Gaussian: a coarse pass, then refined point by point), then the
// thresholds. A parameter change supersedes the curve in progress.
import type { CommitteePoint, ModelArg } from '../../physics/classic/committee';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { sweepOrder } from '../../platform/compute/curveStream';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { committeeCodec, type CommitteeUiParams } from './params';
import { useCommittee } from './store';
import { coarseAlphas, COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';

/** K = 2 goes as the bare prior (the worker's K = 2 call is unchanged). */
const modelOfParams = (p: { prior: CommitteeUiParams['prior']; K: number }): ModelArg =>
  p.K === 3 ? { prior: p.prior, K: 3 } : p.prior;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/committee.worker.ts', import.meta.url), { type: 'module', name: 'committee' });

/**
 * A streamed point into the curve (ascending α): it replaces the point at the same α (a coarse-pass point, K = 3,
 * by the accurate one) or goes in at its α (K = 2 comes coarse grid first), so the curve on screen is refined.
 */
export function mergePoint(points: readonly CommitteePoint[], p: CommitteePoint): CommitteePoint[] {
  const i = points.findIndex((q) => q.alpha >= p.alpha);
  if (i < 0) return [...points, p];
  return [...points.slice(0, i), p, ...points.slice(points[i].alpha === p.alpha ? i + 1 : i)];
}

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startCommittee(factory: WorkerFactory = defaultFactory): () => void {
  const client = tabWorker<CommitteeApi>('committee', factory, COMMITTEE_CHANNELS, crashMessage(useCommittee));
  const compute = () => {
    const params = useCommittee.getState().params;
    const gen = client.nextGeneration('curve');
    // K = 3: 3-D integrals on the specialised branch (≈ 0.5 s a point): a coarser grid.
    const n = params.K === 3 ? 30 : 40;
    // From α = 0, where q = 0 and ε is the prior's (the solver gives it; nothing is assumed).
    const grid = Array.from({ length: n + 1 }, (_, i) => +((params.alphaMax * i) / n).toPrecision(6));
    // K = 2: every fourth α (and the last) first, so the whole curve is drawn early, then the points between; the
    // service warm-starts each from the solved point just below it. K = 3 (Gaussian): the service's coarse pass.
    const alphas = params.K === 3 ? grid : sweepOrder(grid.length, 4, 'up').order.map((i) => grid[i]);
    const model = modelOfParams(params);
    const total = alphas.length + coarseAlphas(model, alphas).length;
    useCommittee.setState({ computing: true, points: [], thresholds: null, total, received: 0 });
    let received = 0;
    const onPoint = (p: CommitteePoint | null) => {
      if (!p || !client.isCurrent('curve', gen)) return;
      received++;
      useCommittee.setState((s) => ({ points: mergePoint(s.points, p), received }));
    };
    void client
      .call((api, alive) => api.committee(model, alphas, gen, progress(alive, onPoint)), {
        channel: 'curve',
        gen,
        key: JSON.stringify(params),
      })
      .then((r) => settle(useCommittee, r, 'Solver error: ', (thresholds) => ({ thresholds })));
  };
  return followParams(committeeCodec, useCommittee, client, compute);
}
