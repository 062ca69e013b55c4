// A phase-diagram worker that dies mid-diagram is restarted: the diagram ends (not busy) with a message naming
// the rows it lost, the crash is shown, and the next parameter change draws a full diagram.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhaseRow } from '../../physics/mlp/phaseTypes';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import type { PhaseApi } from './phaseProtocol';
import { startPhaseController } from './phaseController';
import { usePhase } from './phaseStore';
import { useExplorer } from './store';

afterEach(() => vi.restoreAllMocks());

describe('phase-diagram controller', () => {
  it('recovers from the crash of a pool member in the middle of a diagram', async () => {
    const { factory, workers } = fakeFactory((n): Partial<PhaseApi> => ({
      supersede: () => {},
      computeRows: async (req, onRow) => {
        if (n === 0) return never();
        for (const { index, y } of req.rows)
          onRow({ gen: req.gen, index, row: { y, samples: [] } as unknown as PhaseRow, ms: 1 });
        return { ok: true, value: { gen: req.gen, n: req.rows.length } };
      },
    }));
    useExplorer.setState({ firstViewDone: true });
    const stop = startPhaseController({ factory, debounceMs: 0 });
    await vi.waitFor(() => expect(usePhase.getState().diagram).not.toBeNull());
    expect(usePhase.getState().diagram?.elapsedMs).toBeNull();
    workers[0].crash('RangeError: out of memory');
    // The controller asks again at once; the member that crashed refuses those rows instead of crashing again.
    await vi.waitFor(() =>
      expect(usePhase.getState().diagram?.error).toMatchObject({
        kind: 'worker',
        message: expect.stringMatching(/crashed.*\d+ rows of this diagram were not computed/),
      }),
    );
    expect(usePhase.getState().diagram?.elapsedMs).not.toBeNull();
    expect(usePhase.getState().workerMessage).toContain('out of memory');
    useExplorer.getState().setParam('delta', useExplorer.getState().params.delta * 2);
    await vi.waitFor(() =>
      expect(usePhase.getState().diagram).toMatchObject({
        error: null,
        received: usePhase.getState().diagram?.ys.length,
      }),
    );
    expect(usePhase.getState().diagram?.elapsedMs).not.toBeNull();
    stop();
  });

  it('starts the first diagram of the page only once the first curve is drawn', async () => {
    const asked: number[] = [];
    const { factory } = fakeFactory((): Partial<PhaseApi> => ({
      supersede: () => {},
      computeRows: async (req) => {
        asked.push(req.gen);
        return { ok: true, value: { gen: req.gen, n: 0 } };
      },
    }));
    useExplorer.setState({ firstViewDone: false, computing: false });
    const stop = startPhaseController({ factory, debounceMs: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]);
    useExplorer.getState().firstViewSettled();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    stop();
  });
});
