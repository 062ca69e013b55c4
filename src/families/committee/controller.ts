// The committee tab's controller: parameters (store + URL) → the committee worker → points streamed into the
// store, then the thresholds. A parameter change supersedes the curve in progress.
import type { CommitteePoint, ModelArg } from '../../physics/classic/committee';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { committeeCodec, type CommitteeUiParams } from './params';
import { useCommittee } from './store';
import { COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';

/** K = 2 goes as the bare prior (the worker's K = 2 call is unchanged). */
const modelOfParams = (p: { prior: CommitteeUiParams['prior']; K: number }): ModelArg =>
  p.K === 3 ? { prior: p.prior, K: 3 } : p.prior;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/committee.worker.ts', import.meta.url), { type: 'module', name: 'committee' });

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startCommittee(factory: WorkerFactory = defaultFactory): () => void {
  const client = tabWorker<CommitteeApi>('committee', factory, COMMITTEE_CHANNELS, crashMessage(useCommittee));
  const compute = () => {
    const params = useCommittee.getState().params;
    const gen = client.nextGeneration('curve');
    useCommittee.setState({ computing: true, points: [], thresholds: null });
    // K = 3: 3-D integrals on the specialised branch (≈ 1–3 s a point): a coarser grid.
    const n = params.K === 3 ? 30 : 40;
    // From α = 0, where q = 0 and ε is the prior's (the solver gives it; nothing is assumed).
    const alphas = Array.from({ length: n + 1 }, (_, i) => +((params.alphaMax * i) / n).toPrecision(6));
    const onPoint = (p: CommitteePoint | null) => {
      if (p && client.isCurrent('curve', gen)) useCommittee.setState((s) => ({ points: [...s.points, p] }));
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
