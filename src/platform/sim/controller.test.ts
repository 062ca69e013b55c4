import type { Remote } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { RESET_EVENT, TOGGLE_PLAY_EVENT } from '../../app/shortcuts';
import { DEFAULT_SIM, type Init, type SimProgress, type SimSummary } from '../../sim/simulation';
import { createSimController, type SimFamily } from './controller';
import type { Control, RunOutcome, RunRequest, SimEvent, SimWorkerApi } from './protocol';
import { TEST_BACKEND } from './testing';
import { runSlice, type SimFormCommon } from './runSlice';
import type { SimWorkerClient, SimWorkerHandlers } from './simWorkerClient';

interface Form extends SimFormCommon {
  starts: Init[];
}
const FORM: Form = {
  starts: ['informative'],
  d: 12,
  seed: 7,
  steps: 50,
  speed: 10,
  sweepAlphas: '1,2',
  sweepSeeds: '1,2,3',
};

interface Call {
  req: RunRequest;
  onEvent: (e: SimEvent) => void;
  reply(o: RunOutcome): void;
  fail(e: Error): void;
}

const info = TEST_BACKEND;

/** A worker client whose runs wait until the test replies, recording every request and control. */
function fakeWorker() {
  const calls: Call[] = [];
  const controls: [number, Control][] = [];
  const speeds: [number, number][] = [];
  let handlers: SimWorkerHandlers | null = null;
  let alive = false;
  const api = {
    init: async () => info,
    run: (req: RunRequest, onEvent: (e: SimEvent) => void) =>
      new Promise<RunOutcome>((reply, fail) => calls.push({ req, onEvent, reply, fail })),
    control: (id: number, cmd: Control) => void controls.push([id, cmd]),
    setSpeed: (id: number, speed: number) => void speeds.push([id, speed]),
  } as unknown as Remote<SimWorkerApi>;
  const client: SimWorkerClient = {
    api: () => {
      if (!alive) handlers?.onBackend(info);
      alive = true;
      return api;
    },
    ready: () => Promise.resolve(),
    current: () => (alive ? api : null),
    crash: (message) => {
      alive = false;
      handlers?.onCrash(message);
    },
  };
  const connect = (h: SimWorkerHandlers) => {
    handlers = h;
    return client;
  };
  return { calls, controls, speeds, connect };
}

