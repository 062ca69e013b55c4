// Bench section "deep": the L = 2 theory (arXiv 2510.24616, Result 3) in the authors' setting.
//   deepTableMs      rectangular mmse_v table build for one (η, γ1) = (0.5, 0.5) (48 knots, homotopy-tracked density)
//   deepWarmCurveMs  100-point ε(α) equilibrium curve on α ∈ (0, 8], tables built and JIT warm: all four branches
//                    cold-started at every α, plus the s-threshold refinement, at the worker's tolerance 1e−9
import { getDeepModel } from '../src/physics/deep/deepModel';
import { rectangularDenoiser } from '../src/physics/deep/denoiser';
import { CURVE_SOLVE } from '../workers/deepService';
import type { BenchSection } from './sections';
import { time } from './timing';

export const deepSection: BenchSection = {
  name: 'deep',
  async run(log) {
    const deepTableMs = time(() => rectangularDenoiser({ eta: 0.5, gamma1: 0.5 }), 3);
    log(`deep: rectangular mmse table (η = γ1 = 0.5): ${deepTableMs.toFixed(0)} ms (target ≤ 1000)`);
    const alphas = Array.from({ length: 100 }, (_, i) => (8 * (i + 1)) / 100);
    const curves: Record<string, number> = {};
    for (const readout of ['ones', 'rad', 'gauss'] as const) {
      const model = getDeepModel({ activation: 'tanh2-unit', gamma: 0.5, gamma2: 0.5, delta: 0.2, readout, weights: 'gaussian' });
      const run = () => {
        for (const a of alphas) model.solvePoint(a, CURVE_SOLVE);
      };
      run(); // tables and JIT
      curves[readout] = time(run, readout === 'gauss' ? 1 : 5);
      log(`deep: warm 100-point L = 2 curve, tanh2-unit, ${readout}: ${curves[readout].toFixed(0)} ms${readout === 'ones' ? ' (target ≤ 100)' : ''}`);
    }
    return { deepTableMs, deepWarmCurveMs: curves.ones, deepWarmCurveMsByReadout: curves };
  },
};
