// The Saad–Solla worker's service: the overlap ODEs up to alphaMax with the symmetric plateau and its escape, and
// the Hermite coefficients of the lecture panel's links. No comlink and no physics import: the worker injects them.
import type { getActivation } from '../../physics/activations';
import type {
  escapeAlpha,
  symmetricPlateau,
  trajectorySteps,
  validateSaadSolla,
} from '../../physics/classic/saadSolla';
import type {
  plateauLength,
  simulateOnline,
  SimulationPoint,
  validateSimulationCost,
  validateSimulationSize,
} from '../../physics/classic/saadSollaSim';
import { createGenerations } from '../../platform/compute/generations';
import { attempt, classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { drainInBatches } from '../../platform/compute/drain';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { SAAD_SOLLA_CHANNELS, type SaadSollaApi } from './protocol';

export interface SaadSollaDeps extends ErrorClasses {
  validateSaadSolla: typeof validateSaadSolla;
  trajectorySteps: typeof trajectorySteps;
  symmetricPlateau: typeof symmetricPlateau;
  escapeAlpha: typeof escapeAlpha;
  getActivation: typeof getActivation;
  simulateOnline: typeof simulateOnline;
  plateauLength: typeof plateauLength;
  validateSimulationSize: typeof validateSimulationSize;
  validateSimulationCost: typeof validateSimulationCost;
}

/** Trajectory points drawn on the log-α axis. */
const TRAJECTORY_POINTS = 160;
/** Samples of a simulated run (on the ODE's log-spaced times), and the compute time between chunks. */
const SIMULATION_POINTS = 80;
const CHUNK_MS = 150;

export function createSaadSollaService(deps: SaadSollaDeps): SaadSollaApi {
  const generations = createGenerations(SAAD_SOLLA_CHANNELS);
  const classify = classifier(deps);
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async saadSolla(params, alphaMax, gen) {
      generations.note('curve', gen);
      if (generations.isStale('curve', gen)) return STALE;
      // The integration hands over the thread every CHUNK_MS, so a newer request (or the tab leaving) stops it
      // mid-run instead of waiting up to its 20 s bound (issue 21).
      const started = attempt(classify, () => {
        const p = deps.validateSaadSolla(params);
        const it = deps.trajectorySteps(p, alphaMax, TRAJECTORY_POINTS);
        return { p, it, first: it.next() };
      });
      if (!started.ok) return started;
      const { p, it } = started.value;
      let r = started.value.first;
      let last = performance.now();
      while (!r.done) {
        if (performance.now() - last > CHUNK_MS) {
          await yieldToEventLoop(); // lets a `supersede` message in (no shared buffer without isolation)
          last = performance.now();
        }
        if (generations.isStale('curve', gen)) return STALE;
        r = it.next();
      }
      const run = r.value;
      return attempt(classify, () => {
        const plateau = deps.symmetricPlateau(p);
        return { ...run, plateau, alphaEscape: deps.escapeAlpha(run.points, plateau.epsPlateau) };
      });
    },
    async simulate(req, onChunk) {
      const { gen, alphaMax, N, seeds } = req;
      generations.note('sim', gen);
      const checked = attempt(classify, () => {
        const p = deps.validateSaadSolla(req.params);
        deps.validateSimulationSize(N, p);
        deps.validateSimulationCost(p, N, alphaMax, seeds);
        return { p, epsPlateau: deps.symmetricPlateau(p).epsPlateau };
      });
      if (!checked.ok) return checked;
      const { p, epsPlateau } = checked.value;
      for (let run = 0; run < seeds; run++) {
        const emit = (points: SimulationPoint[]) => onChunk({ gen, run, points });
        const stale = () => generations.isStale('sim', gen);
        const r = await drainInBatches(
          deps.simulateOnline(p, N, alphaMax, SIMULATION_POINTS, run),
          emit,
          stale,
          CHUNK_MS,
        );
        if (!r) return STALE;
        const plateauLength = r.value ? null : deps.plateauLength(r.all, epsPlateau);
        onChunk({ gen, run, points: r.rest, done: { plateauLength, diverged: r.value } });
      }
      return ok({ gen });
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
