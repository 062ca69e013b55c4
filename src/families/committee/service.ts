// The committee-machine worker's service: the curve α by α (a specialised point costs ~0.1 s), each point warm-
// started from the solved point just below it (the previous one on an ascending grid; the controller sends K = 2
// coarse grid first), with an event-loop yield between points so that a newer request stops it; K = 3 with Gaussian
// weights coarse-to-fine (a coarse pass with the fast rule first).
// No comlink and no physics import: workers/committee.worker.ts injects the physics.
import type { nextWarm, solveCommitteePoint } from '../../physics/classic/committee';
import type { committeeThresholds } from '../../physics/classic/committeeThresholds';
import type { Accuracy } from '../../physics/classic/committeeOutput';
import { attempt, type ErrorClasses } from '../../platform/compute/outcome';
import { workerService } from '../../platform/compute/service';
import { coarseAlphas, COMMITTEE_CHANNELS, type CommitteeApi } from './protocol';
import { transitionAlphas } from './transition';

export interface CommitteeDeps extends ErrorClasses {
  solveCommitteePoint: typeof solveCommitteePoint;
  nextWarm: typeof nextWarm;
  committeeThresholds: typeof committeeThresholds;
}

export function createCommitteeService(deps: CommitteeDeps): CommitteeApi {
  return workerService(COMMITTEE_CHANNELS, deps, ({ classify, each }) => ({
    async committee(model, alphas, gen, onPoint) {
      type Solved = { alpha: number; warm: ReturnType<typeof nextWarm> };
      /** Solves `list`, each point continued from the solved point of `solved` just below it. */
      const pass = (list: readonly number[], accuracy: Accuracy, solved: Solved[] = []) => {
        const warmFor = (alpha: number) =>
          solved.reduce<Solved | null>(
            (best, s) => (s.alpha < alpha && (!best || s.alpha > best.alpha) ? s : best),
            null,
          )?.warm ?? { x: 0 };
        return each(
          'curve',
          gen,
          list,
          (alpha) => deps.solveCommitteePoint(model, alpha, warmFor(alpha), accuracy),
          (p) => {
            solved.push({ alpha: p.alpha, warm: deps.nextWarm(model, p) });
            onPoint(p);
          },
        );
      };
      // K = 3, Gaussian weights: a coarse curve with the fast rule first (coarse-to-fine), then every α.
      const coarse = coarseAlphas(model, alphas);
      if (coarse.length) {
        const c = await pass(coarse, 'fast');
        if (!c.ok) return c;
      }
      const accurate: Solved[] = [];
      const r = await pass(alphas, 'accurate', accurate);
      if (!r.ok) return r;
      const top = Math.max(...alphas);
      // Heartbeats (null) while the thresholds run: K = 3 takes tens of seconds without a point.
      const t = attempt(classify, () => deps.committeeThresholds(model, top, 16, () => onPoint(null)));
      if (!t.ok) return t;
      // The transition itself (and around a continuous one), continued from the grid point below it.
      const extra = transitionAlphas(t.value).filter((a) => a > 0 && a < top);
      if (extra.length) {
        const e = await pass(extra, 'accurate', accurate);
        if (!e.ok) return e;
      }
      return t;
    },
  }));
}
