// A committee worker that dies between streamed points ends in a message, and the next change computes again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommitteeApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useCommittee } from './store';
import { startCommittee } from './controller';

const thresholds = { alphaSpec: 1.5, alphaIT: null, alphaAMP: null };

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('committee controller', () => {
  it('recovers from a worker crash after the first points', async () => {
    const { factory, workers } = fakeFactory((n): Partial<CommitteeApi> => ({
      supersede: () => {},
      committee: async (_prior, alphas, _gen, onPoint) => {
        onPoint({ alpha: alphas[0] } as never);
        if (n === 0) return never();
        return { ok: true, value: thresholds as never };
      },
    }));
    const stop = startCommittee(factory);
    await vi.waitFor(() => expect(useCommittee.getState()).toMatchObject({ computing: true, points: [{}] }));
    workers[0].crash('InternalError: too much recursion');
    await vi.waitFor(() =>
      expect(useCommittee.getState()).toMatchObject({
        computing: false,
        computeError: expect.stringContaining('too much recursion'),
      }),
    );
    useCommittee.getState().patch({ prior: 'rademacher' });
    await vi.waitFor(() =>
      expect(useCommittee.getState()).toMatchObject({ computing: false, computeError: null, thresholds, points: [{}] }),
    );
    stop();
  });
});
