// The hidden-manifold controller with a fake worker: a crash mid-curve is reported and the next change computes
// again; a requested SGD comparison streams into the store, survives a ridge-only change and is dropped by an SGD one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurveResult, HmmApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useHiddenManifold } from './store';
import { startHiddenManifold } from './controller';

const result: CurveResult = {
  points: [{ alpha: 1, testError: 0.5, converged: true }],
  interpolation: [],
  nullError: 0.7,
};

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('hidden-manifold controller', () => {
  it('recovers from a worker crash in the middle of a curve', async () => {
    const { factory, workers } = fakeFactory((n): Partial<HmmApi> => ({
      supersede: () => {},
      curve: () => (n === 0 ? never() : Promise.resolve({ ok: true, value: result })),
    }));
    const stop = startHiddenManifold(factory);
    expect(useHiddenManifold.getState().computing).toBe(true);
    workers[0].crash('Error: out of memory');
    await vi.waitFor(() =>
      expect(useHiddenManifold.getState()).toMatchObject({
        computing: false,
        computeError: expect.stringContaining('out of memory'),
      }),
    );
    useHiddenManifold.getState().patch({ lambda: 0.2 });
    await vi.waitFor(() =>
      expect(useHiddenManifold.getState()).toMatchObject({ computing: false, computeError: null, result }),
    );
    stop();
  });

  it('streams a requested comparison, keeps it across a ridge-only change and drops it on an SGD change', async () => {
    const pt = { alpha: 1, testError: 0.2 };
    const { factory } = fakeFactory((): Partial<HmmApi> => ({
      supersede: () => {},
      curve: () => Promise.resolve({ ok: true, value: result }),
      simulate: async (req, onChunk) => {
        onChunk({ gen: req.gen, kind: 'hmm', run: 0, points: [pt] });
        onChunk({ gen: req.gen, kind: 'hmm', run: 0, points: [pt], done: { diverged: false } });
        onChunk({ gen: req.gen, kind: 'iid', run: 0, points: [pt], done: { diverged: true } });
        return { ok: true, value: { gen: req.gen } };
      },
    }));
    const stop = startHiddenManifold(factory);
    useHiddenManifold.getState().requestSimulation(1);
    await vi.waitFor(() =>
      expect(useHiddenManifold.getState().simulation).toMatchObject({
        runs: { hmm: [[pt, pt]], iid: [[pt]] },
        finished: 2,
        diverged: 1,
        running: false,
      }),
    );
    useHiddenManifold.getState().patch({ lambda: 0.3 });
    expect(useHiddenManifold.getState().simulation).not.toBeNull();
    useHiddenManifold.getState().patch({ eta: 0.3 });
    expect(useHiddenManifold.getState().simulation).toBeNull();
    stop();
  });

  it('streams a requested ridge simulation over the curve and drops it when the ridge problem changes', async () => {
    const { factory } = fakeFactory((): Partial<HmmApi> => ({
      supersede: () => {},
      curve: () => Promise.resolve({ ok: true, value: result }),
      ridgeSim: async (req, onPoint) => {
        for (const alpha of req.alphas.slice(0, 2)) onPoint({ gen: req.gen, alpha, mean: 0.4, se: 0.01 });
        return { ok: true, value: { gen: req.gen } };
      },
    }));
    const stop = startHiddenManifold(factory);
    useHiddenManifold.getState().requestRidgeSim(3);
    await vi.waitFor(() =>
      expect(useHiddenManifold.getState().ridgeSim).toMatchObject({ seeds: 3, running: false, points: [{}, {}] }),
    );
    useHiddenManifold.getState().patch({ eta: 0.7 }); // an SGD-only change keeps it
    expect(useHiddenManifold.getState().ridgeSim).not.toBeNull();
    useHiddenManifold.getState().patch({ lambda: 0.05 });
    expect(useHiddenManifold.getState().ridgeSim).toBeNull();
    stop();
  });
});
