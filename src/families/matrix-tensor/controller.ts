// The spiked matrix–tensor tab's controller: parameters (store + URL) → the worker → the overlap curve at the chosen
// Δp, then the phase diagram's lines streamed Δp by Δp (recomputed only when p or the Δp range changes).
import type { MatrixTensorLinePoint } from '../../physics/classic/matrixTensorThresholds';
import { progress, type WorkerFactory } from '../../platform/compute/workerClient';
import { crashMessage, followParams, settle, tabWorker } from '../../platform/compute/tabController';
import { matrixTensorCodec } from './params';
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
  return followParams(matrixTensorCodec, useMatrixTensor, client, compute);
}
