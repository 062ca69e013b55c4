// The phase service: rows streamed in the requested order, superseded generations dropped, errors as values.
import { describe, expect, it } from 'vitest';
import { coarseToFine } from './phaseProtocol';
import { createPhaseService, type PhaseDeps } from './phaseService';
import type { PhaseRow } from '../../physics/mlp/phaseTypes';
import type { ShallowParams } from '../../physics/types';

const base: ShallowParams = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' };
class FakeParamError extends Error {}
const fake = (onSolve?: (y: number) => void): PhaseDeps => ({
  rowAlphas: (m, n) => Array.from({ length: n }, (_, i) => (m * (i + 1)) / n),
  solveRow: (_b, _p, y, alphas) => {
    onSolve?.(y);
    if (y < 0) throw new FakeParamError(`gamma must be > 0, got ${y}`);
    return {
      y,
      samples: alphas.map((alpha) => ({ alpha, epsOpt: y, epsUni: y, Q: [0], state: 0 })),
      line: {} as PhaseRow['line'],
      classV2: [1],
    } as PhaseRow;
  },
  ParamError: FakeParamError,
});

describe('phase service', () => {
  it('coarse-to-fine order visits every row once, ends and middle first', () => {
    const o = coarseToFine(64);
    expect(new Set(o).size).toBe(64);
    expect(o.slice(0, 3)).toEqual([0, 63, 32]);
    expect(coarseToFine(1)).toEqual([0]);
  });

  it('streams rows in order and reports the count', async () => {
    const svc = createPhaseService(fake());
    const got: number[] = [];
    const r = await svc.computeRows(
      {
        gen: 1,
        base,
        plane: 'gamma',
        rows: [
          { index: 2, y: 0.3 },
          { index: 0, y: 0.1 },
        ],
        alphaMax: 8,
        nAlpha: 4,
      },
      (m) => got.push(m.index),
    );
    expect(got).toEqual([2, 0]);
    expect(r).toEqual({ ok: true, value: { gen: 1, n: 2 } });
  });

  it('stops a superseded generation between rows', async () => {
    let svc: ReturnType<typeof createPhaseService> | null = null;
    const deps = fake((y) => {
      if (y === 0.2) svc?.supersede('rows', 2);
    });
    svc = createPhaseService(deps);
    const got: number[] = [];
    const rows = [0.1, 0.2, 0.3, 0.4].map((y, index) => ({ index, y }));
    const r = await svc.computeRows({ gen: 1, base, plane: 'gamma', rows, alphaMax: 8, nAlpha: 4 }, (m) =>
      got.push(m.index),
    );
    expect(r).toEqual({ ok: false, stale: true });
    expect(got).toEqual([0, 1]);
  });

  it('stops a superseded generation inside a row (the row polls shouldStop) and reports it stale, not as an error', async () => {
    let svc: ReturnType<typeof createPhaseService> | null = null;
    const deps: PhaseDeps = {
      ...fake(),
      solveRow: (_b, _p, _y, _alphas, opts) => {
        svc?.supersede('rows', 2); // a slider move while the row computes
        if (opts.shouldStop?.()) throw new Error('stopped');
        throw new Error('the row did not see that it was superseded');
      },
    };
    svc = createPhaseService(deps);
    const got: number[] = [];
    const rows = [{ index: 0, y: 0.1 }];
    const r = await svc.computeRows({ gen: 1, base, plane: 'gamma', rows, alphaMax: 8, nAlpha: 4 }, (m) =>
      got.push(m.index),
    );
    expect(r).toEqual({ ok: false, stale: true });
    expect(got).toEqual([]);
  });

  it('returns a bad parameter as a value naming the row', async () => {
    const svc = createPhaseService(fake());
    const r = await svc.computeRows(
      { gen: 1, base, plane: 'delta', rows: [{ index: 0, y: -1 }], alphaMax: 8, nAlpha: 4 },
      () => {},
    );
    expect(r).toEqual({ ok: false, error: { kind: 'param', message: 'gamma must be > 0, got -1' } });
  });
});
