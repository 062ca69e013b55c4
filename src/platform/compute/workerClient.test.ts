import { proxy } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from './outcome';
import { fakeFactory, never, tick } from './testing/fakeWorker';
import { GenerationCounters, MAX_EAGER_RESPAWNS, WorkerClient } from './workerClient';

interface Api {
  echo(x: number): Promise<Outcome<number>>;
  slow(x: number, onTick: () => void): Promise<Outcome<number>>;
  supersede(channel: string, gen: number): void;
}

const okEcho = { echo: async (x: number): Promise<Outcome<number>> => ({ ok: true, value: x }), supersede: () => {} };

let clients: WorkerClient<Api>[] = [];
afterEach(() => {
  clients.forEach((c) => c.dispose());
  clients = [];
});
function client(api: (n: number) => object, opts: { watchdogMs?: number; lazy?: boolean; channels?: string[] } = {}) {
  const crashes: string[] = [];
  const f = fakeFactory(api);
  const c = new WorkerClient<Api>({
    name: 'test',
    factory: f.factory,
    onCrash: (m) => crashes.push(m),
    watchdogMs: opts.watchdogMs,
    lazy: opts.lazy,
    generations: new GenerationCounters(opts.channels ?? ['a']),
  });
  clients.push(c);
  return { c, crashes, workers: f.workers };
}

