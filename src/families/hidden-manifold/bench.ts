// Bench section "hidden-manifold": the tab's ridge request (two 240-point curves, hmmRidgeCurveMs), one ridge fit on
// sampled data at N = 200, D = 100, n = 200 (hmmRidgeSimMs), and one online-SGD run of each data kind at N = 100,
// D = 50 to α = 200 (hmmSgdMs, hmmSgdIidMs).
import type { BenchSection } from '../family';
import { hmmRidgeCurve } from '../../physics/hiddenManifold/ridge';
import { runSgd } from '../../physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { simulateHmmRidgeSeed } from '../../sim/hiddenManifold/ridgeSim';
import { time } from '../../../bench/timing';
import { curveAlphas } from './service';

export const section: BenchSection = {
  name: 'hidden-manifold',
  async run(log) {
    const p = {
      activation: activationProfile('erf'),
      target: targetProfile('tanh2'),
      delta: 0.5,
      lambda: 1e-3,
      noise: 0.1,
    };
    const alphas = curveAlphas(4);
    const hmmRidgeCurveMs = time(() => {
      hmmRidgeCurve(p, alphas);
      hmmRidgeCurve({ ...p, lambda: 0 }, alphas);
    }, 3);
    const hmmRidgeSimMs = time(() => simulateHmmRidgeSeed({ ...p, alpha: 1, N: 200 }, 0), 1);
    const s = { f: activationProfile('tanh'), g: 'erf' as const, K: 2, M: 2, N: 100, delta: 0.5, eta: 0.5, noise: 0 };
    const sgd = { ...s, alphaMax: 200, seed: 1 };
    const hmmSgdMs = time(() => runSgd(sgd, 'hmm', 40, 0), 1);
    const hmmSgdIidMs = time(() => runSgd(sgd, 'iid', 40, 0), 1);
    log(
      `hidden manifold: ridge curves (2 × 240 points) ${hmmRidgeCurveMs.toFixed(0)} ms; ridge fit N = 200 ${hmmRidgeSimMs.toFixed(0)} ms`,
    );
    log(
      `hidden manifold: online SGD N = 100 to α = 200: manifold ${hmmSgdMs.toFixed(0)} ms, i.i.d. ${hmmSgdIidMs.toFixed(0)} ms`,
    );
    return { hmmRidgeCurveMs, hmmRidgeSimMs, hmmSgdMs, hmmSgdIidMs };
  },
};
