// Messages between the Saad–Solla tab (controller.ts) and its worker (workers/saad-solla.worker.ts).
import type { Plateau, SaadSollaParams, TrajectoryPoint } from '../../physics/classic/saadSolla';
import type { SimulationPoint } from '../../physics/classic/saadSollaSim';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export interface SaadSollaResult {
  points: TrajectoryPoint[];
  diverged: boolean;
  plateau: Plateau;
  alphaEscape: number | null;
}

/** Hermite coefficients of a link, for the lecture's information-exponent table. */
export interface HermiteRow {
  name: string;
  formula: string;
  /** μ_0 … μ_6 */
  mu: number[];
}

export const SAAD_SOLLA_CHANNELS = ['curve', 'sim'] as const;

/** A finite-N simulation request: `seeds` runs (streams 0 … seeds−1 of params.seed) at size N to alphaMax. */
export interface SimulationRequest {
  gen: number;
  params: SaadSollaParams;
  alphaMax: number;
  N: number;
  seeds: number;
}

/** New samples of run `run`; the run's last chunk has `done` and its plateau length (null: no escape). */
export interface SimulationChunk {
  gen: number;
  run: number;
  points: SimulationPoint[];
  done?: { plateauLength: number | null; diverged: boolean };
}

export interface SaadSollaApi extends GenerationsApi {
  saadSolla(params: SaadSollaParams, alphaMax: number, gen: number): Promise<Outcome<SaadSollaResult>>;
  hermite(names: string[]): Promise<Outcome<HermiteRow[]>>;
  /** Streams the runs' samples (every ~150 ms of compute) through onChunk; resolves when all are done. */
  simulate(req: SimulationRequest, onChunk: (c: SimulationChunk) => void): Promise<Outcome<{ gen: number }>>;
}