describe('WorkerClient', () => {
  it('fails the calls in flight with a worker error, reports the crash and answers from a fresh worker', async () => {
    const { c, crashes, workers } = client((n) => (n === 0 ? { ...okEcho, echo: () => never() } : okEcho));
    const call = c.call((api) => api.echo(1));
    await tick();
    workers[0].crash('RangeError: out of memory');
    expect(await call).toMatchObject({ ok: false, error: { kind: 'worker' } });
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatch(
      /test worker crashed: RangeError: out of memory \(model\.worker\.js:7\)\. It was restarted/,
    );
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(await c.call((api) => api.echo(2))).toEqual({ ok: true, value: 2 });
  });

  it('a worker that dies as it starts is respawned a few times, then only with the next request (no endless loop)', async () => {
    const { c, crashes, workers } = client(() => okEcho);
    for (let i = 0; i < 2 * MAX_EAGER_RESPAWNS; i++) {
      workers[workers.length - 1].crash('SyntaxError: bad chunk'); // each fresh worker dies at once
      await tick(1);
    }
    expect(workers).toHaveLength(MAX_EAGER_RESPAWNS);
    expect(crashes.at(-1)).toMatch(/It restarts with the next request\./);
    // The next request starts a worker; an answered call resets the count.
    expect(await c.call((api) => api.echo(5))).toEqual({ ok: true, value: 5 });
    workers[workers.length - 1].crash('Error: once');
    expect(crashes.at(-1)).toMatch(/It was restarted\./);
  });

  it('treats a call with no reply past the watchdog as a hung worker, and progress keeps it alive', async () => {
    const { c, crashes } = client(
      (n) => ({
        ...okEcho,
        echo: () => never(),
        slow: async (x: number, onTick: () => void) => {
          for (let i = 0; i < 6; i++) {
            await tick(25);
            onTick();
          }
          return { ok: true, value: x + n };
        },
      }),
      { watchdogMs: 80 },
    );
    expect(await c.call((api, alive) => api.slow(1, proxy(alive)))).toEqual({ ok: true, value: 1 });
    expect(crashes).toEqual([]);
    expect(await c.call((api) => api.echo(1))).toMatchObject({
      ok: false,
      error: { kind: 'worker', message: expect.stringContaining('stopped responding') },
    });
    expect(crashes).toHaveLength(1);
  });

  it('a paused call keeps its watchdog quiet until resumed', async () => {
    const { c, crashes } = client(() => ({ ...okEcho, echo: () => never() }), { watchdogMs: 40 });
    let control: { pause(): void; resume(): void } | null = null;
    const r = c.run<Outcome<number> | string>(
      (api, ctl) => {
        control = ctl;
        ctl.pause();
        return api.echo(1);
      },
      (m) => m,
    );
    await tick(120);
    expect(crashes).toEqual([]);
    control!.resume();
    expect(await r).toContain('stopped responding');
  });

  it('does not send again the parameters that crashed the worker, until its channel asks for others', async () => {
    const { c, crashes, workers } = client(() => ({
      ...okEcho,
      echo: (x: number) => (x === 13 ? never() : okEcho.echo(x)),
    }));
    const call = c.call((api) => api.echo(13), { channel: 'a', key: '13' });
    await tick();
    workers[0].crash('bad');
    await call;
    const again = await c.call((api) => api.echo(13), { channel: 'a', key: '13' });
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'worker', message: expect.stringContaining('Change a parameter') },
    });
    expect(workers).toHaveLength(2);
    expect(crashes).toHaveLength(1); // the refusal is no new crash
    expect(await c.call((api) => api.echo(14), { channel: 'a', key: '14' })).toEqual({ ok: true, value: 14 });
    // Another request in between cleared the guard: the user may try the crashing parameters again.
    const retry = c.call((api) => api.echo(13), { channel: 'a', key: '13' });
    await tick();
    workers[1].crash('bad again');
    expect(await retry).toMatchObject({
      ok: false,
      error: { kind: 'worker', message: expect.stringContaining('bad again') },
    });
  });

  it('answers stale for a call whose generation was superseded, and publishes generations to the worker', async () => {
    const seen: [string, number][] = [];
    const release: (() => void)[] = [];
    const { c } = client(() => ({
      supersede: (ch: string, g: number) => seen.push([ch, g]),
      echo: (x: number) => new Promise((r) => release.push(() => r({ ok: true, value: x }))),
    }));
    const g1 = c.nextGeneration('a');
    const first = c.call((api) => api.echo(1), { channel: 'a', gen: g1 });
    const g2 = c.nextGeneration('a');
    const second = c.call((api) => api.echo(2), { channel: 'a', gen: g2 });
    await tick();
    release.forEach((f) => f());
    expect(await first).toEqual({ ok: false, stale: true });
    expect(await second).toEqual({ ok: true, value: 2 });
    expect(seen).toEqual([
      ['a', 1],
      ['a', 2],
    ]);
  });

  it('a lazy client starts its worker on first use and, after a crash, only on the next one', async () => {
    const { c, workers } = client(() => okEcho, { lazy: true });
    expect(workers).toHaveLength(0);
    expect(await c.call((api) => api.echo(1))).toEqual({ ok: true, value: 1 });
    c.restart('Stopped by its owner.');
    expect(workers).toHaveLength(1);
    expect(c.running).toBeNull();
    expect(await c.call((api) => api.echo(3))).toEqual({ ok: true, value: 3 });
    expect(workers).toHaveLength(2);
  });

  it('shares generations through memory on a cross-origin isolated page, and only with services that have channels', async () => {
    const g = globalThis as { crossOriginIsolated?: boolean };
    const saved = g.crossOriginIsolated;
    g.crossOriginIsolated = true;
    try {
      const attached: number[] = [];
      const seen: [string, number][] = [];
      const api = (bytes: number) => ({
        ...okEcho,
        supersede: (ch: string, gen: number) => void seen.push([ch, gen]),
        attachGenerations: (b: SharedArrayBuffer) => void attached.push(bytes, b.byteLength),
      });
      const withChannels = client(() => api(8), { channels: ['a', 'b'] });
      const without = client(() => api(0), { channels: [] });
      withChannels.c.nextGeneration('b');
      expect(await without.c.call((a) => a.echo(1))).toEqual({ ok: true, value: 1 }); // nothing to attach, nothing failed
      await vi.waitFor(() => expect(attached).toEqual([8, 8])); // one 8-byte buffer, for the client with two channels
      expect(seen).toEqual([]); // no supersede message: the worker reads the shared counter
      expect(withChannels.c.generations.shared?.[1]).toBe(1);
    } finally {
      g.crossOriginIsolated = saved;
    }
  });

  it('once disposed, calls in flight and later calls stay unanswered (no message for an owner that is gone)', async () => {
    const { c, crashes, workers } = client(() => ({ ...okEcho, echo: () => never() }), { watchdogMs: 30 });
    let answered = false;
    void c.call((api) => api.echo(1)).then(() => (answered = true));
    await tick();
    c.dispose();
    void c.call((api) => api.echo(2)).then(() => (answered = true));
    await tick(80); // past the watchdog
    expect(answered).toBe(false);
    expect(crashes).toEqual([]);
    expect(workers[0].terminated).toBe(true);
  });
});
