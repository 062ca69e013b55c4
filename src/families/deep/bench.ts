// Bench section "deep": the L = 2 theory (arXiv 2510.24616, Result 3) in the authors' setting, new path and old.
//   deepTableMs       rectangular mmse_v table for (η, γ1) = (0.5, 0.5): 64 knots, density root continued along λ
//   deepTableMsNaive  the same table with the homotopy from far above the axis at every density node (the old path)
//   deepWarmCurveMs   100-point ε(α) equilibrium curve on α ∈ (0, 8] (`ones`), tables built and JIT warm, at the
//                     worker's tolerance: every branch continued downwards in α from the point above (solveCurve)
//   deepWarmCurveMsCold  the same curve with all four starts cold at every α (solvePoint without `from`)
//   deepWarmCurveMsByReadout / …ColdByReadout  both for ones, rad and gauss readouts
//   anyDepthTableMs   exact g, g', g'', g''' table of tanh2-nolin by the trapezoid rule (any-depth theory, L ≥ 3);
//                     anyDepthTableMsByActivation adds a typed expression (He5/√120, evaluated through the parser)
//   anyDepthCurveMs   warm 200-point ε(α) curve at L = 5 (tanh2-nolin, γ_l = 1, Δ = 0.1) on α/L ∈ (0, 8]: tables
//                     built and the branch traced, each α warm-started from the two before
import { getDeepModel } from '../../physics/deep/deepModel';
import { rectangularDenoiser } from '../../physics/deep/denoiser';
import { getAnyDepthModel, uniformLayers } from '../../physics/deep/anyDepth/anyDepthModel';
import { buildLayerActivation } from '../../physics/deep/anyDepth/layerActivation';
import { CURVE_SOLVE } from './service';
import type { BenchSection } from '../family';
import { time } from '../../../bench/timing';

const ratio = (slow: number, fast: number) => +(slow / fast).toFixed(1);

export const section: BenchSection = {
  name: 'deep',
  async run(log) {
    const shape = { eta: 0.5, gamma1: 0.5 };
    const deepTableMs = time(() => rectangularDenoiser(shape), 3);
    const deepTableMsNaive = time(() => rectangularDenoiser(shape, { tracking: 'homotopy' }), 1);
    log(
      `deep: rectangular mmse table (η = γ1 = 0.5): ${deepTableMs.toFixed(0)} ms (target ≤ 1000); homotopy at every node ${deepTableMsNaive.toFixed(0)} ms (×${ratio(deepTableMsNaive, deepTableMs)})`,
    );
    const alphas = Array.from({ length: 100 }, (_, i) => (8 * (i + 1)) / 100);
    const curves: Record<string, number> = {};
    const cold: Record<string, number> = {};
    for (const readout of ['ones', 'rad', 'gauss'] as const) {
      const model = getDeepModel({
        activation: 'tanh2-unit',
        gamma: 0.5,
        gamma2: 0.5,
        delta: 0.2,
        readout,
        weights: 'gaussian',
      });
      const runFast = () => void model.solveCurve(alphas, CURVE_SOLVE);
      const runCold = () => {
        for (const a of alphas) model.solvePoint(a, CURVE_SOLVE);
      };
      runFast(); // tables and JIT
      runCold();
      curves[readout] = time(runFast, readout === 'gauss' ? 3 : 7);
      cold[readout] = time(runCold, readout === 'gauss' ? 1 : 3);
      log(
        `deep: warm 100-point L = 2 curve, tanh2-unit, ${readout}: ${curves[readout].toFixed(0)} ms${readout === 'ones' ? ' (target ≤ 100)' : ''}; ` +
          `cold starts at every α ${cold[readout].toFixed(0)} ms (×${ratio(cold[readout], curves[readout])})`,
      );
    }
    const anyDepthTableMsByActivation: Record<string, number> = {};
    for (const name of ['tanh2-nolin', 'expr:(x^5 - 10*x^3 + 15*x)/sqrt(120)'])
      anyDepthTableMsByActivation[name] = time(() => buildLayerActivation(name), name === 'tanh2-nolin' ? 3 : 1);
    const anyDepthTableMs = anyDepthTableMsByActivation['tanh2-nolin'];
    const L = 5;
    const anyDepth = getAnyDepthModel(
      uniformLayers(L, { activation: 'tanh2-nolin', gamma: 1, delta: 0.1, readout: 'ones', weights: 'gaussian' }),
    );
    const anyAlphas = Array.from({ length: 200 }, (_, i) => (8 * L * (i + 1)) / 200);
    anyDepth.curve(anyAlphas); // tables, branch and JIT
    const anyDepthCurveMs = time(() => void anyDepth.curve(anyAlphas), 7);
    log(
      `deep: any-depth g table (trapezoid, quintic) tanh2-nolin ${anyDepthTableMs.toFixed(0)} ms (target ≤ 300), typed He5 ${anyDepthTableMsByActivation['expr:(x^5 - 10*x^3 + 15*x)/sqrt(120)'].toFixed(0)} ms; warm 200-point L = 5 curve ${anyDepthCurveMs.toFixed(1)} ms (target ≤ 20)`,
    );
    return {
      anyDepthTableMs,
      anyDepthTableMsByActivation,
      anyDepthCurveMs,
      deepTableMs,
      deepTableMsNaive,
      deepTableRatio: ratio(deepTableMsNaive, deepTableMs),
      deepWarmCurveMs: curves.ones,
      deepWarmCurveMsCold: cold.ones,
      deepWarmCurveRatio: ratio(cold.ones, curves.ones),
      deepWarmCurveMsByReadout: curves,
      deepWarmCurveMsColdByReadout: cold,
    };
  },
};
