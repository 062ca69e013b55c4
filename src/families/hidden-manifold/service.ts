// The hidden-manifold worker's service: the ridge learning curve (at λ and at λ → 0⁺) and the streamed online-SGD
// comparison of hidden-manifold and i.i.d. inputs. No comlink and no physics import: the worker injects them.
import type { hmmRidgeCurve, nullError, validateHmmRidge } from '../../physics/hiddenManifold/ridge';
import type { logisticPoint, validateErm } from '../../physics/hiddenManifold/logistic';
import type { HmmSgdParams, simulateSgd, SgdPoint, validateSgd } from '../../physics/hiddenManifold/sgdSim';
import type { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import type { simulateHmmRidgeSeed, validateRidgeSim } from '../../sim/hiddenManifold/ridgeSim';
import type { meanSE } from '../../sim/twoLayer/ridge';
import { createGenerations } from '../../platform/compute/generations';
import { attempt, classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { drainInBatches } from '../../platform/compute/drain';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { HMM_CHANNELS, SGD_POINTS, type CurvePoint, type HmmApi, type RidgeRequest, type SgdRequest } from './protocol';

export interface HmmDeps extends ErrorClasses {
  hmmRidgeCurve: typeof hmmRidgeCurve;
  nullError: typeof nullError;
  activationProfile: typeof activationProfile;
  targetProfile: typeof targetProfile;
  simulateSgd: typeof simulateSgd;
  validateSgd: typeof validateSgd;
  validateHmmRidge: typeof validateHmmRidge;
  simulateHmmRidgeSeed: typeof simulateHmmRidgeSeed;
  validateRidgeSim: typeof validateRidgeSim;
  meanSE: typeof meanSE;
  logisticPoint: typeof logisticPoint;
  validateErm: typeof validateErm;
}

/** Points of the logistic curve (each a fixed point of 0.03–0.6 s). */
export const LOGISTIC_POINTS = 24;

/** Points of the ridge curve on (0, alphaMax]. */
export const CURVE_POINTS = 240;
/** Fresh points each simulated ridge fit is tested on. */
const RIDGE_TEST_POINTS = 1000;

/** α's of the curve: uniform, with α = 1 (the λ → 0⁺ peak) between two samples rather than on one. */
export function curveAlphas(alphaMax: number, points = CURVE_POINTS): number[] {
  return Array.from({ length: points }, (_, i) => (alphaMax * (i + 0.5)) / points);
}

export function createHmmService(deps: HmmDeps): HmmApi {
  const generations = createGenerations(HMM_CHANNELS);
  const classify = classifier(deps);
  const ridgeParams = (r: RidgeRequest) => ({
    activation: deps.activationProfile(r.activation),
    target: deps.targetProfile(r.target),
    delta: r.delta,
    lambda: r.lambda,
    noise: r.noise,
  });
  const sgdParams = (r: SgdRequest): HmmSgdParams => ({
    f: deps.activationProfile(r.f),
    g: r.units as HmmSgdParams['g'],
    K: r.K,
    M: r.M,
    N: r.N,
    delta: r.delta,
    eta: r.eta,
    noise: r.noise,
    alphaMax: r.alphaMax,
    seed: r.seed,
  });
  const wire = (pts: ReturnType<typeof hmmRidgeCurve>): CurvePoint[] =>
    pts.map((p) => ({ alpha: p.alpha, testError: p.diverges ? null : p.testError, converged: p.converged }));
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async curve(req, gen) {
      generations.note('curve', gen);
      if (generations.isStale('curve', gen)) return STALE;
      return attempt(classify, () => {
        const p = ridgeParams(req);
        const alphas = curveAlphas(req.alphaMax);
        return {
          points: wire(deps.hmmRidgeCurve(p, alphas)),
          interpolation: wire(deps.hmmRidgeCurve({ ...p, lambda: 0 }, alphas)),
          nullError: deps.nullError(p),
        };
      });
    },
    async logistic(req, gen) {
      generations.note('logistic', gen);
      if (generations.isStale('logistic', gen)) return STALE;
      const activation = deps.activationProfile(req.activation);
      const p = { activation, delta: req.delta, lambda: req.lambda };
      const refusal = attempt(classify, () => deps.validateErm(p));
      if (!refusal.ok) return refusal.stale ? refusal : ok({ refused: refusal.error.message });
      const points = [];
      for (const alpha of curveAlphas(req.alphaMax, LOGISTIC_POINTS)) {
        const r = deps.logisticPoint(p, alpha);
        points.push({ alpha, classError: r.classError, converged: r.converged });
        await yieldToEventLoop(); // lets a superseding request in
        if (generations.isStale('logistic', gen)) return STALE;
      }
      return ok({ points });
    },
    async simulate(req, onChunk) {
      const { gen, seeds } = req;
      generations.note('sim', gen);
      const checked = attempt(classify, () => deps.validateSgd(sgdParams(req), seeds, SGD_POINTS));
      if (!checked.ok) return checked;
      const p = checked.value;
      for (let run = 0; run < seeds; run++)
        for (const kind of ['hmm', 'iid'] as const) {
          const emit = (points: SgdPoint[]) => onChunk({ gen, kind, run, points });
          const stale = () => generations.isStale('sim', gen);
          const r = await drainInBatches(deps.simulateSgd(p, kind, SGD_POINTS, run), emit, stale);
          if (!r) return STALE;
          onChunk({ gen, kind, run, points: r.rest, done: { diverged: r.value } });
        }
      return ok({ gen });
    },
    async ridgeSim(req, onPoint) {
      const { gen, N, seeds, alphas } = req;
      generations.note('ridgeSim', gen);
      const checked = attempt(classify, () => {
        const p = deps.validateHmmRidge(ridgeParams(req.ridge));
        deps.validateRidgeSim(N, p.delta, alphas, seeds, RIDGE_TEST_POINTS);
        return p;
      });
      if (!checked.ok) return checked;
      for (const alpha of alphas) {
        const xs = Array.from({ length: seeds }, (_, s) =>
          deps.simulateHmmRidgeSeed({ ...checked.value, alpha, N }, s, RIDGE_TEST_POINTS),
        );
        const m = deps.meanSE(xs);
        onPoint({ gen, alpha, mean: m.mean, se: seeds > 1 ? m.se : null });
        await yieldToEventLoop(); // lets a superseding request in
        if (generations.isStale('ridgeSim', gen)) return STALE;
      }
      return ok({ gen });
    },
  };
}
