// Messages between the committee-machine tab (controller.ts) and its worker (workers/committee.worker.ts).
import type { CommitteePoint, ModelArg } from '../../physics/classic/committee';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export const COMMITTEE_CHANNELS = ['curve'] as const;

export interface CommitteeApi extends GenerationsApi {
  /**
   * The fixed points along `alphas` (model: a prior, K = 2, or {prior, K}), streamed one per α (each continued from
   * the last), then the thresholds.
   */
  committee(
    model: ModelArg,
    alphas: number[],
    gen: number,
    /** A point, or null: a heartbeat while the thresholds are computed. */
    onPoint: (p: CommitteePoint | null) => void,
  ): Promise<Outcome<CommitteeThresholds>>;
}
