// Messages between the committee-machine tab (controller.ts) and its worker (workers/committee.worker.ts).
import type { CommitteePoint } from '../../physics/classic/committee';
import type { CommitteePrior } from '../../physics/classic/committeePrior';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export const COMMITTEE_CHANNELS = ['curve'] as const;

export interface CommitteeApi extends GenerationsApi {
  /** The K = 2 fixed points along `alphas`, streamed one per α (each continued from the last), then the thresholds. */
  committee(
    prior: CommitteePrior,
    alphas: number[],
    gen: number,
    onPoint: (p: CommitteePoint) => void,
  ): Promise<Outcome<CommitteeThresholds>>;
}
