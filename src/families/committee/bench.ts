// Bench section "committee": the K = 2 committee curve of the tab, 40 α points (both branches), Gaussian and
// ±1 weights (committeeCurveMs), and the thresholds the tab computes after it (committeeThresholdsMs).
import type { BenchSection } from '../family';
import { committeeCurve } from '../../physics/classic/committee';
import { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { time } from '../../../bench/timing';

export const section: BenchSection = {
  name: 'committee',
  async run(log) {
    const calphas = Array.from({ length: 40 }, (_, i) => (6 * (i + 1)) / 40);
    const committeeCurveMs: Record<string, number> = {};
    for (const prior of ['gaussian', 'rademacher'] as const) {
      committeeCurveMs[prior] = time(() => committeeCurve(prior, calphas), prior === 'gaussian' ? 1 : 3);
      log(`committee K = 2 ${prior} curve, 40 α: ${committeeCurveMs[prior].toFixed(0)} ms`);
    }
    // The tab's thresholds after the curve; ±1 weights include the α_AMP fold (Newton along the partial branch).
    const committeeThresholdsMs: Record<string, number> = {};
    for (const prior of ['gaussian', 'rademacher'] as const) {
      committeeThresholdsMs[prior] = time(() => committeeThresholds(prior, 5, 16), 1);
      log(`committee K = 2 ${prior} thresholds (α ≤ 5): ${committeeThresholdsMs[prior].toFixed(0)} ms`);
    }
    return { committeeCurveMs, committeeThresholdsMs };
  },
};
