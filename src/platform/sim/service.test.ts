import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIM, type SimConfig } from '../../sim/simulation';
import type { SimEvent } from './protocol';
import { TEST_BACKEND } from './testing';
import { createSimService } from './service';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const info = TEST_BACKEND;

function service(onLost?: (cb: () => void) => void) {
  return createSimService({
    chooseBackend: async () => info,
    watchContextLoss: (cb) => {
      onLost?.(cb);
      return () => {};
    },
    now: () => performance.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
}

const config: SimConfig = {
  ...DEFAULT_SIM,
  algo: 'adam',
  init: 'uninformative',
  d: 8,
  alpha: 2,
  steps: 30,
  nTest: 200,
};

describe('simulation service', () => {
  it('runs to the end, streaming every step once', async () => {
    const svc = service();
    const rows: number[] = [];
    const out = await svc.run({ id: 1, config, speed: 0, paused: false, stream: true }, (e: SimEvent) => {
      if (e.type === 'progress') rows.push(...e.rows.map((r) => r.step));
    });
    expect(out.ok).toBe(true);
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('a paused run takes exactly the requested steps, then resumes and can be cancelled', async () => {
    const svc = service();
    const rows: number[] = [];
    const done = svc.run(
      { id: 7, config: { ...config, steps: 1000 }, speed: 0, paused: true, stepBudget: 1, stream: true },
      (e) => {
        if (e.type === 'progress') rows.push(...e.rows.map((r) => r.step));
      },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(rows).toEqual([1]);
    svc.control(7, 'step');
    svc.control(7, 'step');
    await new Promise((r) => setTimeout(r, 200));
    expect(rows).toEqual([1, 2, 3]);
    svc.control(99, 'resume'); // another run's id: ignored
    await new Promise((r) => setTimeout(r, 100));
    expect(rows.length).toBe(3);
    svc.control(7, 'resume');
    await new Promise((r) => setTimeout(r, 300));
    svc.control(7, 'cancel');
    const out = await done;
    expect(out.ok && out.cancelled).toBe(true);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(1000);
  });

  it('bad configuration → a config error, not a crash', async () => {
    const out = await service().run(
      { id: 2, config: { ...config, d: 1 }, speed: 0, paused: false, stream: true },
      () => {},
    );
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.kind).toBe('config');
  });

  it('a lost WebGL context restarts the run and says so', async () => {
    let lose: (() => void) | null = null;
    const svc = service((cb) => {
      lose ??= cb;
    });
    const notices: string[] = [];
    const p = svc.run({ id: 3, config: { ...config, steps: 200 }, speed: 0, paused: false, stream: true }, (e) => {
      if (e.type === 'notice') notices.push(e.message);
    });
    await new Promise((r) => setTimeout(r, 50));
    lose!();
    const out = await p;
    expect(out.ok).toBe(true);
    expect(notices.join(' ')).toMatch(/context lost/);
  });

  it('runs `alongside` interleave (depth 2, both starts); a new run without it supersedes them, paused ones too', async () => {
    const svc = service();
    const deep: SimConfig = { ...config, algo: 'hmc', depth: 2, activation: 'tanh2-unit', leapfrog: 2, steps: 12 };
    const order: number[] = [];
    const track = (e: SimEvent) => {
      if (e.type === 'progress') order.push(...e.rows.map(() => e.id));
    };
    const a = svc.run(
      { id: 10, config: { ...deep, init: 'informative' }, speed: 0, paused: false, stream: true },
      track,
    );
    const b = svc.run(
      { id: 11, config: { ...deep, init: 'uninformative' }, speed: 0, paused: false, stream: true, alongside: true },
      track,
    );
    const [oa, ob] = await Promise.all([a, b]);
    expect(oa.ok && ob.ok && !oa.cancelled && !ob.cancelled).toBe(true);
    if (oa.ok && ob.ok) expect([oa.summary.Q1, ob.summary.Q1].every((q) => typeof q === 'number')).toBe(true);
    expect(order.filter((i) => i === 10)).toHaveLength(12);
    expect(order.filter((i) => i === 11)).toHaveLength(12);
    const c = svc.run({ id: 12, config: { ...deep, steps: 1000 }, speed: 0, paused: true, stream: true }, () => {});
    const d = svc.run(
      { id: 13, config: { ...deep, steps: 1000 }, speed: 0, paused: true, stream: true, alongside: true },
      () => {},
    );
    await new Promise((r) => setTimeout(r, 50));
    const e = svc.run({ id: 14, config: deep, speed: 0, paused: false, stream: false }, () => {});
    const [oc, od, oe] = await Promise.all([c, d, e]);
    expect(oc.ok && oc.cancelled).toBe(true);
    expect(od.ok && od.cancelled).toBe(true);
    expect(oe.ok && !oe.cancelled).toBe(true);
  });

  it("an unstreamed run sends no rows, only an empty progress message a second (for the page's watchdog)", async () => {
    let t = 0;
    const svc = createSimService({
      chooseBackend: async () => info,
      watchContextLoss: () => () => {},
      now: () => (t += 150), // each clock read is 150 ms later: a slow run
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const events: SimEvent[] = [];
    const out = await svc.run({ id: 1, config, speed: 0, paused: false, stream: false }, (e) => events.push(e));
    expect(out.ok).toBe(true);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === 'progress' && e.rows.length === 0)).toBe(true);
  });
});
