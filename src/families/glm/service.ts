// The GLM worker's service: state evolution and GAMP with generations (GAMP yields between α points so that a
// newer request stops it). No comlink and no physics import: workers/glm.worker.ts injects the physics.
import type { glmCurve, glmThresholds, makeGlm } from '../../physics/classic/glm';
import type { runGamp } from '../../physics/classic/gamp';
import { createGenerations } from '../../platform/compute/generations';
import { attempt, classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { GLM_CHANNELS, type GlmApi } from './protocol';

export interface GlmDeps extends ErrorClasses {
  makeGlm: typeof makeGlm;
  glmCurve: typeof glmCurve;
  glmThresholds: typeof glmThresholds;
  runGamp: typeof runGamp;
}

export function createGlmService(deps: GlmDeps): GlmApi {
  const generations = createGenerations(GLM_CHANNELS);
  const classify = classifier(deps);
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async glm(params, alphas, alphaMax, gen) {
      generations.note('curve', gen);
      if (generations.isStale('curve', gen)) return STALE;
      return attempt(classify, () => {
        const m = deps.makeGlm(params);
        const points = deps.glmCurve(m, alphas);
        // The ReLU channel's 2-D quadrature makes the threshold scan take tens of seconds: not searched there.
        const thresholds =
          params.channel === 'relu'
            ? {
                alphaIT: null,
                alphaAMP: null,
                alphaInformed: null,
                converged: false,
                note: 'thresholds are not searched for the ReLU channel',
              }
            : deps.glmThresholds(m, alphaMax, 60);
        return { points, thresholds };
      });
    },
    async gamp(req, gen, onPoint) {
      generations.note('gamp', gen);
      let n = 0;
      for (const alpha of req.alphas) {
        await yieldToEventLoop();
        if (generations.isStale('gamp', gen)) return STALE;
        const r = attempt(classify, () => deps.runGamp({ ...req, alphas: [alpha] })[0]);
        if (!r.ok) return r;
        onPoint(r.value);
        n++;
      }
      return ok(n);
    },
  };
}
