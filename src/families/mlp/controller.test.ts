// The ε(α) curve survives a crash of the theory worker: the store stops computing, the message is shown, the
// crashing parameters are not sent again by themselves, and the next change computes on a fresh worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShallowPoint } from '../../physics/types';
import { fakeFactory, never } from '../../platform/compute/testing/fakeWorker';
import { stubBrowser } from '../../platform/compute/testing/fakeBrowser';
import { curveKey, type TheoryApi } from './protocol';
import { FIRST_VIEW_WAIT_MS, startController } from './controller';
import { shallowParamsOf, useExplorer } from './store';

const point = (alpha: number) => ({ alpha, eps: 0.1 }) as ShallowPoint;
/** A worker's whole curve in one fine chunk: the point at grid.min. */
const oneChunkCurve: TheoryApi['computeCurve'] extends (r: never, c: infer C) => infer O
  ? (gen: number, grid: { min: number }, onChunk: C) => O
  : never = async (gen, grid, onChunk) => {
  const header = {
    key: 'k',
    alphas: [grid.min],
    notes: [],
    pinnedUniversal: false,
    theoryUnverified: false,
    atoms: { law: 'ones' as const, v: [1], p: [1] },
  };
  onChunk({
    gen,
    header,
    indices: [0],
    points: [point(grid.min)],
    phase: 'fine',
    spansRange: true,
    done: true,
    cached: false,
  });
  return { ok: true, value: { gen, n: 1, elapsedMs: 1, cached: false } };
};
const info = { name: 'relu', label: 'ReLU', formula: '', mu: [], g1: 0, Esigma2: 0, isQuadratic: false };

/** A worker that notes the point and profile requests in `calls` ("point α", "profile α (grid n …, warm …)"). */
const recordingApi = (calls: string[], computeCurve: TheoryApi['computeCurve']): Partial<TheoryApi> => ({
  supersede: () => {},
  describeActivation: async (name) => ({ ok: true, value: { ...info, name } }),
  solveAt: async (_gen, _p, alpha) => {
    calls.push(`point ${alpha}`);
    return { ok: true, value: point(alpha) };
  },
  computeProfile: async (_gen, _p, alpha, grid, warm) => {
    calls.push(`profile ${alpha} (grid n ${grid.n}, warm ${warm?.alpha})`);
    const value = { alpha, law: 'ones' as const, continuous: false, density: { v: [1], p: [1] }, branches: [] };
    return { ok: true, value };
  },
  computeTransition: async () => ({ ok: false, error: { kind: 'solver', message: 'not in this test' } }),
  computeCurve,
});

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // no reference data under Node
});
afterEach(() => {
  unstub();
  vi.restoreAllMocks();
});

