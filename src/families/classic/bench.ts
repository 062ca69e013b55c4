// Bench section "classic": the curves the classic-model tabs compute on a slider move.
//   glmCurveMs        200 α points (ReLU: 40), both branches (uninformed swept up, informed down), per prior/channel
//   glmThresholdsMs   α_IT and α_AMP of the binary perceptron
//   committeeCurveMs  K = 2 committee, 40 α points (both branches), Gaussian and ±1 weights
//   saadSollaMs       K = M = 2 trajectory to α = 10⁴ (100 points) and the symmetric plateau
import type { BenchSection } from '../../../bench/sections';
import { committeeCurve } from '../../physics/classic/committee';
import { glmCurve, glmThresholds, makeGlm } from '../../physics/classic/glm';
import { symmetricPlateau, trajectory } from '../../physics/classic/saadSolla';
import { time } from '../../../bench/timing';

export const classicSection: BenchSection = {
  name: 'classic',
  async run(log) {
    const alphas = Array.from({ length: 200 }, (_, i) => (5 * (i + 1)) / 200);
    const glmCurveMs: Record<string, number> = {};
    for (const [prior, channel, delta] of [
      ['rademacher', 'sign', 0],
      ['gaussian', 'sign', 0],
      ['gauss-bernoulli', 'probit', 0.1],
      ['gaussian', 'linear', 0.1],
      ['gaussian', 'relu', 0.1],
    ] as const) {
      const m = makeGlm({ prior, channel, delta });
      // The ReLU channel (2-D quadrature, ~10 ms a step) is timed on the 40-point grid the UI uses for it.
      const grid = channel === 'relu' ? alphas.filter((_, i) => i % 5 === 4) : alphas;
      const key = `${prior}/${channel}`;
      if (channel !== 'relu') glmCurve(m, grid); // warm-up
      glmCurveMs[key] = time(() => glmCurve(m, grid), channel === 'relu' ? 1 : 5);
      log(`GLM curve ${key.padEnd(24)} ${grid.length} α, both branches: ${glmCurveMs[key].toFixed(1)} ms`);
    }
    const binary = makeGlm({ prior: 'rademacher', channel: 'sign', delta: 0 });
    const glmThresholdsMs = time(() => glmThresholds(binary), 3);
    log(`binary perceptron α_IT, α_AMP: ${glmThresholdsMs.toFixed(1)} ms`);
    const calphas = Array.from({ length: 40 }, (_, i) => (6 * (i + 1)) / 40);
    const committeeCurveMs: Record<string, number> = {};
    for (const prior of ['gaussian', 'rademacher'] as const) {
      committeeCurveMs[prior] = time(() => committeeCurve(prior, calphas), prior === 'gaussian' ? 1 : 3);
      log(`committee K = 2 ${prior} curve, 40 α: ${committeeCurveMs[prior].toFixed(0)} ms`);
    }
    const p = { K: 2, M: 2, eta: 0.1, noise: 0, q0: 0.5, asym: 1e-3, seed: 1 };
    const saadSollaMs = time(() => trajectory(p, 1e4, 100), 3);
    const plateauMs = time(() => symmetricPlateau(p), 3);
    log(`Saad–Solla K = M = 2 trajectory to α = 1e4: ${saadSollaMs.toFixed(0)} ms; symmetric plateau: ${plateauMs.toFixed(0)} ms`);
    return { glmCurveMs, glmThresholdsMs, committeeCurveMs, saadSollaMs, saadSollaPlateauMs: plateauMs };
  },
};
