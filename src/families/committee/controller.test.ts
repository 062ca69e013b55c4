// A committee worker that dies between streamed points ends in a message, and the next change computes again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommitteePoint } from '../../physics/classic/committee';
import type { CommitteeApi } from './protocol';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { useCommittee } from './store';
import { mergePoint, startCommittee } from './controller';

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

  it('K = 2: asks for the coarse grid first and keeps the streamed points in α order', async () => {
    let asked: number[] = [];
    const { factory } = fakeFactory((): Partial<CommitteeApi> => ({
      supersede: () => {},
      committee: async (_prior, alphas, _gen, onPoint) => {
        asked = [...alphas];
        for (const alpha of alphas) onPoint({ alpha } as never);
        return { ok: true, value: thresholds as never };
      },
    }));
    useCommittee.getState().patch({ prior: 'gaussian', K: 2, alphaMax: 5 });
    const stop = startCommittee(factory);
    await vi.waitFor(() => expect(useCommittee.getState()).toMatchObject({ computing: false, thresholds }));
    // 41 points of 0.125 from α = 0: every fourth from the first (11, the last among them), then the 30 between.
    const grid = Array.from({ length: 41 }, (_, i) => i * 0.125);
    expect(asked.slice(0, 11)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect([...asked].sort((a, b) => a - b)).toEqual(grid);
    const { points, total } = useCommittee.getState();
    expect(total).toBe(41);
    expect(points.map((p) => p.alpha)).toEqual(grid);
    stop();
  });
});

describe('mergePoint', () => {
  it('inserts in α order and replaces the point at the same α (a coarse point by the accurate one)', () => {
    const pt = (alpha: number, accuracy?: 'fast') => ({ alpha, accuracy }) as CommitteePoint;
    let pts = [pt(5, 'fast'), pt(10, 'fast')];
    pts = mergePoint(pts, pt(1));
    pts = mergePoint(pts, pt(5));
    expect(pts).toEqual([pt(1), pt(5), pt(10, 'fast')]);
    pts = mergePoint(pts, pt(7));
    pts = mergePoint(pts, pt(10));
    pts = mergePoint(pts, pt(12));
    expect(pts).toEqual([pt(1), pt(5), pt(7), pt(10), pt(12)]);
  });
});