describe('MLP theory controller', () => {
  it('recovers from a worker crash in the middle of a curve', async () => {
    const curves: number[] = [];
    const { factory, workers } = fakeFactory((n): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async () => ({ ok: true, value: info }),
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => ({ ok: false, error: { kind: 'solver', message: 'not in this test' } }),
      computeCurve: async ({ gen, grid }, onChunk) => {
        curves.push(n);
        if (n === 0) return never();
        return oneChunkCurve(gen, grid, onChunk);
      },
    }));
    const stop = startController({ factory, transitionDelayMs: 0, urlDelayMs: 0 });
    await vi.waitFor(() => expect(curves).toEqual([0]));
    expect(useExplorer.getState().computing).toBe(true);
    workers[0].crash('RangeError: Maximum call stack size exceeded');
    await vi.waitFor(() => expect(useExplorer.getState().computing).toBe(false));
    expect(useExplorer.getState().workerMessage).toContain('Maximum call stack size exceeded');
    expect(useExplorer.getState().computeError).toMatchObject({ kind: 'worker' });
    expect(curves).toEqual([0]); // the parameters that crashed it are not sent again by themselves
    useExplorer.getState().setParam('gamma', useExplorer.getState().params.gamma * 1.5);
    await vi.waitFor(() =>
      expect(useExplorer.getState()).toMatchObject({ computing: false, curve: { complete: true } }),
    );
    expect(useExplorer.getState()).toMatchObject({ workerMessage: null, computeError: null });
    expect(curves).toEqual([0, 1]);
    stop();
  });

  it("asks the worker for the shown activation's description and its curve only (the menu's labels are static)", async () => {
    const calls: string[] = [];
    const { factory } = fakeFactory((): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async (name) => {
        calls.push(`label ${name}`);
        return { ok: true, value: { ...info, name } };
      },
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => ({ ok: false, error: { kind: 'solver', message: 'not in this test' } }),
      computeCurve: async ({ gen, grid }, onChunk) => {
        calls.push('curve');
        return oneChunkCurve(gen, grid, onChunk);
      },
    }));
    const stop = startController({ factory, transitionDelayMs: 1e6, urlDelayMs: 0 });
    await vi.waitFor(() => expect(useExplorer.getState().curve?.complete).toBe(true));
    await new Promise((r) => setTimeout(r, 200)); // the idle work after the first curve (overlay files) is done
    const shown = shallowParamsOf(useExplorer.getState().params).activation;
    // Building every activation's tables in the curve worker held the next slider move's curve behind them.
    expect(calls).toEqual([`label ${shown}`, 'curve']);
    stop();
  });

  it('searches α_sp in a second worker, so the curve worker stays free for the next slider move', async () => {
    const calls: string[] = [];
    const transition = { alphaSp: 1.5, alphaOnset: 1.5, spinodalSpec: 1.2, spinodalUni: 2, onset: null, jumps: [] };
    const { factory } = fakeFactory((n): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async (name) => ({ ok: true, value: { ...info, name } }),
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => {
        calls.push(`transition on ${n}`);
        return { ok: true, value: { ...transition, order: 'first-order', alphaMax: 8, converged: true } };
      },
      computeCurve: async ({ gen, grid }, onChunk) => {
        calls.push(`curve on ${n}`);
        return oneChunkCurve(gen, grid, onChunk);
      },
    }));
    const stop = startController({ factory, transitionDelayMs: 0, urlDelayMs: 0 });
    await vi.waitFor(() => expect(useExplorer.getState().curve?.transitionState).toBe('done'));
    expect(calls).toEqual(['curve on 0', 'transition on 1']);
    expect(useExplorer.getState().curve?.transition).toMatchObject(transition);
    stop();
  });

  it('at page load, starts the α_sp search only once the first curve is drawn', async () => {
    const calls: string[] = [];
    const { factory } = fakeFactory((n): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async (name) => ({ ok: true, value: { ...info, name } }),
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => {
        calls.push(`transition on ${n}, first view ${useExplorer.getState().firstViewDone ? 'drawn' : 'pending'}`);
        return { ok: false, error: { kind: 'solver', message: 'not needed here' } };
      },
      computeCurve: async ({ gen, grid }, onChunk) => oneChunkCurve(gen, grid, onChunk),
    }));
    useExplorer.setState({ firstViewDone: false });
    const stop = startController({ factory, transitionDelayMs: 0, urlDelayMs: 0 });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls).toEqual(['transition on 1, first view drawn']);
    stop();
  });

  it('asks for the profile Q(v) at the selected α after the point there, and stores it for that curve', async () => {
    const calls: string[] = [];
    // The curve's key as the worker makes it (the controller asks for points of the curve it requested only).
    const { factory } = fakeFactory(() =>
      recordingApi(calls, async ({ gen, grid, params }, onChunk) =>
        oneChunkCurve(gen, grid, (c) =>
          onChunk({ ...c, header: c.header && { ...c.header, key: curveKey(params, grid) } }),
        ),
      ),
    );
    const stop = startController({ factory, transitionDelayMs: 1e6, urlDelayMs: 0 });
    await vi.waitFor(() => expect(useExplorer.getState().curve?.complete).toBe(true));
    useExplorer.getState().setParam('alpha', 1.25);
    await vi.waitFor(() => expect(useExplorer.getState().profile).toMatchObject({ alpha: 1.25 }));
    expect(useExplorer.getState().profile?.key).toBe(useExplorer.getState().curve?.key);
    expect(calls.slice(-2)).toEqual(['point 1.25', 'profile 1.25 (grid n 200, warm 0.02)']);
    stop();
  });

  it("asks for Q(v) only once the curve is whole, so the worker does not compute it between the curve's chunks", async () => {
    const calls: string[] = [];
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    // The coarse pass spans the α range (the page draws it and asks for the selected α's point), then the rest.
    const { factory } = fakeFactory(() =>
      recordingApi(calls, async ({ gen, grid, params }, onChunk) => {
        const header = {
          key: curveKey(params, grid),
          alphas: [grid.min, grid.max],
          notes: [],
          pinnedUniversal: false,
          theoryUnverified: false,
          atoms: { law: 'ones' as const, v: [1], p: [1] },
        };
        const chunk = { gen, cached: false, indices: [0], points: [point(grid.min)] };
        onChunk({ ...chunk, header, phase: 'coarse', spansRange: true, done: false });
        calls.push('coarse pass');
        await released;
        calls.push('rest of the curve');
        onChunk({ ...chunk, indices: [1], points: [point(grid.max)], phase: 'fine', spansRange: true, done: true });
        return { ok: true, value: { gen, n: 2, elapsedMs: 1, cached: false } };
      }),
    );
    useExplorer.setState({ curve: null, point: null, profile: null }); // no curve of an earlier test
    const stop = startController({ factory, transitionDelayMs: 1e6, urlDelayMs: 0 });
    await vi.waitFor(() => expect(calls).toContain('point 2'));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['coarse pass', 'point 2']);
    release();
    await vi.waitFor(() => expect(useExplorer.getState().profile).toMatchObject({ alpha: 2 }));
    expect(calls).toEqual(['coarse pass', 'point 2', 'rest of the curve', 'profile 2 (grid n 200, warm 0.02)']);
    stop();
  });

  it('mounts the panels below the first screen once the first curve is in, or after FIRST_VIEW_WAIT_MS without it', async () => {
    const api = (hang: boolean): Partial<TheoryApi> => ({
      supersede: () => {},
      describeActivation: async (name) => ({ ok: true, value: { ...info, name } }),
      solveAt: async (_gen, _p, alpha) => ({ ok: true, value: point(alpha) }),
      computeTransition: async () => ({ ok: false, error: { kind: 'solver', message: 'not in this test' } }),
      computeCurve: async ({ gen, grid }, onChunk) => (hang ? never() : oneChunkCurve(gen, grid, onChunk)),
    });
    useExplorer.setState({ firstViewDone: false });
    let stop = startController({
      factory: fakeFactory(() => api(false)).factory,
      transitionDelayMs: 1e6,
      urlDelayMs: 0,
    });
    expect(useExplorer.getState().firstViewDone).toBe(false);
    await vi.waitFor(() => expect(useExplorer.getState().curve?.complete).toBe(true));
    await vi.waitFor(() => expect(useExplorer.getState().firstViewDone).toBe(true));
    stop();

    useExplorer.setState({ firstViewDone: false });
    const t0 = performance.now();
    stop = startController({ factory: fakeFactory(() => api(true)).factory, transitionDelayMs: 1e6, urlDelayMs: 0 });
    await vi.waitFor(() => expect(useExplorer.getState().firstViewDone).toBe(true), { timeout: 5000 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(FIRST_VIEW_WAIT_MS - 20);
    expect(useExplorer.getState().computing).toBe(true); // the curve never came
    stop();
  });
});
