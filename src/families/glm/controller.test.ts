// A crash of the GLM worker mid-computation ends in a message, not a busy plot, and the next change computes again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlmApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useGlm } from './store';
import { runGamp, startGlm } from './controller';

const thresholds = { alphaIT: 1.2, alphaAMP: 1.5, alphaInformed: 1, converged: true };
const answering: Partial<GlmApi> = {
  supersede: () => {},
  glm: async () => ({ ok: true, value: { points: [], thresholds } }),
  gamp: async (_req, _gen, onPoint) => {
    onPoint({ alpha: 1, eps: 0.2, epsStd: 0.01, q: 0.5, qStd: 0.02 } as never);
    return { ok: true, value: 1 };
  },
};

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('GLM controller', () => {
  it('recovers from a worker crash in the middle of a curve', async () => {
    const { factory, workers } = fakeFactory((n) => (n === 0 ? { ...answering, glm: () => never() } : answering));
    const stop = startGlm(factory);
    await vi.waitFor(() => expect(useGlm.getState().computing).toBe(true));
    workers[0].crash('RangeError: out of memory');
    await vi.waitFor(() =>
      expect(useGlm.getState()).toMatchObject({
        computing: false,
        computeError: expect.stringContaining('out of memory'),
      }),
    );
    useGlm.getState().patch({ delta: 0.2 });
    await vi.waitFor(() =>
      expect(useGlm.getState()).toMatchObject({ computing: false, computeError: null, result: { thresholds } }),
    );
    runGamp(100);
    await vi.waitFor(() => expect(useGlm.getState()).toMatchObject({ gampRunning: false, gamp: [{ alpha: 1 }] }));
    stop();
  });
});
