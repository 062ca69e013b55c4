// A crash of the L = 2 worker mid-curve ends the request with a message (no immediate re-request of the same
// parameters), and the next parameter change computes again on a fresh worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeepApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useDeep } from './store';
import { startDeep } from './controller';

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('deep controller', () => {
  it('recovers from a worker crash in the middle of a curve', async () => {
    const calls: number[] = [];
    const { factory, workers } = fakeFactory((n): Partial<DeepApi> => ({
      supersede: () => {},
      computeCurve: async (req, onChunk) => {
        calls.push(n);
        if (n === 0) return never();
        const header = { key: 'k', alphas: [1], s: [1], v: [1], classOfAtom: [0], notes: [], epsUniversal: 0.3, Kd: 1 };
        onChunk({
          gen: req.gen,
          header,
          indices: [0],
          points: [{ alpha: 1 } as never],
          phase: 'fine',
          spansRange: true,
          done: true,
          cached: false,
        });
        return { ok: true, value: { gen: req.gen, elapsedMs: 1, cached: false } };
      },
    }));
    const stop = startDeep(factory);
    await vi.waitFor(() => expect(calls).toEqual([0]));
    expect(useDeep.getState().computing).toBe(true);
    workers[0].crash('RangeError: Invalid array length');
    await vi.waitFor(() =>
      expect(useDeep.getState()).toMatchObject({
        computing: false,
        computeError: { kind: 'worker', message: expect.stringContaining('Invalid array length') },
      }),
    );
    expect(calls).toEqual([0]); // nothing re-sent by itself
    useDeep.getState().setParams({ ...useDeep.getState().params, gamma: 0.7 });
    await vi.waitFor(() =>
      expect(useDeep.getState()).toMatchObject({ computing: false, computeError: null, curve: { complete: true } }),
    );
    expect(calls).toEqual([0, 1]);
    stop();
  });

  it('at depth L ≥ 3 asks the any-depth theory (not the L = 2 curve), once per parameter change', async () => {
    const curves: number[] = [];
    const anyDepth: { depth: number; compare: boolean; gen: number }[] = [];
    const { factory } = fakeFactory((): Partial<DeepApi> => ({
      supersede: () => {},
      computeCurve: async (req) => {
        curves.push(req.gen);
        return { ok: true, value: { gen: req.gen, elapsedMs: 1, cached: false } };
      },
      computeAnyDepth: async (req) => {
        anyDepth.push({ depth: req.depth, compare: req.compare, gen: req.gen });
        return { ok: true, value: { gen: req.gen, key: 'k', curves: [], thresholds: [], elapsedMs: 1 } };
      },
    }));
    useDeep.getState().setParams({ ...useDeep.getState().params, depth: 4, activation: 'tanh2-nolin', compare: false });
    const stop = startDeep(factory);
    await vi.waitFor(() => expect(useDeep.getState().anyDepth).not.toBeNull());
    expect(anyDepth).toEqual([{ depth: 4, compare: false, gen: anyDepth[0].gen }]);
    expect(curves).toEqual([]);
    expect(useDeep.getState().anyDepthBusy).toBe(false);
    useDeep.getState().setParams({ ...useDeep.getState().params, compare: true });
    await vi.waitFor(() => expect(anyDepth).toHaveLength(2));
    expect(anyDepth[1].compare).toBe(true);
    stop();
  });
});
