// A Saad–Solla worker that dies mid-trajectory or mid-simulation: the tab says so, sends nothing again by itself,
// and the next request computes on a fresh worker; the Hermite rows of the lecture panel come from the same worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaadSollaApi, SaadSollaResult } from './protocol';
import { fakeFactory, never, tick } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useSaadSolla } from './store';
import { startSaadSolla } from './controller';

const result = {
  points: [],
  diverged: false,
  plateau: { epsPlateau: 0.01 },
  alphaEscape: 300,
} as unknown as SaadSollaResult;

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('Saad–Solla controller', () => {
  it('recovers from a worker crash in the middle of a trajectory', async () => {
    const { factory, workers } = fakeFactory((n): Partial<SaadSollaApi> => ({
      supersede: () => {},
      hermite: async (names) => ({ ok: true, value: names.map((name) => ({ name, formula: name, mu: [0, 1] })) }),
      saadSolla: () => (n === 0 ? never() : Promise.resolve({ ok: true, value: result })),
    }));
    const stop = startSaadSolla(factory);
    await vi.waitFor(() => expect(useSaadSolla.getState().hermite).toHaveLength(6));
    expect(useSaadSolla.getState().computing).toBe(true);
    workers[0].crash('Error: stack overflow');
    await vi.waitFor(() =>
      expect(useSaadSolla.getState()).toMatchObject({
        computing: false,
        computeError: expect.stringContaining('stack overflow'),
      }),
    );
    useSaadSolla.getState().patch({ eta: 0.2 });
    await vi.waitFor(() =>
      expect(useSaadSolla.getState()).toMatchObject({ computing: false, computeError: null, result }),
    );
    stop();
  });

  it('recovers from a worker crash in the middle of a simulation, without re-sending it', async () => {
    const pt = { alpha: 0, eps: 0.3, Q: [0.5], R: [0.1] };
    let simulations = 0;
    const { factory, workers } = fakeFactory((n): Partial<SaadSollaApi> => ({
      supersede: () => {},
      hermite: async () => ({ ok: true, value: [] }),
      saadSolla: () => Promise.resolve({ ok: true, value: result }),
      simulate: async (req, onChunk) => {
        simulations++;
        onChunk({ gen: req.gen, run: 0, points: [pt] });
        if (n === 0) return never();
        onChunk({ gen: req.gen, run: 0, points: [pt], done: { plateauLength: 12, diverged: false } });
        return { ok: true, value: { gen: req.gen } };
      },
    }));
    const stop = startSaadSolla(factory);
    useSaadSolla.getState().requestSimulation(100, 1);
    await vi.waitFor(() => expect(useSaadSolla.getState().simulation?.runs).toEqual([[pt]]));
    workers[0].crash('RangeError: out of memory');
    await vi.waitFor(() =>
      expect(useSaadSolla.getState().simulation).toMatchObject({
        running: false,
        error: expect.stringContaining('out of memory'),
      }),
    );
    await tick(50);
    expect(simulations).toBe(1); // the simulation that crashed the worker is not sent again by itself
    useSaadSolla.getState().requestSimulation(100, 1);
    await vi.waitFor(() =>
      expect(useSaadSolla.getState().simulation).toMatchObject({ runs: [[pt, pt]], running: false, error: null }),
    );
    expect(workers).toHaveLength(2);
    stop();
  });

  it('streams a requested simulation into the store and drops it when a parameter changes', async () => {
    const pt = { alpha: 0, eps: 0.3, Q: [0.5], R: [0.1] };
    const { factory } = fakeFactory((): Partial<SaadSollaApi> => ({
      supersede: () => {},
      hermite: async () => ({ ok: true, value: [] }),
      saadSolla: () => Promise.resolve({ ok: true, value: result }),
      simulate: async (req, onChunk) => {
        onChunk({ gen: req.gen, run: 0, points: [pt] });
        onChunk({ gen: req.gen, run: 0, points: [pt], done: { plateauLength: 12, diverged: false } });
        return { ok: true, value: { gen: req.gen } };
      },
    }));
    const stop = startSaadSolla(factory);
    useSaadSolla.getState().requestSimulation(100, 1);
    await vi.waitFor(() =>
      expect(useSaadSolla.getState().simulation).toMatchObject({
        N: 100,
        runs: [[pt, pt]],
        lengths: [12],
        running: false,
      }),
    );
    useSaadSolla.getState().patch({ eta: 0.3 });
    expect(useSaadSolla.getState().simulation).toBeNull();
    stop();
  });

  it('reads the simulation settings from the link, names a bad one, and writes changes back', async () => {
    const { factory } = fakeFactory((): Partial<SaadSollaApi> => ({
      supersede: () => {},
      hermite: async () => ({ ok: true, value: [] }),
      saadSolla: () => Promise.resolve({ ok: true, value: result }),
    }));
    window.location.hash = '#model=saad-solla&v=1&sim-n=500&sim-seeds=3';
    const stop = startSaadSolla(factory);
    expect(useSaadSolla.getState().simForm).toEqual({ N: 500, seeds: 4 });
    expect(useSaadSolla.getState().urlErrors).toEqual([
      'URL parameter "sim-seeds" = 3 is not one of 1, 2, 4, 8; using the default 4.',
    ]);
    expect(window.location.hash).toMatch(/&sim-n=500$/);
    useSaadSolla.getState().setSimForm({ seeds: 8 });
    expect(window.location.hash).toMatch(/&sim-n=500&sim-seeds=8$/);
    stop();
  });
});
