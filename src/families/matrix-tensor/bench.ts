// Bench section "matrix-tensor": the tab's overlap curve (241 values of 1/Δ2, both branches: matrixTensorOverlapMs)
// and its phase diagram (64 Δp, every threshold line: matrixTensorLinesMs), p = 3; one finite-N Langevin run
// (N = 80, 500 steps: matrixTensorLangevinMs).
import type { BenchSection } from '../family';
import { overlapCurve } from '../../physics/classic/matrixTensor';
import { thresholdsAt } from '../../physics/classic/matrixTensorThresholds';
import { langevinRun } from '../../physics/classic/matrixTensorLangevin';
import { time } from '../../../bench/timing';
import { diagramGrid, overlapGrid } from './protocol';

export const section: BenchSection = {
  name: 'matrix-tensor',
  async run(log) {
    const matrixTensorOverlapMs = time(() => overlapCurve(3, 0.5, overlapGrid(3)), 3);
    log(`matrix-tensor overlap curve, 241 values of 1/Δ2: ${matrixTensorOverlapMs.toFixed(1)} ms`);
    const matrixTensorLinesMs = time(() => diagramGrid(4).map((dp) => thresholdsAt(3, dp)), 1);
    log(`matrix-tensor phase diagram, 64 Δp: ${matrixTensorLinesMs.toFixed(0)} ms`);
    const req = { N: 80, delta2: 0.5, deltaP: 0.5, tMax: 10, dt: 0.02, temperature: 1, seed: 1 };
    const matrixTensorLangevinMs = time(() => langevinRun(req, 100), 1);
    log(`matrix-tensor Langevin run, N = 80, 500 steps: ${matrixTensorLangevinMs.toFixed(0)} ms`);
    return { matrixTensorOverlapMs, matrixTensorLinesMs, matrixTensorLangevinMs };
  },
};
