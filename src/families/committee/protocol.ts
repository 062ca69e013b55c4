// Messages between the committee-machine tab (controller.ts) and its worker (workers/committee.worker.ts).
import type { CommitteePoint, ModelArg } from '../../physics/classic/committee';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export const COMMITTEE_CHANNELS = ['curve'] as const;

/**
 * K = 3, Gaussian weights: the α of the coarse pass streamed before the curve (every fifth and the last, with the
 * fast rule: ~1/10 of the accurate cost a point), so that a first curve is on screen within seconds; none otherwise.
 */
export function coarseAlphas(model: ModelArg, alphas: readonly number[]): number[] {
  const gaussianK3 = typeof model === 'object' && model.K === 3 && model.prior === 'gaussian';
  return gaussianK3 ? alphas.filter((_, i) => i % 5 === 4 || i === alphas.length - 1) : [];
}

export interface CommitteeApi extends GenerationsApi {
  /**
   * The fixed points along `alphas` (model: a prior, K = 2, or {prior, K}), streamed one per α (each continued from
   * the last), then the thresholds. K = 3, Gaussian weights: first a coarse pass over coarseAlphas (points with
   * accuracy 'fast'), then the curve.
   */
  committee(
    model: ModelArg,
    alphas: number[],
    gen: number,
    /** A point, or null: a heartbeat while the thresholds are computed. */
    onPoint: (p: CommitteePoint | null) => void,
  ): Promise<Outcome<CommitteeThresholds>>;
}
