// Bench section "glm": the curves the GLM / perceptron tab computes on a slider move.
//   glmCurveMs        200 α points (ReLU: 40), both branches (uninformed swept up, informed down), per prior/channel
//   glmThresholdsMs   α_IT and α_AMP of the binary perceptron
import type { BenchSection } from '../family';
import { glmCurve, glmThresholds, makeGlm } from '../../physics/classic/glm';
import { time } from '../../../bench/timing';

export const section: BenchSection = {
  name: 'glm',
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
    return { glmCurveMs, glmThresholdsMs };
  },
};