function setup() {
  const store = createStore(runSlice(FORM, (p: SimProgress) => ({ step: p.step, eps: p.eps })));
  const physics = { alpha: 3, key: 'k1' };
  const family: SimFamily<Form> = {
    alpha: () => physics.alpha,
    starts: (f) => f.starts,
    config: (f, alpha, seed, init) => ({ ...DEFAULT_SIM, init, alpha, seed, d: f.d, steps: f.steps }),
    physicsKey: () => physics.key,
  };
  const worker = fakeWorker();
  const sim = createSimController(family, store, worker.connect);
  return { store, physics, worker, sim };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const row = (step: number, eps: number) =>
  ({ step, eps, testError: 2 * eps, Q: [{ v: 1, Q: 0.5 }], R2: 0.5 }) as unknown as SimProgress;
const ok = (id: number, eps: number, cancelled = false): RunOutcome => ({
  ok: true,
  id,
  cancelled,
  summary: { eps, steps: 50, elapsedMs: 10 } as SimSummary,
});

afterEach(() => vi.unstubAllGlobals());

describe('simulation controller', () => {
  it('runs two starts side by side, routes each run its own rows, and acts on both', async () => {
    const { store, physics, worker, sim } = setup();
    store.getState().setForm('starts', ['informative', 'uninformative']);
    sim.play();
    await settle();
    expect(
      worker.calls.map((c) => [
        c.req.config.init,
        c.req.config.alpha,
        c.req.config.seed,
        c.req.alongside,
        c.req.stream,
        c.req.speed,
      ]),
    ).toEqual([
      ['informative', 3, 7, false, true, 10],
      ['uninformative', 3, 7, true, true, 10],
    ]);
    const [a, b] = worker.calls.map((c) => c.req.id);
    expect(store.getState().status).toBe('running');
    expect(store.getState().backend).toBe(info);

    const progress = (id: number, rows: SimProgress[]) =>
      worker.calls[0].onEvent({ type: 'progress', id, rows, stepsPerSecond: 5, gradientsPerSecond: null });
    progress(a, [row(1, 0.3), row(2, 0.25)]);
    progress(b, [row(1, 0.4)]);
    progress(999, [row(1, 9)]); // a stale run's rows
    const runs = store.getState().runs;
    expect(runs.map((r) => [r.init, r.trace.length, r.last?.step])).toEqual([
      ['informative', 2, 2],
      ['uninformative', 1, 1],
    ]);
    expect(runs[0].qValues).toEqual([1]);
    expect(store.getState().stepsPerSecond).toBe(5);

    sim.pause();
    expect(store.getState().status).toBe('paused');
    sim.step();
    sim.play();
    sim.setSpeed(2);
    expect(worker.controls).toEqual([
      [a, 'pause'],
      [b, 'pause'],
      [a, 'step'],
      [b, 'step'],
      [a, 'resume'],
      [b, 'resume'],
    ]);
    expect(worker.speeds).toEqual([
      [a, 2],
      [b, 2],
    ]);

    physics.key = 'k2'; // the runs belong to the parameters they started with
    worker.calls[0].reply(ok(a, 0.1));
    worker.calls[1].reply(ok(b, 0.3));
    await settle();
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.runs.map((r) => r.summary?.eps)).toEqual([0.1, 0.3]);
    expect(s.finished.map((r) => [r.key, r.init, r.alpha, r.seed, r.eps])).toEqual([
      ['k1', 'informative', 3, 7, 0.1],
      ['k1', 'uninformative', 3, 7, 0.3],
    ]);
  });

  it('sweeps α × seeds × starts one run after the other, each on screen with its live trace, counting progress and adding a point per run', async () => {
    const { store, worker, sim } = setup();
    store.getState().setForm('starts', ['informative', 'uninformative']);
    store.getState().setForm('sweepSeeds', '1');
    const sweep = sim.runSweep();
    for (let i = 0; i < 4; i++) {
      await settle();
      expect(worker.calls).toHaveLength(i + 1);
      expect(store.getState().sweep).toEqual({ running: true, done: i, total: 4 });
      const { req, onEvent } = worker.calls[i];
      expect(req.stream).toBe(true);
      // the run in flight is the one on screen, and its rows reach its trace (a finished run's no longer do)
      onEvent({
        type: 'progress',
        id: req.id,
        rows: [row(1, 0.5), row(2, 0.4)],
        stepsPerSecond: 9,
        gradientsPerSecond: null,
      });
      if (i > 0)
        worker.calls[i - 1].onEvent({
          type: 'progress',
          id: worker.calls[i - 1].req.id,
          rows: [row(3, 9)],
          stepsPerSecond: 1,
          gradientsPerSecond: null,
        });
      const live = store.getState().runs;
      expect(live.map((r) => [r.id, r.alpha, r.init, r.trace.length])).toEqual([
        [req.id, req.config.alpha, req.config.init, 2],
      ]);
      expect(store.getState().status).toBe('running');
      worker.calls[i].reply(ok(req.id, 0.1 * req.config.alpha));
    }
    await sweep;
    expect(worker.calls.map((c) => [c.req.config.alpha, c.req.config.seed, c.req.config.init])).toEqual([
      [1, 1, 'informative'],
      [1, 1, 'uninformative'],
      [2, 1, 'informative'],
      [2, 1, 'uninformative'],
    ]);
    const s = store.getState();
    expect(s.sweep).toEqual({ running: false, done: 4, total: 4 });
    expect(s.finished.map((r) => r.eps)).toEqual([0.1, 0.1, 0.2, 0.2]);
    // the last run's trace stays, with its result
    expect(s.runs.map((r) => [r.alpha, r.init, r.trace.length, r.summary?.eps])).toEqual([
      [2, 'uninformative', 2, 0.2],
    ]);
    expect(s.status).toBe('done');
  });

  it('refuses a sweep it cannot parse, with a message and no run', async () => {
    const { store, worker, sim } = setup();
    store.getState().setForm('sweepAlphas', '1,banana');
    await sim.runSweep();
    expect(store.getState().message).toMatch(/number/);
    expect(worker.calls).toHaveLength(0);
    expect(store.getState().sweep.running).toBe(false);
  });

  it('shows an error reply as a message, records no point, and stops a sweep at the run that failed', async () => {
    const { store, worker, sim } = setup();
    sim.play();
    await settle();
    worker.calls[0].reply({ ok: false, id: worker.calls[0].req.id, kind: 'config', message: 'd must be at least 2' });
    await settle();
    expect(store.getState().status).toBe('error');
    expect(store.getState().message).toBe('Cannot run: d must be at least 2');

    store.getState().setForm('sweepSeeds', '1');
    const sweep = sim.runSweep();
    await settle();
    worker.calls[1].reply(ok(worker.calls[1].req.id, 0.2));
    await settle();
    worker.calls[2].reply({ ok: false, id: worker.calls[2].req.id, kind: 'runtime', message: 'NaN energy' });
    await sweep;
    const s = store.getState();
    expect(s.message).toBe('Sweep stopped at α = 2, seed 1: NaN energy');
    expect(s.sweep).toEqual({ running: false, done: 1, total: 2 });
    expect(s.finished.map((r) => r.alpha)).toEqual([1]);
  });

  it('a worker that fails crashes the client with a message; the next run starts a fresh worker', async () => {
    const { store, worker, sim } = setup();
    sim.play();
    await settle();
    worker.calls[0].fail(new Error('worker gone'));
    await settle();
    expect(store.getState().status).toBe('error');
    expect(store.getState().message).toBe('Simulation failed: worker gone.');
    sim.play();
    await settle();
    expect(worker.calls).toHaveLength(2);
    expect(store.getState().status).toBe('running');
  });

  it('reset cancels the runs on screen and ignores their late replies; cancelling a sweep stops it after the run in flight', async () => {
    const { store, worker, sim } = setup();
    sim.step();
    await settle();
    const id = worker.calls[0].req.id;
    expect(worker.calls[0].req).toMatchObject({ paused: true, stepBudget: 1 });
    expect(store.getState().status).toBe('paused');
    sim.reset();
    expect(worker.controls).toEqual([[id, 'cancel']]);
    expect(store.getState()).toMatchObject({ status: 'idle', runs: [], message: null });
    worker.calls[0].reply(ok(id, 0.1, true));
    await settle();
    expect(store.getState()).toMatchObject({ status: 'idle', finished: [] });

    const sweep = sim.runSweep();
    await settle();
    sim.cancelSweep();
    const sweepId = worker.calls[1].req.id;
    expect(worker.controls.at(-1)).toEqual([sweepId, 'cancel']);
    worker.calls[1].reply(ok(sweepId, 0.1, true));
    await sweep;
    expect(worker.calls).toHaveLength(2);
    expect(store.getState().sweep).toEqual({ running: false, done: 1, total: 6 });
    expect(store.getState().finished).toEqual([]);
  });

  it('plays/pauses and resets on the shortcut events until unsubscribed', async () => {
    vi.stubGlobal('window', new EventTarget());
    const { store, worker, sim } = setup();
    const stop = sim.listenToShortcuts();
    window.dispatchEvent(new Event(TOGGLE_PLAY_EVENT));
    await settle();
    expect(store.getState().status).toBe('running');
    window.dispatchEvent(new Event(TOGGLE_PLAY_EVENT));
    expect(store.getState().status).toBe('paused');
    window.dispatchEvent(new Event(RESET_EVENT));
    expect(store.getState().status).toBe('idle');
    stop();
    window.dispatchEvent(new Event(TOGGLE_PLAY_EVENT));
    await settle();
    expect(worker.calls).toHaveLength(1);
  });
});
