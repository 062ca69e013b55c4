// Each of the two-layer tab's workers recovers from a crash with a message: the theory worker mid-request, the
// simulation worker mid-run; the next request works on a fresh worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useTwoLayer } from './store';
import { startTwoLayer, twoLayerController } from './controller';
import type { TheoryResult } from './service';

type Api = Partial<Record<string, (...args: never[]) => unknown>>;
const theory = { floor: 0.01 } as TheoryResult;
const odeApi: Api = {
  escapeCurves: async () => ({ ok: true, value: [] }),
  odeCurve: async () => ({ ok: true, value: { t: [0], m: [0], tEscape: 1 } }),
};

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('two-layer controller', () => {
  it('recovers from a theory-worker crash and from a simulation-worker crash', async () => {
    const theoryWorkers = fakeFactory((n): Api => ({
      computeTheory: () => (n === 0 ? never() : { ok: true, value: theory }),
    }));
    const simWorkers = fakeFactory((n): Api => ({
      cancel: () => {},
      simulateRF: async (
        _p: unknown,
        alphas: number[],
        seeds: number,
        _gen: number,
        onPoint: (pt: unknown) => void,
      ) => {
        onPoint({ alpha: alphas[0], mean: 0.5, se: 0.01, seeds });
        return n === 0 ? never() : { ok: true, value: { cancelled: false, ms: 1 } };
      },
    }));
    const stop = startTwoLayer({
      theory: theoryWorkers.factory,
      ode: fakeFactory(() => odeApi).factory,
      sim: simWorkers.factory,
    });
    await vi.waitFor(() => expect(useTwoLayer.getState().ode).not.toBeNull());
    theoryWorkers.workers[0].crash('RangeError: out of memory');
    await vi.waitFor(() => expect(useTwoLayer.getState().theoryError).toContain('out of memory'));
    useTwoLayer.getState().setParam('beta', 2.5);
    await vi.waitFor(() => expect(useTwoLayer.getState()).toMatchObject({ theory, theoryError: null }));

    void twoLayerController()?.runRF([1, 2], 3);
    await vi.waitFor(() =>
      expect(useTwoLayer.getState().rfSim).toMatchObject({ running: true, points: [{ alpha: 1 }] }),
    );
    simWorkers.workers[0].crash('Error: WebAssembly.Memory(): could not allocate memory');
    await vi.waitFor(() =>
      expect(useTwoLayer.getState().rfSim).toMatchObject({
        running: false,
        error: expect.stringContaining('could not allocate'),
      }),
    );
    await twoLayerController()?.runRF([1, 2], 4);
    expect(useTwoLayer.getState().rfSim).toMatchObject({
      running: false,
      error: null,
      points: [{ alpha: 1, seeds: 4 }],
    });
    stop();
  });
});
