import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { CurveChunk, Outcome, TheoryApi } from './protocol';
import { TheoryClient } from './theoryClient';

const params: ShallowParams = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' };
const grid = { min: 0.02, max: 8, n: 4 };

/** A stand-in for a module Worker: comlink over a MessageChannel, with a service of our choosing. */
class FakeWorker {
  onerror: ((ev: { message: string; filename?: string; lineno?: number; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  private readonly channel = new MessageChannel();
  constructor(api: Partial<TheoryApi>) {
    expose(api, this.channel.port2 as unknown as Parameters<typeof expose>[1]);
  }
  postMessage(msg: unknown, transfer?: Transferable[]) {
    this.channel.port1.postMessage(msg, transfer ?? []);
  }
  addEventListener(type: string, fn: EventListener) {
    this.channel.port1.addEventListener(type, fn);
    this.channel.port1.start();
  }
  removeEventListener(type: string, fn: EventListener) {
    this.channel.port1.removeEventListener(type, fn);
  }
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  crash(message: string) {
    this.onerror?.({ message, filename: 'http://x/assets/theory.worker.js', lineno: 7, preventDefault() {} });
  }
}

const pending = new Promise<never>(() => {});
const noop = async () => undefined;
const okCurve = (gen: number, onChunk: (c: CurveChunk) => void): Outcome<{ gen: number; n: number; elapsedMs: number; cached: boolean }> => {
  onChunk({ gen, indices: [], points: [] as ShallowPoint[], phase: 'fine', spansRange: true, done: true, cached: false });
  return { ok: true, value: { gen, n: 0, elapsedMs: 1, cached: false } };
};

let clients: TheoryClient[] = [];
afterEach(() => {
  clients.forEach((c) => c.dispose());
  clients = [];
});

describe('TheoryClient', () => {
  it('fails the calls in flight, reports the crash and starts a fresh worker', async () => {
    const workers: FakeWorker[] = [];
    const crashes: string[] = [];
    const client = new TheoryClient({
      onCrash: (m) => crashes.push(m),
      factory: () => {
        const w = new FakeWorker({ computeCurve: () => pending, supersede: noop, describeActivation: async (name) => ({ ok: true, value: { name, label: name, formula: '', mu: [], g1: 0, Esigma2: 0, isQuadratic: false } }) });
        workers.push(w);
        return w as unknown as Worker;
      },
    });
    clients.push(client);
    const call = client.curve(client.nextGeneration('curve'), params, grid, () => {});
    await new Promise((r) => setTimeout(r, 20));
    workers[0].crash('RangeError: out of memory');
    const r = await call;
    expect(r).toMatchObject({ ok: false, error: { kind: 'worker' } });
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toContain('out of memory');
    expect(crashes[0]).toContain('restarted');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // The new worker answers.
    expect(await client.describeActivation('relu')).toMatchObject({ ok: true, value: { name: 'relu' } });
  });

  it('treats a worker that stays silent past the watchdog as hung', async () => {
    const crashes: string[] = [];
    const client = new TheoryClient({
      onCrash: (m) => crashes.push(m),
      watchdogMs: 60,
      factory: () => new FakeWorker({ computeCurve: () => pending, supersede: noop }) as unknown as Worker,
    });
    clients.push(client);
    const r = await client.curve(client.nextGeneration('curve'), params, grid, () => {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'worker' } });
    expect(crashes[0]).toContain('stopped responding');
  });

  it('ignores replies and chunks of superseded generations', async () => {
    const release: (() => void)[] = [];
    const client = new TheoryClient({
      onCrash: () => {},
      factory: () =>
        new FakeWorker({
          supersede: noop,
          computeCurve: (req, onChunk) => new Promise((resolve) => release.push(() => resolve(okCurve(req.gen, onChunk)))),
        }) as unknown as Worker,
    });
    clients.push(client);
    const seen: number[] = [];
    const first = client.curve(client.nextGeneration('curve'), params, grid, (c) => seen.push(c.gen));
    const secondGen = client.nextGeneration('curve');
    const second = client.curve(secondGen, params, grid, (c) => seen.push(c.gen));
    await new Promise((r) => setTimeout(r, 20));
    release.forEach((f) => f());
    expect(await first).toEqual({ ok: false, stale: true });
    expect(await second).toMatchObject({ ok: true, value: { gen: secondGen } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([secondGen]);
    expect(client.isCurrent('curve', secondGen)).toBe(true);
  });
});
