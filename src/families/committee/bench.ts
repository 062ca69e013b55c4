// Bench section "committee": the K = 2 committee curve of the tab, 40 α points (both branches), Gaussian and
// ±1 weights (committeeCurveMs), the thresholds the tab computes after it (committeeThresholdsMs), and the K = 3
// curve, 30 α points on (0, 25] as the tab's K = 3 default (committeeK3CurveMs; Gaussian weights: the accurate pass),
// and its coarse pass, the first curve the tab shows (committeeK3CoarseMs).
import type { BenchSection } from '../family';
import { committeeCurve } from '../../physics/classic/committee';
import { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { coarseAlphas } from './protocol';
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
    const k3alphas = Array.from({ length: 30 }, (_, i) => (25 * (i + 1)) / 30);
    const committeeK3CurveMs: Record<string, number> = {};
    for (const prior of ['gaussian', 'rademacher'] as const) {
      committeeK3CurveMs[prior] = time(() => committeeCurve({ prior, K: 3 }, k3alphas), 1);
      log(`committee K = 3 ${prior} curve, 30 α ≤ 25: ${committeeK3CurveMs[prior].toFixed(0)} ms`);
    }
    // The tab's first K = 3 curve (Gaussian weights): the coarse pass with the fast rule, before the accurate one.
    const G3 = { prior: 'gaussian', K: 3 } as const;
    const committeeK3CoarseMs = time(() => committeeCurve(G3, coarseAlphas(G3, k3alphas), undefined, 'fast'), 1);
    log(`committee K = 3 gaussian coarse pass (first curve on screen): ${committeeK3CoarseMs.toFixed(0)} ms`);
    return { committeeCurveMs, committeeThresholdsMs, committeeK3CurveMs, committeeK3CoarseMs };
  },
};
