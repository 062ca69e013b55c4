// The committee-machine worker's service: the curve α by α (a specialised point costs ~0.1 s), each point warm-
// started from the previous one, with an event-loop yield between points so that a newer request stops it.
// No comlink and no physics import: workers/committee.worker.ts injects the physics.
import type { nextWarm, solveCommitteePoint } from '../../physics/classic/committee';
import type { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { attempt, type ErrorClasses } from '../../platform/compute/outcome';
import { workerService } from '../../platform/compute/service';
import { COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';
import { transitionAlphas } from './transition';

export interface CommitteeDeps extends ErrorClasses {
  solveCommitteePoint: typeof solveCommitteePoint;
  nextWarm: typeof nextWarm;
  committeeThresholds: typeof committeeThresholds;
}

export function createCommitteeService(deps: CommitteeDeps): CommitteeApi {
  return workerService(COMMITTEE_CHANNELS, deps, ({ classify, each }) => ({
    async committee(model, alphas, gen, onPoint) {
      const solved: { alpha: number; warm: Parameters<typeof solveCommitteePoint>[2] }[] = [];
      let warm: Parameters<typeof solveCommitteePoint>[2] = { x: 0 };
      const solve = (list: readonly number[]) =>
        each(
          'curve',
          gen,
          list,
          (alpha) => deps.solveCommitteePoint(model, alpha, warm),
          (p) => {
            warm = deps.nextWarm(model, p);
            solved.push({ alpha: p.alpha, warm });
            onPoint(p);
          },
        );
      const r = await solve(alphas);
      if (!r.ok) return r;
      // Heartbeats (null) while the thresholds run: K = 3 takes tens of seconds without a point.
      const t = attempt(classify, () =>
        deps.committeeThresholds(model, alphas[alphas.length - 1], 16, () => onPoint(null)),
      );
      if (!t.ok) return t;
      // The transition itself (and around a continuous one), continued from the grid point below it.
      const extra = transitionAlphas(t.value).filter((a) => a > 0 && a < alphas[alphas.length - 1]);
      if (extra.length) {
        warm = solved.filter((s) => s.alpha < extra[0]).at(-1)?.warm ?? { x: 0 };
        const e = await solve(extra);
        if (!e.ok) return e;
      }
      return t;
    },
  }));
}
