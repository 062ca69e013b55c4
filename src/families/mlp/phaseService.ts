// Compute placement of the phase diagrams: rows streamed one by one, dropped once a newer generation arrives.
// No comlink and no physics import here (the worker injects solveRow), so it runs under vitest with a fake.
import type { PhaseRow, PhasePlane, RowOptions } from '../../physics/mlp/phaseTypes';
import type { ShallowParams } from '../../physics/types';
import { createGenerations } from '../../platform/compute/generations';
import { classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { PHASE_CHANNELS, type PhaseApi, type RowMessage, type RowsRequest } from './phaseProtocol';

export interface PhaseDeps extends ErrorClasses {
  solveRow(base: ShallowParams, plane: PhasePlane, y: number, alphas: number[], opts: RowOptions): PhaseRow;
  rowAlphas(alphaMax: number, n: number): number[];
}

export function createPhaseService(deps: PhaseDeps, now: () => number = () => performance.now()): PhaseApi {
  const generations = createGenerations(PHASE_CHANNELS);
  const classify = classifier(deps);
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async computeRows(req: RowsRequest, onRow: (m: RowMessage) => void) {
      generations.note('rows', req.gen);
      const alphas = deps.rowAlphas(req.alphaMax, req.nAlpha);
      let n = 0;
      for (const { index, y } of req.rows) {
        const stale = () => generations.isStale('rows', req.gen);
        if (stale()) return STALE;
        const t0 = now();
        let row: PhaseRow;
        try {
          // A row of a continuous law takes up to a second: it stops mid-row once superseded (a slider move), so
          // that it does not hold a core while the new curve computes.
          row = deps.solveRow(req.base, req.plane, y, alphas, { alphaMax: req.alphaMax, shouldStop: stale });
        } catch (e) {
          if (stale()) return STALE; // stopped (Superseded), or failed after it was superseded
          return { ok: false, error: classify(e, `${req.plane === 'gamma' ? 'γ' : 'Δ'} = ${y.toPrecision(4)}`) };
        }
        onRow({ gen: req.gen, index, row, ms: now() - t0 });
        n++;
        await yieldToEventLoop();
      }
      return ok({ gen: req.gen, n });
    },
  };
}
