// The GLM worker's service: state evolution and GAMP with generations (GAMP yields between α points so that a
// newer request stops it). No comlink and no physics import: workers/glm.worker.ts injects the physics.
import type { glmCurve, glmThresholds, makeGlm } from '../../physics/classic/glm';
import type { runGamp } from '../../physics/classic/gamp';
import type { ErrorClasses } from '../../platform/compute/outcome';
import { workerService } from '../../platform/compute/service';
import { GLM_CHANNELS, type GlmApi } from './protocol';

export interface GlmDeps extends ErrorClasses {
  makeGlm: typeof makeGlm;
  glmCurve: typeof glmCurve;
  glmThresholds: typeof glmThresholds;
  runGamp: typeof runGamp;
}

export function createGlmService(deps: GlmDeps): GlmApi {
  return workerService(GLM_CHANNELS, deps, ({ once, each }) => ({
    async glm(params, alphas, alphaMax, gen) {
      return once('curve', gen, () => {
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
        // The point at α_IT itself (both branches there), where the plot draws the equilibrium's vertical jump.
        const at = thresholds.alphaIT;
        const withIT =
          at !== null && at > 0 && at < alphas[alphas.length - 1] && !alphas.includes(at)
            ? [...points, ...deps.glmCurve(m, [at])].sort((a, b) => a.alpha - b.alpha)
            : points;
        return { points: withIT, thresholds };
      });
    },
    async gamp(req, gen, onPoint) {
      return each('gamp', gen, req.alphas, (alpha) => deps.runGamp({ ...req, alphas: [alpha] })[0], onPoint);
    },
  }));
}
