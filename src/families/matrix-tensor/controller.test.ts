// The matrix–tensor controller: the overlap curve, then the lines streamed into the store; a worker crash ends in a
// message and the next change computes again; changing Δp alone does not recompute the lines.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatrixTensorApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useMatrixTensor } from './store';
import { startMatrixTensor } from './controller';

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

describe('matrix-tensor controller', () => {
  it('streams the lines after the curve, recovers from a crash, and keeps the lines when only Δp moves', async () => {
    let linesCalls = 0;
    const { factory, workers } = fakeFactory((n): Partial<MatrixTensorApi> => ({
      supersede: () => {},
      overlaps: async (_p, deltaP) => {
        if (n === 0) return never();
        return { ok: true, value: { rows: [], at: { deltaP } } as never };
      },
      lines: async (_p, deltaPs, _gen, onPoint) => {
        linesCalls++;
        onPoint({ deltaP: deltaPs[0] } as never);
        return { ok: true, value: 1 };
      },
    }));
    const stop = startMatrixTensor(factory);
    await vi.waitFor(() => expect(useMatrixTensor.getState().computing).toBe(true));
    workers[0].crash('InternalError: too much recursion');
    await vi.waitFor(() =>
      expect(useMatrixTensor.getState()).toMatchObject({
        computing: false,
        computeError: expect.stringContaining('too much recursion'),
      }),
    );
    useMatrixTensor.getState().patch({ p: 4 });
    await vi.waitFor(() =>
      expect(useMatrixTensor.getState()).toMatchObject({
        computeError: null,
        linesDone: true,
        lines: [{ deltaP: 4 / 64 }],
        overlaps: { at: { deltaP: 1 } },
      }),
    );
    useMatrixTensor.getState().patch({ deltaP: 2 });
    await vi.waitFor(() => expect(useMatrixTensor.getState().overlaps?.at.deltaP).toBe(2));
    expect(linesCalls).toBe(1);
    stop();
  });

  it('runs a requested simulation into the store and drops it when a parameter changes', async () => {
    const { factory } = fakeFactory((): Partial<MatrixTensorApi> => ({
      supersede: () => {},
      overlaps: async (_p, deltaP) => ({ ok: true, value: { rows: [], at: { deltaP } } as never }),
      lines: async () => ({ ok: true, value: 0 }),
      langevin: async (req, _gen, onPoint) => {
        onPoint({ t: 0, m: 0.01 });
        onPoint({ t: req.tMax, m: 0.7 });
        return { ok: true, value: 1 };
      },
      largeN: async (req) => ({ ok: true, value: [[req.tMax, 0.6]] }),
    }));
    const stop = startMatrixTensor(factory);
    useMatrixTensor.getState().requestSimulation();
    await vi.waitFor(() =>
      expect(useMatrixTensor.getState().simulation).toMatchObject({
        running: false,
        error: null,
        req: { N: 80, delta2: 0.5, temperature: 1 },
        points: [{ t: 0 }, { t: 40, m: 0.7 }],
        largeN: [[40, 0.6]],
      }),
    );
    useMatrixTensor.getState().patch({ simN: 48 });
    await vi.waitFor(() => expect(useMatrixTensor.getState().simulation).toBeNull());
    stop();
  });
});
