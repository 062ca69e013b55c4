// Messages between the spiked matrix–tensor tab (controller.ts) and its worker (workers/matrix-tensor.worker.ts).
import type { OverlapRow } from '../../physics/classic/matrixTensor';
import type { LangevinParams, LangevinPoint } from '../../physics/classic/matrixTensorLangevin';
import type { MatrixTensorLinePoint } from '../../physics/classic/matrixTensorThresholds';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export const MATRIX_TENSOR_CHANNELS = ['curve', 'lines', 'sim'] as const;

/** The overlap curve at one Δp and the thresholds there. */
export interface OverlapResult {
  rows: OverlapRow[];
  at: MatrixTensorLinePoint;
}

export interface MatrixTensorApi extends GenerationsApi {
  /** Both branches of m along `invDelta2s` at (p, Δp), and every threshold at that Δp. */
  overlaps(p: number, deltaP: number, invDelta2s: number[], gen: number): Promise<Outcome<OverlapResult>>;
  /** The threshold lines of the phase diagram, one Δp at a time; the value: how many were done. */
  lines(
    p: number,
    deltaPs: number[],
    gen: number,
    onPoint: (t: MatrixTensorLinePoint) => void,
  ): Promise<Outcome<number>>;
  /** One finite-N Langevin run (p = 3): m(0), then m(t) at 100 times, streamed; the value: how many. */
  langevin(req: LangevinParams, gen: number, onPoint: (p: LangevinPoint) => void): Promise<Outcome<number>>;
  /** The N → ∞ m(t) beside that run (CHSCK equations from m(0) = 1/√N; matrixTensorGF.ts): [t, m] pairs. */
  largeN(req: LangevinParams, gen: number): Promise<Outcome<[number, number][]>>;
}

/** The 1/Δ2 grid of the overlap plot: 241 points on [0, max]. */
export const overlapGrid = (invDelta2Max: number): number[] =>
  Array.from({ length: 241 }, (_, i) => +((invDelta2Max * i) / 240).toPrecision(8));

/** The Δp grid of the phase diagram: 64 points on (0, max]. */
export const diagramGrid = (deltaPMax: number): number[] =>
  Array.from({ length: 64 }, (_, i) => +((deltaPMax * (i + 1)) / 64).toPrecision(8));
