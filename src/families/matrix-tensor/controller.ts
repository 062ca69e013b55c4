// The spiked matrix–tensor tab's controller: parameters (store + URL) → the worker → the overlap curve at the chosen
// Δp, then the phase diagram's lines streamed Δp by Δp (recomputed only when p or the Δp range changes), and on
// request a finite-N Langevin run streamed point by point.
import type { MatrixTensorLinePoint } from '../../physics/classic/matrixTensorThresholds';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import type { LangevinParams, LangevinPoint } from '../../physics/classic/matrixTensorLangevin';
import { matrixTensorCodec, SIM_DT } from './params';
import { useMatrixTensor } from './store';
import { diagramGrid, MATRIX_TENSOR_CHANNELS, overlapGrid, type MatrixTensorApi } from './protocol';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/matrix-tensor.worker.ts', import.meta.url), {
    type: 'module',
    name: 'matrix-tensor',
  });

/** Starts the worker and the bindings while the tab is shown; returns the stop function. */
export function startMatrixTensor(factory: WorkerFactory = defaultFactory): () => void {
  const client = tabWorker<MatrixTensorApi>(
    'matrix-tensor',
    factory,
    MATRIX_TENSOR_CHANNELS,
    crashMessage(useMatrixTensor),
  );
  let linesKey = '';
  const computeLines = (p: number, deltaPMax: number) => {
    const gen = client.nextGeneration('lines');
    useMatrixTensor.setState({ lines: [], linesDone: false });
    const onPoint = (t: MatrixTensorLinePoint) => {
      if (client.isCurrent('lines', gen)) useMatrixTensor.setState((s) => ({ lines: [...s.lines, t] }));
    };
    void client
      .call((api, alive) => api.lines(p, diagramGrid(deltaPMax), gen, progress(alive, onPoint)), {
        channel: 'lines',
        gen,
        key: `lines ${p} ${deltaPMax}`,
      })
      .then((r) => settle(useMatrixTensor, r, 'Solver error: ', () => ({ linesDone: true })));
  };
  const compute = () => {
    const { p, deltaP, invDelta2Max, deltaPMax } = useMatrixTensor.getState().params;
    const gen = client.nextGeneration('curve');
    useMatrixTensor.setState({ computing: true });
    void client
      .call((api) => api.overlaps(p, deltaP, overlapGrid(invDelta2Max), gen), {
        channel: 'curve',
        gen,
        key: JSON.stringify({ p, deltaP, invDelta2Max }),
      })
      .then((r) => {
        settle(useMatrixTensor, r, 'Solver error: ', (overlaps) => ({ overlaps }));
        const key = `${p} ${deltaPMax}`;
        if (r.ok && key !== linesKey) {
          linesKey = key;
          useMatrixTensor.setState({ computing: true });
          computeLines(p, deltaPMax);
        }
      });
  };
  // The finite-N Langevin run: on request, streamed into the store; a parameter change drops it.
  const simulate = () => {
    const { params } = useMatrixTensor.getState();
    const gen = client.nextGeneration('sim');
    const req: LangevinParams = {
      N: params.simN,
      delta2: 1 / params.simInvDelta2,
      deltaP: params.deltaP,
      tMax: params.simT,
      dt: SIM_DT,
      temperature: params.simTemperature,
      seed: params.seed,
    };
    useMatrixTensor.setState({ simulation: { req, points: [], running: true, error: null } });
    const onPoint = (pt: LangevinPoint) => {
      const sim = useMatrixTensor.getState().simulation;
      if (sim && client.isCurrent('sim', gen))
        useMatrixTensor.setState({ simulation: { ...sim, points: [...sim.points, pt] } });
    };
    // The N → ∞ dynamics first (≤ 1 s): drawn beside the run as it streams.
    void client
      .call((api) => api.largeN(req, gen), { channel: 'sim', gen })
      .then((r) => {
        const sim = useMatrixTensor.getState().simulation;
        if (r.ok && sim && client.isCurrent('sim', gen))
          useMatrixTensor.setState({ simulation: { ...sim, largeN: r.value } });
      });
    void client
      .call((api, alive) => api.langevin(req, gen, progress(alive, onPoint)), { channel: 'sim', gen })
      .then((r) => {
        const sim = useMatrixTensor.getState().simulation;
        if ((!r.ok && r.stale) || !sim || !client.isCurrent('sim', gen)) return;
        useMatrixTensor.setState({ simulation: { ...sim, running: false, error: r.ok ? null : r.error.message } });
      });
  };
  const unsubSim = useMatrixTensor.subscribe((s, prev) => {
    if (s.simRequest !== prev.simRequest && s.simRequest !== null) simulate();
    else if (s.params !== prev.params && s.simulation) {
      client.nextGeneration('sim'); // supersedes a running simulation
      useMatrixTensor.setState({ simulation: null, simRequest: null });
    }
  });
  const stop = followParams(matrixTensorCodec, useMatrixTensor, client, compute);
  return () => {
    unsubSim();
    stop();
  };
}
