import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import {
  curveSlice,
  messagesSlice,
  paramsSlice,
  type CurveSlice,
  type MessagesSlice,
  type ParamsSlice,
} from './slices';
import { useGlm } from '../../families/glm/store';
import { useDeep } from '../../families/deep/store';
import { useExplorer } from '../../families/mlp/store';
import { useTwoLayer } from '../../families/two-layer/store';

interface P {
  alpha: number;
  alphaMax: number;
}
type Header = { alphas: number[] };
type S = ParamsSlice<P> & MessagesSlice<string> & CurveSlice<number, Header, string>;

const makeStore = () =>
  create<S>()((...a) => ({
    ...paramsSlice<P>({ alpha: 2, alphaMax: 8 }, (p) => (p.alpha > p.alphaMax ? { ...p, alpha: p.alphaMax } : p))(...a),
    ...messagesSlice<string>()(...a),
    ...curveSlice<number, Header, string>()(...a),
  }));

const chunk = (gen: number, indices: number[], spansRange: boolean, done: boolean, header?: Header) => ({
  gen,
  header,
  indices,
  points: indices.map((i) => 10 * i),
  spansRange,
  done,
});

describe('store slices', () => {
  it('params: setParam and patch keep the fields consistent; setParams replaces the link messages only when given', () => {
    const s = makeStore();
    s.getState().setParam('alphaMax', 4);
    expect(s.getState().params).toEqual({ alpha: 2, alphaMax: 4 });
    s.getState().patch({ alpha: 6 });
    expect(s.getState().params.alpha).toBe(4);
    s.getState().setParams({ alpha: 1, alphaMax: 8 }, ['bad link']);
    expect(s.getState().urlErrors).toEqual(['bad link']);
    s.getState().setParams({ alpha: 3, alphaMax: 8 });
    expect(s.getState().urlErrors).toEqual(['bad link']);
    s.getState().dismissUrl();
    expect(s.getState().urlErrors).toEqual([]);
  });

  it('curve: shows a curve once its coarse pass spans the range, drops stale generations, clears it on an error', () => {
    const s = makeStore();
    s.getState().requested(1);
    s.getState().applyChunk(chunk(1, [0], false, false, { alphas: [1, 2, 3] }));
    expect(s.getState().curve).toBeNull();
    expect(s.getState().streaming?.points).toEqual([0]);
    s.getState().applyChunk(chunk(1, [2], true, false));
    expect(s.getState().curve?.points).toEqual([0, 20]);
    s.getState().requested(2);
    s.getState().applyChunk(chunk(1, [1], true, true)); // stale
    expect(s.getState().curve?.points).toEqual([0, 20]);
    s.getState().applyChunk(chunk(2, [1], false, false)); // a continuation of a start never seen
    expect(s.getState().streaming?.gen).toBe(1);
    s.getState().applyChunk(chunk(2, [0, 1, 2], true, true, { alphas: [1, 2, 3] }));
    expect(s.getState().curve).toMatchObject({ gen: 2, points: [0, 10, 20], complete: true });
    s.getState().finished(2, 'solver failed');
    expect(s.getState()).toMatchObject({ computing: false, computeError: 'solver failed', curve: null });
  });

  it('curve: a header starts a new curve even under a generation number seen before (a restarted worker)', () => {
    const s = makeStore();
    s.getState().requested(1);
    s.getState().applyChunk(chunk(1, [0, 1], true, true, { alphas: [1, 2] }));
    s.getState().requested(1);
    s.getState().applyChunk(chunk(1, [0], true, false, { alphas: [5, 6, 7] }));
    expect(s.getState().curve).toMatchObject({ header: { alphas: [5, 6, 7] }, points: [0] });
  });

  it('are what the family stores are made of', () => {
    for (const store of [useGlm, useDeep, useExplorer, useTwoLayer]) {
      const st = store.getState() as unknown as Record<string, unknown>;
      for (const k of [
        'params',
        'setParams',
        'setParam',
        'patch',
        'urlErrors',
        'dismissUrl',
        'setComputeError',
        'setWorkerMessage',
      ])
        expect(st, k).toHaveProperty(k);
    }
    expect(useDeep.getState()).toHaveProperty('applyChunk');
  });
});
