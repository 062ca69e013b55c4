// The ε(α) curve survives a crash of the theory worker: the store stops computing, the message is shown, the
// crashing parameters are not sent again by themselves, and the next change computes on a fresh worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShallowPoint } from '../../physics/types';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import type { TheoryApi } from './protocol';
import { startController } from './controller';
import { useExplorer } from './store';

const point = (alpha: number) => ({ alpha, eps: 0.1 }) as ShallowPoint;
const info = { name: 'relu', label: 'ReLU', formula: '', mu: [], g1: 0, Esigma2: 0, isQuadratic: false };

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // no reference data under Node
});
afterEach(() => {
  unstub();
  vi.restoreAllMocks();
});

describe('MLP theory controller', () => {
  it('recovers from a worker crash in the middle of a curve', async () => {
    const curves: number[] = [];
    const { factory, workers } = fakeFactory((n): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async () => ({ ok: true, value: info }),
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => ({ ok: false, error: { kind: 'solver', message: 'not in this test' } }),
      computeCurve: async ({ gen, grid }, onChunk) => {
        curves.push(n);
        if (n === 0) return never();
        const header = {
          key: 'k',
          alphas: [grid.min],
          notes: [],
          pinnedUniversal: false,
          theoryUnverified: false,
          atoms: { law: 'ones' as const, v: [1], p: [1] },
        };
        onChunk({
          gen,
          header,
          indices: [0],
          points: [point(grid.min)],
          phase: 'fine',
          spansRange: true,
          done: true,
          cached: false,
        });
        return { ok: true, value: { gen, n: 1, elapsedMs: 1, cached: false } };
      },
    }));
    const stop = startController({ factory, transitionDelayMs: 0, urlDelayMs: 0 });
    await vi.waitFor(() => expect(curves).toEqual([0]));
    expect(useExplorer.getState().computing).toBe(true);
    workers[0].crash('RangeError: Maximum call stack size exceeded');
    await vi.waitFor(() => expect(useExplorer.getState().computing).toBe(false));
    expect(useExplorer.getState().workerMessage).toContain('Maximum call stack size exceeded');
    expect(useExplorer.getState().computeError).toMatchObject({ kind: 'worker' });
    expect(curves).toEqual([0]); // the parameters that crashed it are not sent again by themselves
    useExplorer.getState().setParam('gamma', useExplorer.getState().params.gamma * 1.5);
    await vi.waitFor(() =>
      expect(useExplorer.getState()).toMatchObject({ computing: false, curve: { complete: true } }),
    );
    expect(useExplorer.getState()).toMatchObject({ workerMessage: null, computeError: null });
    expect(curves).toEqual([0, 1]);
    stop();
  });
});
