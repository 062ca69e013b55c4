import { afterEach, describe, expect, it } from 'vitest';
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { Outcome } from '../../platform/compute/outcome';
import { FakeWorker } from '../../platform/compute/testing/fakeWorker';
import type { CurveChunk, TheoryApi } from './protocol';
import { TheoryClient } from './theoryClient';

const params: ShallowParams = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' };
const grid = { min: 0.02, max: 8, n: 4 };

const pending = new Promise<never>(() => {});
const noop = async () => undefined;
const okCurve = (
  gen: number,
  onChunk: (c: CurveChunk) => void,
): Outcome<{ gen: number; n: number; elapsedMs: number; cached: boolean }> => {
  onChunk({
    gen,
    indices: [],
    points: [] as ShallowPoint[],
    phase: 'fine',
    spansRange: true,
    done: true,
    cached: false,
  });
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
        const w = new FakeWorker(<Partial<TheoryApi>>{
          computeCurve: () => pending,
          supersede: noop,
          describeActivation: async (name) => ({
            ok: true,
            value: { name, label: name, formula: '', mu: [], g1: 0, Esigma2: 0, isQuadratic: false },
          }),
        });
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
      factory: () =>
        new FakeWorker(<Partial<TheoryApi>>{ computeCurve: () => pending, supersede: noop }) as unknown as Worker,
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
        new FakeWorker(<Partial<TheoryApi>>{
          supersede: noop,
          computeCurve: (req, onChunk) =>
            new Promise((resolve) => release.push(() => resolve(okCurve(req.gen, onChunk)))),
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
