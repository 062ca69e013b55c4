// Compute placement of the phase diagrams: rows streamed one by one, dropped once a newer generation arrives.
// No comlink and no physics import here (the worker injects solveRow), so it runs under vitest with a fake.
import type { PhaseRow, PhasePlane, RowOptions } from '../../physics/mlp/phase';
import type { ShallowParams } from '../../physics/types';
import type { PhaseApi, RowMessage, RowsRequest } from './phaseProtocol';
import type { TheoryError } from './protocol';
import { messageOf, yieldToEventLoop } from '../../platform/compute/yield';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface PhaseDeps {
  solveRow(base: ShallowParams, plane: PhasePlane, y: number, alphas: number[], opts: RowOptions): PhaseRow;
  rowAlphas(alphaMax: number, n: number): number[];
  ParamError?: ErrorClass;
  ActivationError?: ErrorClass;
}

export function createPhaseService(deps: PhaseDeps, now: () => number = () => performance.now()): PhaseApi {
  let shared: Int32Array | null = null;
  let latest = 0;
  const newest = () => Math.max(latest, shared ? Atomics.load(shared, 0) : 0);
  const classify = (e: unknown, where: string): TheoryError => {
    const message = messageOf(e);
    if (deps.ActivationError && e instanceof deps.ActivationError) return { kind: 'activation', message };
    if (deps.ParamError && e instanceof deps.ParamError) return { kind: 'param', message };
    return { kind: 'solver', message: `${message} (${where})` };
  };
  return {
    attachGenerations(buffer) {
      shared = new Int32Array(buffer);
    },
    supersede(gen) {
      latest = Math.max(latest, gen);
    },
    async computeRows(req: RowsRequest, onRow: (m: RowMessage) => void) {
      latest = Math.max(latest, req.gen);
      const alphas = deps.rowAlphas(req.alphaMax, req.nAlpha);
      let n = 0;
      for (const { index, y } of req.rows) {
        if (newest() > req.gen) return { ok: false, stale: true };
        const t0 = now();
        let row: PhaseRow;
        try {
          row = deps.solveRow(req.base, req.plane, y, alphas, { alphaMax: req.alphaMax });
        } catch (e) {
          return { ok: false, error: classify(e, `${req.plane === 'gamma' ? 'γ' : 'Δ'} = ${y.toPrecision(4)}`) };
        }
        const { seed: _seed, ...sent } = row; // the continuation seed stays in the worker
        onRow({ gen: req.gen, index, row: sent, ms: now() - t0 });
        n++;
        await yieldToEventLoop();
      }
      return { ok: true, value: { gen: req.gen, n } };
    },
  };
}
