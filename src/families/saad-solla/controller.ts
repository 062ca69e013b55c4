// The Saad–Solla tab's controller: parameters (store + URL) → the Saad–Solla worker → trajectory and plateau in
// the store; once per start, the Hermite coefficients of the lecture panel's links.
import type { WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { saadSollaCodec } from './params';
import { useSaadSolla } from './store';
import { SAAD_SOLLA_CHANNELS, type SaadSollaApi } from './protocol';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/saad-solla.worker.ts', import.meta.url), { type: 'module', name: 'saad-solla' });

/** The links of the information-exponent table. */
export const HERMITE_LINKS = ['linear', 'relu', 'tanh', 'h2', 'h3', 'h23'];

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startSaadSolla(factory: WorkerFactory = defaultFactory): () => void {
  const client = tabWorker<SaadSollaApi>('Saad–Solla', factory, SAAD_SOLLA_CHANNELS, crashMessage(useSaadSolla));
  const compute = () => {
    const params = useSaadSolla.getState().params;
    const gen = client.nextGeneration('curve');
    useSaadSolla.setState({ computing: true });
    const { alphaMax, ...rest } = params;
    void client
      .call((api) => api.saadSolla({ ...rest, q0: 0.5 }, alphaMax, gen), {
        channel: 'curve',
        gen,
        key: JSON.stringify(params),
      })
      .then((r) => settle(useSaadSolla, r, 'Invalid parameter: ', (result) => ({ result })));
  };
  if (!useSaadSolla.getState().hermite)
    void client
      .call((api) => api.hermite(HERMITE_LINKS))
      .then((r) => {
        if (r.ok) useSaadSolla.setState({ hermite: r.value });
      });
  return followParams(saadSollaCodec, useSaadSolla, client, compute);
}
