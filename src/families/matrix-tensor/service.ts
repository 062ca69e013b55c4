// The spiked matrix–tensor worker's service: the overlap curve at the chosen Δp at once (~0.1 s), then the phase
// diagram's threshold lines Δp by Δp (~10–40 ms each) with an event-loop yield between them, so that a newer
// request stops them; on request one finite-N Langevin run (seconds) and its N → ∞ dynamics (≤ 1 s). No comlink and no physics import: workers/matrix-tensor.worker.ts injects the physics.
import type { overlapCurve } from '../../physics/classic/matrixTensor';
import type { thresholdsAt } from '../../physics/classic/matrixTensorThresholds';
import type { startLangevin } from '../../physics/classic/matrixTensorLangevin';
import type { largeNOverlap } from '../../physics/classic/matrixTensorGF';
import type { ErrorClasses } from '../../platform/compute/outcome';
import { workerService } from '../../platform/compute/service';
import { MATRIX_TENSOR_CHANNELS, type MatrixTensorApi } from './protocol';

export interface MatrixTensorDeps extends ErrorClasses {
  overlapCurve: typeof overlapCurve;
  thresholdsAt: typeof thresholdsAt;
  startLangevin: typeof startLangevin;
  largeNOverlap: typeof largeNOverlap;
}

export function createMatrixTensorService(deps: MatrixTensorDeps): MatrixTensorApi {
  return workerService(MATRIX_TENSOR_CHANNELS, deps, ({ once, each }) => ({
    async overlaps(p, deltaP, invDelta2s, gen) {
      return once('curve', gen, () => ({
        rows: deps.overlapCurve(p, deltaP, invDelta2s),
        at: deps.thresholdsAt(p, deltaP),
      }));
    },
    lines(p, deltaPs, gen, onPoint) {
      return each('lines', gen, deltaPs, (deltaP) => deps.thresholdsAt(p, deltaP), onPoint);
    },
    async langevin(req, gen, onPoint) {
      const run = once('sim', gen, () => deps.startLangevin(req, 100));
      if (!run.ok) return run;
      const runner = run.value;
      onPoint(runner.first);
      const chunks = Array.from({ length: runner.chunks }, (_, i) => i);
      return each('sim', gen, chunks, () => runner.next(), onPoint);
    },
    async largeN(req, gen) {
      return once('sim', gen, () => deps.largeNOverlap(req));
    },
  }));
}
