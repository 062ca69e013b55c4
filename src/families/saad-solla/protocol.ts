// Messages between the Saad–Solla tab (controller.ts) and its worker (workers/saad-solla.worker.ts).
import type { Plateau, SaadSollaParams, TrajectoryPoint } from '../../physics/classic/saadSolla';
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

export const SAAD_SOLLA_CHANNELS = ['curve'] as const;

export interface SaadSollaApi extends GenerationsApi {
  saadSolla(params: SaadSollaParams, alphaMax: number, gen: number): Promise<Outcome<SaadSollaResult>>;
  hermite(names: string[]): Promise<Outcome<HermiteRow[]>>;
}
