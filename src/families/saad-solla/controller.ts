// The Saad–Solla tab's controller: parameters (store + URL) → the Saad–Solla worker → trajectory and plateau in
// the store; once per start, the Hermite coefficients of the lecture panel's links.
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { saadSollaCodec, SIMULATION_VIEW_TABLE } from './params';
import { bindView, storeView } from '../../platform/state/viewLink';
import { useSaadSolla } from './store';
import { SAAD_SOLLA_CHANNELS, type SaadSollaApi, type SimulationChunk } from './protocol';

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
  // The finite-N simulation: on request, streamed into the store; a parameter change drops it.
  const simulate = () => {
    const { params, simRequest } = useSaadSolla.getState();
    if (!simRequest) return;
    const gen = client.nextGeneration('sim');
    const { alphaMax, ...rest } = params;
    const onChunk = (c: SimulationChunk) => {
      if (client.isCurrent('sim', c.gen)) useSaadSolla.getState().applySimChunk(c);
    };
    const req = { gen, params: { ...rest, q0: 0.5 }, alphaMax, ...simRequest };
    void client
      .call((api, alive) => api.simulate(req, progress(alive, onChunk)), { channel: 'sim', gen })
      .then((r) => {
        const sim = useSaadSolla.getState().simulation;
        if ((!r.ok && r.stale) || !sim || !client.isCurrent('sim', gen)) return;
        useSaadSolla.setState({ simulation: { ...sim, running: false, error: r.ok ? null : r.error.message } });
      });
  };
  const unsubSim = useSaadSolla.subscribe((s, prev) => {
    if (s.simRequest !== prev.simRequest) simulate();
    else if (s.params !== prev.params && s.simulation) {
      client.nextGeneration('sim'); // supersedes a running simulation
      useSaadSolla.setState({ simulation: null, simRequest: null });
    }
  });
  const stop = followParams(saadSollaCodec, useSaadSolla, client, compute);
  // The simulation's N and runs follow the link (read after the parameters, so their messages add to the banner).
  const setSimForm = useSaadSolla.getState().setSimForm;
  const report = (e: string[]) => useSaadSolla.getState().addUrlErrors(e);
  const unbindView = bindView(
    storeView(saadSollaCodec.model, SIMULATION_VIEW_TABLE, useSaadSolla, (s) => s.simForm, setSimForm, report),
  );
  return () => {
    unbindView();
    unsubSim();
    stop();
  };
}
