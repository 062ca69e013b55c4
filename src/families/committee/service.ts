// The committee-machine worker's service: the curve α by α (a specialised point costs ~0.1 s), each point warm-
// started from the previous one, with an event-loop yield between points so that a newer request stops it.
// No comlink and no physics import: workers/committee.worker.ts injects the physics.
import type { solveCommitteePoint } from '../../physics/classic/committee';
import type { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { createGenerations } from '../../platform/compute/generations';
import { attempt, classifier, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';

export interface CommitteeDeps extends ErrorClasses {
  solveCommitteePoint: typeof solveCommitteePoint;
  committeeThresholds: typeof committeeThresholds;
}

export function createCommitteeService(deps: CommitteeDeps): CommitteeApi {
  const generations = createGenerations(COMMITTEE_CHANNELS);
  const classify = classifier(deps);
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async committee(prior, alphas, gen, onPoint) {
      generations.note('curve', gen);
      let warm: Parameters<typeof solveCommitteePoint>[2] = { x: 0 };
      for (const alpha of alphas) {
        await yieldToEventLoop();
        if (generations.isStale('curve', gen)) return STALE;
        const r = attempt(classify, () => deps.solveCommitteePoint(prior, alpha, warm));
        if (!r.ok) return r;
        const p = r.value;
        warm = {
          x: p.nonSpecialised.q11,
          spec: p.specialised && prior === 'gaussian' ? [p.specialised.q11, p.specialised.q12] : undefined,
          jacobian: p.specialised?.jacobian,
        };
        onPoint(p);
      }
      return attempt(classify, () => deps.committeeThresholds(prior, alphas[alphas.length - 1], 16));
    },
  };
}
