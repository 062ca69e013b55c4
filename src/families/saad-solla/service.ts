// The Saad–Solla worker's service: the overlap ODEs up to alphaMax with the symmetric plateau and its escape, and
// the Hermite coefficients of the lecture panel's links. No comlink and no physics import: the worker injects them.
import type { getActivation } from '../../physics/activations';
import type { escapeAlpha, symmetricPlateau, trajectory, validateSaadSolla } from '../../physics/classic/saadSolla';
import { createGenerations } from '../../platform/compute/generations';
import { attempt, classifier, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { SAAD_SOLLA_CHANNELS, type SaadSollaApi } from './protocol';

export interface SaadSollaDeps extends ErrorClasses {
  validateSaadSolla: typeof validateSaadSolla;
  trajectory: typeof trajectory;
  symmetricPlateau: typeof symmetricPlateau;
  escapeAlpha: typeof escapeAlpha;
  getActivation: typeof getActivation;
}

/** Trajectory points drawn on the log-α axis. */
const TRAJECTORY_POINTS = 160;

export function createSaadSollaService(deps: SaadSollaDeps): SaadSollaApi {
  const generations = createGenerations(SAAD_SOLLA_CHANNELS);
  const classify = classifier(deps);
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async saadSolla(params, alphaMax, gen) {
      generations.note('curve', gen);
      if (generations.isStale('curve', gen)) return STALE;
      return attempt(classify, () => {
        const p = deps.validateSaadSolla(params);
        const run = deps.trajectory(p, alphaMax, TRAJECTORY_POINTS);
        const plateau = deps.symmetricPlateau(p);
        return { ...run, plateau, alphaEscape: deps.escapeAlpha(run.points, plateau.epsPlateau) };
      });
    },
    async hermite(names) {
      return attempt(classify, () =>
        names.map((name) => {
          const a = deps.getActivation(name);
          return { name, formula: a.formula, mu: Array.from(a.mu) };
        }),
      );
    },
  };
}
